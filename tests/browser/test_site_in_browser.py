"""The built site as a reader uses it, in headless Chromium: search, answers, filters, practice mode,
permalinks and maths, on a full load and after Material's instant navigation. Every test also checks that
the pages logged no console error, failed no request and contacted no other origin."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from browser_helpers import assert_clean, assert_maths_rendered, expect, open_an_answer_with_maths, open_page, topic_page

pytestmark = pytest.mark.browser


def pagefind_requests(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/pagefind/'))")


def test_search_finds_a_question_and_enter_opens_its_anchor(page, base_url, questions):
    q = next(q for q in questions["questions"] if q["id"] == "scaled-dot-product-attention")
    words = [w for w in re.findall(r"[A-Za-z-]+", q["question"]) if len(w) > 4][:5]
    open_page(page, base_url)
    assert pagefind_requests(page) == []  # nothing of search loads until the box is used
    box = page.locator("[data-qb-search] input")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    box.press_sequentially(" ".join(words))
    first = page.locator(".qb-search__result a").first
    expect(first).to_have_attribute("href", re.compile("^" + re.escape(urlsplit(base_url).path) + f".+#{q['id']}$"))
    assert all(r.startswith(base_url + "pagefind/") for r in pagefind_requests(page))
    page.evaluate("window.__fullLoadMarker = true")
    box.press("ArrowDown")
    expect(page.locator(".qb-search__result").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    page.wait_for_url(re.compile(f"#{q['id']}$"))
    expect(page.locator(f"h2#{q['id']}")).to_be_in_viewport()
    assert page.evaluate("window.__fullLoadMarker") is True  # opened by instant navigation, no reload
    expect(page.locator(".qb-search__panel")).to_be_hidden()
    assert_clean(page)


def test_search_after_instant_navigation_keys_and_a_filter(page, base_url, questions):
    open_page(page, base_url)
    page.evaluate("window.__fullLoadMarker = true")
    page.locator("a[href$='topics/attention/']:visible").first.click()  # instant navigation to a page one level down
    page.wait_for_url(re.compile(r"topics/attention/$"))
    expect(page.locator("article h1#attention")).to_be_visible()
    assert page.evaluate("window.__fullLoadMarker") is True
    page.locator("article h1").click()
    page.keyboard.press("s")
    box = page.locator("[data-qb-search] input")
    expect(box).to_be_focused()
    box.press_sequentially("attention")
    status = page.locator(".qb-search__status")
    expect(status).to_contain_text("questions")
    total = int(re.search(r"\d+", status.text_content()).group())
    page.locator("select[data-filter=difficulty]").select_option("easy")
    expect(status).not_to_have_text(re.compile(rf"^{total} questions"))
    narrowed = int(re.search(r"\d+", status.text_content()).group())
    assert 0 < narrowed < total
    # The best result is shown first and the others follow; wait for the list to be complete.
    expect(page.locator(".qb-search__results")).to_have_attribute("aria-busy", "false")
    expect(page.locator(".qb-search__result")).to_have_count(min(narrowed, 8))
    for facts in page.locator(".qb-search__facts").all_text_contents():
        assert facts.endswith("· easy")
    hrefs = page.locator(".qb-search__result a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and all(h.startswith(base_url) for h in hrefs)  # links resolve under the sub-path
    box.press("Escape")
    expect(page.locator(".qb-search__panel")).to_be_hidden()
    expect(box).not_to_be_focused()
    assert_clean(page)


def test_a_detailed_answer_opens_and_closes(page, base_url, questions):
    open_page(page, base_url, topic_page(questions, "scaled-dot-product-attention"))
    details = page.locator("h2#scaled-dot-product-attention ~ details").first
    body = details.locator("p").first
    assert details.evaluate("d => d.open") is False
    details.locator("summary").click()
    expect(body).to_be_visible()
    assert details.evaluate("d => d.open") is True
    details.locator("summary").click()
    expect(body).to_be_hidden()
    assert details.evaluate("d => d.open") is False
    assert_clean(page)


def test_filters_hide_whole_questions_count_them_and_survive_a_reload(page, base_url, questions):
    path = topic_page(questions, "scaled-dot-product-attention")
    on_page = [q for q in questions["questions"] if q["page"].startswith(path + "#")]
    tag, _ = Counter(t for q in on_page for t in q["tags"]).most_common(2)[-1]
    expected = [q["id"] for q in on_page if q["difficulty"] == "medium" and tag in q["tags"]]
    assert 0 < len(expected) < len(on_page)

    open_page(page, base_url, path)
    status = page.locator(".qb-filters [role=status]")
    expect(status).to_have_text(f"Showing {len(on_page)} of {len(on_page)} questions")
    page.get_by_label("Difficulty").select_option("medium")
    page.get_by_label("Tag").select_option(tag)
    expect(status).to_have_text(f"Showing {len(expected)} of {len(on_page)} questions")
    assert f"difficulty=medium&tag={tag}" in page.url

    def visible_ids():
        return page.locator("h2.qb-question:visible").evaluate_all("hs => hs.map(h => h.id)")

    assert sorted(visible_ids()) == sorted(expected)
    assert page.locator(".md-nav--secondary li.md-nav__item:visible").count() == len(expected)  # the table of contents follows
    hidden = next(q["id"] for q in on_page if q["id"] not in expected and q["answered"])
    # The whole section goes: the heading and everything up to the next question.
    section = page.locator(f"h2#{hidden}").evaluate(
        """h => { const out = [h]; for (let n = h.nextElementSibling; n && !n.matches('h2.qb-question'); n = n.nextElementSibling)
                    out.push(n); return out.map(n => [n.tagName, n.checkVisibility()]); }"""
    )
    assert len(section) >= 3 and not any(visible for _tag, visible in section)

    page.reload(wait_until="load")
    expect(status).to_have_text(f"Showing {len(expected)} of {len(on_page)} questions")
    expect(page.get_by_label("Difficulty")).to_have_value("medium")
    expect(page.get_by_label("Tag")).to_have_value(tag)
    assert sorted(visible_ids()) == sorted(expected)

    page.get_by_role("button", name="Expand all answers").click()
    assert page.locator("article details:not([open])").count() == 0
    page.get_by_role("button", name="Collapse all answers").click()
    assert page.locator("article details[open]").count() == 0
    page.get_by_role("button", name="Clear filters").click()
    expect(status).to_have_text(f"Showing {len(on_page)} of {len(on_page)} questions")
    assert "?" not in page.url
    assert_clean(page)


def has_maths(q: dict) -> bool:
    return "arithmatex" in q["answer"]["short_html"] + q["answer"]["detailed_html"]


def small_practice_set(questions: dict) -> tuple[str, str, list[dict]]:
    """A topic and difficulty with a few answered questions, so a whole session stays short; preferably
    one whose answers all have maths, so the cards show that maths renders in practice mode too."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for q in questions["questions"]:
        if q["answered"]:
            groups.setdefault((q["topic"], q["difficulty"]), []).append(q)
    candidates = [(k, v) for k, v in groups.items() if len(v) >= 3]
    (topic, difficulty), chosen = min(candidates, key=lambda kv: (not all(map(has_maths, kv[1])), len(kv[1]), kv[0]))
    return topic, difficulty, chosen


