"""``qbank bench --serve``: save-to-reload time of ``mkdocs serve`` on the real bank.

The bank and the site config are copied to a temporary folder and served as ``make serve`` serves them. Then
one question's short answer is edited several times, and each time the clock runs from the file's write to
the moment the served topic page holds the edit: what a contributor waits between saving and seeing it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from qbank.site.site_copy import copy_site_config

# Where a marker word can go at the start of a short answer: after a block scalar's header, or before a plain
# scalar's first letter.
_SHORT = re.compile(r"^  short: (?:[>|][-+]?\n    |(?=[A-Za-z]))", re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at url contains text (polled every 50 ms)."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - t0
        time.sleep(0.05)
    raise SystemExit(f"qbank bench: {url} did not show {text!r} within {timeout:.0f} s")


def _edit_target(work: Path, base: str) -> tuple[Path, str]:
    """A question file whose short answer can take a marker word, and the served URL of its page."""
    api = json.loads(_get(base + "api/questions.json") or "{}")
    for q in api.get("questions", []):
        path = work / "questions" / q["topic"] / f"{q['id']}.yaml"
        if q.get("answered") and path.is_file() and _SHORT.search(path.read_text(encoding="utf-8")):
            return path, base + q["page"].split("#")[0]
    raise SystemExit("qbank bench: no question to edit")


def save_to_reload(source: Path, edits: int = 3) -> dict:
    """Median, min and max seconds from saving a question to its page serving the change, and the seconds the
    server took to start (first full build)."""
    from qbank.site.build import generate

    work = Path(tempfile.mkdtemp(prefix="qbank-serve-"))
    proc = None
    try:
        copy_site_config(source, work, questions=source / "questions")
        if generate(work, quiet=True)[0] != 0:
            raise SystemExit("qbank bench: the bank does not validate")
        port = _free_port()
        base = f"http://127.0.0.1:{port}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start_s = _wait_for(base, "</html>", 900)
        path, page = _edit_target(work, base)
        original = path.read_text(encoding="utf-8")
        times = []
        for i in range(edits):
            marker = f"Servebenchmarker{i}"
            time.sleep(1.5)  # the watcher coalesces events; leave each save its own rebuild
            path.write_text(_SHORT.sub(lambda m, marker=marker: m.group() + marker + " ", original, count=1), encoding="utf-8")
            times.append(_wait_for(page, marker, 300))
        return {
            "serve_start_s": round(start_s, 2),
            "save_to_reload_s": round(statistics.median(times), 2),
            "save_to_reload_min_s": round(min(times), 2),
            "save_to_reload_max_s": round(max(times), 2),
        }
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)
