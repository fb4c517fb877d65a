"""The one HTML sanitiser. Every HTML fragment the build emits passes through ``clean``: the answers in
``api/questions.json``, the Anki deck, and every page's content (through the MkDocs hook).

The allow-list is what Python-Markdown, the enabled pymdown extensions, the generator's attribute lists and
Material emit inside page content; a test sanitises the real bank and proves nothing is removed.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import nh3

_GLOBAL = {"class", "id", "title", "lang", "dir", "role", "aria-hidden", "aria-label", "tabindex"}

TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "input", "label", "nav", "section", "button", "mark",
}

ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "name", "rel"},
    "details": {"open"},
    "ol": {"start", "type"},
    "td": {"align", "style", "colspan", "rowspan"},
    "th": {"align", "style", "colspan", "rowspan"},
    "h2": {"data-difficulty", "data-tags"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "code": {"data-lang"},
    "button": {"type", "data-clipboard-target"},
}

URL_SCHEMES = {"http", "https"}


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


def _norm(name: str, value: str | None) -> str:
    value = value or ""
    # nh3 rewrites style declarations without spaces; the declaration is the same.
    return "".join(value.split()).rstrip(";") if name == "style" else value


class _Tokens(HTMLParser):
    """Flatten HTML into comparable tokens: tags with their attributes, and text, ignoring serialisation."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(sorted((k, _norm(k, v)) for k, v in attrs))))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.tokens.append(("text", " ".join(data.split())))


def _tokens(html: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def removed(original: str, cleaned: str) -> list[str]:
    """What sanitising took out of ``original``: tags, attributes or text. Empty when nothing was removed."""
    before, after = _tokens(original), _tokens(cleaned)
    if before == after:
        return []
    lost = Counter(before) - Counter(after)
    return [" ".join(str(part) for part in token)[:120] for token in lost]