def progress_row(page, title: str) -> list[str]:
    heading = page.locator("th", has_text=re.compile(f"^{re.escape(title)}$"))
    row = page.locator(".qb-practice__progress table tbody tr").filter(has=heading)
    return row.locator("td").all_inner_texts()


def run_session(page, expected: dict[str, dict], keys: list[str]):
    """Reveal each card with Space, check its answer arrived with its maths, and rate it with the given key."""
    page.get_by_role("button", name="Start practice").click()
    seen = []
    for key in keys:
        card = page.locator(".qb-card")
        expect(card.locator(".qb-card__meta")).to_contain_text("New")
        text = card.locator(".qb-card__question").inner_text()
        q = next(q for q in expected.values() if q["question"] == text)
        expect(card.locator(".qb-card__short")).to_have_count(0)
        page.keyboard.press("Space")
        expect(card.locator(".qb-card__short")).to_be_visible()
        # The answers are fetched per card; they arrive, maths and all.
        expect(card.locator(".qb-card__body")).not_to_have_attribute("aria-busy", "true")
        if q["answer"]["detailed_html"]:
            expect(card.locator(".qb-card__detailed")).to_be_visible()
        if has_maths(q):
            expect(card.locator(".qb-card__answer .arithmatex math")).not_to_have_count(0)
        assert page.locator(".qb-card .arithmatex:not(:has(math))").count() == 0
        page.keyboard.press(key)
        seen.append(q["id"])
    expect(page.locator(".qb-card h2")).to_have_text("Done for now")
    return seen


