"""``qbank new``: start a question file that already passes the validator.

With flags it runs unattended; with no flags it asks for each field on standard input. The id is derived
from the question text and is never one that is used, or was ever used (questions/_moved.yaml).
Exit codes: 0 the file was written (its path is printed), 1 refused (near-duplicate or invalid), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

from qbank.check.similarity import STOPWORDS, Index
from qbank.model.schema import DIFFICULTIES, SCHEMA_HEADER, SLUG_PATTERN
from qbank.site.writer import write_if_changed
from qbank.source import bank as bank_module

ID_MAX = 80
ID_BASE_MAX = 60  # leaves room for a numeric suffix


class UsageError(Exception):
    pass


def register(sub) -> None:
    p = sub.add_parser("new", help="create a new question file (interactive when no flags are given)")
    p.add_argument("--topic", help="topic folder under questions/")
    p.add_argument("--subtopic", help="required when the topic has subtopics")
    p.add_argument("--question", help="the question, one line, at most 300 characters")
    p.add_argument("--difficulty", choices=DIFFICULTIES)
    p.add_argument("--tags", help="comma-separated tags from questions/_tags.yaml")
    p.set_defaults(func=run)


def slug_from(text: str) -> str:
    """A readable id from the question's content words, e.g. 'Why is attention scaled?' -> 'attention-scaled'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    words = [w for w in words if w not in STOPWORDS] or words
    slug = ""
    for w in words:
        candidate = f"{slug}-{w}" if slug else w
        if len(candidate) > ID_BASE_MAX:
            break
        slug = candidate
    slug = slug or (words[0][:ID_BASE_MAX] if words else "")
    return slug if len(slug) >= 3 else f"question-{slug}".strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def render(qid: str, question: str, difficulty: str, tags: list[str], subtopic: str | None, today: dt.date) -> str:
    # json.dumps gives a double-quoted scalar that YAML reads back exactly, whatever the text contains.
    lines = [
        SCHEMA_HEADER,
        f"id: {qid}",
        f"question: {json.dumps(question, ensure_ascii=False)}",
        f"difficulty: {difficulty}",
        f"tags: [{', '.join(tags)}]",
    ]
    if subtopic:
        lines.append(f"subtopic: {subtopic}")
    lines.append(f"last_reviewed: {today.isoformat()}")
    return "\n".join(lines) + "\n"


def _ask(prompt: str, choices: list[str] | None = None) -> str:
    hint = f" [{', '.join(choices)}]" if choices else ""
    print(f"{prompt}{hint}: ", end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        raise UsageError(f"no answer for {prompt.lower()!r} (standard input ended)")
    return line.strip()


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _fields(args, bank) -> tuple[str, str | None, str, str, list[str]]:
    interactive = not any(getattr(args, k) for k in ("topic", "subtopic", "question", "difficulty", "tags"))
    topics = sorted(bank.topics)
    if not interactive and not args.topic:
        raise UsageError("missing --topic")
    topic = args.topic if not interactive else _ask("Topic", topics)
    if topic not in bank.topics or bank.topics[topic].model is None:
        raise UsageError(f"unknown topic {topic!r}; expected one of {', '.join(topics)}")
    subtopics = [s.id for s in bank.topics[topic].model.subtopics]
    subtopic = args.subtopic
    # Ask when a person is there to answer; a script or a pipe gets the clear error below instead.
    if subtopics and not subtopic and (interactive or _is_terminal()):
        subtopic = _ask("Subtopic", subtopics)
    if subtopics and subtopic not in subtopics:
        raise UsageError(f"topic {topic!r} needs --subtopic, one of {', '.join(subtopics)}")
    if not subtopics and subtopic:
        raise UsageError(f"topic {topic!r} has no subtopics; leave out --subtopic")
    question = args.question if not interactive else _ask("Question")
    difficulty = args.difficulty if not interactive else _ask("Difficulty", list(DIFFICULTIES))
    tags_text = args.tags if not interactive else _ask("Tags, comma-separated")
    given = (("--question", question), ("--difficulty", difficulty), ("--tags", tags_text))
    missing = [name for name, value in given if not value]
    if missing:
        raise UsageError(f"missing {', '.join(missing)}")
    if difficulty not in DIFFICULTIES:
        raise UsageError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    tags = [t.strip() for t in tags_text.split(",") if t.strip()]
    bad = [t for t in tags if not re.fullmatch(SLUG_PATTERN, t)]
    if not tags or bad:
        raise UsageError(f"tags must be lowercase slugs separated by commas, got {tags_text!r}")
    return topic, subtopic, question.strip(), difficulty, tags


def create(root: Path, args, today: dt.date | None = None) -> tuple[int, str]:
    """Returns (exit code, message); the message is the new file's path on success."""
    from qbank.check.validate import validate

    bank = bank_module.load(root)
    topic, subtopic, question, difficulty, tags = _fields(args, bank)

    index = Index()
    for q in bank.questions:
        if isinstance(q.data.get("question"), str):
            index.add(q.rel, q.data["question"])
    match = index.nearest(question)
    if match:
        other = next(q for q in bank.questions if q.rel == match.other)
        return 1, f"refused: this question is already asked by {other.qid!r} ({other.rel}, {match.score:.0f}% similar)"

    taken = {q.qid for q in bank.questions} | set(bank.moved) | {p.stem for p in (root / "questions").glob("*/*.yaml")}
    base = slug_from(question)
    qid = unique_id(base, taken)
    if len(qid) > ID_MAX:
        return 1, f"refused: could not derive an id of at most {ID_MAX} characters"
    path = root / "questions" / topic / f"{qid}.yaml"
    rel = path.relative_to(root).as_posix()
    write_if_changed(path, render(qid, question, difficulty, tags, subtopic, today or dt.date.today()).encode())
    _bank, problems = validate(root)
    mine = [p for p in problems if p.path == rel]
    if mine:
        path.unlink()
        return 1, "refused: the new file would not be valid, so it was not kept:\n" + "\n".join(str(p) for p in mine)
    return 0, rel


def today() -> dt.date:
    """The review date a new file records; a function so tests can fix the clock."""
    return dt.date.today()


def run(args: argparse.Namespace) -> int:
    try:
        code, message = create(Path.cwd(), args, today())
    except UsageError as exc:
        print(f"qbank new: {exc}", file=sys.stderr)
        return 2
    print(message, file=sys.stdout if code == 0 else sys.stderr)
    return code
