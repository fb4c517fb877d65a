"""The practice review log on the real bank: export as JSON and CSV, import into a fresh profile, files that
are refused without changing anything, merging without duplicates, restoring the state from before an import,
ids that moved, were retired, are unknown or try to reach Object.prototype, and the section on a phone after
instant navigation. History is written through the page's own scheduling core (window.QBSrs) at fixed times."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from browser_helpers import expect

pytestmark = pytest.mark.browser

STORE = "qbank.practice.v2"
BACKUP = "qbank.practice.v2.backup"
FORMAT = "genai-interview-bank/review-log"
MINUTE = 60_000
DAY = 86_400_000
T0 = int(datetime(2026, 11, 20, 12, tzinfo=UTC).timestamp() * 1000)  # the first review
NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)  # the page's clock; noon UTC is 2 December almost everywhere
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "service_workers": "block"}

GOOD, AGAIN, HARD, EASY = 3, 1, 2, 4
NONE_DROPPED = "0 dropped for unknown or retired questions, 0 mapped from moved ids"

SEED_HISTORY = """(reviews) => {
  const m = QBSrs.empty();
  for (const [id, time, rating] of reviews) QBSrs.rate(m, id, rating, new Date(time));
  const saved = QBSrs.save(m);
  if (!saved.ok) throw new Error(saved.problem);
  return localStorage.getItem(QBSrs.STORE);
}"""

# Every card's schedule in the stored state, as the page's core reads it: id -> [due ms, stability, state, reps].
SCHEDULES = """() => {
  const m = QBSrs.deserialise(JSON.parse(localStorage.getItem(QBSrs.STORE)));
  return Object.fromEntries([...m.cards].map(([id, c]) => [id, [+c.due, c.stability, c.state, c.reps]]));
}"""

# The state a single browser would have after all these reviews, serialised as practice saves it.
REPLAYED = """(reviews) => {
  const m = QBSrs.empty();
  m.log = reviews.map(([card, time, rating]) => QBSrs.cleanReview({card, time, rating}));
  QBSrs.replay(m);
  return JSON.stringify(QBSrs.serialise(m));
}"""


# Object.prototype's own names against those of a fresh realm's, and nothing enumerable inherited by {}.
PROTOTYPE_UNTOUCHED = """() => {
  const frame = document.createElement('iframe');
  document.body.appendChild(frame);
  const pristine = frame.contentWindow.Object.getOwnPropertyNames(frame.contentWindow.Object.prototype).sort();
  frame.remove();
  const o = {}, inherited = [];
  for (const key in o) inherited.push(key);
  return {names: Object.getOwnPropertyNames(Object.prototype).sort(), pristine, inherited,
          same_prototype: Object.getPrototypeOf(o) === Object.prototype && o.polluted === undefined && o.due === undefined};
}"""


def answered_ids(questions: dict, n: int) -> list[str]:
    ids = [q["id"] for q in questions["questions"] if q["answered"]]
    assert len(ids) >= n
    return ids[:n]


def watched(context, like):
    """A page in another context, recorded like the ``page`` fixture's (``like``) so it can be checked clean."""
    other = context.new_page()
    other.set_default_timeout(15_000)
    return type(like.watch)(origin=like.watch.origin).attach(other)


def open_practice(page, base_url: str):
    page.goto(base_url + "practice/", wait_until="load")
    section = page.locator("section.qb-log")
    expect(section.get_by_role("heading", name="Your review log")).to_be_visible()
    return section


def stored(page) -> str | None:
    return page.evaluate("k => localStorage.getItem(k)", STORE)


def with_history(page, base_url: str, reviews) -> str:
    """Open practice at NOW with these reviews saved, and return the stored state."""
    page.clock.install(time=NOW)
    open_practice(page, base_url)
    saved = page.evaluate(SEED_HISTORY, reviews)
    page.reload(wait_until="load")
    expect(page.locator("section.qb-log")).to_contain_text(f"{len(reviews)} review{'s' if len(reviews) > 1 else ''} of")
    assert stored(page) == saved
    return saved


def review_file(reviews, seeds=()) -> dict:
    return {
        "format": FORMAT,
        "format_version": 1,
        "exported_at": "2026-12-01T10:00:00.000Z",
        "settings": {"newPerDay": 15, "retention": 0.9},
        "seeds": list(seeds),
        "reviews": [{"card": c, "time": t, "rating": r, "source": "practice"} for c, t, r in reviews],
    }


def upload(page, name: str, content: bytes | str, mime: str = "application/json"):
    buffer = content.encode() if isinstance(content, str) else content
    page.get_by_label("Import a review log").set_input_files({"name": name, "mimeType": mime, "buffer": buffer})


def preview(page):
    return page.locator("section.qb-log .qb-log__preview")


