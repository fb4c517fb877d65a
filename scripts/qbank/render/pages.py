"""Render topic and subtopic pages: one ``##`` section per question, anchored at its id."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

from qbank.model import exercises, settings
from qbank.model.schema import Question
from qbank.render.catalogue import Catalogue, Page
from qbank.render.links import rewrite_question_links

# Only characters the site's Markdown reads as syntax and also accepts a backslash escape for: escaping any other
# (^ or = with no caret or mark extension) would leave the backslash in the heading, the contents and search.
_MD_SPECIAL = re.compile(r"([\\`*_{}#+!|~])")
# Brackets, parentheses and dollars become entities, not backslash escapes: the maths extension reads
# \( \[ and $ as maths delimiters.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "$": "&#36;"}
_ENTITY_CHARS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def escape_inline(text: str) -> str:
    """Plain text (a question) made safe to place in Markdown: no emphasis, links, HTML or maths."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group(0)], escaped)


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip("\n").split("\n"))


def front_matter(title: str, description: str, search_exclude: bool = False) -> str:
    import json

    lines = ["---", f"title: {json.dumps(title)}", f"description: {json.dumps(description)}"]
    if search_exclude:
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", ""])


def edit_url(q: Question, topic: str) -> str:
    return f"{settings.repo_url()}/edit/{settings.repo_branch()}/questions/{topic}/{q.id}.yaml"


def report_url(q: Question) -> str:
    query = urlencode(
        {"template": "answer-correction.yml", "title": f"[{q.id}] ", "labels": "answer-correction", "question-id": q.id},
        quote_via=quote,
    )
    return f"{settings.repo_url()}/issues/new?{query}"


_ARXIV = re.compile(r"https://arxiv\.org/abs/(\S+)")


def source_label(url: str) -> str:
    """Where a reference leads, shown beside its title: the arXiv id for a paper, otherwise the host."""
    url = url.strip()
    if m := _ARXIV.fullmatch(url):
        return f"arXiv:{m.group(1)}"
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _link_target(url: str) -> str:
    """A URL as a Markdown link target: parentheses encoded so that none can close the link early."""
    return url.strip().replace("(", "%28").replace(")", "%29")


def _markdown(cat: Catalogue, page_path: str, text: str) -> str:
    return rewrite_question_links(text.strip(), lambda qid: cat.href(page_path, qid))


def _fence(code: str) -> str:
    """A fenced Python block long enough that no run of backticks inside the code can close it."""
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
    return f"{ticks}python\n{code.strip(chr(10))}\n{ticks}"


def _exercise_task(cat: Catalogue, page: Page, q: Question) -> list[str]:
    """The starter at body size, the tests folded, and the one-file download."""
    ex = q.exercise
    download = cat.link(page.path, exercises.download_path(q.id))
    count = len(exercises.test_names(ex.tests))
    return [
        f"**Starter** · [Download the starter and tests]({download}) (one file; run it with `python` or pytest)",
        "{: .qb-exercise-starter }",
        "",
        _fence(ex.starter),
        "",
        f'??? example "Tests ({count})"',
        "",
        indent(_fence(ex.tests)),
        "",
    ]


def _exercise_solution(q: Question) -> str:
    ex = q.exercise
    mistakes = "\n".join(f"- {escape_inline(w.mistake)}" for w in ex.wrong)
    return f"### Reference solution\n\n{_fence(ex.solution)}\n\n### Mistakes the tests catch\n\n{mistakes}"


def render_question(cat: Catalogue, page: Page, q: Question) -> str:
    tags = " ".join(q.tags)
    out = [f'## {escape_inline(q.question)} {{ #{q.id} .qb-question data-difficulty="{q.difficulty}" data-tags="{tags}" }}', ""]
    badges = [f"[{q.difficulty}]({cat.link(page.path, f'difficulty/{q.difficulty}.md')}){{ .qb-badge .qb-{q.difficulty} }}"]
    badges += [f"[{t}]({cat.link(page.path, f'tags/{t}.md')}){{ .qb-tag }}" for t in q.tags]
    out += [" ".join(badges), ""]
    if q.exercise is not None:
        out += _exercise_task(cat, page, q)
    if q.answer is None:
        out += [
            '!!! warning "Answer wanted"',
            "",
            indent(
                f"Nobody has answered this question yet. [Write an answer]({edit_url(q, page.topic)}) "
                "and open a pull request; the contributing guide explains how."
            ),
            "",
        ]
    else:
        out += ['!!! abstract "Short answer"', "", indent(_markdown(cat, page.path, q.answer.short)), ""]
        if q.key_points:
            points = "\n".join(f"- {_markdown(cat, page.path, p)}" for p in q.key_points)
            out += [indent("**What a strong answer covers**\n{: .qb-key-points }"), "", indent(points), ""]
        detailed = _markdown(cat, page.path, q.answer.detailed) if q.answer.detailed else ""
        if q.exercise is not None:
            detailed = (detailed + "\n\n" + _exercise_solution(q)).strip()
        if detailed:
            out += ['??? note "Detailed answer"', "", indent(detailed), ""]
    sections = [("Follow-up questions", q.follow_ups), ("Common pitfalls", q.pitfalls)]
    for title, items in sections:
        if items:
            out += [f"**{title}**", ""] + [f"- {_markdown(cat, page.path, s)}" for s in items] + [""]
    if q.references:
        out += ["**References**", ""]
        for r in q.references:
            label = escape_inline(source_label(r.url))
            out.append(f"- [{escape_inline(r.title)}]({_link_target(r.url)}) *{label}*{{ .qb-ref-source }}")
        out += [""]
    if q.related:
        out += ["**Related questions**", ""]
        out += [f"- [{escape_inline(cat.by_id[rid].question)}]({cat.href(page.path, rid)})" for rid in q.related] + [""]
    # The permalink is the redirect stub; MkDocs rewrites the file link for the page's own URL, and site.js turns
    # the click into "copy the /q/<id>/ address" (without script, it simply opens the permalink).
    permalink = cat.link(page.path, f"q/{q.id}/index.html")
    out += [
        f"[Copy link]({permalink}){{ .qb-copy-link }} · "
        f"[Edit this question]({edit_url(q, page.topic)}) · [Report a problem]({report_url(q)}) · "
        f"Last reviewed {q.last_reviewed.isoformat()}",
        "{: .qb-actions }",
        "",
    ]
    return "\n".join(out)


def render_page(cat: Catalogue, page: Page) -> str:
    answered = sum(q.answer is not None for q in page.questions)
    out = [front_matter(page.title, page.description), f"# {escape_inline(page.title)}", "", escape_inline(page.description), ""]
    out += [f"{len(page.questions)} questions, {answered} answered.", "{: .qb-count }", ""]
    out += [render_question(cat, page, q) for q in page.questions]
    return "\n".join(out).rstrip() + "\n"
