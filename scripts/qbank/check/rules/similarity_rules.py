"""Near-duplicate questions: a warning, since only a person can tell a duplicate from a deliberate
variation (``qbank validate --strict`` turns it into an error)."""

from __future__ import annotations

from qbank.check.rules import rule
from qbank.check.similarity import Index
from qbank.source.bank import Bank


@rule("QB070", "near-duplicate-question", scope="bank", severity="warning")
def near_duplicate_question(bank: Bank):
    """A question is not a reworded copy of another question; merge them or make the difference explicit."""
    index, files = Index(), {}
    for q in sorted(bank.questions, key=lambda q: q.rel):
        text = q.data.get("question") if q.doc else None
        if isinstance(text, str):
            files[q.rel] = q
            index.add(q.rel, text)
    for match in index.near_duplicates():
        q, other = files[match.key], files[match.other]
        line, col = q.where(("question",))
        yield q, line, col, f"this question is very similar ({match.score:.0f}%) to {other.qid!r} in {other.rel}"
