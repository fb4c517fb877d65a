"""The engine check's comparison (tools/engine-check): it names each kind of difference between two built sites.
The builds themselves run in `make engine-check`, not here."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO

sys.path.insert(0, str(REPO / "tools" / "engine-check"))
import engine_check  # noqa: E402

PAGE = """<html><head><link rel="canonical" href="https://example.org/topics/a/">{head}</head><body>
<h2 class="qb-question" id="{qid}">Q</h2><a href="../b/">b</a>{body}</body></html>"""
STUB = '<meta http-equiv="refresh" content="0; url=../../topics/a/#{qid}">'


def site(root: Path, qids=("alpha-one",), head="", body="", extra_pages=()) -> Path:
    (root / "topics/a").mkdir(parents=True)
    (root / "topics/b").mkdir(parents=True)
    (root / "topics/a/index.html").write_text("".join(PAGE.format(qid=q, head=head, body=body) for q in qids))
    (root / "topics/b/index.html").write_text("<html>b</html>")
    for q in qids:
        (root / "q" / q).mkdir(parents=True, exist_ok=True)
        (root / "q" / q / "index.html").write_text(STUB.format(qid=q))
    for p in extra_pages:
        (root / p).parent.mkdir(parents=True, exist_ok=True)
        (root / p).write_text("<html></html>")
    return root


def test_identical_sites_have_no_difference(tmp_path):
    assert engine_check.compare(site(tmp_path / "a"), site(tmp_path / "b")) == []


def test_a_missing_question_and_a_missing_page_are_named(tmp_path):
    default = site(tmp_path / "a", qids=("alpha-one", "beta-two"), extra_pages=["tags/index.html"])
    other = site(tmp_path / "b", qids=("alpha-one",))
    assert engine_check.compare(default, other) == [
        "page only in the default build: q/beta-two/index.html",
        "page only in the default build: tags/index.html",
        "question 'beta-two' is missing from the alternative build",
    ]


def test_a_question_shown_twice_is_named(tmp_path):
    problems = engine_check.compare(site(tmp_path / "a"), site(tmp_path / "b", qids=("alpha-one", "alpha-one")))
    pages = ["topics/a/index.html", "topics/a/index.html"]
    assert problems == [f"question 'alpha-one' appears 2 times in the alternative build: {pages}"]


def test_a_broken_stub_a_dead_link_and_another_origin_are_named(tmp_path):
    other = site(tmp_path / "b", head='<script src="https://cdn.example.com/x.js"></script>', body='<a href="../nowhere/">x</a>')
    (other / "q/alpha-one/index.html").write_text(STUB.format(qid="gone"))
    problems = engine_check.compare(site(tmp_path / "a"), other)
    assert "alternative build: q/alpha-one/ does not lead to its question (../../topics/a/#gone)" in problems
    assert "alternative build: topics/a/index.html: link '../nowhere/' leads to nothing" in problems
    cdn = "https://cdn.example.com/x.js"
    assert f"alternative build: topics/a/index.html: <script src> loads from another origin: {cdn}" in problems
    assert not any("canonical" in p or "example.org/topics" in p for p in problems)  # a canonical link is not a load
