"""Maths is rendered at build time: TeX becomes MathML the browser draws itself, anything the converter
cannot render safely is refused (and kept as text on a page), and text in formulas is escaped."""

from __future__ import annotations

import pytest

from qbank.model import maths
from qbank.render import sanitize


def test_a_formula_becomes_mathml_without_the_namespace_attribute():
    out = maths.to_mathml(r"\frac{QK^\top}{\sqrt{d_k}}")
    assert out.startswith('<math display="inline"><mrow><mfrac>') and "xmlns" not in out
    assert maths.to_mathml("x", display=True).startswith('<math display="block">')


def test_text_in_a_formula_is_escaped_exactly_once():
    out = maths.to_mathml(r"a<b \text{x<y & <script>}")
    assert "<mo>&lt;</mo>" in out and "<mtext>x&lt;y\xa0&amp;\xa0&lt;script&gt;</mtext>" in out  # \\text spaces become no-break
    assert "<script" not in out


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        (r"\foo{x}", r"the maths command \foo is not supported"),
        (r"\Big\lceil x \Big\rceil", r"the maths command \lceil is not supported"),
        (r"\href{javascript:alert(1)}{x}", "maths sets 'href'"),
        (r"\color{red}{x}", "maths sets 'mathcolor'"),
        (r"\style{color:red}{x}", "maths sets 'style'"),
    ],
)
def test_formulas_the_site_cannot_render_safely_are_refused(tex, message):
    [problem] = maths.problems(tex)
    assert problem.startswith(message)


def test_supported_formulas_have_no_problems():
    for tex in (
        r"\operatorname{argmin}_k \lVert x - c_k \rVert",
        r"\mathrm{KL}(q\,\|\,p)",
        r"\begin{cases}1 & i=j\\ 0\end{cases}",
    ):
        assert maths.problems(tex) == []


def test_render_html_replaces_inline_and_display_maths_and_leaves_the_rest():
    html = (
        '<p>Cost <span class="arithmatex">\\(O(n^2 d)\\)</span>, and</p>\n'
        '<div class="arithmatex">\\[\nc_t=\\sum_j \\alpha_{tj} h_j\n\\]</div>\n'
        "<pre><code>\\(not maths\\)</code></pre>"
    )
    out = maths.render_html(html)
    assert '<span class="arithmatex"><math display="inline">' in out
    assert '<div class="arithmatex"><math display="block">' in out
    assert "<pre><code>\\(not maths\\)</code></pre>" in out
    assert "\\(" not in out.split("<pre>")[0]


def test_a_formula_that_cannot_render_keeps_its_tex_as_text():
    html = '<p><span class="arithmatex">\\(\\href{javascript:x}{y}\\)</span></p>'
    assert maths.render_html(html) == html


def test_the_sanitiser_keeps_rendered_maths_whole():
    html = maths.render_html('<p><span class="arithmatex">\\(\\hat{y} = \\mathbb{E}_{x\\sim p}[\\tfrac{1}{2}x^2]\\)</span></p>')
    assert "<math" in html
    assert sanitize.removed(html, sanitize.clean(html)) == []