def import_now(page):
    page.locator("section.qb-log").get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("section.qb-log").get_by_role("status")).to_contain_text("Imported ")


def download(page, button: str):
    with page.expect_download() as info:
        page.locator("section.qb-log").get_by_role("button", name=button).click()
    d = info.value
    with open(d.path(), encoding="utf-8", newline="") as f:
        return d.suggested_filename, f.read()


def test_export_then_import_into_a_fresh_profile_gives_the_same_schedules(page, base_url, questions, browser):
    a, b, c = answered_ids(questions, 3)
    reviews = [
        [a, T0, GOOD],
        [a, T0 + 10 * MINUTE, GOOD],
        [b, T0 + MINUTE, EASY],
        [a, T0 + 3 * DAY, HARD],
        [b, T0 + 6 * DAY, AGAIN],
        [b, T0 + 6 * DAY + 10 * MINUTE, GOOD],
        [c, T0 + 7 * DAY, AGAIN],
    ]
    with_history(page, base_url, reviews)
    before = page.evaluate(SCHEDULES)
    assert sorted(before) == sorted([a, b, c])
    name, text = download(page, "Export as JSON")
    assert name == "qbank-review-log-2026-12-02.json"
    exported = json.loads(text)
    assert exported["format"] == FORMAT and exported["format_version"] == 1
    exported_at = datetime.fromisoformat(exported["exported_at"].replace("Z", "+00:00"))
    assert 0 <= (exported_at - NOW).total_seconds() < 120 and exported["exported_at"].endswith("Z")  # the page's clock
    assert exported["settings"] == {"newPerDay": 15, "retention": 0.9}
    assert exported["seeds"] == []
    assert [[r["card"], r["time"], r["rating"]] for r in exported["reviews"]] == sorted(reviews, key=lambda r: r[1])
    assert all(r["source"] == "practice" for r in exported["reviews"])
    expect(page.locator("section.qb-log").get_by_role("status")).to_have_text("Exported 7 reviews as JSON.")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        fresh = watched(context, page)
        fresh.clock.install(time=NOW)
        open_practice(fresh, base_url)
        assert stored(fresh) is None
        expect(fresh.locator("section.qb-log")).to_contain_text("No reviews yet")
        upload(fresh, name, text)
        expect(preview(fresh)).to_contain_text(f"7 reviews to add, 0 already here, {NONE_DROPPED}")
        assert stored(fresh) is None  # nothing changes before "Import"
        import_now(fresh)
        assert fresh.evaluate(SCHEDULES) == before
        assert fresh.evaluate(SCHEDULES)[a][3] == 3  # a real schedule: three reviews of the first card
        assert json.loads(stored(fresh))["log"] == json.loads(stored(page))["log"]
        expect(fresh.locator("section.qb-log")).to_contain_text("7 reviews of 3 questions")
        fresh.watch.assert_clean()
    finally:
        context.close()
    page.watch.assert_clean()


def test_a_refused_file_changes_nothing_and_says_why(page, base_url, questions):
    a, b = answered_ids(questions, 2)
    saved = with_history(page, base_url, [[a, T0, GOOD], [b, T0 + MINUTE, AGAIN]])
    good = review_file([[a, T0 + DAY, GOOD]])
    damaged_seed = dict(good, seeds=[[b, {"due": "soon", "stability": 1, "difficulty": 5, "state": 2}]])
    big = json.dumps(dict(good, padding="x" * (5 * 1024 * 1024 + 1)))
    cases = [
        ("broken.json", '{"format": "genai-interview-bank/review-log", "format_version": 1, "reviews": [', "not valid JSON"),
        (
            "other.json",
            json.dumps(dict(good, format="genai-interview-bank/questions")),
            "not a review log from GenAI Interview Bank",
        ),
        ("future.json", json.dumps(dict(good, format_version=2)), "format version 2, which this page cannot read"),
        ("seed.json", json.dumps(damaged_seed), "damaged"),
        ("big.json", big, "at most 5 MB"),
    ]
    section = page.locator("section.qb-log")
    for name, content, message in cases:
        upload(page, name, content)
        alert = section.get_by_role("alert")
        expect(alert).to_contain_text(message)
        expect(alert).to_contain_text("Nothing was changed.")
        expect(preview(page)).to_be_hidden()
        assert stored(page) == saved, name
        assert page.evaluate("k => localStorage.getItem(k)", BACKUP) is None, name
    expect(section.get_by_role("button", name="Restore the state from before the import")).to_have_count(0)
    # After all that, a good file still goes through.
    upload(page, "good.json", json.dumps(good))
    expect(section.get_by_role("alert")).to_have_count(0)
    expect(preview(page)).to_contain_text("1 review to add, 0 already here")
    page.watch.assert_clean()


