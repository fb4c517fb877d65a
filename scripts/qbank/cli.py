"""The ``qbank`` command line. Every subcommand runs from the repository root.

Exit codes: 0 success, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qbank.model.problems import summary


def _validate(args) -> int:
    from qbank.check.cache import CACHE_DIR
    from qbank.check.validate import has_errors, validate

    bank, problems = validate(Path.cwd(), cache=None if args.no_cache else Path.cwd() / CACHE_DIR)
    for p in problems:
        print(p)
    print(summary(problems, bank.files_read))
    return 1 if has_errors(problems, args.strict) else 0


def _build(args) -> int:
    from qbank.site.build import build

    return build(Path.cwd(), site=not args.no_site, strict=args.strict)


def _schema(args) -> int:
    from qbank.tools.schema_files import write_schemas

    changed = write_schemas(Path.cwd())
    print(f"{len(changed)} schema file(s) updated" if changed else "schema files are current")
    return 0


def _bench(args) -> int:
    from qbank.tools import bench

    return bench.main(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qbank", description="Validate and build GenAI Interview Bank.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    v = sub.add_parser("validate", help="check the whole bank and print every problem")
    v.add_argument("--strict", action="store_true", help="treat warnings as errors")
    v.add_argument("--no-cache", action="store_true", help="check every file again; do not read or write .cache/qbank/validate/")
    v.set_defaults(func=_validate)
    b = sub.add_parser("build", help="validate, then write every generated file and build the site")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--no-site", action="store_true", help="write generated files only; skip mkdocs build")
    b.set_defaults(func=_build)
    s = sub.add_parser("schema", help="regenerate the JSON Schema files in schema/ from the models")
    s.set_defaults(func=_schema)
    bench = sub.add_parser("bench", help="time validate and build on a synthetic bank of N questions; prints one JSON line")
    bench.add_argument("--questions", type=int, default=1000, metavar="N", help="number of questions (default 1000)")
    bench.add_argument("--no-site", action="store_true", help="skip mkdocs build")
    bench.add_argument("--keep", metavar="DIR", help="build in DIR (empty or new) and keep it, instead of a temp folder")
    bench.add_argument("--cache", action="store_true", help="also time validate with an empty, then a warm per-file cache")
    bench.add_argument(
        "--search", action="store_true", help="also time search in Chromium: last keystroke to first result, desktop and phone"
    )
    bench.add_argument(
        "--site", metavar="DIR", help="with --search: time search on this built site (e.g. site/) and nothing else"
    )
    bench.add_argument(
        "--serve",
        action="store_true",
        help="time save-to-reload of `mkdocs serve` on the real bank instead, as make serve runs it",
    )
    bench.set_defaults(func=_bench)
    from qbank.tools import check_ids, drill, new_question, stats  # contributor and learner tools: each adds its own subcommand

    for module in (new_question, check_ids, stats, drill):
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    try:
        args = p.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        p.print_usage(sys.stderr)
        return 2
    if not (Path.cwd() / "questions").is_dir() and args.command != "schema":
        print("qbank: run this from the repository root (no questions/ folder here)", file=sys.stderr)
        return 2
    return args.func(args)
