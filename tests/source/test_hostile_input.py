"""Hostile input: each attack either stops validation with a precise error, or is neutralised on the page.

The basic defects (duplicate keys, alias bombs, huge files, <script>, javascript: links, attribute lists,
snippets) are covered in test_cli.py and fixtures/invalid. These are the subtler ones.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import markdown
import pytest

from conftest import FIXTURES, HEADER, REPO, problems_in, write
from qbank.model.schema import (
    DETAILED_ANSWER_MAX_CHARS,
    ITEM_MAX_CHARS,
    SHORT_ANSWER_MAX_CHARS,
    TITLE_MAX_CHARS,
    URL_MAX_CHARS,
)
from qbank.site.generate import render_all
from qbank.source.bank import load

HOSTILE = FIXTURES / "hostile"
REF = "references: [{title: A source, url: 'https://example.org/'}]\nkey_points: [One point., Another point., A third point.]\n"


def question(qid: str, extra: str = "", answer: str = "") -> str:
    """A valid question file, plus extra fields and an answer block (already indented YAML)."""
    text = HEADER + f"id: {qid}\nquestion: A question about {qid}?\ndifficulty: easy\ntags: [llm]\n"
    if answer:
        text += "answer:\n" + answer + REF
    return text + extra + "last_reviewed: 2026-11-26\n"


def detailed(markdown_text: str) -> str:
    block = "\n".join("    " + line if line else "" for line in markdown_text.split("\n"))
    return "  short: A short answer.\n  detailed: |\n" + block + "\n"


def found(root, rel):
    return [(p.code, p.line, p.col, p.message) for p in problems_in(root, rel)]


# --- byte-level and YAML-level attacks: fixtures in fixtures/hostile --------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("bom.yaml", ("QB006", 1, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")),
        ("latin-1.yaml", ("QB006", 3, 14, "invalid UTF-8 byte 0xe9")),
        ("tab-indent.yaml", ("QB002", 8, 1, "invalid YAML: a tab character; indent with spaces")),
        ("deep-nesting.yaml", ("QB002", 7, 25, "nesting deeper than 16 levels")),
    ],
)
def test_unreadable_bytes_and_shapes_stop_with_one_precise_error(bank_root, fixture, expected):
    rel = f"questions/alpha/{fixture}"
    (bank_root / rel).write_bytes((HOSTILE / fixture).read_bytes())
    assert found(bank_root, rel) == [expected]


def test_a_homoglyph_in_an_id_names_the_character(bank_root):
    qid = "\u0430ttention-basics"  # Cyrillic 'а' in front of Latin 'ttention'
    rel = f"questions/alpha/{qid}.yaml"
    write(bank_root, rel, question(qid))
    [(code, line, col, message)] = found(bank_root, rel)
    assert (code, line, col) == ("QB023", 2, 5)
    assert message == (
        f"id: {qid!r} must be a lowercase slug (letters, digits and single hyphens); "
        "it contains 'а' (U+0430 CYRILLIC SMALL LETTER A), which is not ASCII"
    )


def test_a_symlink_pointing_outside_the_repository_is_refused_unread(bank_root, tmp_path):
    secret = tmp_path / "outside.yaml"
    secret.write_text(question("outside"))
    os.symlink(secret, bank_root / "questions/alpha/outside.yaml")
    os.symlink(tmp_path, bank_root / "questions/elsewhere")
    problems = {p.path: (p.code, p.message) for p in problems_in(bank_root)}
    assert problems == {
        "questions/alpha/outside.yaml": ("QB011", f"symbolic links are not allowed (points to {str(secret)!r})"),
        "questions/elsewhere": ("QB011", f"symbolic links are not allowed (points to {str(tmp_path)!r})"),
    }
    assert "outside" not in {q.qid for q in load(bank_root).questions}


# --- over-long fields: every string field has a ceiling ----------------------------------------------

LONG = {
    "question": ("question", "x" * 301, "question is too long: 301 characters; the limit is 300", 3),
    "short answer": ("answer.short", "x" * (SHORT_ANSWER_MAX_CHARS + 1), None, 7),
    "detailed answer": ("answer.detailed", "x" * (DETAILED_ANSWER_MAX_CHARS + 1), None, 8),
    "follow-up": ("follow_ups.0", "x" * (ITEM_MAX_CHARS + 1), None, 10),
    "pitfall": ("pitfalls.0", "x" * (ITEM_MAX_CHARS + 1), None, 10),
    "reference title": ("references.0.title", "x" * (TITLE_MAX_CHARS + 1), None, 9),
    "reference url": ("references.0.url", "https://example.org/" + "x" * URL_MAX_CHARS, None, 9),
}


def _long_file(field: str, value: str) -> str:
    short, detailed_text, follow, pitfall = "A short answer.", "Detail.", "", ""
    title, url = "A source", "https://example.org/"
    qtext = "A question about long-field?"
    if field == "question":
        qtext = value
    elif field == "answer.short":
        short = value
    elif field == "answer.detailed":
        detailed_text = value
    elif field == "follow_ups.0":
        follow = f"follow_ups: ['{value}']\n"
    elif field == "pitfalls.0":
        pitfall = f"pitfalls: ['{value}']\n"
    elif field == "references.0.title":
        title = value
    else:
        url = value
    return (
        HEADER + f"id: long-field\nquestion: '{qtext}'\ndifficulty: easy\ntags: [llm]\n"
        f"answer:\n  short: '{short}'\n  detailed: '{detailed_text}'\n"
        f"references: [{{title: '{title}', url: '{url}'}}]\n" + follow + pitfall + "last_reviewed: 2026-11-26\n"
    )


@pytest.mark.parametrize("case", LONG, ids=lambda c: c.replace(" ", "-"))
def test_every_string_field_has_a_length_limit(bank_root, case):
    field, value, message, line = LONG[case]
    rel = "questions/alpha/long-field.yaml"
    write(bank_root, rel, _long_file(field, value))
    got = [p for p in problems_in(bank_root, rel) if p.code == "QB024"]
    assert len(got) == 1, got
    assert got[0].line == line
    assert got[0].message.startswith(f"{field} is too long: {len(value)} characters; the limit is ")
    if message:
        assert got[0].message == message


def test_topic_titles_have_a_length_limit(bank_root):
    path = bank_root / "questions/alpha/_topic.yaml"
    path.write_text(path.read_text().replace("title: Alpha topic", "title: " + "T" * (TITLE_MAX_CHARS + 1)))
    [(code, line, col, message)] = found(bank_root, "questions/alpha/_topic.yaml")
    assert (code, line, col) == ("QB024", 1, 8)
    assert message == f"title is too long: {TITLE_MAX_CHARS + 1} characters; the limit is {TITLE_MAX_CHARS}"


# --- Markdown that would hijack the page: refused with a precise error ------------------------------

REFUSED = {
    "entity-encoded javascript link": (
        "[x](java&#115;cript:alert(1))",
        "QB031",
        "link target 'javascript:alert(1)' is not allowed",
    ),
    "reference-style javascript link": (
        "See [x][evil].\n\n[evil]: javascript:alert(1)",
        "QB031",
        "link target 'javascript:alert(1)' is not allowed",
    ),
    "stray closing details": (
        "Text.\n\n</details>\n\n<script>alert(1)</script>",
        "QB030",
        "raw HTML is not allowed: '</details>'",
    ),
    "atx heading": ("Intro.\n\n## Stolen question", "QB035", "heading level 2 is not allowed in answers"),
    "setext heading (=)": ("Stolen title\n============", "QB035", "heading level 1 is not allowed in answers"),
    "setext heading (-)": ("Stolen title\n---", "QB035", "heading level 2 is not allowed in answers"),
    "html comment": (
        "Text.\n\n<!-- swallow the rest of the page",
        "QB030",
        "raw HTML is not allowed: '<!-- swallow the rest of the page'",
    ),
    "anchor theft": ("Text {#softmax-scaling}", "QB032", "attribute list '{#softmax-scaling}' is not allowed"),
    "anchor theft with colon": ("Text\n{: #softmax-scaling }", "QB032", "attribute list '{: #softmax-scaling }' is not allowed"),
}


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.replace(" ", "-"))
def test_markdown_that_would_hijack_the_page_is_refused(bank_root, case):
    text, code, message = REFUSED[case]
    rel = "questions/alpha/hijack.yaml"
    write(bank_root, rel, question("hijack", answer=detailed(text)))
    got = [p for p in problems_in(bank_root, rel) if p.code == code]
    assert got, problems_in(bank_root, rel)
    assert got[0].message.startswith(message)
    assert got[0].line >= 8  # inside the detailed answer, not at the top of the file


def test_a_multi_line_follow_up_is_refused_because_it_would_escape_its_list(bank_root):
    rel = "questions/alpha/escape.yaml"
    write(bank_root, rel, question("escape", extra='follow_ups:\n  - |\n    Why?\n    !!! danger "Injected"\n'))
    [(code, line, col, message)] = found(bank_root, rel)
    assert (code, line) == ("QB023", 7)
    assert message == "follow_ups.0: must be one line; use a folded scalar (>-) for long text"


def test_a_reference_url_that_could_close_its_link_is_refused(bank_root):
    rel = "questions/alpha/escape.yaml"
    extra = "references: [{title: T, url: 'https://example.org/a) <img src=x onerror=alert(1)>'}]\n"
    write(bank_root, rel, question("escape", extra=extra))
    [(code, _line, _col, message)] = found(bank_root, rel)
    assert code == "QB040"
    assert message == "reference URL contains ' '; percent-encode it"


# --- Markdown that stays inside its block: neutralised, shown on the rendered HTML -----------------


class _Tree(HTMLParser):
    """Record, for each element, the chain of (tag, classes) it sits in."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, frozenset, str]] = []
        self.seen: list[tuple[str, frozenset, str, tuple]] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        node = (tag, frozenset((a.get("class") or "").split()), a.get("id") or "")
        self.seen.append((*node, tuple(self.stack)))
        if a.get("href") is not None:
            self.hrefs.append(a["href"])
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in {t for t, _c, _i in self.stack}:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def _render(bank_root, page="topics/alpha.md") -> _Tree:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    _cat, files = render_all(load(bank_root))
    text = files[page].decode()
    tree = _Tree()
    tree.feed(md.convert(text.split("---\n", 2)[2]))  # drop the front matter
    return tree


