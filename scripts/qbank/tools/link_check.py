"""Check that every reference URL in the bank still answers. Run on a schedule by CI, never by the tests
(it needs the network); ``python -m qbank.tools.link_check --report FILE`` writes a Markdown report.

Exit codes: 0 every link answered, 1 some did not, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from qbank.source import bank as bank_module

TIMEOUT = 20
USER_AGENT = "genai-interview-bank-link-check"


@dataclass(frozen=True)
class Result:
    url: str
    ok: bool
    detail: str  # HTTP status or the error


def references(root: Path) -> dict[str, list[str]]:
    """url -> the question files that cite it, each URL once, in a stable order."""
    cited: dict[str, list[str]] = defaultdict(list)
    for q in bank_module.load(root).questions:
        refs = q.data.get("references")
        for ref in refs if isinstance(refs, list) else []:
            if isinstance(ref, dict) and isinstance(ref.get("url"), str) and q.rel not in cited[ref["url"]]:
                cited[ref["url"]].append(q.rel)
    return dict(sorted(cited.items()))


def fetch(url: str, timeout: float = TIMEOUT) -> Result:
    """HEAD first; some servers refuse HEAD, so fall back to GET before calling a link broken."""
    last = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (https only, by QB rules)
                return Result(url, True, str(response.status))
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            last = str(getattr(exc, "reason", exc))
    return Result(url, False, last)


def check(urls: list[str], fetcher: Callable[[str], Result] = fetch, workers: int = 8) -> list[Result]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetcher, urls))


def report(results: list[Result], cited: dict[str, list[str]]) -> str:
    broken = [r for r in results if not r.ok]
    lines = ["# Reference link check", "", f"{len(results)} links checked, {len(broken)} did not answer.", ""]
    if broken:
        lines += ["| URL | Problem | Cited by |", "| --- | --- | --- |"]
        for r in broken:
            cell = lambda s: s.replace("|", "\\|")
            lines.append(f"| {cell(r.url)} | {cell(r.detail)} | {', '.join(f'`{p}`' for p in cited.get(r.url, []))} |")
        lines += ["", "Some servers block automated requests; open each link in a browser before changing a reference."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m qbank.tools.link_check", description=__doc__.split("\n")[0])
    p.add_argument("--report", metavar="FILE", help="write the Markdown report here as well as to standard output")
    try:
        args = p.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    cited = references(Path.cwd())
    results = check(list(cited), fetch)
    text = report(results, cited)
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
    print(text, end="")
    return 1 if any(not r.ok for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
