"""Schema rules: the pydantic models in ``qbank.model.schema`` decide; these rules place and word the errors.

The same rules cover question files and ``_topic.yaml`` files.
"""

from __future__ import annotations

import difflib
import unicodedata

from qbank.check.rules import rule
from qbank.model.schema import Question, Topic
from qbank.source.bank import Bank

_TYPES = {
    "missing": "QB020",
    "extra_forbidden": "QB021",
    "literal_error": "QB023",
    "string_pattern_mismatch": "QB023",
    "multi_line": "QB023",
    "greater_than_equal": "QB023",
    "less_than_equal": "QB023",
    "bad_number": "QB023",
    "string_too_long": "QB024",
    "string_too_short": "QB024",
    "too_long": "QB024",
    "too_short": "QB024",
    "too_many_words": "QB024",
    "bad_date": "QB025",
}


def _code(error: dict) -> str:
    return _TYPES.get(error["type"], "QB022")


def _field(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "file"


def _message(error: dict, model) -> str:
    loc, kind = tuple(error["loc"]), error["type"]
    name = _field(loc)
    if kind == "missing":
        return f"missing required field {name!r}"
    if kind == "extra_forbidden":
        # suggest the closest known field name
        fields = list(Question.model_fields) if model is Question and len(loc) == 1 else []
        if model is Topic and len(loc) == 1:
            fields = list(Topic.model_fields)
        if len(loc) == 2 and loc[0] == "answer":
            fields = ["short", "detailed"]
        hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        return f"unknown field {name!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
    if kind == "literal_error":
        got = error.get("input")
        return f"{name}: {got!r} is not allowed; expected {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        got = str(error.get("input"))
        alien = next((ch for ch in got if ord(ch) > 127), None)
        # A homoglyph (Cyrillic 'а' for Latin 'a') looks right in an editor, so name the character.
        why = f"; it contains {alien!r} (U+{ord(alien):04X} {unicodedata.name(alien, '?')}), which is not ASCII" if alien else ""
        return f"{name}: {got!r} must be a lowercase slug (letters, digits and single hyphens){why}"
    if kind in ("string_type", "list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = {"string_type": "text", "list_type": "a list", "model_type": "a mapping", "dict_type": "a mapping"}.get(
            kind, "a mapping"
        )
        got = error.get("input")
        shape = (
            "nothing" if got is None else "a list" if isinstance(got, list) else "a mapping" if isinstance(got, dict) else "text"
        )
        return f"{name} must be {expected}, not {shape}"
    if kind in ("string_too_long", "too_long"):
        got = error.get("input")
        unit = "characters" if isinstance(got, str) else "items"
        return f"{name} is too long: {len(got) if got is not None else '?'} {unit}; the limit is {error['ctx'].get('max_length')}"
    if kind in ("string_too_short", "too_short"):
        minimum = error["ctx"].get("min_length", 1)
        if minimum <= 1:
            return f"{name} must not be empty"
        got = error.get("input")
        count = len(got) if got is not None else 0
        unit = ("character" if isinstance(got, str) else "item") + ("" if count == 1 else "s")
        return f"{name} is too short: {count} {unit}; the minimum is {minimum}"
    return f"{name}: {error['msg']}"


def _errors(src, model, codes: set[str]):
    for error in src.schema_errors:
        code = _code(error)
        if code not in codes:
            continue
        loc = tuple(error["loc"])
        if error["type"] == "missing":
            line, col = src.where(loc[:-1])
        else:
            line, col = src.where(loc, key=error["type"] == "extra_forbidden")
        yield line, col, _message(error, model)


def _question_and_topic(codes: set[str]):
    """Build a bank rule that reports schema errors of the given codes in question and topic files."""

    def check(bank: Bank):
        for q in bank.questions:
            for line, col, msg in _errors(q, Question, codes):
                yield q, line, col, msg
        for t in bank.topics.values():
            for line, col, msg in _errors(t, Topic, codes):
                yield t, line, col, msg

    return check


def _register(code: str, name: str, doc: str):
    func = _question_and_topic({code})
    func.__doc__ = doc
    func.__name__ = name.replace("-", "_")
    rule(code, name, scope="bank")(func)


_register("QB020", "missing-field", "A required field is missing: id, question, difficulty, tags and last_reviewed.")
_register("QB021", "unknown-field", "A field that the schema does not define, usually a misspelling.")
_register("QB022", "wrong-type", "A value of the wrong shape: text where a list is expected, a list where a mapping is expected.")
_register("QB023", "bad-value", "A value outside its allowed set: difficulty, slug form, one-line text, positions.")
_register("QB024", "length", "Text or a list that is too long or too short: question 300 characters, short answer 120 words.")
_register("QB025", "bad-date", "A date that is not written YYYY-MM-DD or does not exist, such as 2026-13-45.")
