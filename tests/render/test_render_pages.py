"""The renderer: question sections, ordering, escaping and link resolution."""

from __future__ import annotations

from qbank.render.catalogue import build_catalogue
from qbank.render.links import rewrite_question_links
from qbank.render.pages import escape_inline, render_page
from qbank.source.bank import load


def catalogue(root):
    return build_catalogue(load(root))


def test_each_question_is_an_anchored_h2_with_badges(bank_root):
    cat = catalogue(bank_root)
    page = cat.page_of["softmax-scaling"]
    md = render_page(cat, page)
    assert (
        "## Why are attention scores divided by the square root of d\\_k? "
        '{ #softmax-scaling .qb-question data-difficulty="medium"' in md
    )
    assert "[medium](../difficulty/medium.md){ .qb-badge .qb-medium }" in md
    assert "[math](../tags/math.md){ .qb-tag }" in md
    assert '??? note "Detailed answer"' in md
    assert "/edit/main/questions/alpha/softmax-scaling.yaml" in md
    assert "issues/new?template=answer-correction.yml&title=%5Bsoftmax-scaling%5D" in md


def test_order_list_comes_first_then_difficulty(bank_root):
    cat = catalogue(bank_root)
    assert [q.id for q in cat.page_of["softmax-scaling"].questions] == ["softmax-scaling", "what-is-attention"]
    (bank_root / "questions/alpha/_topic.yaml").write_text("title: Alpha topic\ndescription: d.\nposition: 1\n")
    cat = catalogue(bank_root)
    assert [q.id for q in cat.page_of["softmax-scaling"].questions] == ["what-is-attention", "softmax-scaling"]


def test_topics_with_subtopics_get_one_page_each_in_position_order(bank_root):
    cat = catalogue(bank_root)
    beta = cat.topics[1]
    assert [p.path for p in beta.pages] == ["topics/beta/first-part.md", "topics/beta/second-part.md"]
    assert beta.index_path == "topics/beta/index.md"


def test_a_subtopic_page_leads_with_its_own_description_or_a_default(bank_root):
    cat = catalogue(bank_root)
    assert [p.description for p in cat.topics[1].pages] == ["Beta topic: First part.", "Beta topic: Second part."]
    path = bank_root / "questions/beta/_topic.yaml"
    path.write_text(
        path.read_text().replace(
            "title: First part, position: 1}", "title: First part, position: 1, description: Where it starts.}"
        )
    )
    cat = catalogue(bank_root)
    page = cat.topics[1].pages[0]
    assert page.description == "Where it starts."
    assert 'description: "Where it starts."' in render_page(cat, page)


def test_a_topic_overview_lists_every_question_under_its_subtopic(bank_root):
    from qbank.render.indexes import topic_overview

    cat = catalogue(bank_root)
    beta = cat.topics[1]
    md = topic_overview(cat, beta)
    for page in beta.pages:
        section = md.split(f"## {page.title}\n", 1)[1].split("\n## ", 1)[0]
        name = page.path.rsplit("/", 1)[1]
        assert [line.split("](", 1)[1].split(")", 1)[0] for line in section.splitlines() if line.startswith("- [")] == [
            f"{name}#{q.id}" for q in page.questions
        ]


def test_question_links_resolve_to_the_owning_page(bank_root):
    cat = catalogue(bank_root)
    md = render_page(cat, cat.page_of["softmax-scaling"])
    assert "[the second part](beta/second-part.md#decoding-basics)" in md
    assert "`[not a link](#nowhere)`" in md  # code spans are left alone


def test_link_rewriting_skips_fenced_code():
    text = "see [a](#x)\n\n```\n[b](#x)\n```\n"
    assert rewrite_question_links(text, lambda q: f"p.md#{q}") == "see [a](p.md#x)\n\n```\n[b](#x)\n```\n"


def test_unanswered_question_says_answer_wanted(bank_root):
    cat = catalogue(bank_root)
    md = render_page(cat, cat.page_of["open-question"])
    assert '!!! warning "Answer wanted"' in md


def test_escape_inline_neutralises_markdown_and_html():
    assert escape_inline("a <b> *c* [d](e) $x$ {#id} & f") == (
        r"a &lt;b&gt; \*c\* &#91;d&#93;&#40;e&#41; &#36;x&#36; \{\#id\} &amp; f"
    )


def test_brackets_in_a_question_never_become_maths():
    import markdown

    html = markdown.markdown(
        escape_inline("Compare additive (Bahdanau) and [dot] $x$"),
        extensions=["pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    from html import unescape

    text = unescape(html)
    assert "arithmatex" not in html and "(Bahdanau)" in text and "[dot]" in text and "$x$" in text


def test_key_points_follow_the_short_answer_as_a_checklist(bank_root):
    cat = catalogue(bank_root)
    md = render_page(cat, cat.page_of["softmax-scaling"])
    short_at = md.index('!!! abstract "Short answer"')
    heading_at = md.index("    **What a strong answer covers**\n    {: .qb-key-points }")
    assert short_at < heading_at < md.index('??? note "Detailed answer"')
    assert "    - A saturated softmax has a near-zero Jacobian, so attention stops learning." in md
    # A link inside a key point resolves like one in an answer.
    assert "not about `float16` overflow: see [the easy one](alpha.md#what-is-attention)" in md



def test_a_reference_shows_where_it_leads():
    from qbank.render.pages import source_label

    assert source_label("https://arxiv.org/abs/2006.11239") == "arXiv:2006.11239"
    assert source_label(" https://www.anthropic.com/research/x ") == "anthropic.com"
    assert source_label("https://docs.vllm.ai/en/latest/") == "docs.vllm.ai"


def test_references_carry_their_source_label(bank_root):
    cat = catalogue(bank_root)
    md = render_page(cat, cat.page_of["softmax-scaling"])
    assert "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) *arXiv:1706.03762*{ .qb-ref-source }" in md


def test_maths_in_follow_ups_reaches_the_page_and_questions_json(bank_root):
    import json

    from qbank.site.generate import render_all

    cat = catalogue(bank_root)
    md = render_page(cat, cat.page_of["softmax-scaling"])
    assert "- What happens with $d_k = 1$?" in md  # left as maths for the page's Markdown, not escaped
    _cat, files = render_all(load(bank_root))
    record = next(q for q in json.loads(files["api/questions.json"])["questions"] if q["id"] == "softmax-scaling")
    assert record["follow_ups_html"] == ['What happens with <span class="arithmatex">\\(d_k = 1\\)</span>?']
