"""Markdown rules. Answers, follow-ups and pitfalls are untrusted Markdown; these checks run on the parsed
tokens, so code spans, fenced code and maths are never flagged."""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import unquote, urlsplit

from qbank.check.rules import rule
from qbank.check.rules.locate import locate
from qbank.model import maths
from qbank.source.markdown_tokens import links, unclosed_fences, walk_inline

SLUG_LINK = re.compile(r"#[a-z0-9]+(-[a-z0-9]+)*")
# Python-Markdown attribute lists: "{: ...}" or "{ #id .class key=value }"
ATTR_LIST = re.compile(r"\{\s*:[^}]*\}|\{\s*(?:[#.][\w-]+|[\w-]+\s*=)[^}]*\}")
SNIPPET = re.compile(r"-{1,3}8<-{1,3}|;-{1,3}8<-{1,3}")


def _text_tokens(q):
    for loc, _text, tokens in q.tokens:
        for inline in walk_inline(tokens):
            yield loc, inline


@rule("QB030", "no-raw-html")
def no_raw_html(q):
    """Raw HTML is not allowed in answers; use Markdown (code and maths may contain anything)."""
    for loc, _text, tokens in q.tokens:
        for tok in tokens:
            if tok.type == "html_block":
                snippet = tok.content.strip()
                line, col = locate(q, loc, snippet, tok.map[0] if tok.map else 0)
                yield line, col, f"raw HTML is not allowed: {snippet.splitlines()[0][:40]!r}"
    for loc, inline in _text_tokens(q):
        if inline.token.type == "html_inline":
            snippet = inline.token.content
            line, col = locate(q, loc, snippet, inline.block_line)
            yield line, col, f"raw HTML is not allowed: {snippet[:40]!r}"


def _scheme(href: str) -> str:
    # markdown-it has already decoded entities (java&#115;cript:) and percent-encoded the rest
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(unquote(href)))
    return urlsplit(cleaned).scheme.lower()


@rule("QB031", "link-scheme")
def link_scheme(q):
    """Links go to http(s) pages or to another question as [text](#id); nothing else (javascript:, data:, relative paths)."""
    for loc, _text, tokens in q.tokens:
        for link in links(tokens):
            if link.href.startswith("#") and SLUG_LINK.fullmatch(link.href):
                continue
            line, col = locate(q, loc, f"[{link.label}]" if link.label else "](", link.block_line)
            if link.href.startswith("#"):
                yield line, col, f"link {link.href!r} is not a question id; link to questions as [text](#id)"
            elif _scheme(link.href) not in ("http", "https"):
                yield line, col, f"link target {link.href[:60]!r} is not allowed; use an https:// URL or [text](#question-id)"


@rule("QB032", "no-attribute-lists")
def no_attribute_lists(q):
    """Attribute lists ({: .class}, { onclick=... }) are not allowed: they could add ids, classes or handlers."""
    for loc, inline in _text_tokens(q):
        if inline.token.type == "text":
            for m in ATTR_LIST.finditer(inline.token.content):
                line, col = locate(q, loc, m.group(0), inline.block_line)
                yield line, col, f"attribute list {m.group(0)[:40]!r} is not allowed"


@rule("QB033", "no-snippets")
def no_snippets(q):
    """Snippet markers (--8<--) are not allowed: they would include files from the build machine."""
    for loc, inline in _text_tokens(q):
        if inline.token.type == "text" and SNIPPET.search(inline.token.content):
            line, col = locate(q, loc, "8<", inline.block_line)
            yield line, col, "snippet marker '--8<--' is not allowed"


@rule("QB034", "closed-fences")
def closed_fences(q):
    """Every fenced code block is closed; an unclosed fence would swallow the rest of the answer."""
    for loc, text, tokens in q.tokens:
        for tok in unclosed_fences(tokens, text):
            line, col = locate(q, loc, tok.markup + tok.info, tok.map[0])
            yield line, col, f"code fence {tok.markup!r} opened here is never closed"


@rule("QB035", "heading-level")
def heading_level(q):
    """Headings inside answers are ### or deeper: # is the page title and ## is the question itself."""
    for loc, text, tokens in q.tokens:
        for tok in tokens:
            if tok.type == "heading_open" and tok.tag in ("h1", "h2"):
                line, col = locate(q, loc, tok.markup if tok.markup.startswith("#") else text.split("\n")[tok.map[0]], tok.map[0])
                yield line, col, f"heading level {tok.tag[1]} is not allowed in answers; use ### or deeper"


