"""Helpers shared by the browser test modules: opening a page, checking it stayed clean, finding a question's page."""

from __future__ import annotations

import os

import pytest

try:
    from playwright.sync_api import expect
except ImportError as exc:  # pragma: no cover - the test extra installs it
    if os.environ.get("CI") == "true":
        raise RuntimeError("Playwright is required under CI=true; install the test extra") from exc
    pytest.skip(f"Playwright is not installed ({exc})", allow_module_level=True)
expect.set_options(timeout=15_000)


def open_page(page, base_url: str, path: str = ""):
    page.goto(base_url + path, wait_until="load")
    expect(page.locator("article.md-content__inner h1").first).to_be_visible()


def open_an_answer_with_maths(page):
    """Open the first collapsed answer that has maths."""
    page.locator("article details:has(.arithmatex) > summary").first.click()


def assert_maths_rendered(page):
    """The build turned every formula into MathML, and the browser lays it out as maths (a formula in an open
    answer has a real size), with no TeX source left in the text."""
    formula = page.locator("article details[open] .arithmatex math").first
    expect(formula).to_be_visible()
    box = formula.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert page.locator("article .arithmatex:not(:has(math))").count() == 0


def assert_clean(page):
    """Every formula on the page in view is MathML, and nothing the page did was broken or went elsewhere."""
    assert page.locator(".arithmatex:not(:has(math))").count() == 0
    page.watch.assert_clean()


def topic_page(questions: dict, qid: str) -> str:
    q = next(q for q in questions["questions"] if q["id"] == qid)
    return q["page"].split("#")[0]
