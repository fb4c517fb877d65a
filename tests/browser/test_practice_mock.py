"""The mock interview on the practice page, in Chromium against the real bank: a link reproduces its draw (and
follows moved ids, skipping retired and unknown ones with a note), the countdown runs past zero without blocking
the reveal, the summary reports coverage and time per question and per topic, the review schedule is untouched
unless the person adds the missed questions, and the setup form's Start builds the link. Playwright's clock
drives the countdown, so the times are exact."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import assert_clean, expect

pytestmark = pytest.mark.browser

STORE = "qbank.practice.v2"
START = "2026-03-02T09:00:00"  # a Monday morning, local time
INSTALLED = "2026-03-02T08:59:00"  # the clock is installed a minute earlier, then paused at START
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "service_workers": "block"}


@pytest.fixture(scope="module")
def practice(built_site) -> dict:
    return json.loads((built_site / "api/practice.json").read_text(encoding="utf-8"))


def key_points(built_site, qid: str) -> int:
    return len(json.loads((built_site / f"api/practice/{qid}.json").read_text(encoding="utf-8"))["key_points_html"])


def pick(practice: dict, n_topics: int = 2, per_topic: int = 2) -> list[dict]:
    """Questions from the first topics of the bank, `per_topic` from each: a draw with known topic sums."""
    out = []
    for topic in [t["id"] for t in practice["topics"]][:n_topics]:
        out += [q for q in practice["questions"] if q["topic"] == topic][:per_topic]
    assert len(out) == n_topics * per_topic
    return out


def mock_path(ids: list[str], minutes: int = 4) -> str:
    return f"practice/?mock={','.join(ids)}&minutes={minutes}"


def watched(page, context):
    """A page in another context, watched like the fixture's page."""
    other = context.new_page()
    other.set_default_timeout(15_000)
    other.watch = type(page.watch)(origin=page.watch.origin)
    other.on("request", other.watch.on_request)
    other.on("requestfailed", other.watch.on_failed)
    other.on("response", other.watch.on_response)
    other.on("console", other.watch.on_console)
    other.on("pageerror", other.watch.on_page_error)
    return other


def open_mock(page, base_url: str, ids: list[str], minutes: int = 4):
    page.goto(base_url + mock_path(ids, minutes), wait_until="load")
    expect(page.get_by_role("region", name="Mock interview question")).to_be_visible()


def card(page):
    return page.get_by_role("region", name="Mock interview question")


def reveal(page, use_key: bool = True):
    if use_key:
        page.keyboard.press("Space")
    else:
        page.get_by_role("button", name=re.compile("^Reveal answer")).click()
    expect(card(page).locator(".qb-checklist")).to_be_visible()


def tick(page, n: int):
    boxes = card(page).locator(".qb-checklist input[type=checkbox]")
    for i in range(n):
        boxes.nth(i).check()


def run_through(page) -> list[str]:
    """Reveal and move on through the whole interview; the questions as shown, in order."""
    shown = []
    total = int(re.search(r"of (\d+)", card(page).locator(".qb-card__meta").inner_text()).group(1))
    for i in range(total):
        expect(card(page).locator(".qb-card__meta")).to_contain_text(f"Question {i + 1} of {total}")
        shown.append(card(page).locator(".qb-card__question").inner_text())
        reveal(page)
        page.keyboard.press("n")
    expect(page.get_by_role("region", name="Mock interview summary")).to_be_visible()
    return shown


def stored(page):
    return page.evaluate(f"localStorage.getItem('{STORE}')")


def test_a_mock_link_gives_the_same_interview_in_a_fresh_browser_and_skips_unknown_ids(page, base_url, practice):
    chosen = pick(practice, n_topics=3, per_topic=1)
    ids = [q["id"] for q in chosen]
    link = ids[:1] + ["no-such-question-anywhere"] + ids[1:]
    expected = [q["question"] for q in chosen]

    open_mock(page, base_url, link)
    note = page.locator(".qb-mock__note")
    expect(note).to_have_text(re.compile(r"^1 question in this link was skipped \(1 not found in this copy of the bank\)"))
    first = run_through(page)
    assert first == expected  # the link's order, the unknown id left out

    # A second browser with its own storage opens the same address: the same questions in the same order.
    other_context = page.context.browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        other = watched(page, other_context)
        open_mock(other, base_url, link)
        expect(other.locator(".qb-mock__note")).to_contain_text("1 question in this link was skipped")
        assert run_through(other) == first
        other.watch.assert_clean()
    finally:
        other_context.close()
    assert_clean(page)


