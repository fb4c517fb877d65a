"""``qbank drill``: practise a coding exercise locally.

- ``qbank drill ID`` writes the starter and the tests into ``drill/`` (never over your work without --force);
- ``qbank drill --check drill/<module>.py`` runs the exercise's tests against your file, a line per test;
- ``qbank drill --list`` lists the exercises by subtopic and difficulty.

Bad input to the command exits 2 with a message; mistakes in your own code are shown at your file and line,
with exit 1.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from qbank.model import exercises
from qbank.model.schema import DIFFICULTIES, Question
from qbank.source import bank as bank_module
from qbank.tools.code_runner import run_tests

DEFAULT_DIR = "drill"


def register(sub) -> None:
    p = sub.add_parser("drill", help="practise a coding exercise: write its starter and tests, then check your file")
    p.add_argument("id", nargs="?", help="the exercise's id, as shown by --list")
    p.add_argument("--dir", default=DEFAULT_DIR, help=f"where to write the files (default {DEFAULT_DIR}/, which git ignores)")
    p.add_argument("--force", action="store_true", help="overwrite files that already exist")
    p.add_argument("--check", metavar="FILE", help="run the exercise's tests against FILE (named <module>.py)")
    p.add_argument("--list", action="store_true", help="list the exercises by subtopic and difficulty")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"qbank drill: {message}", file=sys.stderr)
    return 2


def _exercises(root: Path) -> list[tuple[str, Question]]:
    """(topic, question) for every valid question that carries an exercise."""
    bank = bank_module.load(root)
    return [(q.topic, q.model) for q in bank.questions if q.model is not None and q.model.exercise is not None]


def list_exercises(found: list[tuple[str, Question]]) -> str:
    rank = {d: i for i, d in enumerate(DIFFICULTIES)}
    rows = sorted(found, key=lambda tq: (tq[0], tq[1].subtopic or "", rank[tq[1].difficulty], tq[1].id))
    out, last = [], None
    for topic, q in rows:
        group = f"{topic}/{q.subtopic}" if q.subtopic else topic
        if group != last:
            out += (["" ] if out else []) + [f"{group}:"]
            last = group
        out.append(f"  {q.id:<42} {q.difficulty:<6}  {q.question[:70]}{'…' if len(q.question) > 70 else ''}")
    return "\n".join(out)


def write_starter(q: Question, folder: Path, force: bool) -> tuple[Path, Path]:
    module = exercises.module_name(q.id)
    code, tests = folder / f"{module}.py", folder / f"test_{module}.py"
    existing = [p for p in (code, tests) if p.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    folder.mkdir(parents=True, exist_ok=True)
    code.write_text(q.exercise.starter, encoding="utf-8")
    tests.write_text(q.exercise.tests, encoding="utf-8")
    return code, tests


def check(q: Question, path: Path) -> int:
    result = run_tests(exercises.module_name(q.id), path, q.exercise.tests)
    if result.output.strip():
        print(result.output.rstrip())
    if result.load_error is not None:
        where = f"{result.load_error_file}:{result.load_error_line}" if result.load_error_line else str(path)
        print(f"{where}: {result.load_error}")
        return 1
    for t in result.tests:
        at = f" ({path}:{t.line})" if t.line else ""
        print(f"PASS {t.name}" if t.ok else f"FAIL {t.name}: {t.message}{at}")
    if result.timed_out:
        print(f"stopped: the tests did not finish within the time limit (is there an endless loop in {path}?)")
        return 1
    failed = sum(not t.ok for t in result.tests)
    print(f"{len(result.tests) - failed} passed, {failed} failed")
    return 0 if result.passed else 1


def run(args: argparse.Namespace) -> int:
    chosen = [bool(args.id), bool(args.check), args.list]
    if sum(chosen) != 1:
        return _fail("give one of: an exercise id, --check FILE, or --list")
    found = _exercises(Path.cwd())
    if args.list:
        print(list_exercises(found) if found else "no exercises in this bank")
        return 0
    by_module = {exercises.module_name(q.id): q for _t, q in found}
    if args.check:
        path = Path(args.check)
        if path.suffix != ".py":
            return _fail(f"{path} is not a .py file; check the file that `qbank drill ID` wrote, named <module>.py")
        if path.stem not in by_module:
            hint = difflib.get_close_matches(path.stem, list(by_module), n=1)
            extra = f"; did you mean {hint[0]}.py?" if hint else "; the file name must be the exercise's module name"
            return _fail(f"no exercise has the module name {path.stem!r}{extra}")
        if not path.is_file():
            return _fail(f"{path} does not exist; write it first with `qbank drill {by_module[path.stem].id}`")
        return check(by_module[path.stem], path)
    q = next((q for _t, q in found if q.id == args.id), None)
    if q is None:
        hint = difflib.get_close_matches(args.id, [q.id for _t, q in found], n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else "; see qbank drill --list"
        return _fail(f"no exercise has the id {args.id!r}{suggestion}")
    try:
        code, tests = write_starter(q, Path(args.dir), args.force)
    except FileExistsError as exc:
        return _fail(f"{exc} already exist(s); your work is kept. Use --force to overwrite.")
    print(f"wrote {code} (your code) and {tests} (the tests)")
    print(f"edit {code}, then run:  qbank drill --check {code}")
    print(f"or, with pytest:        python -m pytest {tests}")
    return 0