def test_a_practice_session_runs_end_to_end_and_its_progress_survives_a_reload(page, base_url, questions):
    topic, difficulty, chosen = small_practice_set(questions)
    expected = {q["id"]: q for q in chosen}
    title = chosen[0]["topic_title"]

    # Reached from the home page by instant navigation, then away and back again: the page must set itself
    # up once each time, and its keys must act once per press (run_session counts the cards).
    open_page(page, base_url)
    page.evaluate("window.__fullLoadMarker = true")
    page.locator("article").get_by_role("link", name="Practice").click()
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()
    primary = page.locator("nav.md-nav--primary")
    primary.get_by_role("link", name="Home", exact=True).click()
    page.wait_for_url(base_url)
    primary.get_by_role("link", name="Practice", exact=True).click()
    expect(page.get_by_role("button", name="Start practice")).to_be_visible()
    assert page.evaluate("window.__fullLoadMarker") is True
    assert page.locator(".qb-practice").count() == 1

    # Choosing topics and difficulties writes the selection into the URL, so the set can be shared.
    page.get_by_role("button", name="No topics").click()
    page.get_by_role("group", name="Topics").get_by_label(re.compile(f"^{re.escape(title)} \\(")).check()
    for box in page.get_by_role("group", name="Difficulty").get_by_role("checkbox").all():
        box.set_checked(box.get_attribute("value") == difficulty)
    n = len(chosen)
    expect(page.locator(".qb-practice__status")).to_have_text(f"0 due today · {n} new ({n} unseen, 15 new left today)")
    assert f"?topics={topic}&difficulty={difficulty}" in page.url

    # Easy on every card: each goes straight to an interval of days, so the session ends with all of them seen.
    seen = run_session(page, expected, ["4"] * n)
    assert sorted(seen) == sorted(expected)

    # The shared address brings the same selection back on a full load, and the progress survives it.
    page.goto(page.url, wait_until="load")
    expect(page.locator(f"#qb-topic-{topic}")).to_be_checked()
    assert page.locator("input[name=topic]:checked").count() == 1
    assert page.locator("input[name=difficulty]:checked").evaluate_all("xs => xs.map(x => x.value)") == [difficulty]
    expect(page.locator(".qb-practice__status")).to_have_text(
        f"0 due today · 0 new (0 unseen, {15 - n} new left today). Nothing to review now: come back later, raise the"
        " new-card limit, or choose more topics."
    )
    expect(page.get_by_role("button", name="Start practice")).to_be_disabled()
    expect(page.locator(".qb-practice__progress table")).to_be_visible()
    assert progress_row(page, title)[1:] == [str(n), "0"]
    expect(page.locator(".qb-practice__chart figcaption")).to_contain_text(f"{n} reviews in all")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(page.locator(".qb-practice__progress table tfoot td").nth(1)).to_have_text("0")
    assert progress_row(page, title)[1:] == ["0", "0"]
    assert_clean(page)