def test_moved_ids_are_followed_and_retired_ones_skipped(page, base_url, practice):
    """The bank's _moved.yaml is empty, so the page gets a practice.json whose "moved" names an old id for a
    real question, and a retired one; the link uses both."""
    target, other = practice["questions"][5], practice["questions"][9]
    data = dict(practice, moved={"an-old-name": target["id"], "an-older-name": "an-old-name", "gone-for-good": "retired"})
    page.route("**/api/practice.json", lambda route: route.fulfill(json=data))

    open_mock(page, base_url, ["an-older-name", "gone-for-good", other["id"]])
    expect(page.locator(".qb-mock__note")).to_have_text(
        re.compile(r"^1 question in this link was skipped \(1 retired from the bank\)")
    )
    assert run_through(page) == [target["question"], other["question"]]
    rows = page.locator(".qb-mock--summary tbody tr[data-id]")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.id)") == [target["id"], other["id"]]
    assert_clean(page)


def test_the_countdown_passes_zero_and_keeps_counting_without_blocking_the_reveal(page, base_url, practice):
    ids = [q["id"] for q in pick(practice, n_topics=1, per_topic=2)]
    page.clock.install(time=INSTALLED)
    page.clock.pause_at(START)  # time moves only when the test moves it
    open_mock(page, base_url, ids, minutes=4)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("4:00")
    expect(timer).to_have_attribute("aria-label", "Time left on this question")

    page.clock.run_for("01:00")
    expect(timer).to_have_text("3:00")
    page.clock.run_for("03:00")
    expect(timer).to_have_text("0:00")
    page.clock.run_for("00:12")
    expect(timer).to_have_text("+0:12")  # overtime counts up
    expect(page.locator(".qb-mock__clock")).to_contain_text("Time is up")
    expect(card(page).get_by_role("status")).to_contain_text("Time is up")

    reveal(page, use_key=False)  # nothing stopped at zero
    expect(card(page).locator(".qb-card__short")).not_to_be_empty()
    page.clock.run_for("00:30")
    expect(timer).to_have_text("+0:12")  # the time stops at the reveal
    page.keyboard.press("Enter")

    expect(card(page).locator(".qb-card__meta")).to_contain_text("Question 2 of 2")
    expect(timer).to_have_text("4:00")  # a fresh countdown for each question
    page.clock.run_for("01:05")
    reveal(page)
    page.keyboard.press("n")
    times = page.locator(".qb-mock--summary tbody .qb-mock__time-used").all_inner_texts()
    assert times == ["4:12 (+0:12 over)", "1:05"]
    assert_clean(page)


