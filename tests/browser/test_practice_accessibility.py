"""axe-core finds no violations in the states practice mode draws after the page has loaded, which the page-level
audit never sees: a revealed card with its key-point checklist and rating bar, a mock interview question with
its countdown, the mock summary, and the review-log import preview. Both palettes."""

from __future__ import annotations

import json
import re

import pytest
from browser_helpers import expect

pytestmark = pytest.mark.browser


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_practice_states_have_no_axe_violations(browser, base_url, questions, palette):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=palette, service_workers="block")
    page = context.new_page()
    found = {}
    try:
        # The card whose answer has the most of what could fail: a table, code and display maths.
        rich = max(
            (q for q in questions["questions"] if q["answered"]),
            key=lambda q: sum(
                tag in (q["answer"]["detailed_html"] or "") for tag in ("<table", "<pre", '<div class="arithmatex')
            ),
        )
        page.goto(base_url + "practice/", wait_until="load")
        page.evaluate(
            "id => sessionStorage.setItem('qbank.practice.session.v2', JSON.stringify({order: [id], current: id, search: ''}))",
            rich["id"],
        )
        page.reload(wait_until="load")
        expect(page.locator(".qb-card__question")).to_have_text(rich["question"])
        page.keyboard.press("Space")
        expect(page.locator(".qb-card__body")).not_to_have_attribute("aria-busy", "true")
        page.locator(".qb-checklist input").first.check()
        found["revealed card"] = violations(page)

        page.evaluate("sessionStorage.clear()")  # leave the session, so the page opens on its setup
        page.goto(base_url + "practice/", wait_until="load")
        page.get_by_role("button", name="Start mock interview").click()
        expect(page.get_by_role("timer")).to_be_visible()
        found["mock question"] = violations(page)
        page.get_by_role("button", name=re.compile("^Reveal answer")).click()
        page.get_by_role("button", name="End interview").click()
        expect(page.get_by_role("heading", name="Interview summary")).to_be_visible()
        found["mock summary"] = violations(page)

        page.goto(base_url + "practice/", wait_until="load")
        qid = questions["questions"][0]["id"]
        log = {
            "format": "genai-interview-bank/review-log",
            "format_version": 1,
            "exported_at": "2026-12-02T10:00:00.000Z",
            "settings": {"newPerDay": 15, "retention": 0.9},
            "seeds": [],
            "reviews": [{"card": qid, "time": 1796205600000, "rating": 3, "source": "practice"}],
        }
        page.get_by_label("Import a review log").set_input_files(
            {"name": "log.json", "mimeType": "application/json", "buffer": json.dumps(log).encode()}
        )
        expect(page.get_by_role("button", name="Import", exact=True)).to_be_visible()
        found["import preview"] = violations(page)
    finally:
        context.close()
    assert {state: v for state, v in found.items() if v} == {} and len(found) == 4