def test_importing_merges_and_the_same_file_twice_adds_nothing(page, base_url, questions):
    a, b, c = answered_ids(questions, 3)
    here = [[a, T0, GOOD], [b, T0 + MINUTE, GOOD], [a, T0 + 2 * DAY, GOOD]]
    there = [[a, T0, GOOD], [b, T0 + MINUTE, GOOD], [c, T0 + DAY, AGAIN], [a, T0 + DAY, HARD], [c, T0 + DAY, AGAIN]]
    with_history(page, base_url, here)
    file = json.dumps(review_file(there))
    upload(page, "there.json", file)
    # Two new reviews; the other three are here already (one of them twice in the file).
    expect(preview(page)).to_contain_text(f"2 reviews to add, 3 already here, {NONE_DROPPED}")
    import_now(page)
    union = sorted(
        [[a, T0, GOOD], [b, T0 + MINUTE, GOOD], [c, T0 + DAY, AGAIN], [a, T0 + DAY, HARD], [a, T0 + 2 * DAY, GOOD]],
        key=lambda r: r[1],
    )
    after = stored(page)
    assert [[r["card"], r["time"], r["rating"]] for r in json.loads(after)["log"]] == union
    # The schedules are those of one browser that made every review in time order, not the old ones kept.
    assert after == page.evaluate(REPLAYED, union)
    expect(page.locator("section.qb-log")).to_contain_text("5 reviews of 3 questions")

    upload(page, "there.json", file)
    expect(preview(page)).to_contain_text("0 reviews to add, 5 already here")
    expect(preview(page)).to_contain_text("Nothing new to import.")
    expect(preview(page).get_by_role("button", name="Import", exact=True)).to_have_count(0)
    preview(page).get_by_role("button", name="Cancel").click()
    expect(preview(page)).to_be_hidden()
    expect(page.locator("section.qb-log").get_by_role("status")).to_have_text("Import cancelled. Nothing was changed.")
    assert stored(page) == after
    page.watch.assert_clean()


def test_restore_brings_back_the_state_from_before_the_import(page, base_url, questions):
    a, b = answered_ids(questions, 2)
    before = with_history(page, base_url, [[a, T0, GOOD], [a, T0 + DAY, EASY]])
    section = page.locator("section.qb-log")
    restore = section.get_by_role("button", name="Restore the state from before the import")
    expect(restore).to_have_count(0)
    upload(page, "more.json", json.dumps(review_file([[b, T0 + DAY, AGAIN], [b, T0 + DAY + 10 * MINUTE, GOOD]])))
    import_now(page)
    assert stored(page) != before and len(json.loads(stored(page))["log"]) == 4
    backup = json.loads(page.evaluate("k => localStorage.getItem(k)", BACKUP))
    assert backup["state"] == before and 0 <= backup["saved_at"] - NOW.timestamp() * 1000 < 120_000
    # The button is there whenever a backup is, including after a reload.
    page.reload(wait_until="load")
    expect(section).to_contain_text("4 reviews of 2 questions")
    restore.click()
    expect(section.get_by_role("status")).to_contain_text("Restored your practice state from before the import")
    assert stored(page) == before
    assert page.evaluate("k => localStorage.getItem(k)", BACKUP) is None
    expect(restore).to_have_count(0)
    expect(section).to_contain_text("2 reviews of 1 question,")
    page.reload(wait_until="load")  # what practice reads back is the restored state
    expect(section).to_contain_text("2 reviews of 1 question,")
    assert stored(page) == before
    page.watch.assert_clean()


def test_unknown_retired_moved_and_prototype_ids(page, base_url, questions):
    a, b = answered_ids(questions, 2)

    def with_moves(route):
        response = route.fetch()
        data = response.json()
        data["moved"] = {"an-old-name": b, "a-retired-question": "retired"}
        route.fulfill(response=response, json=data)

    page.route(re.compile(r"/api/practice\.json$"), with_moves)
    saved = with_history(page, base_url, [[a, T0, GOOD]])
    data = review_file(
        [
            [a, T0, GOOD],  # here already
            [a, T0 + DAY, GOOD],
            ["an-old-name", T0 + DAY, HARD],  # moved: becomes b
            ["a-retired-question", T0, GOOD],
            ["__proto__", T0, GOOD],
            ["constructor", T0 + MINUTE, GOOD],
            ["no-such-question", T0, AGAIN],
        ],
        seeds=[["__proto__", {"due": T0, "stability": 3, "difficulty": 5, "state": 2, "reps": 1, "lapses": 0}]],
    )
    data["reviews"][1]["__proto__"] = {"polluted": True}  # an own key in JSON: must stay a plain field
    upload(page, "odd.json", json.dumps(data))
    counts = "2 reviews to add, 1 already here, 4 dropped for unknown or retired questions, 1 mapped from moved ids"
    expect(preview(page)).to_contain_text(counts)
    expect(preview(page)).to_contain_text("1 starting schedule dropped for unknown or retired questions")
    assert stored(page) == saved
    import_now(page)
    expect(page.locator("section.qb-log").get_by_role("status")).to_contain_text("Imported 2 reviews (1 already here, 4 dropped")
    state = json.loads(stored(page))
    assert [[r["card"], r["time"], r["rating"]] for r in state["log"]] == [
        [a, T0, GOOD],
        [a, T0 + DAY, GOOD],
        [b, T0 + DAY, HARD],
    ]
    assert state["seeds"] == []
    assert sorted(page.evaluate(SCHEDULES)) == sorted([a, b])
    untouched = page.evaluate(PROTOTYPE_UNTOUCHED)
    assert untouched["names"] == untouched["pristine"] and len(untouched["names"]) > 5
    assert untouched["inherited"] == [] and untouched["same_prototype"] is True
    page.watch.assert_clean()