@rule("QB036", "no-images")
def no_images(q):
    """Images are not allowed: a remote image is a request to another origin, and the bank ships none."""
    for loc, inline in _text_tokens(q):
        if inline.token.type == "image":
            line, col = locate(q, loc, "![", inline.block_line)
            yield line, col, "images are not allowed in answers"


@rule("QB037", "display-math-blocks")
def display_math_blocks(q):
    """Display maths ($$ ... $$) stands in its own block, with a blank line before and after, or the site
    renders it as text."""
    for loc, text, tokens in q.tokens:
        lines = text.split("\n")
        for tok in tokens:
            if tok.type not in ("math_block", "math_block_label") or not tok.map:
                continue
            start, end = tok.map
            before_ok = start == 0 or not lines[start - 1].strip()
            after_ok = end >= len(lines) or not lines[end].strip()
            if any(not line.strip() for line in lines[start:end]):
                line, col = locate(q, loc, lines[start].strip(), start)
                yield line, col, "display maths must not contain a blank line"
            if not (before_ok and after_ok):
                line, col = locate(q, loc, lines[start].strip(), start)
                where = "before" if not before_ok else "after"
                yield line, col, f"display maths needs a blank line {where} it"
    for loc, inline in _text_tokens(q):
        if inline.token.type == "math_inline_double":
            line, col = locate(q, loc, "$$", inline.block_line)
            yield line, col, "display maths ($$) must stand in its own block, with a blank line before and after"


def _formulas(q):
    """Every formula in the question's Markdown as (tex, display, where); where() finds its line and column
    in the YAML file, which is only worth doing for a formula with a problem."""
    for loc, text, tokens in q.tokens:
        for tok in tokens:
            if tok.type in ("math_block", "math_block_label") and tok.map:
                first = text.split("\n")[tok.map[0]].strip()
                yield tok.content, True, functools.partial(locate, q, loc, first, tok.map[0])
    for loc, inline in _text_tokens(q):
        if inline.token.type in ("math_inline", "math_inline_double"):
            tex = inline.token.content
            yield tex, inline.token.type == "math_inline_double", functools.partial(locate, q, loc, tex, inline.block_line)


@rule("QB038", "maths-renders")
def maths_renders(q):
    """Every formula converts to MathML at build time: no unsupported commands (\\foo), no \\href, \\style or
    \\color. A formula that fails would show as raw TeX on the site."""
    for tex, display, where in _formulas(q):
        for message in maths.problems(tex, display=display):
            yield *where(), message


_BLOCK_NAMES = {
    "heading_open": "a heading",
    "bullet_list_open": "a list",
    "ordered_list_open": "a numbered list",
    "blockquote_open": "a block quote",
    "fence": "a code block",
    "code_block": "an indented code block",
    "hr": "a rule",
    "math_block": "display maths",
    "math_block_label": "display maths",
    "table_open": "a table",
    "html_block": None,  # QB030 reports raw HTML
}


@rule("QB039", "inline-only")
def inline_only(q):
    """Key points, follow-ups and pitfalls are list items: inline Markdown only (text, $maths$, `code`, links),
    never a heading, list, quote, code block or display maths that would break out of the item."""
    for loc, text, tokens in q.tokens:
        if loc[0] not in ("key_points", "follow_ups", "pitfalls"):
            continue
        for tok in tokens:
            what = _BLOCK_NAMES.get(tok.type)
            if what:
                line, col = locate(q, loc, text.strip()[:20])
                yield line, col, f"{loc[0]} items hold inline Markdown only; this one starts {what}"
                break


@rule("QB046", "table-header-text")
def table_header_text(q):
    """Every header cell of a table names its column: screen readers announce a column by its header, and an
    empty corner cell leaves the first column unnamed ("Aspect", "Method" or what the rows are)."""
    for loc, text, tokens in q.tokens:
        lines = text.split("\n")
        row_line, reported = 0, set()
        for i, tok in enumerate(tokens):
            if tok.type == "tr_open" and tok.map:
                row_line = tok.map[0]
            empty = tok.type == "th_open" and tokens[i + 1].type == "inline" and not tokens[i + 1].content.strip()
            if empty and row_line not in reported:  # one finding per header row
                reported.add(row_line)
                header = lines[row_line] if row_line < len(lines) else ""
                line, col = locate(q, loc, header.strip(), row_line)
                yield line, col, "a table header cell is empty; name the column (the first column's header too)"
