"""A small HTML scanner for the built site: ids, links and resources per page (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class PageScan:
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    resources: list[tuple[str, str]] = field(default_factory=list)  # (tag, url) that the browser loads
    question_headings: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.scan.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.scan.hrefs.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.scan.resources.append((tag, a["src"]))
        if (
            tag == "link"
            and a.get("href")
            and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
        ):
            self.scan.resources.append((tag, a["href"]))
        if tag == "h2" and "qb-question" in (a.get("class") or "").split():
            self.scan.question_headings.append(a.get("id", ""))


def scan(path: Path) -> PageScan:
    s = _Scanner()
    s.feed(path.read_text(encoding="utf-8"))
    return s.scan


def scan_site(site: Path) -> dict[Path, PageScan]:
    return {p: scan(p) for p in sorted(site.rglob("*.html"))}
