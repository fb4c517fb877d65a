"""Read every file under ``questions/`` into memory, once, with positions for every value.

Nothing here judges content beyond what is needed to read it; the rules in ``qbank.check.rules`` do that.
Every file that is not read is reported, so nothing in ``questions/`` is silently dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from qbank.model.problems import Problem, display_path
from qbank.model.schema import Question, Topic
from qbank.source import markdown_tokens, safe_yaml

TAGS_FILE = "_tags.yaml"
MOVED_FILE = "_moved.yaml"
TOPIC_FILE = "_topic.yaml"
RETIRED = "retired"


@dataclass
class SourceFile:
    path: Path
    rel: str
    doc: safe_yaml.Document | None = None
    schema_errors: list[dict] = field(default_factory=list)

    def where(self, loc: tuple, key: bool = False) -> tuple[int, int]:
        return self.doc.where(loc, key) if self.doc else (1, 1)


@dataclass
class QuestionFile(SourceFile):
    topic: str = ""
    model: Question | None = None

    @property
    def data(self) -> dict:
        return self.doc.data if self.doc and isinstance(self.doc.data, dict) else {}

    @property
    def qid(self) -> str:
        return self.model.id if self.model else str(self.data.get("id", self.path.stem))

    def markdown_fields(self) -> list[tuple[tuple, str]]:
        """(location, text) of every field that is rendered as Markdown, read from the raw data so
        that a file with schema errors elsewhere is still checked."""
        out: list[tuple[tuple, str]] = []
        answer = self.data.get("answer")
        if isinstance(answer, dict):
            for key in ("short", "detailed"):
                if isinstance(answer.get(key), str):
                    out.append((("answer", key), answer[key]))
        for key in ("key_points", "follow_ups", "pitfalls"):
            items = self.data.get(key)
            if isinstance(items, list):
                out += [((key, i), s) for i, s in enumerate(items) if isinstance(s, str)]
        return out

    @cached_property
    def tokens(self) -> list[tuple[tuple, str, list]]:
        return [(loc, text, markdown_tokens.parse(text)) for loc, text in self.markdown_fields()]


@dataclass
class TopicFile(SourceFile):
    name: str = ""
    model: Topic | None = None


@dataclass
class Bank:
    root: Path
    questions: list[QuestionFile] = field(default_factory=list)
    topics: dict[str, TopicFile] = field(default_factory=dict)
    topic_dirs: dict[str, Path] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    tags_file: SourceFile | None = None
    moved: dict[str, str] = field(default_factory=dict)
    moved_file: SourceFile | None = None
    problems: list[Problem] = field(default_factory=list)  # problems found while reading
    files_read: int = 0

    @property
    def questions_dir(self) -> Path:
        return self.root / "questions"

    @cached_property
    def by_id(self) -> dict[str, QuestionFile]:
        """The first file for each id (duplicates are reported by a rule)."""
        out: dict[str, QuestionFile] = {}
        for q in self.questions:
            out.setdefault(q.qid, q)
        return out

    def report(self, src: SourceFile, line: int, col: int, code: str, message: str, rule: str, severity: str = "error") -> None:
        self.problems.append(Problem(src.rel, line, col, code, severity, message, rule))


def _read(bank: Bank, src: SourceFile) -> bool:
    """Load one YAML file into ``src.doc``; report and return False when it cannot be read."""
    bank.files_read += 1
    try:
        src.doc = safe_yaml.load(src.path.read_bytes())
    except safe_yaml.YamlProblem as exc:
        bank.report(src, exc.line, exc.col, exc.code, exc.message, exc.rule)
        return False
    except OSError as exc:
        bank.report(src, 1, 1, "QB006", f"cannot read file: {exc.strerror}", "encoding")
        return False
    for line, col, ch in safe_yaml.invisible_characters(src.doc.text):
        bank.report(
            src,
            line,
            col,
            "QB007",
            f"invisible character U+{ord(ch):04X} ({_char_name(ch)}) is not allowed",
            "invisible-character",
        )
    return True


def _char_name(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "format character").lower()


def _validate_model(src: SourceFile, model: type[BaseModel]):
    try:
        return model.model_validate(src.doc.data)
    except ValidationError as exc:
        src.schema_errors = exc.errors(include_url=False)
        return None


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda e: e.name)


def _stray(bank: Bank, entry: os.DirEntry, why: str) -> None:
    rel = display_path(Path(entry.path), bank.root)
    bank.problems.append(Problem(rel, 1, 1, "QB063", "error", why, "stray-file"))


def _is_symlink(bank: Bank, entry: os.DirEntry) -> bool:
    if entry.is_symlink():
        rel = display_path(Path(entry.path), bank.root)
        target = os.readlink(entry.path)
        bank.problems.append(
            Problem(rel, 1, 1, "QB011", "error", f"symbolic links are not allowed (points to {target!r})", "no-symlinks")
        )
        return True
    return False


def _read_mapping_file(bank: Bank, name: str) -> tuple[SourceFile | None, dict[str, str]]:
    path = bank.questions_dir / name
    if not path.exists():
        return None, {}
    src = SourceFile(path, display_path(path, bank.root))
    if not _read(bank, src):
        return src, {}
    values: dict[str, str] = {}
    for key, value in src.doc.data.items():
        if not isinstance(value, str) or not value.strip():
            line, col = src.where((key,))
            bank.report(src, line, col, "QB022", f"{key!r} must map to a one-line string", "wrong-type")
        else:
            values[key] = value.strip()
    return src, values


def load(root: Path) -> Bank:
    bank = Bank(root=root)
    qdir = bank.questions_dir
    if not qdir.is_dir():
        bank.problems.append(Problem("questions", 1, 1, "QB063", "error", "the questions/ folder is missing", "stray-file"))
        return bank
    for entry in _entries(qdir):
        if _is_symlink(bank, entry):
            continue
        if entry.is_dir():
            bank.topic_dirs[entry.name] = Path(entry.path)
        elif entry.name not in (TAGS_FILE, MOVED_FILE):
            _stray(bank, entry, "unexpected file in questions/; questions live in questions/<topic>/<id>.yaml")
    bank.tags_file, bank.tags = _read_mapping_file(bank, TAGS_FILE)
    bank.moved_file, bank.moved = _read_mapping_file(bank, MOVED_FILE)
    if bank.tags_file is None:
        bank.problems.append(
            Problem(f"questions/{TAGS_FILE}", 1, 1, "QB052", "error", "the tag vocabulary file is missing", "unknown-tag")
        )

    for name, folder in bank.topic_dirs.items():
        topic_path = folder / TOPIC_FILE
        if topic_path.is_file() and not topic_path.is_symlink():
            tf = TopicFile(topic_path, display_path(topic_path, root), name=name)
            if _read(bank, tf):
                tf.model = _validate_model(tf, Topic)
            bank.topics[name] = tf
        for entry in _entries(folder):
            if entry.name == TOPIC_FILE or _is_symlink(bank, entry):
                continue
            if not entry.is_file():
                _stray(bank, entry, "topic folders hold only _topic.yaml and <id>.yaml files, not subfolders")
                continue
            if not entry.name.endswith(".yaml") or entry.name.startswith((".", "_")):
                _stray(bank, entry, "not a question file: questions are named <id>.yaml")
                continue
            qf = QuestionFile(Path(entry.path), display_path(Path(entry.path), root), topic=name)
            bank.questions.append(qf)
            if _read(bank, qf):
                qf.model = _validate_model(qf, Question)
    return bank
