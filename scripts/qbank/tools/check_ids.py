"""``qbank check-ids --base REV``: a published id is never silently removed.

Every question id present at REV must still be a question now, or be recorded in questions/_moved.yaml
as moved (its /q/<id>/ permalink then redirects) or retired. Exit codes: 0 fine, 1 ids went missing,
2 usage error (for example, REV is not a commit).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path, PurePosixPath

from qbank.source import bank as bank_module


def register(sub) -> None:
    p = sub.add_parser("check-ids", help="fail when a question id present at REV is gone without a _moved.yaml entry")
    p.add_argument("--base", required=True, metavar="REV", help="the git revision to compare with, e.g. origin/main")
    p.set_defaults(func=run)


def ids_at(root: Path, rev: str) -> set[str]:
    """Question ids in the tree of REV, read from the file names (questions/<topic>/<id>.yaml)."""
    out = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, "--", "questions/"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ids = set()
    for name in out.splitlines():
        path = PurePosixPath(name)
        if len(path.parts) == 3 and path.suffix == ".yaml" and not path.name.startswith(("_", ".")):
            ids.add(path.stem)
    return ids


def missing_ids(root: Path, rev: str) -> list[str]:
    bank = bank_module.load(root)
    now = {q.qid for q in bank.questions} | {q.path.stem for q in bank.questions}
    return sorted(ids_at(root, rev) - now - set(bank.moved))


def run(args: argparse.Namespace) -> int:
    root = Path.cwd()
    try:
        missing = missing_ids(root, args.base)
    except subprocess.CalledProcessError as exc:
        print(f"qbank check-ids: cannot list questions at {args.base!r}: {exc.stderr.strip()}", file=sys.stderr)
        return 2
    except FileNotFoundError:
        print("qbank check-ids: git is not installed", file=sys.stderr)
        return 2
    for qid in missing:
        print(
            f"questions/: id {qid!r} existed at {args.base} and is gone; restore it, or record it in "
            f"questions/_moved.yaml as '{qid}: <new-id>' or '{qid}: retired'"
        )
    print(f"{len(missing)} missing id{'' if len(missing) == 1 else 's'} compared with {args.base}")
    return 1 if missing else 0
