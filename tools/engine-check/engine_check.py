"""Build the real bank with the maintained continuations of the engine (ProperDocs and MaterialX) and check
the result against the default build (MkDocs and Material).

    make engine-check        # or: .venv/bin/python tools/engine-check/engine_check.py --next-venv .venv-next

Checks, each printed with what differs:
- the same set of pages;
- every question present exactly once, as its anchored heading;
- every /q/<id>/ stub present and pointing at a page and anchor that exist;
- every internal link resolving to a built file;
- the sanitiser's hook running: a build of tampered content fails under --strict;
- no page referencing a script, style, image or font on another origin.
Exit status 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
# A question heading, whichever order the sanitiser writes its id and class in.
QUESTION = re.compile(
    r'<h2[^>]*\bid="([a-z0-9]+(?:-[a-z0-9]+)*)"[^>]*\bclass="[^"]*qb-question'
    r'|<h2[^>]*\bclass="[^"]*qb-question[^"]*"[^>]*\bid="([a-z0-9-]+)"'
)
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
TAMPER = '\n\n<script>window.__engine_check = 1</script>\n'


# <link> relations that make the browser fetch the target; a canonical or alternate link is only a name.
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "apple-touch-icon", "manifest"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str, bool]] = []  # (tag, attribute, value, fetched by the browser)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rels = set((attributes.get("rel") or "").lower().split())
        for name, value in attrs:
            if name in ("href", "src") and value:
                fetched = name == "src" or (tag == "link" and bool(rels & FETCHING_RELS))
                self.links.append((tag, name, value, fetched))


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def question_ids(site: Path) -> dict[str, list[str]]:
    """Question id -> the pages whose anchored question heading carries it (redirect stubs excluded)."""
    found: dict[str, list[str]] = {}
    for page in sorted(pages(site)):
        if page.startswith("q/"):
            continue
        for m in QUESTION.finditer((site / page).read_text(encoding="utf-8")):
            found.setdefault(m.group(1) or m.group(2), []).append(page)
    return found


def _resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    path, _, anchor = href.partition("#")
    path = unquote(path.partition("?")[0])
    if path.startswith("/"):  # root-absolute, as on the 404 page: the site is built for the root of SITE_URL
        target = site / path.lstrip("/")
    else:
        target = (site / page).parent / path if path else site / page
    if target.is_dir():
        target = target / "index.html"
    return target.resolve(), anchor


def check_site(site: Path) -> list[str]:
    """Problems within one built site: stubs, internal links and other origins."""
    problems = []
    ids = question_ids(site)
    for qid in sorted(ids):
        stub = site / "q" / qid / "index.html"
        if not stub.is_file():
            problems.append(f"q/{qid}/ has no redirect stub")
            continue
        m = REDIRECT.search(stub.read_text(encoding="utf-8"))
        target, anchor = _resolve(site, f"q/{qid}/index.html", m.group(1) if m else "")
        if not m or not target.is_file() or f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
            problems.append(f"q/{qid}/ does not lead to its question ({m.group(1) if m else 'no target'})")
    for page in sorted(pages(site)):
        parser = _Links()
        parser.feed((site / page).read_text(encoding="utf-8"))
        for tag, attr, value, fetched in parser.links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") or value.startswith("//"):
                if fetched:
                    problems.append(f"{page}: <{tag} {attr}> loads from another origin: {value}")
                continue
            if parts.scheme or value.startswith(("#", "//")):
                continue
            target, _anchor = _resolve(site, page, value)
            if not target.exists():
                problems.append(f"{page}: link {value!r} leads to nothing")
    return problems


def compare(default: Path, other: Path) -> list[str]:
    """Differences between the default build and the alternative one, as lines a person can act on."""
    problems = []
    a, b = pages(default), pages(other)
    problems += [f"page only in the default build: {p}" for p in sorted(a - b)]
    problems += [f"page only in the alternative build: {p}" for p in sorted(b - a)]
    ids_a, ids_b = question_ids(default), question_ids(other)
    problems += [f"question {q!r} is missing from the alternative build" for q in sorted(set(ids_a) - set(ids_b))]
    problems += [f"question {q!r} appears only in the alternative build" for q in sorted(set(ids_b) - set(ids_a))]
    twice = [(q, p) for q, p in sorted(ids_b.items()) if len(p) != 1]
    problems += [f"question {q!r} appears {len(p)} times in the alternative build: {p}" for q, p in twice]
    problems += [f"default build: {p}" for p in check_site(default)]
    problems += [f"alternative build: {p}" for p in check_site(other)]
    return problems


def _run(cmd: list[str], cwd: Path, env: dict) -> tuple[int, str, float]:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--next-venv", default=str(ROOT / ".venv-next"), help="venv with ProperDocs and MaterialX")
    p.add_argument("--keep", metavar="DIR", help="keep both builds in DIR instead of a temp folder")
    args = p.parse_args(argv)
    venv_next = Path(args.next_venv).resolve()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="engine-check-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    try:
        rc = subprocess.run([sys.executable, "-m", "qbank", "build", "--no-site"], cwd=ROOT).returncode
        if rc != 0:
            print("engine-check: the bank does not build; run qbank validate", file=sys.stderr)
            return 1
        skip = {**env, "QBANK_SKIP_GENERATE": "1"}
        properdocs = str(venv_next / "bin" / "properdocs")
        builds = {
            "default (MkDocs + Material)": ([sys.executable, "-m", "mkdocs"], {**skip, "QBANK_THEME": "material"}, work / "dflt"),
            "next (ProperDocs + MaterialX)": ([properdocs], {**skip, "QBANK_THEME": "materialx"}, work / "next"),
        }
        for name, (cmd, build_env, site) in builds.items():
            rc, out, seconds = _run([*cmd, "build", "--strict", "--site-dir", str(site)], ROOT, build_env)
            print(f"{name}: {'built' if rc == 0 else 'FAILED'} in {seconds:.1f} s")
            if rc != 0:
                print(out[-4000:])
                return 1
        problems = compare(work / "dflt", work / "next")
        problems += _tamper_check(ROOT, venv_next, work, env)
        n_pages, n_questions = len(pages(work / "dflt")), len(question_ids(work / "dflt"))
        for line in problems:
            print(f"DIFF {line}")
        print(f"{n_pages} pages and {n_questions} questions compared; {len(problems)} difference(s)")
        return 1 if problems else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _tamper_check(root: Path, venv_next: Path, work: Path, env: dict) -> list[str]:
    """Copy the site sources, inject a script into a generated page, and expect the strict build to refuse it."""
    copy = work / "tampered"
    shutil.copytree(root / "docs", copy / "docs")
    for name in ("mkdocs.yml", "overrides", "scripts", "questions"):
        src = root / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, copy / name)
    page = next((copy / "docs" / "topics").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + TAMPER, encoding="utf-8")
    tampered_env = {**env, "QBANK_SKIP_GENERATE": "1", "QBANK_THEME": "materialx"}
    cmd = [str(venv_next / "bin" / "properdocs"), "build", "--strict", "--site-dir", str(copy / "site")]
    rc, out, _ = _run(cmd, copy, tampered_env)
    if rc == 0:
        return ["the sanitiser's hook did not stop a strict build of tampered content"]
    if "sanitis" in out.lower() or "removed" in out.lower():
        return []
    return [f"the tampered build failed for another reason: {out[-300:]}"]


if __name__ == "__main__":
    sys.exit(main())
