"""Validate the whole bank: read it, run every rule, and return every problem."""

from __future__ import annotations

from pathlib import Path

from qbank.check import rules
from qbank.model.problems import Problem
from qbank.source import bank as bank_module


def validate(root: Path) -> tuple[bank_module.Bank, list[Problem]]:
    bank = bank_module.load(root)
    return bank, rules.run(bank)


def has_errors(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.severity == "error" or strict for p in problems)
