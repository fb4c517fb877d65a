"""``qbank bench --questions N``: how validation and the build scale with the size of the bank.

A realistic bank of N questions is synthesised in a temporary folder from the real one: each synthetic
question borrows a real question's answer (so answer sizes, maths, code fences and references follow the
real distribution), its tags come from the real vocabulary, and its links and related ids point at other
synthetic questions. Topics grow as about sqrt(N), and large topics are split into subtopics, as a real
bank would be. The site config is copied beside it, then validate, generate and ``mkdocs build --strict``
are timed (``--cache`` adds validate with an empty and then a warm per-file cache). One JSON line is printed.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from qbank.check.rules.crossfile_rules import MAX_QUESTIONS_PER_PAGE
from qbank.model.schema import SCHEMA_HEADER
from qbank.site.site_copy import copy_site_config
from qbank.source import bank as bank_module

_LINK = re.compile(r"\]\(#[a-z0-9]+(?:-[a-z0-9]+)*\)")
CHROMIUM = "/usr/bin/chromium"


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _templates(source: Path) -> tuple[list, dict[str, str]]:
    real = bank_module.load(source)
    models = [q.model for q in real.questions if q.model is not None]
    if not models:
        raise SystemExit("qbank bench: the bank in questions/ has no readable question to learn sizes from")
    return sorted(models, key=lambda m: m.id), real.tags


def _layout(n: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """(topic, [subtopic ids]) with about sqrt(N) topics. As in the real bank, a topic is split into subtopics
    when it outgrows one page (QB071, pages of about 25); below that, every other topic is split in two."""
    topics = max(2, round(math.sqrt(n)))
    per_topic = max(1, n // topics)
    out = []
    for t in range(topics):
        subs = math.ceil(per_topic / 25) if per_topic > MAX_QUESTIONS_PER_PAGE else (2 if t % 2 else 0)
        out.append((f"topic-{t:04d}", [f"sub-{t:04d}-{s:02d}" for s in range(subs)]))
    return out


def synthesise(source: Path, dest: Path, n: int, seed: int = 0) -> None:
    """Write a valid bank of ``n`` questions into ``dest/questions`` modelled on the bank under ``source``."""
    rng = random.Random(seed)
    models, tags = _templates(source)
    qdir = dest / "questions"
    qdir.mkdir(parents=True)
    (qdir / "_tags.yaml").write_text(yaml.safe_dump(tags, allow_unicode=True, sort_keys=True), encoding="utf-8")
    layout = _layout(n, rng)
    for pos, (topic, subs) in enumerate(layout):
        meta = {"title": f"Topic {pos}", "description": f"Synthetic topic number {pos}.", "position": str(pos)}
        if subs:
            meta["subtopics"] = [{"id": s, "title": f"Subtopic {s}", "position": str(i)} for i, s in enumerate(subs)]
        (qdir / topic).mkdir()
        (qdir / topic / "_topic.yaml").write_text(yaml.dump(meta, Dumper=_Dumper, sort_keys=False), encoding="utf-8")

    ids = [f"{models[i % len(models)].id[:60]}-{i}" for i in range(n)]
    vocabulary = sorted({w for m in models for w in re.findall(r"[a-z]{3,}", m.question.lower())})
    for i, qid in enumerate(ids):
        m = models[i % len(models)]
        topic, subs = layout[i % len(layout)]

        def pick(i: int = i) -> str:
            """Another question's id (never this one)."""
            return ids[(i + 1 + rng.randrange(n - 1)) % n]

        def relink(text: str) -> str:
            return _LINK.sub(lambda _m: f"](#{pick()})", text) if n > 1 else _LINK.sub("](https://example.org/)", text)

        # Words drawn at random from the real questions: the same length, but no near-duplicates.
        words = rng.sample(vocabulary, min(len(vocabulary), len(m.question.split())))
        text = " ".join(words)[:280].capitalize()
        data: dict = {"id": qid, "question": f"{text} ({i})?", "difficulty": m.difficulty, "tags": list(m.tags)}
        if subs:
            data["subtopic"] = subs[(i // len(layout)) % len(subs)]  # i % len(layout) chose the topic
        if m.answer:
            data["answer"] = {"short": relink(m.answer.short)}
            if m.answer.detailed:
                data["answer"]["detailed"] = relink(m.answer.detailed)
        for key in ("key_points", "follow_ups", "pitfalls"):
            if getattr(m, key):
                data[key] = [relink(s) for s in getattr(m, key)]
        if m.references:
            data["references"] = [{"title": r.title, "url": r.url} for r in m.references]
        if n > 3:
            data["related"] = sorted({pick() for _ in range(rng.randrange(4))})
        if not data.get("related"):
            data.pop("related", None)
        data["last_reviewed"] = m.last_reviewed.isoformat()
        body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
        (qdir / topic / f"{qid}.yaml").write_text(f"{SCHEMA_HEADER}\n{body}", encoding="utf-8")


def _tree_bytes(folder: Path) -> tuple[int, int]:
    """Total bytes, and the largest HTML page."""
    total = largest = 0
    for p in folder.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            total += size
            if p.suffix == ".html":
                largest = max(largest, size)
    return total, largest


# The phone profile for search latency: Chrome DevTools' conditions for a slow mobile connection and CPU.
PHONE = {"latency_ms": 150, "download_bits_per_s": 1_600_000, "upload_bits_per_s": 750_000, "cpu_slowdown": 4}

# Installed before the page's scripts run: the time of the last keystroke in the search box, and of the first
# search result added to the page after it.
_TIMER = """
window.__qbLastKey = null; window.__qbFirstResult = null;
document.addEventListener("input", (ev) => {
  if (!ev.target.closest || !ev.target.closest("[data-qb-search]")) return;
  window.__qbLastKey = performance.now();
  window.__qbFirstResult = null;
}, true);
new MutationObserver(() => {
  if (window.__qbLastKey !== null && window.__qbFirstResult === null && document.querySelector(".qb-search__result")) {
    window.__qbFirstResult = performance.now();
  }
}).observe(document, { childList: true, subtree: true });
"""


def search_latency_ms(site: Path, queries: tuple[str, str] = ("kv cache size", "speculative decoding draft")) -> dict | None:
    """Milliseconds from the last keystroke to the first rendered search result, in headless Chromium: the
    first search right after the home page's load event (Pagefind not yet loaded) and a later one, each
    unthrottled and under the phone profile (PHONE, through the DevTools protocol). None without a browser."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    def measure(browser, phone: bool) -> dict:
        context = browser.new_context(viewport={"width": 412, "height": 915} if phone else {"width": 1280, "height": 900})
        page = context.new_page()
        if phone:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": PHONE["latency_ms"],
                    "downloadThroughput": PHONE["download_bits_per_s"] / 8,
                    "uploadThroughput": PHONE["upload_bits_per_s"] / 8,
                },
            )
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu_slowdown"]})
        page.add_init_script(_TIMER)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
        out = {}
        for name, query in zip(("first", "later"), queries, strict=True):
            page.keyboard.press("/")
            page.keyboard.press("Control+A")
            page.keyboard.type(query, delay=30)
            page.wait_for_function("window.__qbFirstResult !== null", timeout=120_000)
            out[name] = round(page.evaluate("window.__qbFirstResult - window.__qbLastKey"))
            page.keyboard.press("Escape")
        context.close()
        return out

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            result = {"unthrottled": measure(browser, phone=False), "phone": measure(browser, phone=True)}
            browser.close()
            return result
    finally:
        server.shutdown()
        server.server_close()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux; children is the largest child (mkdocs), not a sum.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


def _timed_validate(root: Path, cache: Path) -> tuple[list, float, float]:
    from qbank.check.validate import validate

    t0, c0 = time.perf_counter(), time.process_time()
    _bank, problems = validate(root, cache=cache)
    return problems, round(time.perf_counter() - t0, 3), round(time.process_time() - c0, 3)


def run(source: Path, n: int, site: bool = True, keep: Path | None = None, search: bool = False, cache: bool = False) -> dict:
    from qbank.check.cache import CACHE_DIR
    from qbank.check.validate import has_errors, validate
    from qbank.site.build import source_date_epoch
    from qbank.site.generate import render_all, write_all

    work = Path(tempfile.mkdtemp(prefix="qbank-bench-")) if keep is None else keep
    try:
        synthesise(source, work, n)
        copy_site_config(source, work)
        t0, c0 = time.perf_counter(), time.process_time()
        bank, problems = validate(work)
        validate_s, validate_cpu = time.perf_counter() - t0, time.process_time() - c0
        if has_errors(problems):
            for p in problems[:20]:
                print(p, file=sys.stderr)
            raise SystemExit(f"qbank bench: the synthetic bank has {len(problems)} problems")
        # CPU seconds are reported beside wall seconds: on a shared machine only the former are comparable.
        result: dict = {
            "questions": len(bank.questions),
            "validate_s": round(validate_s, 3),
            "validate_cpu_s": round(validate_cpu, 3),
        }
        if cache:  # validate with the per-file cache: empty (checks and writes every file), then warm
            cold, result["validate_cache_cold_s"], result["validate_cache_cold_cpu_s"] = _timed_validate(work, work / CACHE_DIR)
            warm, result["validate_warm_s"], result["validate_warm_cpu_s"] = _timed_validate(work, work / CACHE_DIR)
            if not problems == cold == warm:
                raise SystemExit("qbank bench: validate with the cache disagrees with validate without it")
        t0, c0 = time.perf_counter(), time.process_time()
        cat, files = render_all(bank)
        write_all(work, files)
        result["generate_s"] = round(time.perf_counter() - t0, 3)
        result["generate_cpu_s"] = round(time.process_time() - c0, 3)
        # The "All questions" page loads one file, api/index.json: its size is that page's weight at this size.
        all_index = files["api/index.json"]
        result["all_questions_index_bytes"] = len(all_index)
        result["all_questions_index_gzip_bytes"] = len(gzip.compress(all_index, 6))
        if site:
            env = dict(os.environ, QBANK_SKIP_GENERATE="1", NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=source_date_epoch(cat))
            cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(work / "site")]
            t0, k0 = time.perf_counter(), _children_cpu()
            proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
            result["site_build_s"] = round(time.perf_counter() - t0, 3)
            result["site_build_cpu_s"] = round(_children_cpu() - k0, 3)
            if proc.returncode:
                sys.stderr.write(proc.stderr[-5000:])
                raise SystemExit("qbank bench: mkdocs build failed")
            from qbank.site.search import index_site

            t0, k0 = time.perf_counter(), _children_cpu()
            index_site(work / "site")
            result["search_index_s"] = round(time.perf_counter() - t0, 3)
            result["search_index_cpu_s"] = round(_children_cpu() - k0, 3)
            total, largest = _tree_bytes(work / "site")
            index_bytes, _ = _tree_bytes(work / "site" / "pagefind")
            all_page = work / "site" / "all-questions" / "index.html"
            result.update(
                site_bytes=total,
                largest_page_bytes=largest,
                all_questions_page_bytes=all_page.stat().st_size if all_page.exists() else 0,
                search_index_bytes=index_bytes,
                bytes_per_question=round(total / max(1, n)),
            )
        if site and search:
            result["search_result_ms"] = search_latency_ms(work / "site")
        result["peak_rss_mb"] = _peak_rss_mb()
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def main(args) -> int:
    if args.questions < 1:
        print("qbank bench: --questions must be at least 1", file=sys.stderr)
        return 2
    if getattr(args, "site", None):
        print(json.dumps({"search_result_ms": search_latency_ms(Path(args.site).resolve())}))
        return 0
    if getattr(args, "serve", False):
        from qbank.tools.serve_bench import save_to_reload

        print(json.dumps(save_to_reload(Path.cwd())), flush=True)
        return 0
    keep = Path(args.keep).resolve() if args.keep else None
    if keep is not None:
        if keep.exists() and any(keep.iterdir()):
            print(f"qbank bench: {keep} is not empty", file=sys.stderr)
            return 2
        keep.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(Path.cwd(), args.questions, site=not args.no_site, keep=keep, search=args.search, cache=args.cache)))
    return 0
