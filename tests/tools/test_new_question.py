"""``qbank new``: a new question file that is valid, uniquely named and not a copy of an existing one."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

from conftest import problems_in, write
from qbank.cli import main
from qbank.source import safe_yaml
from qbank.tools import new_question
from qbank.tools.new_question import slug_from, unique_id

FIXED_DAY = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    # A fixed date, so a test cannot pass or fail by the day it runs on.
    monkeypatch.setattr(new_question, "today", lambda: FIXED_DAY)


def listing(root) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "questions").rglob("*"))


def new(root, chdir, capsys, *args):
    chdir(root)
    rc = main(["new", *args])
    out = capsys.readouterr()
    return rc, out.out.strip(), out.err.strip()


def flags(question: str, tags: str = "llm", difficulty: str = "easy", topic: str = "alpha") -> list[str]:
    return ["--topic", topic, "--question", question, "--difficulty", difficulty, "--tags", tags]


FLAGS = flags("How does causal masking work in decoder-only transformers?", tags="attention,llm", difficulty="medium")


def test_flags_create_a_valid_file_and_print_its_path(bank_root, chdir, capsys):
    rc, out, _ = new(bank_root, chdir, capsys, *FLAGS)
    assert (rc, out) == (0, "questions/alpha/causal-masking-work-decoder-only-transformers.yaml")
    text = (bank_root / out).read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schema/question.schema.json\n")
    data = safe_yaml.load(text.encode()).data
    assert data["question"] == FLAGS[3] and data["tags"] == ["attention", "llm"]
    assert data["last_reviewed"] == "2026-11-30"
    assert problems_in(bank_root) == []


def test_text_that_needs_quoting_survives_exactly(bank_root, chdir, capsys):
    question = 'Is "key: value" # a comment, or [a list]? Über-tricky: {x}'
    rc, out, _ = new(bank_root, chdir, capsys, *flags(question, tags="math", difficulty="hard"))
    assert rc == 0
    assert safe_yaml.load((bank_root / out).read_bytes()).data["question"] == question


def test_a_topic_with_subtopics_needs_one(bank_root, chdir, capsys):
    args = ["--topic", "beta", "--question", "What is beam search?", "--difficulty", "easy", "--tags", "llm"]
    rc, _out, err = new(bank_root, chdir, capsys, *args)
    assert rc == 2 and err == "qbank new: topic 'beta' needs --subtopic, one of first-part, second-part"
    left = sorted(p.name for p in (bank_root / "questions/beta").iterdir())
    assert left == ["_topic.yaml", "decoding-basics.yaml", "open-question.yaml"]  # nothing half-written is left
    rc, out, _ = new(bank_root, chdir, capsys, *args, "--subtopic", "second-part")
    assert rc == 0 and "subtopic: second-part\n" in (bank_root / out).read_text()


def test_no_flags_asks_on_standard_input(bank_root, chdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("beta\nfirst-part\nWhat is nucleus sampling?\neasy\nllm\n"))
    rc, out, err = new(bank_root, chdir, capsys)
    assert (rc, out) == (0, "questions/beta/nucleus-sampling.yaml")
    assert "Topic [alpha, beta]" in err


def test_input_that_ends_early_is_a_usage_error(bank_root, chdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("alpha\n"))
    before = listing(bank_root)
    rc, _out, err = new(bank_root, chdir, capsys)
    assert rc == 2 and "qbank new: no answer for 'question' (standard input ended)" in err
    assert listing(bank_root) == before


@pytest.mark.parametrize(
    "args",
    [
        ["--topic", "nowhere", "--question", "Q?", "--difficulty", "easy", "--tags", "llm"],
        ["--topic", "alpha", "--question", "Q?", "--difficulty", "trivial", "--tags", "llm"],
        ["--topic", "alpha", "--question", "What is it?", "--tags", "llm"],
        ["--topic", "alpha", "--question", "What is it?", "--difficulty", "easy", "--tags", "a], answer: [x"],
        ["--question", "What is it?", "--difficulty", "easy", "--tags", "llm"],
    ],
    ids=["unknown topic", "bad difficulty", "missing difficulty", "malformed tags", "missing topic"],
)
def test_usage_errors_exit_two_and_write_nothing(bank_root, chdir, capsys, args):
    before = sorted(p.name for p in (bank_root / "questions/alpha").iterdir())
    assert new(bank_root, chdir, capsys, *args)[0] == 2
    assert sorted(p.name for p in (bank_root / "questions/alpha").iterdir()) == before


def test_a_near_duplicate_is_refused_naming_the_existing_question(bank_root, chdir, capsys):
    before = listing(bank_root)
    rc, _, err = new(
        bank_root,
        chdir,
        capsys,
        *flags("Why are the attention scores divided by the square root of d_k?", tags="math", topic="beta"),
        "--subtopic",
        "first-part",
    )
    assert rc == 1
    assert "'softmax-scaling' (questions/alpha/softmax-scaling.yaml" in err
    assert listing(bank_root) == before


def test_an_invalid_file_is_not_left_behind(bank_root, chdir, capsys):
    before = listing(bank_root)
    rc, _, err = new(bank_root, chdir, capsys, *flags("What is a brand new idea?", tags="no-such-tag"))
    assert rc == 1
    assert (
        "questions/alpha/brand-new-idea.yaml:5:8: QB052 error: unknown tag 'no-such-tag'; "
        "add it to questions/_tags.yaml or use an existing one (unknown-tag)" in err
    )
    assert listing(bank_root) == before


def test_a_question_over_the_length_limit_is_refused(bank_root, chdir, capsys):
    before = listing(bank_root)
    rc, _, err = new(bank_root, chdir, capsys, *flags("Why " + "really " * 60 + "?"))
    assert rc == 1
    assert ":3:11: QB024 error: question is too long: 425 characters; the limit is 300 (length)" in err
    assert listing(bank_root) == before


def test_ids_avoid_current_and_moved_ids(bank_root, chdir, capsys):
    # the good bank records 'gone-question' as retired in questions/_moved.yaml
    rc, out, _ = new(bank_root, chdir, capsys, *flags("Gone question?"))
    assert (rc, out) == (0, "questions/alpha/gone-question-2.yaml")
    write(bank_root, "questions/beta/brand-new-idea.yaml", "")  # a file name is taken even when the file is broken
    rc, out, _ = new(bank_root, chdir, capsys, *flags("What is a brand new idea?"))
    assert (rc, out) == (0, "questions/alpha/brand-new-idea-2.yaml")
    assert unique_id("x-y", {"x-y", "x-y-2"}) == "x-y-3"


def test_slugs_are_readable_bounded_and_ascii():
    assert slug_from("Why is attention scaled?") == "attention-scaled"
    assert slug_from("Qu'est-ce que l'entropie croisée?") == "qu-est-ce-que-l-entropie-croisee"
    long = slug_from("How " + " ".join(f"word{i}" for i in range(40)) + "?")
    assert 3 <= len(long) <= 60 and not long.endswith("-")
    assert len(slug_from("Is it?")) >= 3


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_terminal_a_missing_subtopic_is_asked_for_with_its_choices(bank_root, chdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Terminal("second-part\n"))
    args = ["--topic", "beta", "--question", "What is beam search?", "--difficulty", "easy", "--tags", "llm"]
    rc, out, err = new(bank_root, chdir, capsys, *args)
    assert (rc, out) == (0, "questions/beta/beam-search.yaml")
    assert "Subtopic [first-part, second-part]" in err
    assert "subtopic: second-part\n" in (bank_root / out).read_text()


def test_in_a_terminal_a_wrong_answer_still_gets_the_clear_error(bank_root, chdir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Terminal("third-part\n"))
    args = ["--topic", "beta", "--question", "What is beam search?", "--difficulty", "easy", "--tags", "llm"]
    rc, _out, err = new(bank_root, chdir, capsys, *args)
    assert rc == 2 and "needs --subtopic, one of first-part, second-part" in err
