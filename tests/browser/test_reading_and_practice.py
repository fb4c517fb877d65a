"""Reading and practising on the real bank, at 1280x900 and on a phone (390x844): answers at body size, filters
that never dead-end, the "All questions" page, permalinks, the theme toggle, download sizes, and practice
controls that stay in reach and survive a reload."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from browser_helpers import assert_clean, expect, open_page, topic_page

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "service_workers": "block"}


def px(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def test_answers_are_at_least_as_large_as_the_text_around_them(page, base_url, questions):
    open_page(page, base_url, topic_page(questions, "scaled-dot-product-attention"))
    section = "h2#scaled-dot-product-attention"
    page.locator(f"{section} ~ details.note > summary").first.click()
    short = px(page, f"{section} ~ .admonition.abstract > p:not(.admonition-title)")
    detailed = px(page, f"{section} ~ details.note[open] > p")
    follow_up = px(page, f"{section} ~ ul > li")
    code = px(page, f"{section} ~ details.note[open] pre code")
    maths = px(page, f"{section} ~ details.note[open] .arithmatex math")
    assert short >= follow_up and detailed >= follow_up, (short, detailed, follow_up)
    assert short >= 16 and code >= 13, (short, code)  # Material drew them at 12.8 and 10.9 px inside admonitions
    assert maths >= detailed, (maths, detailed)


def _page_with_a_dead_end(questions):
    """A page, a difficulty and a tag on that page that no question of that difficulty carries."""
    pages: dict[str, list[dict]] = {}
    for q in questions["questions"]:
        pages.setdefault(q["page"].split("#")[0], []).append(q)
    for path, qs in sorted(pages.items()):
        for difficulty in ("hard", "easy", "medium"):
            chosen = [q for q in qs if q["difficulty"] == difficulty]
            empty = sorted({t for q in qs for t in q["tags"]} - {t for q in chosen for t in q["tags"]})
            if chosen and empty:
                return path, difficulty, chosen, empty[0]
    raise AssertionError("no page offers a tag that a difficulty filter empties")


def test_tag_counts_follow_the_difficulty_and_empty_choices_are_disabled(page, base_url, questions):
    path, difficulty, chosen, empty = _page_with_a_dead_end(questions)
    counts = Counter(t for q in chosen for t in q["tags"])
    open_page(page, base_url, path)
    page.get_by_label("Difficulty").select_option(difficulty)
    for tag, n in counts.items():
        option = page.locator(f"#qb-filter-tag option[value='{tag}']")
        expect(option).to_have_text(f"{tag} ({n})")
        expect(option).to_be_enabled()
    expect(page.locator(f"#qb-filter-tag option[value='{empty}']")).to_be_disabled()
    # "Expand all" is part of the shared address.
    page.get_by_role("button", name="Expand all answers").click()
    assert "open=all" in page.url
    page.goto(page.url, wait_until="load")
    expect(page.locator("article h2.qb-question:visible")).to_have_count(len(chosen))
    assert page.locator("article details:not([open])").count() == 0
    assert_clean(page)


def test_all_questions_filters_the_whole_bank_and_links_permalinks(page, base_url, questions):
    rows = questions["questions"]
    topic = next(t["id"] for t in questions["topics"] if t["id"] == "llms")
    wanted = [q for q in rows if q["topic"] == topic and q["difficulty"] == "hard"]
    tag = Counter(t for q in wanted for t in q["tags"]).most_common(1)[0][0]
    both = [q for q in wanted if tag in q["tags"]]
    open_page(page, base_url, "all-questions/")
    status = page.locator(".qb-all .qb-filters__status")
    expect(status).to_have_text(f"Showing {len(rows)} of {len(rows)} questions")
    expect(page.locator(".qb-all__item")).to_have_count(100)  # drawn a page at a time
    page.locator("#qb-all-topic").select_option(topic)
    page.locator("#qb-all-difficulty").select_option("hard")
    page.locator("#qb-all-tag").select_option(tag)
    expect(status).to_have_text(f"Showing {len(both)} of {len(rows)} questions")
    assert f"topic={topic}&difficulty=hard&tag={tag}" in page.url
    links = page.locator(".qb-all__item a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"{base_url}q/{q['id']}/" for q in both)
    page.goto(page.url, wait_until="load")  # the address restores the view
    expect(status).to_have_text(f"Showing {len(both)} of {len(rows)} questions")
    page.locator(".qb-all__item a").first.click()
    page.wait_for_url(re.compile(r"/topics/.*#"), timeout=45_000)  # a whole topic page by instant navigation
    assert_clean(page)


def test_copy_link_copies_the_permalink(page, base_url, questions):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, base_url, topic_page(questions, "scaled-dot-product-attention"))
    link = page.locator("h2#scaled-dot-product-attention ~ p.qb-actions a.qb-copy-link").first
    link.click()
    expect(link).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}q/scaled-dot-product-attention/"
    assert_clean(page)


def test_the_first_click_on_the_theme_toggle_changes_the_scheme(page, base_url):
    open_page(page, base_url)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


def test_download_links_show_their_size(page, base_url):
    open_page(page, base_url)
    items = page.locator("article li:has(a[href$='questions.json']), article li:has(a[href$='.apkg'])").all_inner_texts()
    assert len(items) == 2 and all(re.search(r"\d+(\.\d)? (KB|MB)\)", t) for t in items), items
    assert page.locator("article a[href$='questions.json']").get_attribute("download")
    open_page(page, base_url, "data-format/")  # a hand-written page: the size is added when the page loads
    expect(page.locator("article td:has(a[href$='questions.json'])").first).to_contain_text(re.compile(r"\(\d+(\.\d)? (KB|MB)\)"))
    assert_clean(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_practice_stays_in_reach(browser, base_url, questions, device):
    context = browser.new_context(**(PHONE if device == "phone" else {"viewport": {"width": 1280, "height": 900}}))
    page = context.new_page()
    height = 844 if device == "phone" else 900
    try:
        page.goto(base_url + "practice/", wait_until="load")
        start = page.get_by_role("button", name="Start practice")
        expect(start).to_be_visible()
        assert start.bounding_box()["y"] + start.bounding_box()["height"] <= height  # setup starts above the fold
        title = questions["topics"][0]["title"]
        page.get_by_role("button", name=f"Practise only {title}").click()  # one click on a topic
        card = page.locator(".qb-card")
        expect(card.locator(".qb-card__meta")).to_contain_text(title)
        assert not page.locator("article > p").first.is_visible()  # the introduction folds away
        page.get_by_role("button", name=re.compile("^Reveal answer")).click()
        expect(card.locator(".qb-card__short")).to_be_visible()
        expect(card.locator(".qb-card__body")).not_to_have_attribute("aria-busy", "true")  # the answer has arrived
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        bar = page.locator(".qb-card__controls")
        box = bar.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, box  # the rating bar is on screen
        buttons = bar.get_by_role("button").all()
        tops = {round(b.bounding_box()["y"]) for b in buttons}
        assert len(tops) == 1, tops  # aligned in one row
        assert bar.locator("kbd").first.is_visible() == (device == "desktop")  # key hints only with a keyboard
        question = card.locator(".qb-card__question").inner_text()
        page.reload(wait_until="load")
        expect(page.locator(".qb-card__question")).to_have_text(question)  # a reload resumes at the same card
    finally:
        context.close()


WIDER_THAN_THE_SCREEN = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const root = document.documentElement;
  const scrolls = e => { for (let p = e.parentElement; p && p !== root; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
  const wide = [...document.querySelectorAll('.md-content *')].filter(e =>
    e.getBoundingClientRect().right > root.clientWidth + 1 && !scrolls(e));
  return {scrollWidth: root.scrollWidth, width: root.clientWidth,
          wide: wide.slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + e.textContent.slice(0, 50))};
}"""


def test_no_question_page_scrolls_sideways_on_a_phone(browser, base_url, built_site):
    """Every answer opened at 390 px: nothing may stick out of the column. A formula MathML cannot break
    (there were 68) pushed the page sideways, and a mobile browser then zoomed out, which took the sticky
    rating bar in practice below the screen."""
    pages = json.loads((built_site / "api/index.json").read_text(encoding="utf-8"))["pages"]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    too_wide = {}
    try:
        for entry in pages:
            page.goto(base_url + entry["url"], wait_until="load")
            found = page.evaluate(WIDER_THAN_THE_SCREEN)
            if found["scrollWidth"] > found["width"] or found["wide"]:
                too_wide[entry["url"]] = found
    finally:
        context.close()
    assert len(pages) > 40 and too_wide == {}
