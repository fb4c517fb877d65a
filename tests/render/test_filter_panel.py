"""The filter panel is written into pages of questions at build time, so it is there at first paint."""

from __future__ import annotations

from qbank.render import filter_panel

PAGE = (
    '<h1>Attention</h1><p class="qb-count">3 questions</p>'
    '<h2 class="qb-question" data-difficulty="easy" data-tags="attention rag" id="a">A</h2><p>x</p>'
    '<h2 class="qb-question" data-difficulty="hard" data-tags="attention" id="b">B</h2><p>y</p>'
    '<h2 class="qb-question" data-difficulty="hard" data-tags="a&amp;b" id="c">C</h2><p>z</p>'
)


def test_the_panel_goes_just_before_the_first_question():
    out = filter_panel.insert(PAGE)
    assert out.index('<div class="qb-filters"') == PAGE.index("<h2")
    assert out.replace(filter_panel.panel([]), "") != PAGE  # something was inserted
    assert out.count('class="qb-filters"') == 1


def test_the_panel_counts_difficulties_and_tags_of_the_page():
    out = filter_panel.insert(PAGE)
    assert '<option value="easy">Easy (1)</option>' in out
    assert '<option value="hard">Hard (2)</option>' in out
    assert '<option value="medium">Medium (0)</option>' in out
    assert '<option value="attention">attention (2)</option><option value="rag">rag (1)</option>' in out.replace(
        '<option value="a&amp;b">a&amp;b (1)</option>', ""
    )
    assert "Showing 3 of 3 questions" in out


def test_tag_names_are_escaped_in_the_panel():
    out = filter_panel.insert(PAGE)
    assert '<option value="a&amp;b">a&amp;b (1)</option>' in out


def test_pages_without_questions_are_unchanged():
    page = '<h1>Tags</h1><h2 id="rag">rag</h2>'
    assert filter_panel.insert(page) == page


def test_attribute_order_does_not_matter():
    page = '<h2 id="a" data-tags="rag" class="qb-question" data-difficulty="hard">A</h2>'
    out = filter_panel.insert(page)
    assert '<option value="hard">Hard (1)</option>' in out and '<option value="rag">rag (1)</option>' in out
