"""The filter controls of a page of questions, written into the HTML at build time.

Built here rather than by the script, the panel is part of the first paint, so nothing below it moves when
the page becomes interactive (no layout shift); filters.js only wires it up. It is inserted after the page
has been sanitised, because the sanitiser rightly refuses form controls in contributed content.
"""

from __future__ import annotations

import html
import re
from collections import Counter

DIFFICULTIES = ("easy", "medium", "hard")
# The generator writes every question heading with its difficulty and tags as data attributes; read them
# whatever order the sanitiser writes the attributes in.
_QUESTION_HEADING = re.compile(r'<h2\b[^>]*\bclass="qb-question"[^>]*>')
_DIFFICULTY = re.compile(r'\bdata-difficulty="([a-z]+)"')
_TAGS = re.compile(r'\bdata-tags="([^"]*)"')


def _select(ident: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{html.escape(v)}">{html.escape(text)}</option>' for v, text in options)
    return (
        f'<div class="qb-filters__field"><label for="{ident}">{label}</label>'
        f'<select id="{ident}" autocomplete="off">{items}</select></div>'
    )


def panel(headings: list[tuple[str, list[str]]]) -> str:
    """The panel for questions given as (difficulty, tags) in page order."""
    by_difficulty = Counter(d for d, _ in headings)
    by_tag = Counter(t for _, tags in headings for t in tags)
    difficulties = [("", "All difficulties")] + [(d, f"{d.capitalize()} ({by_difficulty[d]})") for d in DIFFICULTIES]
    tags = [("", "All tags")] + [(t, f"{t} ({by_tag[t]})") for t in sorted(by_tag)]
    n = len(headings)
    button = '<button type="button" class="md-button qb-small" data-qb-filter="{}"{}>{}</button>'
    return (
        '<div class="qb-filters" role="group" aria-label="Filter the questions on this page">'
        '<div class="qb-filters__row">'
        + _select("qb-filter-difficulty", "Difficulty", difficulties)
        + _select("qb-filter-tag", "Tag", tags)
        + button.format("clear", " disabled", "Clear filters")
        + '</div><div class="qb-filters__row">'
        + button.format("expand", "", "Expand all answers")
        + button.format("collapse", "", "Collapse all answers")
        + "</div>"
        f'<p class="qb-filters__status" role="status" aria-live="polite">Showing {n} of {n} question{"s" if n != 1 else ""}</p>'
        "</div>"
    )


def insert(page_html: str) -> str:
    """Put the panel before the first question of a page that lists questions; other pages are unchanged."""
    headings = list(_QUESTION_HEADING.finditer(page_html))
    if not headings:
        return page_html
    questions = []
    for m in headings:
        difficulty, tags = _DIFFICULTY.search(m.group()), _TAGS.search(m.group())
        questions.append((difficulty.group(1) if difficulty else "", html.unescape(tags.group(1)).split() if tags else []))
    first = headings[0].start()
    return page_html[:first] + panel(questions) + page_html[first:]
