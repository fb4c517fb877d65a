"""The one HTML sanitiser. Every HTML fragment the build emits passes through ``clean``: the answers in
``api/questions.json``, the Anki deck, and every page's content (through the MkDocs hook).

The allow-list is what Python-Markdown, the enabled pymdown extensions, the generator's attribute lists and
Material emit inside page content; a test sanitises the real bank and proves nothing is removed.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import nh3

from qbank.model import maths

_GLOBAL = {"class", "id", "title", "lang", "dir", "role", "aria-hidden", "aria-label", "tabindex"}

TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "input",
    "label",
    "nav",
    "section",
    "button",
    "mark",
}

ATTRIBUTES = {
    "*": _GLOBAL,
    "a": {"href", "name", "rel", "download"},
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

# Formulas are MathML by the time pages are sanitised (maths.render_html runs first).
TAGS |= maths.ELEMENTS
ATTRIBUTES |= {tag: set(maths.ATTRIBUTES) for tag in maths.ELEMENTS}

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


_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Any name that could be an attribute, with or without a value (``<p hidden>``); matching words in text
# too only makes the permissive pass more permissive, which keeps the check sound.
_ATTR_NAME = re.compile(r"\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?=[\s=/>])")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_STYLE_PROPERTY = re.compile(r"([a-zA-Z-]+)\s*:")
_DROPPED_WITH_CONTENT = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _nothing_removed(original: str, cleaned: str) -> bool:
    """A fast, sound check that ``clean`` removed nothing: re-serialise ``original`` through nh3 allowing every
    tag, attribute and scheme it contains (a superset found by regex). Equal output means the allow-list
    removed nothing; any difference sends the caller to the exact token diff."""
    if _DROPPED_WITH_CONTENT.search(original):
        return False  # nh3 cannot be told to keep these, so the permissive pass would hide their removal
    tags = set(_TAG_NAME.findall(original)) | TAGS
    attributes = {**ATTRIBUTES, "*": set(_ATTR_NAME.findall(original)) | _GLOBAL}
    permissive = nh3.clean(
        original,
        tags=tags,
        attributes=attributes,
        url_schemes=set(_SCHEME.findall(original)) | URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(_STYLE_PROPERTY.findall(original)) | {"text-align"},
    )
    return permissive == cleaned


def removed(original: str, cleaned: str) -> list[str]:
    """What sanitising took out of ``original``: tags, attributes or text. Empty when nothing was removed."""
    if _nothing_removed(original, cleaned):
        return []
    before, after = _tokens(original), _tokens(cleaned)
    if before == after:
        return []
    lost = Counter(before) - Counter(after)
    return [" ".join(str(part) for part in token)[:120] for token in lost]