def test_the_summary_reports_coverage_and_time_per_question_and_per_topic(page, base_url, practice, built_site):
    chosen = pick(practice, n_topics=2, per_topic=2)  # topics A, A, B, B
    ids = [q["id"] for q in chosen]
    points = [key_points(built_site, i) for i in ids]
    ticks = [points[0], 1, 0, points[3] - 1]
    seconds = [90, 200, 45, 300]
    page.clock.install(time=INSTALLED)
    page.clock.pause_at(START)
    open_mock(page, base_url, ids, minutes=3)
    for i in range(4):
        expect(card(page).locator(".qb-card__meta")).to_contain_text(f"Question {i + 1} of 4")
        page.clock.run_for(seconds[i] * 1000)
        reveal(page)
        tick(page, ticks[i])
        page.keyboard.press("Enter")

    summary = page.get_by_role("region", name="Mock interview summary")
    expect(summary).to_be_visible()
    rows = summary.locator("tbody tr[data-id]")
    expect(rows).to_have_count(4)
    for i, q in enumerate(chosen):
        row = rows.nth(i)
        share = round(100 * ticks[i] / points[i])
        expect(row.locator(".qb-mock__points")).to_have_text(f"{ticks[i]}/{points[i]} ({share}%)")
        limit = 180
        used = f"{seconds[i] // 60}:{seconds[i] % 60:02d}"
        if seconds[i] > limit:
            over = seconds[i] - limit
            used += f" (+{over // 60}:{over % 60:02d} over)"
        expect(row.locator(".qb-mock__time-used")).to_have_text(used)
        assert row.get_by_role("link").get_attribute("href") == base_url + q["url"]

    topic_rows = summary.locator("tbody tr[data-topic]")
    sums = {}
    for q, t, n in zip(chosen, ticks, points, strict=True):
        got = sums.setdefault(q["topic"], [q["topic_title"], 0, 0])
        got[1] += t
        got[2] += n
    weakest_first = sorted(sums.items(), key=lambda kv: kv[1][1] / kv[1][2])
    assert topic_rows.evaluate_all("rs => rs.map(r => r.dataset.topic)") == [k for k, _ in weakest_first]
    for row, (_, (title, t, n)) in zip(topic_rows.all(), weakest_first, strict=True):
        assert row.locator("th, td").all_inner_texts() == [title, "2", f"{t}/{n}", f"{round(100 * t / n)}%"]
    weakest_title = weakest_first[0][1][0]
    expect(summary.locator(".qb-mock__weakest")).to_contain_text(f"Weakest topics: {weakest_title}")
    expect(summary.locator(".qb-mock__overview")).to_contain_text(
        f"You answered 4 of 4 questions in {sum(seconds) // 60}:{sum(seconds) % 60:02d}"
    )
    assert_clean(page)


def test_a_mock_changes_no_schedule_until_the_missed_questions_are_added(page, base_url, practice, built_site):
    chosen = pick(practice, n_topics=3, per_topic=1)
    ids = [q["id"] for q in chosen]
    points = [key_points(built_site, i) for i in ids]
    ticks = [0, points[1], 1]  # the first and last fall below half
    seed = practice["questions"][-1]["id"]
    assert seed not in ids

    # A person with one review already saved.
    page.goto(base_url + "practice/", wait_until="load")
    expect(page.locator("section.qb-mock-setup")).to_be_visible()
    page.evaluate(f"""() => {{ const m = QBSrs.empty(); QBSrs.rate(m, {seed!r}, 3, new Date()); QBSrs.save(m); }}""")
    before = stored(page)
    assert before and json.loads(before)["log"][0]["card"] == seed

    open_mock(page, base_url, ids)
    for i in range(3):
        reveal(page)
        tick(page, ticks[i])
        page.keyboard.press("n")
    summary = page.get_by_role("region", name="Mock interview summary")
    expect(summary).to_be_visible()
    assert stored(page) == before  # the whole interview left the schedule alone

    add = page.get_by_role("button", name="Add the missed questions to my reviews (2)")
    add.click()
    expect(summary.locator(".qb-mock__review-status")).to_have_text("Added 2 questions to your reviews: they are due again soon.")
    expect(add).to_be_disabled()  # once only
    log = json.loads(stored(page))["log"]
    assert [r["card"] for r in log] == [seed, ids[0], ids[2]]
    assert [(r["rating"], r["source"], r["ticked"], r["points"]) for r in log[1:]] == [
        (1, "mock", 0, points[0]),
        (1, "mock", 1, points[2]),
    ]
    due = page.evaluate(f"() => {{ const now = new Date(); return QBSrs.dueToday(QBSrs.load(now).model, {ids!r}, now); }}")
    assert sorted(due) == sorted([ids[0], ids[2]])  # the well-covered one stays unscheduled

    page.get_by_role("button", name="Back to practice").click()
    expect(page.locator("section.qb-mock-setup")).to_be_visible()
    assert "mock=" not in page.url
    assert_clean(page)


