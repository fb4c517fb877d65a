"""Every question's text shows exactly as written: its heading on the topic page (which is also its table of
contents entry, search title and list entry, all built from the same escaped text) renders to the source
text, for every question in the real bank."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config

from conftest import REPO
from qbank.render.pages import escape_inline
from qbank.source.bank import load


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _site_markdown() -> markdown.Markdown:
    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def _heading_text(md: markdown.Markdown, question: str, qid: str) -> str:
    md.reset()
    rendered = md.convert(f"## {escape_inline(question)} {{ #{qid} .qb-question }}")
    parser = _Text()
    parser.feed(rendered)
    return html.unescape("".join(parser.parts)).replace("¶", "").strip()


QUESTIONS = [(q.model.id, q.model.question) for q in load(REPO).questions if q.model]


def test_every_question_heading_renders_to_its_source_text():
    md = _site_markdown()
    wrong = [(qid, text, got) for qid, text in QUESTIONS if (got := _heading_text(md, text, qid)) != text]
    assert len(QUESTIONS) > 300
    assert wrong == [], f"{len(wrong)} headings differ from their source, e.g. {wrong[:3]}"


@pytest.mark.parametrize(
    "text",
    [
        "What is pass^k, and why is it harsher than pass@k?",
        "Why about 12 d^2 parameters per layer, and is a = b?",
        "Is *this* _emphasis_ or `code` or [a link](x) or <b>html</b> or $maths$ or ~~struck~~?",
        "Back\\slash, {braces}, #hash, +plus, !bang, |pipe|, 100% and a.b-c",
    ],
)
def test_characters_markdown_would_read_show_literally(text):
    assert _heading_text(_site_markdown(), text, "some-id") == text