def test_the_csv_has_the_optimiser_columns_and_replayed_states(page, base_url, questions):
    a, b = sorted(answered_ids(questions, 2))
    reviews = [
        [a, T0, GOOD],  # new -> learning
        [b, T0 + MINUTE, EASY],  # new -> review
        [a, T0 + 10 * MINUTE, AGAIN],  # before it: learning
        [b, T0 + 6 * DAY, AGAIN],  # before it: review -> relearning
        [b, T0 + 6 * DAY + 10 * MINUTE, GOOD],  # before it: relearning
    ]
    with_history(page, base_url, reviews)
    name, text = download(page, "Export as CSV")
    assert name == "qbank-review-log-2026-12-02.csv"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["card_id", "review_time", "review_rating", "review_state", "review_duration", "question_id"]
    assert rows[1:] == [
        ["1", str(T0), "3", "0", "0", a],
        ["2", str(T0 + MINUTE), "4", "0", "0", b],
        ["1", str(T0 + 10 * MINUTE), "1", "1", "0", a],
        ["2", str(T0 + 6 * DAY), "1", "2", "0", b],
        ["2", str(T0 + 6 * DAY + 10 * MINUTE), "3", "3", "0", b],
    ]
    expect(page.locator("section.qb-log").get_by_role("status")).to_have_text("Exported 5 reviews as CSV.")
    page.watch.assert_clean()


def test_the_section_fits_a_phone_and_works_after_instant_navigation(browser, base_url, page):
    context = browser.new_context(**PHONE)
    try:
        phone = watched(context, page)
        phone.goto(base_url, wait_until="load")
        phone.evaluate("() => { window.__samePage = true; }")
        phone.locator("article").get_by_role("link", name="Practice").click()  # instant navigation: no new document
        section = phone.locator("section.qb-log")
        expect(section.get_by_role("heading", name="Your review log")).to_be_visible()
        assert phone.evaluate("() => window.__samePage === true")
        assert base_url.rstrip("/").endswith("/bank") and phone.url.startswith(base_url)
        expect(section).to_have_count(1)
        width = phone.evaluate("() => document.documentElement.clientWidth")
        wide = section.evaluate(
            "s => [s, ...s.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > "
            "document.documentElement.clientWidth + 1).map(e => e.outerHTML.slice(0, 120))"
        )
        assert wide == []
        for control in section.locator("button, input, label").all():
            box = control.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, control.evaluate("e => e.outerHTML")
        # Keyboard only: the controls are reachable with Tab, in order.
        section.get_by_role("button", name="Export as JSON").focus()
        phone.keyboard.press("Tab")
        assert phone.evaluate("() => document.activeElement.textContent") == "Export as CSV"
        phone.keyboard.press("Tab")
        assert phone.evaluate("() => document.activeElement.id") == "qb-log-file"
        phone.watch.assert_clean()
    finally:
        context.close()


def test_a_rating_given_in_practice_is_in_the_export(page, base_url, questions):
    page.clock.install(time=NOW)
    section = open_practice(page, base_url)
    expect(section).to_contain_text("No reviews yet")
    page.get_by_role("button", name="Start practice").click()
    shown = page.locator(".qb-card__question").inner_text()
    page.get_by_role("button", name=re.compile("^Reveal answer")).click()
    expect(page.locator(".qb-card__body")).not_to_have_attribute("aria-busy", "true")
    page.get_by_role("button", name=re.compile("^Good")).click()
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Back to the selection").click()
    expect(section).to_contain_text("1 review of 1 question,")
    _name, text = download(page, "Export as JSON")
    (review,) = json.loads(text)["reviews"]
    by_id = {q["id"]: q for q in questions["questions"]}
    assert by_id[review["card"]]["question"] == shown
    assert review["rating"] == GOOD and review["source"] == "practice"
    assert 0 <= review["time"] - NOW.timestamp() * 1000 < 120_000
    page.watch.assert_clean()
