"""A per-file cache of what the question rules find, so that a second ``qbank validate`` only re-checks the files
that changed.

What is cached is a readable question file's ``FileResult``: the problems of the question rules and the facts
bank rules read (the ``[text](#id)`` links). Question rules read nothing but their own file, so an entry is
keyed by:

- the file's path (QB050 compares the id with the file name) and its text as it was read and checked (its
  bytes decoded: the rules see nothing else of it, and the file is not read a second time, so an edit made
  during the run cannot be cached under the wrong content);
- a hash of every ``*.py`` file of the ``qbank`` package, computed once per run;
- the rule set (codes, names, severities, functions) and facts, the Python version and the versions of the
  libraries the rules call (markdown-it-py, mdit-py-plugins, latex2mathml, pydantic, PyYAML).

Reading the bank and the bank rules (ids, tags, subtopics, links, moved ids, near-duplicates, schema) always
run. Entries are JSON files named by their key, with the SHA-256 of the JSON on their first line, written to a
temporary file and moved into place with ``os.replace``, so two processes can share the folder. An entry that
cannot be read, fails its checksum, does not parse, does not hold its own key or has the wrong shape is
ignored and rewritten. A cache that cannot be written is skipped: the results are the same, only slower next
time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

from qbank.check import rules
from qbank.model.problems import Problem
from qbank.source.bank import QuestionFile

CACHE_DIR = Path(".cache") / "qbank" / "validate"  # under the repository root; .gitignore'd, removed by make clean
KEEP_UNUSED_SECONDS = 7 * 24 * 3600
PACKAGE = Path(__file__).resolve().parents[1]  # scripts/qbank/


@cache
def package_hash(package: Path = PACKAGE) -> str:
    """SHA-256 of every ``*.py`` file under the package (names and bytes), so any change to the code misses."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _environment() -> list[str]:
    import latex2mathml
    import markdown_it
    import mdit_py_plugins
    import pydantic
    import pydantic_core
    import yaml

    versions = (markdown_it.__version__, mdit_py_plugins.__version__, latex2mathml.__version__)
    return [sys.version, *versions, pydantic.VERSION, pydantic_core.__version__, yaml.__version__]


def _rule_set() -> list[list[str]]:
    described = [[r.code, r.name, r.scope, r.severity, r.func.__module__, r.func.__qualname__] for r in rules.ordered()]
    return described + [["fact", name, f.__module__, f.__qualname__] for name, f in sorted(rules.FACTS.items())]


def context_hash() -> str:
    """Everything besides the file that decides its result: the code, the rule set and the environment."""
    context = {"package": package_hash(), "rules": _rule_set(), "environment": _environment()}
    return hashlib.sha256(json.dumps(context, sort_keys=True).encode()).hexdigest()


class ValidationCache:
    """``per_file`` for ``rules.run``: answers from the cache, or checks the file and stores the result."""

    def __init__(self, folder: Path):
        self.context = context_hash()
        self.folder = folder / self.context[:16]
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self.wrote = False

    def key(self, q: QuestionFile) -> str:
        digest = hashlib.sha256(self.context.encode() + b"\0" + q.rel.encode() + b"\0")
        digest.update(q.doc.text.encode("utf-8"))
        return digest.hexdigest()

    def per_file(self, q: QuestionFile) -> rules.FileResult:
        key = self.key(q)
        self.used.add(key)
        cached = self._load(key, q.rel)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        result = rules.check_file(q)
        self._store(key, result)
        return result

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def _load(self, key: str, rel: str) -> rules.FileResult | None:
        try:
            checksum, _, body = self._entry(key).read_bytes().partition(b"\n")
            if checksum.decode("ascii") != hashlib.sha256(body).hexdigest():
                return None
            entry = json.loads(body)
            if entry["key"] != key or sorted(entry["facts"]) != sorted(rules.FACTS):
                return None
            problems = []
            for line, col, *text in entry["problems"]:
                if not (type(line) is int and type(col) is int and len(text) == 4 and all(isinstance(s, str) for s in text)):
                    return None
                code, severity, message, name = text
                problems.append(Problem(rel, line, col, code, severity, message, name))
            facts = {}
            for name, items in entry["facts"].items():
                if not all(isinstance(item, list) and all(type(v) in (str, int) for v in item) for item in items):
                    return None
                facts[name] = [tuple(item) for item in items]
            return rules.FileResult(problems, facts)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):  # missing, unreadable or corrupt
            return None

    def _store(self, key: str, result: rules.FileResult) -> None:
        entry = {
            "key": key,
            "problems": [[p.line, p.col, p.code, p.severity, p.message, p.rule] for p in result.problems],
            "facts": {name: [list(item) for item in items] for name, items in result.facts.items()},
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            try:
                body = json.dumps(entry).encode()
                with os.fdopen(fd, "wb") as out:
                    out.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
                os.replace(tmp, self._entry(key))
                self.wrote = True
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:  # a read-only or full disk: the cache is an optimisation, never a requirement
            pass

    def prune(self) -> None:
        """After a run that wrote entries: drop this code version's entries that this run did not use and that
        are older than a week (an edit undone, or a branch switched back, still finds its entries), and the
        folders of other code versions. A concurrent run that loses an entry this way only checks that file again."""
        if not self.wrote:
            return
        cutoff = time.time() - KEEP_UNUSED_SECONDS
        try:
            for path in self.folder.iterdir():
                if path.stem not in self.used and path.stat().st_mtime < cutoff:
                    path.unlink(missing_ok=True)
            for other in self.folder.parent.iterdir():
                if other.is_dir() and other != self.folder:
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass
