"""Spaced repetition in practice mode, with a controlled clock (Playwright's clock API) in UTC: FSRS intervals,
the learning step after Again, the daily limit on new questions across midnight, the migration of the old
marks, self-grading against key points, storage that cannot be written, leeches, and the scheduler loaded on
the practice page only."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest
from browser_helpers import assert_clean, expect

pytestmark = pytest.mark.browser

T0 = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
MINUTE = 60_000
DAY = 86_400_000

CARD = """id => { const c = QBSrs.load(new Date()).model.cards.get(id); return c ? QBSrs.cardToJSON(c) : null; }"""
LOG = """() => QBSrs.load(new Date()).model.log"""


def smallest_topic(questions: dict) -> tuple[str, list[dict]]:
    counts = Counter(q["topic"] for q in questions["questions"] if q["answered"])
    topic = min(counts, key=lambda t: (counts[t], t))
    return topic, [q for q in questions["questions"] if q["answered"] and q["topic"] == topic]


def open_practice(page, base_url, query: str = "", when: dt.datetime = T0):
    page.clock.install(time=when)
    page.goto(f"{base_url}practice/{query}", wait_until="load")
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()


def status(page) -> str:
    return page.locator(".qb-practice__status").inner_text()


def current_id(page) -> str:
    return json.loads(page.evaluate("sessionStorage.getItem('qbank.practice.session.v2')"))["current"]


def reveal(page):
    page.keyboard.press("Space")
    expect(page.locator(".qb-card__body")).not_to_have_attribute("aria-busy", "true")


def now_ms(page) -> int:
    return page.evaluate("Date.now()")


def back_to_setup(page):
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Back to the selection").click()
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()


def test_good_is_not_due_a_minute_later_but_is_due_after_its_interval(page, base_url, questions):
    topic, chosen = smallest_topic(questions)
    open_practice(page, base_url, f"?topics={topic}")
    assert status(page).startswith(f"0 due today · {min(15, len(chosen))} new")
    page.get_by_role("button", name="Start practice").click()
    qid = current_id(page)
    reveal(page)
    expect(page.locator(".qb-rate[data-rating='3'] .qb-rate__next")).to_have_text("10m")  # the second learning step
    rated_at = now_ms(page)
    page.keyboard.press("3")
    card = page.evaluate(CARD, qid)
    assert card["state"] == 1 and abs(card["due"] - (rated_at + 10 * MINUTE)) < 2_000
    back_to_setup(page)

    page.clock.fast_forward(MINUTE)  # a minute later it is not due yet
    page.reload(wait_until="load")
    assert status(page).startswith("1 due today (1 of them later)")

    page.clock.fast_forward(9 * MINUTE + 30_000)  # after its interval it is the card a session starts with
    page.reload(wait_until="load")
    assert status(page).startswith("1 due today ·")
    page.get_by_role("button", name="Start practice").click()
    expect(page.locator(".qb-card__meta")).to_contain_text("Review")
    assert current_id(page) == qid
    reveal(page)
    label = page.locator(".qb-rate[data-rating='3'] .qb-rate__next").inner_text()
    page.keyboard.press("3")  # Good again: the card graduates to days
    card = page.evaluate(CARD, qid)
    days = card["scheduled_days"]
    assert card["state"] == 2 and days >= 1 and label == f"{days}d"
    back_to_setup(page)
    page.clock.fast_forward(days * DAY - 60 * MINUTE)  # an hour before it falls due: not due
    page.reload(wait_until="load")
    assert page.evaluate("id => QBSrs.load(new Date()).model.cards.get(id).due - Date.now()", qid) > 0
    page.clock.fast_forward(60 * MINUTE)
    page.reload(wait_until="load")
    assert page.evaluate("id => QBSrs.load(new Date()).model.cards.get(id).due - Date.now()", qid) <= 0
    assert status(page).startswith("1 due today ·")
    assert_clean(page)


def test_again_brings_the_card_back_within_the_learning_step(page, base_url, questions):
    topic, _chosen = smallest_topic(questions)
    open_practice(page, base_url, f"?topics={topic}")
    page.get_by_label("New questions per day").fill("1")
    page.get_by_label("New questions per day").press("Tab")
    expect(page.locator(".qb-practice__status")).to_contain_text("1 new")
    page.get_by_role("button", name="Start practice").click()
    qid = current_id(page)
    reveal(page)
    expect(page.locator(".qb-rate[data-rating='1'] .qb-rate__next")).to_have_text("1m")
    rated_at = now_ms(page)
    page.keyboard.press("1")
    card = page.evaluate(CARD, qid)
    assert card["state"] == 1 and abs(card["due"] - (rated_at + MINUTE)) < 2_000
    # With the day's one new card used, the session brings the forgotten one back instead of ending.
    expect(page.locator(".qb-card__meta")).to_contain_text("Learning")
    assert current_id(page) == qid
    assert [(r["card"], r["rating"]) for r in page.evaluate(LOG)] == [(qid, 1)]
    assert_clean(page)


def test_the_new_question_limit_holds_until_midnight_and_resets_after_it(page, base_url, questions):
    topic, chosen = smallest_topic(questions)
    assert len(chosen) >= 5
    open_practice(page, base_url, f"?topics={topic}", when=dt.datetime(2026, 12, 2, 23, 40, tzinfo=dt.UTC))
    page.get_by_label("New questions per day").fill("2")
    page.get_by_label("New questions per day").press("Tab")
    page.get_by_role("button", name="Start practice").click()
    for _ in range(2):
        reveal(page)
        page.keyboard.press("4")  # Easy: straight to days, so nothing comes back tonight
    expect(page.locator(".qb-card h2")).to_have_text("Done for now")
    page.get_by_role("button", name="Back to the selection").click()
    expect(page.locator(".qb-practice__status")).to_contain_text(f"0 new ({len(chosen) - 2} unseen, 0 new left today)")
    expect(page.get_by_role("button", name="Start practice")).to_be_disabled()

    page.clock.fast_forward(25 * MINUTE)  # 00:05 the next day
    page.reload(wait_until="load")
    expect(page.get_by_label("New questions per day")).to_have_value("2")
    expect(page.locator(".qb-practice__status")).to_contain_text(f"2 new ({len(chosen) - 2} unseen, 2 new left today)")
    expect(page.get_by_role("button", name="Start practice")).to_be_enabled()
    page.get_by_role("button", name="Start practice").click()
    expect(page.locator(".qb-card__meta")).to_contain_text("New")
    assert_clean(page)


def test_old_marks_migrate_and_known_questions_do_not_all_fall_due_at_once(page, base_url, questions):
    ids = [q["id"] for q in questions["questions"] if q["answered"]]
    known, review = ids[:30], ids[30:33]
    old = json.dumps({"marks": {**dict.fromkeys(known, "known"), **dict.fromkeys(review, "review")}})
    open_practice(page, base_url)
    page.evaluate("old => { localStorage.removeItem('qbank.practice.v2'); localStorage.setItem('qbank.practice.v1', old); }", old)
    page.reload(wait_until="load")
    notice = page.get_by_role("note")
    expect(notice).to_contain_text("Key 1 used to mean “knew it”; it now means Again")
    expect(notice).to_contain_text("33 questions you marked before carried over")
    assert page.evaluate("localStorage.getItem('qbank.practice.v1')") == old  # the old state is untouched

    t = now_ms(page)
    cards = {qid: page.evaluate(CARD, qid) for qid in known + review}
    days = Counter((cards[qid]["due"] - cards[qid]["last_review"]) // DAY for qid in known)
    assert all(cards[qid]["state"] == 2 for qid in known)
    assert set(days) == set(range(1, 15))  # spread over each of the next 14 days
    assert max(days.values()) <= 3  # 30 cards over 14 days: at most 3 on one day
    assert all(cards[qid]["due"] <= t for qid in review)
    assert status(page).startswith("3 due today")

    page.get_by_role("button", name="Got it").click()
    expect(page.get_by_role("note")).to_have_count(0)
    page.reload(wait_until="load")
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()
    expect(page.get_by_role("note")).to_have_count(0)
    page.get_by_role("button", name="Start practice").click()
    assert current_id(page) in review  # due cards come before new ones
    reveal(page)
    page.keyboard.press("1")
    assert page.evaluate(LOG)[-1]["rating"] == 1  # key 1 is Again now
    assert_clean(page)


def suggested(ticked: int, total: int) -> int:
    share = ticked / total
    return 4 if share >= 1 else 3 if share >= 0.75 else 2 if share >= 0.5 else 1


def test_ticked_key_points_suggest_a_rating_that_one_key_accepts_or_overrides(page, base_url, questions):
    topic, _chosen = smallest_topic(questions)
    open_practice(page, base_url, f"?topics={topic}")
    page.get_by_role("button", name="Start practice").click()
    reveal(page)
    boxes = page.get_by_role("group", name=re.compile("^What a strong answer covers")).get_by_role("checkbox")
    total = boxes.count()
    assert 3 <= total <= 6
    boxes.nth(0).check()
    boxes.nth(1).check()
    expected = suggested(2, total)
    button = page.locator(f".qb-rate[data-rating='{expected}']")
    expect(button).to_have_class(re.compile("qb-rate--suggested"))
    expect(button).to_have_accessible_name(re.compile(r"\(suggested\)$"))
    expect(page.locator(".qb-rate--suggested")).to_have_count(1)
    page.keyboard.press("Enter")
    first = page.evaluate(LOG)[-1]
    assert (first["rating"], first["ticked"], first["points"]) == (expected, 2, total)

    reveal(page)
    boxes = page.get_by_role("group", name=re.compile("^What a strong answer covers")).get_by_role("checkbox")
    total = boxes.count()
    for i in range(total):
        boxes.nth(i).check()
    expect(page.locator(".qb-rate[data-rating='4']")).to_have_class(re.compile("qb-rate--suggested"))
    page.keyboard.press("2")  # the person overrides the suggestion
    second = page.evaluate(LOG)[-1]
    assert (second["rating"], second["ticked"], second["points"]) == (2, total, total)
    assert_clean(page)


def test_storage_that_cannot_be_written_is_reported_and_the_session_goes_on(page, base_url, questions):
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };")
    topic, _chosen = smallest_topic(questions)
    open_practice(page, base_url, f"?topics={topic}")
    page.get_by_role("button", name="Start practice").click()
    first = page.locator(".qb-card__question").inner_text()
    reveal(page)
    page.keyboard.press("3")
    expect(page.get_by_role("alert")).to_contain_text("could not be saved (browser storage is full)")
    expect(page.locator(".qb-card__question")).not_to_have_text(first)  # the next card, from memory
    assert page.evaluate("localStorage.getItem('qbank.practice.v2')") is None
    assert_clean(page)


def test_leeches_are_listed_with_a_link_to_the_full_answer(page, base_url, questions):
    q = next(q for q in questions["questions"] if q["answered"])
    open_practice(page, base_url)
    lapses = page.evaluate(
        """id => { const m = QBSrs.empty(); let t = Date.now();
          for (let i = 0; i < 8; i++) {
            QBSrs.rate(m, id, 4, new Date(t)); t = +m.cards.get(id).due;
            QBSrs.rate(m, id, 1, new Date(t)); t = +m.cards.get(id).due + 1;
          }
          QBSrs.save(m); return m.cards.get(id).lapses; }""",
        q["id"],
    )
    assert lapses == 8
    page.reload(wait_until="load")
    leeches = page.locator(".qb-practice__leeches")
    expect(leeches.get_by_role("heading")).to_have_text("Leeches: forgotten 8 times or more")
    link = leeches.get_by_role("link", name=q["question"])
    expect(link).to_have_attribute("href", base_url + q["url"])
    expect(leeches.locator("li")).to_have_count(1)
    # Eight reviews of a card in review, all forgotten; the Easy ratings from new or relearning do not count.
    expect(page.locator(".qb-practice__retention")).to_contain_text("Measured retention: 0% of 8 reviews")
    # When it next falls due, its card says so.
    due = page.evaluate("id => +QBSrs.load(new Date()).model.cards.get(id).due", q["id"])
    page.clock.fast_forward(due - now_ms(page) + 1_000)
    page.goto(f"{base_url}practice/?topics={q['topic']}", wait_until="load")
    page.get_by_role("button", name="Start practice").click()
    assert current_id(page) == q["id"]
    expect(page.locator(".qb-card__meta")).to_contain_text("leech: read the full answer")
    assert_clean(page)


def test_the_scheduler_loads_on_the_practice_page_only_and_after_instant_navigation(page, base_url):
    scripts = []
    page.on("request", lambda r: scripts.append(r.url) if "vendor/ts-fsrs" in r.url else None)
    page.goto(base_url, wait_until="load")
    assert page.evaluate("typeof window.FSRS") == "undefined" and scripts == []
    page.locator("nav.md-nav--primary").get_by_role("link", name="Practice", exact=True).click()
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()
    assert scripts == [base_url + "javascripts/vendor/ts-fsrs/index.umd.js"]
    assert page.evaluate("typeof window.FSRS.fsrs") == "function"
    assert_clean(page)


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "service_workers": "block"}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_nothing_on_the_practice_page_is_wider_than_a_phone(browser, base_url, questions):
    """The setup (topics, schedule, progress table, chart, mock interview and review log) and a revealed card
    with its checklist: a page wider than the screen makes a phone zoom out, and the rating bar then sits
    below the screen."""
    q = max((q for q in questions["questions"] if q["answered"]), key=lambda q: len(q["question"]))
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{base_url}practice/?topics={q['topic']}", wait_until="load")
        expect(page.get_by_role("button", name="Start practice")).to_be_visible()
        expect(page.locator(".qb-practice__progress table")).to_be_visible()
        assert page.evaluate(SIDEWAYS) == 0
        page.get_by_role("button", name="Start practice").click()
        page.get_by_role("button", name=re.compile("^Reveal answer")).click()
        expect(page.locator(".qb-checklist")).to_be_visible()
        assert page.evaluate(SIDEWAYS) == 0
    finally:
        context.close()
