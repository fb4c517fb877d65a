"""Audit the built site: Lighthouse (mobile) scores and axe-core violations in the light and dark palettes.

Serves site/ on a free local port, audits the home page, the heaviest page of questions and the practice
page (when it exists), prints a table of scores and exits 1 when a floor is not met. Run it with `make audit`.

    python tools/audit/audit.py [--site site] [--pages / topics/attention/] [--no-lighthouse] [--no-axe]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLOORS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100}
PALETTES = ("light", "dark")


def heaviest_question_page(site: Path) -> str:
    """The largest page of questions under topics/: the worst case for speed, whichever topic it is."""
    candidates = [p for p in (site / "topics").rglob("index.html") if 'class="qb-question"' in p.read_text()]
    heaviest = max(candidates, key=lambda p: (p.stat().st_size, str(p)))
    return heaviest.parent.relative_to(site).as_posix() + "/"


def pages_to_audit(site: Path) -> list[str]:
    pages = ["", heaviest_question_page(site)]
    if (site / "practice" / "index.html").exists():
        pages.append("practice/")
    return pages


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as GitHub Pages and most hosts serve them."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the theme's redirect to the trailing slash
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve the site folder on a free port on 127.0.0.1; yields the base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _run_lighthouse(url: str, categories: str, cpu_slowdown: float | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={categories}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ]
        if cpu_slowdown is not None:
            cmd.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:g}")
        subprocess.run(cmd, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())


def calibrated_slowdown(url: str) -> tuple[float, float]:
    """Lighthouse's default 4x CPU slowdown assumes a high-end desktop host (benchmark index 1500+), turning it
    into a mid-tier phone. Lighthouse's throttling guide scales the multiplier to the host: 2x for 1000-1500,
    1x below 1000, where the host is already as slow as the phone being emulated. Returns (multiplier, index)."""
    index = _run_lighthouse(url, "seo", None)["environment"]["benchmarkIndex"]
    return (4.0 if index >= 1500 else 2.0 if index >= 1000 else 1.0), index


def lighthouse(url: str, cpu_slowdown: float | None = None) -> dict[str, int]:
    """Mobile Lighthouse scores (0-100) per category, with the failing audits for anything under 100."""
    report = _run_lighthouse(url, ",".join(FLOORS), cpu_slowdown)
    scores, failing = {}, []
    for key, cat in report["categories"].items():
        scores[key] = round(cat["score"] * 100)
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{key}: {ref['id']} ({audit['score']})")
    scores["_failing"] = failing
    return scores


def axe(base: str, pages: list[str], chromium: str = CHROMIUM) -> dict[tuple[str, str], list[str]]:
    """axe-core violations per (page, palette), as 'rule-id (n nodes)'."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for palette in PALETTES:
                context = browser.new_context(color_scheme=palette)
                page = context.new_page()
                for path in pages:
                    page.goto(base + path, wait_until="networkidle")
                    results = Axe().run(page)
                    found[(path or "/", palette)] = [
                        f"{v['id']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
                    ]
                context.close()
        finally:
            browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default="site", type=Path)
    ap.add_argument("--pages", nargs="*", help="paths under the site root (default: home, a topic page, practice)")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--no-axe", action="store_true")
    ap.add_argument("--cpu-slowdown", type=float, help="Lighthouse CPU multiplier (default: calibrated to this machine)")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html not found: run `qbank build` first", file=sys.stderr)
        return 2
    pages = [p.lstrip("/") for p in args.pages] if args.pages is not None else pages_to_audit(args.site)
    ok = True
    with serve(args.site) as base:
        if not args.no_lighthouse:
            slowdown = args.cpu_slowdown
            if slowdown is None:
                slowdown, index = calibrated_slowdown(base)
                print(f"host CPU benchmark index {index:.0f}: CPU slowdown {slowdown:g}x")
            print(f"Lighthouse 12 (mobile, {slowdown:g}x CPU slowdown), floors {FLOORS}")
            print(f"{'page':32} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
            for path in pages:
                s = lighthouse(base + path, slowdown)
                print(f"{'/' + path:32} " + " ".join(f"{s[k]:>5}" for k in FLOORS))
                for line in s["_failing"]:
                    print(f"    {line}")
                ok &= all(s[k] >= floor for k, floor in FLOORS.items())
        if not args.no_axe:
            print("axe-core violations (light and dark palettes)")
            for (path, palette), violations in axe(base, pages).items():
                print(f"{path:32} {palette:5} {len(violations)} " + ", ".join(violations))
                ok &= not violations
    print("audit: floors met" if ok else "audit: FLOORS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