def _inside_detailed_answer(ancestors) -> bool:
    return any(tag == "details" and "note" in classes for tag, classes, _id in ancestors)


def test_admonition_markers_rules_and_headings_stay_inside_the_detailed_answer(bank_root):
    text = (
        'Intro.\n\n!!! danger "Injected"\n    owned\n\n???+ note "Also injected"\n    still owned\n\n'
        "---\n\n#### A deep heading\n\nThe end."
    )
    write(bank_root, "questions/alpha/hijack.yaml", question("hijack", answer=detailed(text)))
    assert problems_in(bank_root) == []
    tree = _render(bank_root)
    nested = [s for s in tree.seen if s[0] == "details" and _inside_detailed_answer(s[3])]
    assert nested and any("danger" in s[1] for s in tree.seen), "the injected blocks render, harmlessly nested"
    for tag, classes, node_id, ancestors in tree.seen:
        if "danger" in classes or node_id == "a-deep-heading":
            assert _inside_detailed_answer(ancestors), (tag, classes)
    assert any(tag == "hr" and _inside_detailed_answer(anc) for tag, _c, _i, anc in tree.seen)
    # Every question heading is still a top-level h2: nothing closed the answer early.
    questions = [(i, anc) for tag, cls, i, anc in tree.seen if tag == "h2" and "qb-question" in cls]
    assert {i for i, _ in questions} == {"softmax-scaling", "what-is-attention", "hijack"}
    assert all(not anc for _, anc in questions)


def test_a_question_cannot_steal_another_anchor_or_add_markup_through_its_text(bank_root):
    qtext = "'Is this {#softmax-scaling} <b>bold</b> [x](javascript:alert(1)) ## ok?'"
    write(
        bank_root,
        "questions/alpha/steal.yaml",
        question("steal").replace("'A question about steal?'", qtext).replace("A question about steal?", qtext.strip("'")),
    )
    assert problems_in(bank_root) == []
    tree = _render(bank_root)
    ids = [i for _tag, _cls, i, _anc in tree.seen if i]
    assert ids.count("softmax-scaling") == 1 and "steal" in ids
    assert not any(tag in ("b", "script") for tag, *_ in tree.seen)
    assert not any("javascript" in href for href in tree.hrefs)
