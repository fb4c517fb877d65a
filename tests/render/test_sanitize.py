"""The one sanitiser: it keeps everything the site really emits and removes what it must."""

from __future__ import annotations

import json

import pytest

from qbank.render.sanitize import clean, removed


@pytest.mark.parametrize(
    "dirty, gone, needle",
    [
        ("<p>hi<script>alert(1)</script></p>", "start script", "<script"),
        ('<img src="x" onerror="alert(1)">', "start img", "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "href", "javascript:"),
        ('<p onclick="alert(1)">x</p>', "onclick", "onclick"),
        ('<iframe src="https://example.com"></iframe>', "start iframe", "<iframe"),
        ('<div style="position:fixed;top:0">x</div>', "style", "position:fixed"),
    ],
)
def test_dangerous_markup_is_removed_and_reported(dirty, gone, needle):
    cleaned = clean(dirty)
    assert needle in dirty and needle not in cleaned, cleaned  # each case names what must be gone
    assert any(gone in item for item in removed(dirty, cleaned))


def test_markup_the_site_emits_survives_untouched():
    html = (
        '<h2 class="qb-question" data-difficulty="hard" data-tags="a b" id="x">Q'
        '<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
        '<details class="note" open><summary>Detailed answer</summary>'
        '<p><span class="arithmatex">\\(a&lt;b\\)</span></p></details>'
        '<div class="admonition abstract"><p class="admonition-title">Short answer</p></div>'
        '<div class="highlight"><pre><span></span><code><span class="n">x</span></code></pre></div>'
        '<table><thead><tr><th style="text-align: right;">n</th></tr></thead></table>'
        '<a href="../tags/llm/">llm</a> <a href="https://arxiv.org/abs/1706.03762">paper</a>'
    )
    assert removed(html, clean(html)) == []


def test_sanitising_the_real_bank_exports_removes_nothing():
    from conftest import REPO
    from qbank.exports.api import questions_json
    from qbank.render.catalogue import build_catalogue
    from qbank.render.html import _renderer
    from qbank.source.bank import load

    cat = build_catalogue(load(REPO))
    data = json.loads(questions_json(cat))
    md = _renderer()
    for record in data["questions"]:
        if record["answered"]:
            for key in ("short_markdown", "detailed_markdown"):
                text = record["answer"][key]
                if text:
                    md.reset()
                    raw = md.convert(text)
                    assert removed(raw, clean(raw)) == [], record["id"]