def test_a_permalink_lands_on_its_question(page, base_url, questions):
    path = topic_page(questions, "scaled-dot-product-attention")
    qid = [q["id"] for q in questions["questions"] if q["page"].startswith(path + "#")][-1]  # far down the page
    page.goto(f"{base_url}q/{qid}/", wait_until="load")
    page.wait_for_url(f"{base_url}{path}#{qid}")
    expect(page.locator(f"h2#{qid}")).to_be_in_viewport()
    assert_clean(page)


def test_printing_a_topic_page_gives_every_answer_and_none_of_the_controls(page, base_url, questions):
    path = topic_page(questions, "scaled-dot-product-attention")
    open_page(page, base_url, path)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details:not([open])").count() == 0
    expect(page.locator("article details .arithmatex math").first).to_be_visible()
    expect(page.locator(".qb-filters")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator("article details[open]").count() == 0  # closed again, as the reader left them
    assert_clean(page)


def test_an_old_link_to_a_question_on_a_split_topic_goes_on_to_its_subtopic_page(page, base_url, questions):
    q = next(q for q in questions["questions"] if q["subtopic"])
    page.goto(f"{base_url}topics/{q['topic']}/#{q['id']}", wait_until="load")
    page.wait_for_url(f"{base_url}{q['page']}", timeout=45_000)  # a redirect to a whole topic page
    expect(page.locator(f"h2#{q['id']}")).to_be_in_viewport()
    assert_clean(page)


def test_maths_renders_on_a_full_load_and_after_instant_navigation(page, base_url, questions):
    # A question with maths whose related question, also with maths, lives on another page: open the first page
    # in full, then follow the related link, which Material's instant navigation loads without a reload.
    by_id = {q["id"]: q for q in questions["questions"]}
    with_maths = {q["id"] for q in questions["questions"] if q["answered"] and has_maths(q)}

    def page_of(qid):
        return by_id[qid]["page"].split("#")[0]

    first, target = next(
        (q["id"], r)
        for q in questions["questions"]
        if q["id"] in with_maths
        for r in q["related"]
        if r in with_maths and page_of(r) != page_of(q["id"])
    )
    open_page(page, base_url, page_of(first))
    open_an_answer_with_maths(page)
    assert_maths_rendered(page)

    page.evaluate("window.__fullLoadMarker = true")
    page.locator(f"h2#{first} ~ ul a[href$='#{target}']").first.click()
    # Wait for the page, not the fragment: the theme's anchor tracking rewrites the fragment as headings pass,
    # and on a busy machine it once wrote a heading id of the page being left (vaes/#jensen-...). A whole topic
    # page (up to 0.5 MB of HTML and MathML) can take a while to swap in there, so the wait allows 45 s.
    page.wait_for_url(re.compile(re.escape(f"{base_url}{page_of(target)}") + "(#.*)?$"), timeout=45_000)
    expect(page.locator(f"h2#{target}")).to_be_visible()
    assert page.evaluate("window.__fullLoadMarker") is True  # no full reload happened
    open_an_answer_with_maths(page)
    assert_maths_rendered(page)
    expect(page.locator(".qb-filters[data-qb-ready]")).to_have_count(1)  # the filters are wired up again, once
    assert_clean(page)


def test_index_and_subtopic_pages_load_without_errors_or_other_origins(page, base_url, questions):
    sub = next(t for t in questions["topics"] if t["subtopics"])
    for path in ("", "tags/", "difficulty/hard/", "answers-wanted/", f"topics/{sub['id']}/{sub['subtopics'][0]['id']}/"):
        open_page(page, base_url, path)
        assert page.locator(".arithmatex:not(:has(math))").count() == 0
    assert_clean(page)
