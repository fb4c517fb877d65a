"""Near-duplicate detection: quiet on the real bank, loud on reworded copies, and near-linear."""

from __future__ import annotations

import random

import pytest

from conftest import HEADER, REPO, problems_in, write
from qbank.check.similarity import THRESHOLD, Index, similarity
from qbank.source.bank import load


@pytest.fixture(scope="module")
def real_questions() -> dict[str, str]:
    return {q.qid: q.data["question"] for q in load(REPO).questions if q.doc is not None}


def test_the_real_bank_has_no_near_duplicates(real_questions):
    index = Index()
    for qid, text in real_questions.items():
        index.add(qid, text)
    assert index.near_duplicates() == []


def test_every_real_question_is_found_again_after_light_rewording(real_questions):
    index = Index()
    for qid, text in real_questions.items():
        index.add(qid, text)
    rng = random.Random(0)
    missed = []
    for qid, text in real_questions.items():
        words = text.split()
        del words[rng.randrange(len(words))]  # drop a word, change case and punctuation
        variant = " ".join(words).upper().replace(",", ";")
        match = index.nearest(variant)
        if match is None or match.other != qid:
            missed.append(qid)
    assert missed == []


def test_reordered_clauses_are_near_duplicates():
    a = "What is retrieval-augmented generation, and when would you choose it over fine-tuning?"
    b = "When would you choose retrieval-augmented generation over fine-tuning, and what is it?"
    assert similarity(a, b) >= THRESHOLD


def test_different_questions_on_the_same_subject_are_not():
    a = "How does classifier-free guidance work, and what does the guidance scale trade off?"
    b = "How does classifier guidance steer a diffusion model, and what are its drawbacks?"
    assert similarity(a, b) < THRESHOLD


def test_short_questions_differing_in_their_subject_are_not():
    assert similarity("What about bad-subtopic?", "What about no-subtopic?") < THRESHOLD
    assert similarity("What is a GAN?", "What is a VAE?") < THRESHOLD


def test_a_short_question_inside_a_long_one_is_not_a_duplicate():
    short = "What is RLHF?"
    long = "What is RLHF, why does PPO need a KL penalty against the reference model, and what replaces it in DPO?"
    assert similarity(short, long) == 0.0


def test_candidates_come_from_buckets_not_from_every_pair(real_questions):
    index = Index()
    for qid, text in real_questions.items():
        index.add(qid, text)
    pairs = sum(len(keys) * (len(keys) - 1) // 2 for keys in index.buckets.values())
    n = len(real_questions)
    assert pairs < 0.05 * n * (n - 1) / 2  # 312 questions: 43 bucket pairs, against 48,516 pairs in all


def test_the_rule_warns_once_on_the_later_file_and_names_the_earlier(bank_root):
    text = "question: What is attention, in one sentence?"
    write(
        bank_root,
        "questions/alpha/zz-copy.yaml",
        HEADER + "id: zz-copy\nquestion: In one sentence, what exactly is attention?\ndifficulty: easy\ntags: [attention]\n"
        "last_reviewed: 2026-11-26\n",
    )
    assert text in (bank_root / "questions/alpha/what-is-attention.yaml").read_text()
    got = problems_in(bank_root)
    found = [(p.path, p.code, p.severity, p.line, p.col) for p in got]
    assert found == [("questions/alpha/zz-copy.yaml", "QB070", "warning", 3, 11)]
    assert "'what-is-attention' in questions/alpha/what-is-attention.yaml" in got[0].message


def test_an_exact_copy_is_left_to_the_exact_duplicate_rule(bank_root):
    write(
        bank_root,
        "questions/alpha/zz-copy.yaml",
        HEADER + "id: zz-copy\nquestion: what is ATTENTION in one sentence\ndifficulty: easy\ntags: [attention]\n"
        "last_reviewed: 2026-11-26\n",
    )
    assert [p.code for p in problems_in(bank_root)] == ["QB060"]
