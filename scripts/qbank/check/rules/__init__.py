"""The rule registry. Each rule is a small function with a stable code; its docstring is its documentation.

Question rules take one readable question file and yield ``(line, col, message)``.
Bank rules take the whole bank and yield ``(source_file, line, col, message)``.
Importing the rule modules below registers them, in code order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qbank.model.problems import Problem
from qbank.source.bank import Bank


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    scope: str  # "question" or "bank"
    severity: str
    func: Callable

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().split("\n")[0]


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, scope: str = "question", severity: str = "error"):
    def register(func: Callable) -> Callable:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, scope, severity, func)
        return func

    return register


def run(bank: Bank) -> list[Problem]:
    """Every problem in the bank: those found while reading, then every rule's."""
    problems = list(bank.problems)
    readable = [q for q in bank.questions if q.doc is not None]
    for r in sorted(REGISTRY.values(), key=lambda r: r.code):
        if r.scope == "question":
            for q in readable:
                problems += [Problem(q.rel, line, col, r.code, r.severity, msg, r.name) for line, col, msg in r.func(q)]
        else:
            problems += [Problem(src.rel, line, col, r.code, r.severity, msg, r.name) for src, line, col, msg in r.func(bank)]
    return sorted(set(problems))


# Registration happens on import; keep these imports at the bottom.
from qbank.check.rules import (  # noqa: E402,F401
    crossfile_rules,
    exercise_rules,
    file_rules,
    markdown_rules,
    reference_rules,
    schema_rules,
    similarity_rules,
)

__all__ = ["REGISTRY", "Rule", "rule", "run"]
