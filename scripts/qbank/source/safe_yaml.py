"""Strict, fast YAML loading for untrusted files.

PyYAML's C event parser is used directly and the tree is built here, so that anchors, aliases, explicit
tags and duplicate keys are rejected before any object is built, every scalar stays a string (``NO``,
``3.10`` and ``2026-13-45`` are never converted), and every value keeps its line and column.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import yaml

try:  # the C parser is about 40x faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is present in every supported install
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 200_000
MAX_DEPTH = 16
# Plain (unquoted) scalars that mean "no value". Everything else stays a string.
_NULLS = {"", "~", "null", "Null", "NULL"}


class YamlProblem(Exception):
    """A file-level problem that stops the file from being read further."""

    def __init__(self, code: str, rule: str, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.code, self.rule, self.message, self.line, self.col = code, rule, message, line, col


@dataclass
class Document:
    data: object
    # (key, index, ...) path -> (line, col) of the value, and of the key for mapping entries
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    def where(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """The closest known position for a path: the value itself, else its nearest ancestor."""
        table = self.key_positions if key else self.positions
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def decode(raw: bytes) -> str:
    """Bytes to text, refusing what a contributor's editor should never have produced."""
    if len(raw) > MAX_BYTES:
        raise YamlProblem("QB001", "file-too-large", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem("QB006", "encoding", "file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem("QB006", "encoding", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", line, col) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text)


def invisible_characters(text: str):
    """Yield (line, col, char) for bidi controls, zero-width and other invisible format characters."""
    # Look up the category once per distinct character (set() runs in C), then scan only the lines that hold
    # one of the suspects: a per-character Python loop over the whole bank was most of a warm validate.
    suspects = {ch for ch in set(text) if not ch.isascii() and unicodedata.category(ch) == "Cf"}
    if not suspects:
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if suspects.isdisjoint(line):
            continue
        for col, ch in enumerate(line, 1):
            if ch in suspects:
                yield lineno, col, ch


def parse(text: str) -> Document:
    """Build the tree from parser events. Raises YamlProblem on the first structural problem."""
    doc = Document(data=None, text=text)
    stack: list[list] = []  # frames: [container, path, pending_key_or_None]
    documents = 0
    root_set = False
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        "QB010", "single-document", "a question file holds exactly one YAML document", *_pos(event.start_mark)
                    )
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem("QB003", "no-anchors", "YAML anchors and aliases are not allowed", *_pos(event.start_mark))
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            tag = getattr(event, "tag", None)
            if tag and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
                raise YamlProblem("QB008", "no-tags", f"explicit YAML tag {tag!r} is not allowed", *_pos(event.start_mark))
            where = _pos(event.start_mark)

            if isinstance(event, yaml.ScalarEvent):
                plain = event.implicit[0] and not event.style
                value = None if plain and event.value in _NULLS else event.value
            elif isinstance(event, yaml.MappingStartEvent):
                value = {}
            else:
                value = []

            # Attach the value to its parent (or make it the root).
            if not stack:
                path: tuple = ()
                doc.data, root_set = value, True
            else:
                frame = stack[-1]
                container, parent_path = frame[0], frame[1]
                if isinstance(container, dict):
                    if frame[2] is None:  # this event is a key
                        if not isinstance(event, yaml.ScalarEvent):
                            raise YamlProblem("QB002", "yaml-syntax", "mapping keys must be plain strings", *where)
                        key = event.value
                        if key in container:
                            first = doc.key_positions[parent_path + (key,)]
                            raise YamlProblem(
                                "QB004", "duplicate-key", f"duplicate key {key!r} (first defined at line {first[0]})", *where
                            )
                        frame[2] = (key, where)
                        continue
                    key, key_where = frame[2]
                    frame[2] = None
                    path = parent_path + (key,)
                    container[key] = value
                    doc.key_positions[path] = key_where
                else:
                    path = parent_path + (len(container),)
                    container.append(value)
            doc.positions[path] = where
            if isinstance(value, (dict, list)):
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem("QB002", "yaml-syntax", f"nesting deeper than {MAX_DEPTH} levels", *where)
                stack.append([value, path, None])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        message = f"invalid YAML: {exc.problem or exc.context}"
        if mark and text[mark.index : mark.index + 1] == "\t":  # libyaml does not say which character
            message = "invalid YAML: a tab character; indent with spaces"
        raise YamlProblem("QB002", "yaml-syntax", message, line, col) from None
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position too
        mark = getattr(exc, "position", None)
        raise YamlProblem("QB002", "yaml-syntax", f"invalid YAML: {exc}".splitlines()[0]) from None
    if not root_set or doc.data is None:
        raise YamlProblem("QB005", "top-level-mapping", "file is empty; expected a mapping of fields")
    if not isinstance(doc.data, dict):
        kind = "list" if isinstance(doc.data, list) else "single value"
        raise YamlProblem("QB005", "top-level-mapping", f"top level is a {kind}; expected a mapping of fields")
    return doc


def load(raw: bytes) -> Document:
    return parse(decode(raw))
