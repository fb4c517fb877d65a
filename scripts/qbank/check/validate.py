"""Validate the whole bank: read it, run every rule, and return every problem."""

from __future__ import annotations

from pathlib import Path

from qbank import bank as bank_module
from qbank import rules
from qbank.problems import Problem


def validate(root: Path) -> tuple[bank_module.Bank, list[Problem]]:
    bank = bank_module.load(root)
    return bank, rules.run(bank)


def has_errors(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.severity == "error" or strict for p in problems)
