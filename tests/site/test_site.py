"""Build the real bank with `mkdocs build --strict` into a temporary folder and check the HTML:
links resolve, nothing loads from another origin, every question appears exactly once, builds are
reproducible, and a failed build leaves the previous site intact."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO
from htmlscan import scan_site
from qbank.site.site_copy import copy_site_config

pytestmark = pytest.mark.slow


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qbank", "build"], cwd=root, capture_output=True, text=True)


@pytest.fixture(scope="module")
def real_sites(tmp_path_factory):
    """The real bank, built twice in two separate folders."""

    roots = []
    for name in ("first", "second"):
        root = copy_site_config(REPO, tmp_path_factory.mktemp(name), REPO / "questions")
        result = build(root)
        assert result.returncode == 0, result.stdout + result.stderr
        roots.append(root)
    return roots


def question_ids(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "questions").glob("*/*.yaml") if not p.name.startswith("_"))


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    base = page.parent
    target = (base / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_fragment_resolves(real_sites):
    site = real_sites[0] / "site"
    pages = scan_site(site)
    broken = []
    for page, info in pages.items():
        if page.name == "404.html" and page.parent == site:
            continue  # served at any missing path, so Material writes root-absolute links there by design
        for href in info.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = resolve(site, page, href)
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif fragment and target.suffix == ".html" and fragment not in (pages.get(target) or scan_site_page(target)).ids:
                broken.append(f"{page.relative_to(site)} -> {href} (no #{fragment})")
    assert broken == []


def scan_site_page(path: Path):
    from htmlscan import scan

    return scan(path)


def test_no_page_loads_anything_from_another_origin(real_sites):
    site = real_sites[0] / "site"
    external = []
    for page, info in scan_site(site).items():
        for tag, url in info.resources:
            if urlsplit(url).scheme or url.startswith("//"):
                external.append(f"{page.relative_to(site)}: <{tag}> {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(errors="ignore")):
            external.append(f"{css.relative_to(site)}: {url}")
        if "@import" in css.read_text(errors="ignore"):
            external.append(f"{css.relative_to(site)}: @import")
    assert external == []


def test_every_question_appears_exactly_once_and_counts_agree(real_sites):
    root = real_sites[0]
    headings = Counter(h for info in scan_site(root / "site").values() for h in info.question_headings)
    ids = question_ids(root)
    assert sorted(headings) == ids
    assert set(headings.values()) <= {1}
    data = json.loads((root / "site/api/questions.json").read_text())
    assert data["count"] == len(data["questions"]) == len(ids) == sum(headings.values())


def test_permalink_stubs_point_at_the_question(real_sites):
    site = real_sites[0] / "site"
    for qid in question_ids(real_sites[0]):
        stub = site / "q" / qid / "index.html"
        target = re.search(r'url=([^"]+)"', stub.read_text()).group(1)
        page, fragment = resolve(site, stub, target)
        assert fragment == qid and qid in scan_site_page(page).ids


def test_search_holds_one_record_per_answered_question_and_no_page(real_sites):
    """Pagefind's fragments (gzip, a signature, then JSON) name every answered question's anchor exactly once,
    and nothing else: no index, tag or difficulty page, no page crawled whole."""
    site = real_sites[0] / "site"
    records = []
    for path in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        records.append(json.loads(raw[len(b"pagefind_dcd") :]))
    api = json.loads((site / "api/questions.json").read_text())
    answered = {q["id"]: q for q in api["questions"] if q["answered"]}
    assert sorted(r["url"] for r in records) == sorted("/" + q["page"] for q in answered.values())
    for r in records:
        q = answered[r["url"].split("#")[1]]
        assert r["meta"]["title"] and r["meta"]["topic"] == q["topic_title"]
        assert r["filters"]["difficulty"] == [q["difficulty"]] and sorted(r["filters"]["tag"]) == sorted(q["tags"])
    assert not (site / "search").exists()  # Material's search index is gone


def test_two_builds_are_byte_identical(real_sites):
    def files(root):
        site = root / "site"
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    first, second = (files(r) for r in real_sites)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_a_failed_build_leaves_the_previous_site_intact(site_root):
    root = site_root()
    assert build(root).returncode == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](missing-page.md)\n")
    result = build(root)
    assert result.returncode == 1
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]
