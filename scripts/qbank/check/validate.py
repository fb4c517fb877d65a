"""Validate the whole bank: read it, run every rule, and return every problem."""

from __future__ import annotations

from pathlib import Path

from qbank.check import rules
from qbank.model.problems import Problem
from qbank.source import bank as bank_module


def validate(root: Path, cache: Path | None = None) -> tuple[bank_module.Bank, list[Problem]]:
    """With ``cache`` (a folder, usually ``root / cache.CACHE_DIR``), the question rules' results are kept per
    file and reused while the file, the code and the environment are unchanged; the output is the same."""
    bank = bank_module.load(root)
    if cache is None:
        return bank, rules.run(bank)
    from qbank.check.cache import ValidationCache

    store = ValidationCache(cache)
    problems = rules.run(bank, store.per_file)
    store.prune()
    return bank, problems


def has_errors(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.severity == "error" or strict for p in problems)
