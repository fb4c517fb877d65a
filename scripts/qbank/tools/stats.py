"""``qbank stats``: how big the bank is and where answers are wanted, as a table or one JSON object."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from qbank.source import bank as bank_module

GROUPS = (("topic", "by_topic"), ("subtopic", "by_subtopic"), ("difficulty", "by_difficulty"))


def register(sub) -> None:
    p = sub.add_parser("stats", help="count questions by topic, subtopic, difficulty and answered")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.set_defaults(func=run)


def stats(root: Path) -> dict:
    """Counts over every question file (as the site counts them); each group maps a name to
    {"questions": n, "answered": a, "unanswered": n - a}."""
    bank = bank_module.load(root)
    groups = {key: defaultdict(lambda: [0, 0]) for _, key in GROUPS}
    answered = 0
    for q in bank.questions:
        data = q.data
        has_answer = bool(data.get("answer"))
        answered += has_answer
        names = {"by_topic": q.topic, "by_difficulty": str(data.get("difficulty", "unknown"))}
        if isinstance(data.get("subtopic"), str):
            names["by_subtopic"] = f"{q.topic}/{data['subtopic']}"
        for key, name in names.items():
            groups[key][name][0] += 1
            groups[key][name][1] += has_answer
    out = {"total": len(bank.questions), "answered": answered, "unanswered": len(bank.questions) - answered}
    for key, counts in groups.items():
        out[key] = {name: {"questions": n, "answered": a, "unanswered": n - a} for name, (n, a) in sorted(counts.items())}
    return out


def table(s: dict) -> str:
    rows = [("", "questions", "answered", "unanswered"), ("total", s["total"], s["answered"], s["unanswered"])]
    for title, key in GROUPS:
        rows += [(f"{title}: {name}", c["questions"], c["answered"], c["unanswered"]) for name, c in s[key].items()]
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{r[0]:<{width}}  {r[1]:>9}  {r[2]:>8}  {r[3]:>10}" for r in rows)


def run(args: argparse.Namespace) -> int:
    s = stats(Path.cwd())
    print(json.dumps(s, sort_keys=True) if args.json else table(s))
    return 0