def test_start_builds_a_mock_link_with_the_chosen_count_and_topic(page, base_url, practice):
    topic = practice["topics"][1]
    pool = {q["id"] for q in practice["questions"] if q["topic"] == topic["id"]}
    assert len(pool) >= 6
    page.goto(base_url + "practice/", wait_until="load")
    section = page.locator("section.qb-mock-setup")
    expect(section.get_by_role("heading", name="Mock interview")).to_be_visible()
    section.locator("details.qb-mock-setup__filters > summary").click()
    section.get_by_role("button", name="No topics").click()
    expect(section.get_by_role("button", name="Start mock interview")).to_be_disabled()
    section.get_by_label(re.compile(f"^{re.escape(topic['title'])} \\(")).check()
    section.get_by_label("Questions", exact=True).fill("6")
    section.get_by_label("Minutes per question", exact=True).fill("2")
    expect(section.get_by_role("status")).to_have_text(f"6 questions drawn from {len(pool)}, 2 minutes each.")
    section.get_by_role("button", name="Start mock interview").click()

    expect(card(page)).to_be_visible()
    query = parse_qs(urlsplit(page.url).query)
    drawn = query["mock"][0].split(",")
    assert query["minutes"] == ["2"]
    assert len(drawn) == 6 and len(set(drawn)) == 6 and set(drawn) <= pool
    expect(page.get_by_role("timer")).to_have_text(re.compile(r"^(2:00|1:5\d)$"))
    by_id = {q["id"]: q for q in practice["questions"]}
    expect(card(page).locator(".qb-card__question")).to_have_text(by_id[drawn[0]]["question"])

    page.reload(wait_until="load")  # the address alone gives the same interview
    expect(card(page).locator(".qb-card__meta")).to_contain_text("Question 1 of 6")
    expect(card(page).locator(".qb-card__question")).to_have_text(by_id[drawn[0]]["question"])
    assert_clean(page)


# The mock's own elements (its setup section, or the whole app while it runs) that stick out of a phone screen.
WIDER_THAN_THE_SCREEN = """(scope) => {
  const root = document.documentElement;
  const scrolls = e => { for (let p = e.parentElement; p && p !== root; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
  const wide = [...document.querySelectorAll(scope + ' *')].filter(e =>
    e.getBoundingClientRect().right > root.clientWidth + 1 && !scrolls(e));
  return wide.slice(0, 3).map(e => e.outerHTML.slice(0, 80));
}"""


def fits(page) -> bool:
    """While the mock runs it is all the app shows: nothing in it, and so nothing on the page, is wider."""
    assert page.evaluate(WIDER_THAN_THE_SCREEN, ".qb-practice") == []
    return page.evaluate("document.documentElement.scrollWidth") == 390


def test_a_mock_fits_a_phone_and_survives_instant_navigation(browser, page, base_url, practice):
    ids = [q["id"] for q in pick(practice, n_topics=2, per_topic=1)]
    context = browser.new_context(**PHONE)
    try:
        phone = watched(page, context)
        phone.goto(base_url + "practice/", wait_until="load")
        expect(phone.locator("section.qb-mock-setup")).to_be_visible()
        assert phone.evaluate(WIDER_THAN_THE_SCREEN, "section.qb-mock-setup") == []

        open_mock(phone, base_url, ids)
        assert fits(phone)
        # Leave by a link (Material swaps the page without a reload) and come back: the app is rebuilt from
        # the address, and one key press still reveals once.
        phone.evaluate("window.__same_document = true")
        phone.locator("a.md-logo").first.evaluate("a => a.click()")  # the logo is hidden on a phone
        phone.wait_for_url(base_url)
        expect(phone.locator("#qb-practice-app")).to_have_count(0)
        phone.go_back()
        expect(card(phone).locator(".qb-card__meta")).to_contain_text("Question 1 of 2")
        assert phone.evaluate("window.__same_document") is True  # no reload on the way
        reveal(phone)
        expect(card(phone).locator(".qb-checklist")).to_have_count(1)
        assert fits(phone)
        phone.keyboard.press("Enter")
        reveal(phone)
        phone.get_by_role("button", name=re.compile("^Finish and see the summary")).click()
        expect(phone.get_by_role("region", name="Mock interview summary")).to_be_visible()
        assert fits(phone)
        expect(phone.locator("#qb-mock-link")).to_have_value(base_url + mock_path(ids))
        phone.watch.assert_clean()
    finally:
        context.close()
