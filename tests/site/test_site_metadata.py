"""Every built page describes itself (meta description and Open Graph tags with its canonical URL), the
sitemap lists every page under SITE_URL, the 404 page helps, the exports are downloadable and linked from the
home page, maths arrives as MathML with no maths script, and questions.json's format page documents every field."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from qbank.site.generate import GENERATED, render_all
from qbank.site.site_copy import copy_site_config
from qbank.source.bank import load

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/bank/"


class Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property")] = a.get("content") or ""
        elif tag == "link":
            self.links.append((a.get("rel") or "", a.get("href") or ""))
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def head(path: Path) -> Head:
    h = Head()
    h.feed(path.read_text(encoding="utf-8"))
    return h


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture bank built with the real site config under a sub-path SITE_URL."""
    root = copy_site_config(REPO, tmp_path_factory.mktemp("metadata"), FIXTURES / "good_bank" / "questions")
    env = {**os.environ, "SITE_URL": SITE_URL}
    result = subprocess.run([sys.executable, "-m", "qbank", "build"], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def pages(site: Path) -> list[Path]:
    """Every HTML page except the /q/<id>/ redirect stubs and the 404 page."""
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "q" and p.name != "404.html"]


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_every_page_has_a_description_and_open_graph_tags_with_its_canonical_url(site):
    seen = {}
    for page in pages(site):
        meta = head(page).meta
        url = url_of(site, page)
        assert meta.get("description"), page
        assert meta["og:description"] == meta["description"]
        assert meta["og:title"] and meta["og:site_name"] == "GenAI Interview Bank"
        assert meta["og:url"] == url and ("canonical", url) in head(page).links
        assert meta["og:type"] == ("website" if url == SITE_URL else "article")
        seen[url] = meta["description"]
    assert len(seen) >= 10


def test_hand_written_pages_have_their_own_description(site):
    generic = head(site / "index.html").meta["description"]
    for md in sorted((REPO / "docs").glob("*.md")):
        if md.name in GENERATED:
            continue
        built = site / md.stem / "index.html"
        assert head(built).meta["description"] not in ("", generic), md.name


def test_the_sitemap_lists_every_page_under_site_url(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
    assert all(u.startswith(SITE_URL) for u in listed)
    assert listed == {url_of(site, p) for p in pages(site)}


def test_the_404_page_links_home_search_answers_wanted_and_permalinks(site):
    text = (site / "404.html").read_text()
    h = head(site / "404.html")
    assert SITE_URL in h.hrefs and SITE_URL + "answers-wanted/" in h.hrefs
    assert "search" in text.lower() and "q/&lt;id&gt;/" in text
    assert h.meta.get("og:type") == "article"


def test_exports_are_built_and_linked_from_the_home_page(site):
    data = json.loads((site / "api/questions.json").read_text())
    assert data["count"] == len(list((FIXTURES / "good_bank/questions").glob("*/[!_]*.yaml")))
    assert (site / "exports/genai-interview-bank.apkg").read_bytes()[:2] == b"PK"
    hrefs = head(site / "index.html").hrefs
    for target in ("api/questions.json", "exports/genai-interview-bank.apkg", "llms.txt", "data-format/"):
        assert target in hrefs
        assert (site / target / ("index.html" if target.endswith("/") else "")).exists()


def test_llms_txt_follows_the_convention_with_absolute_links(site):
    text = (site / "llms.txt").read_text()
    lines = text.splitlines()
    assert lines[0] == "# GenAI Interview Bank" and lines[2].startswith("> ")
    assert ["## Data", "## Topics", "## Optional"] == [line for line in lines if line.startswith("## ")]
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links and all(link.startswith(SITE_URL) for link in links)
    assert f"{SITE_URL}exports/genai-interview-bank.apkg" in links


def test_maths_is_mathml_in_the_page_with_no_maths_script_and_print_styles_are_linked(site):
    home = head(site / "index.html")
    assert any(href.endswith("stylesheets/print.css") for _rel, href in home.links)
    maths_page = next(p for p in pages(site) if '<span class="arithmatex">' in p.read_text())
    text = maths_page.read_text()
    assert "<math" in text and "\\(" not in text  # rendered at build time: no TeX left for a script
    assert not any("katex" in src or "mathjax" in src.lower() for src in head(maths_page).scripts)
    assert not any("katex" in href for _rel, href in head(maths_page).links)


def documented_fields(section: str) -> set[str]:
    text = (REPO / "docs/data-format.md").read_text()
    body = text.split(f"### {section}\n", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", body, flags=re.M))


def test_the_data_format_page_documents_every_field(bank_root):
    data = json.loads(render_all(load(bank_root))[1]["api/questions.json"])
    answered = next(q for q in data["questions"] if q["answer"])
    assert documented_fields("Top level") == set(data)
    assert documented_fields("`topics[]`") == set(data["topics"][0])
    assert documented_fields("`questions[]`") == set(answered)
    assert documented_fields("`answer`") == set(answered["answer"])
