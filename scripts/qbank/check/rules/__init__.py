"""The rule registry. Each rule is a small function with a stable code; its docstring is its documentation.

Question rules take one readable question file and yield ``(line, col, message)``; they read nothing but that
file (its text and its path), which is what lets ``qbank.check.cache`` keep their problems by the file's content.
Bank rules take the whole bank and yield ``(source_file, line, col, message)``; they always run. A bank rule
that needs something from every question's Markdown names a fact (``uses=``): a per-file function, registered
with ``@fact``, whose plain-data result is cached with the file's problems, so the Markdown is parsed once.
Importing the rule modules below registers them, in code order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from qbank.model.problems import Problem
from qbank.source.bank import Bank, QuestionFile


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    scope: str  # "question" or "bank"
    severity: str
    func: Callable
    uses: tuple[str, ...] = ()  # facts a bank rule reads, passed after the bank as {rel: fact}

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().split("\n")[0]


@dataclass
class FileResult:
    """What one readable question file yields on its own: the question rules' problems, and each fact (a list
    of tuples of str and int) that bank rules read. Plain data that depends only on the file."""

    problems: list[Problem]
    facts: dict[str, list[tuple]] = field(default_factory=dict)


REGISTRY: dict[str, Rule] = {}
FACTS: dict[str, Callable] = {}


def rule(code: str, name: str, scope: str = "question", severity: str = "error", uses: tuple[str, ...] = ()):
    def register(func: Callable) -> Callable:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, scope, severity, func, tuple(uses))
        return func

    return register


def fact(name: str):
    """Register a per-file fact: a function of one readable question file that returns a list of tuples."""

    def register(func: Callable) -> Callable:
        if name in FACTS:
            raise ValueError(f"fact {name} registered twice")
        FACTS[name] = func
        return func

    return register


def ordered() -> list[Rule]:
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def check_file(q: QuestionFile) -> FileResult:
    """Run every question rule on one readable file and extract every fact from it."""
    problems = []
    for r in ordered():
        if r.scope == "question":
            problems += [Problem(q.rel, line, col, r.code, r.severity, msg, r.name) for line, col, msg in r.func(q)]
    return FileResult(problems, {name: [tuple(item) for item in func(q)] for name, func in FACTS.items()})


def run(bank: Bank, per_file: Callable[[QuestionFile], FileResult] | None = None) -> list[Problem]:
    """Every problem in the bank: those found while reading, then every rule's. ``per_file`` gives each readable
    question file's result (a cache may answer it without running the question rules); by default, check_file."""
    per_file = per_file or check_file
    problems = list(bank.problems)
    facts: dict[str, dict[str, list[tuple]]] = {name: {} for name in FACTS}
    for q in bank.questions:
        if q.doc is not None:
            result = per_file(q)
            problems += result.problems
            for name in facts:
                facts[name][q.rel] = result.facts[name]
    for r in ordered():
        if r.scope != "question":
            found = r.func(bank, *(facts[name] for name in r.uses))
            problems += [Problem(src.rel, line, col, r.code, r.severity, msg, r.name) for src, line, col, msg in found]
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

__all__ = ["FACTS", "REGISTRY", "FileResult", "Rule", "check_file", "fact", "rule", "run"]
