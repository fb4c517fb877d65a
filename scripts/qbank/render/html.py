"""Render answer Markdown to sanitised HTML for the exports, with the extensions the site uses for answers."""

from __future__ import annotations

from functools import lru_cache

import markdown

from qbank.render.sanitize import clean

EXTENSIONS = ["tables", "pymdownx.superfences", "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.tilde"]
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}}


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


# questions.json and the Anki deck render the same answers; the cache makes the second render free.
@lru_cache(maxsize=65536)
def to_html(text: str) -> str:
    md = _renderer()
    md.reset()
    return clean(md.convert(text))


def inline_html(text: str) -> str:
    """One list item (a key point) as inline HTML: its Markdown rendered, without the wrapping paragraph."""
    html = to_html(text)
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html
