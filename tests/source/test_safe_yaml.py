"""The loader reads untrusted YAML strictly: strings only, positions kept, dangerous constructs refused."""

import pytest

from qbank.source.safe_yaml import MAX_BYTES, YamlProblem, invisible_characters, load


def code_of(raw: bytes) -> str:
    with pytest.raises(YamlProblem) as exc:
        load(raw)
    return exc.value.code


def test_every_scalar_stays_a_string():
    doc = load(b"a: NO\nb: 3.10\nc: 2026-13-45\nd: [1, true]\n")
    assert doc.data == {"a": "NO", "b": "3.10", "c": "2026-13-45", "d": ["1", "true"]}


def test_plain_empty_and_null_scalars_are_none_but_quoted_ones_are_text():
    assert load(b'a:\nb: ~\nc: null\nd: "null"\n').data == {"a": None, "b": None, "c": None, "d": "null"}


def test_positions_are_one_based_for_values_and_keys():
    doc = load(b"id: x\nanswer:\n  short: hello\n")
    assert doc.positions[("answer", "short")] == (3, 10)
    assert doc.key_positions[("answer", "short")] == (3, 3)
    assert doc.where(("answer", "short", "missing")) == (3, 10)


@pytest.mark.parametrize(
    "raw, code",
    [
        (b"a: 1\na: 2\n", "QB004"),
        (b"a: &x 1\nb: *x\n", "QB003"),
        (b"a: &x 1\n", "QB003"),
        (b"a: !!python/object:os.system 1\n", "QB008"),
        (b"a: [\n", "QB002"),
        (b"a:\n\t- b\n", "QB002"),
        (b"", "QB005"),
        (b"# only a comment\n", "QB005"),
        (b"- a\n- b\n", "QB005"),
        (b"just text\n", "QB005"),
        (b"a: 1\n---\nb: 2\n", "QB010"),
        (b"\xef\xbb\xbfa: 1\n", "QB006"),
        (b"a: caf\xe9\n", "QB006"),
        (b"a: " + b"x" * MAX_BYTES, "QB001"),
        (b"x: " + b"[" * 10_000 + b"]" * 10_000, "QB002"),
        (b"{[a]: 1}", "QB002"),
    ],
)
def test_refuses(raw, code):
    assert code_of(raw) == code


def test_duplicate_key_names_the_first_line():
    with pytest.raises(YamlProblem) as exc:
        load(b"a: 1\nb: 2\na: 3\n")
    assert (exc.value.line, exc.value.col) == (3, 1)
    assert "line 1" in exc.value.message


def test_invalid_utf8_is_located():
    with pytest.raises(YamlProblem) as exc:
        load(b"a: ok\nb: \xff\n")
    assert (exc.value.line, exc.value.col) == (2, 4)


def test_text_is_normalised_to_nfc():
    assert load("a: cafe\u0301\n".encode()).data["a"] == "caf\u00e9"


def test_invisible_characters_are_found_with_positions():
    found = list(invisible_characters("ok\nab\u202ecd\u200b\n"))
    assert [(line, col) for line, col, _ in found] == [(2, 3), (2, 6)]


def test_every_format_character_is_found_where_a_plain_scan_finds_it():
    # Every Cf character the running Python knows, among ASCII and visible non-ASCII text on many lines.
    import sys
    import unicodedata

    format_chars = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert "\u00ad" in format_chars and "\u202e" in format_chars and "\ufeff" in format_chars
    lines = [f"line {i} ≈ café {ch} – end{ch}" for i, ch in enumerate(format_chars)] + ["plain ascii", "ünïcödé only"]
    text = "\n".join(lines)
    plain = [
        (n, c, ch)
        for n, line in enumerate(text.split("\n"), 1)
        for c, ch in enumerate(line, 1)
        if unicodedata.category(ch) == "Cf"
    ]
    assert list(invisible_characters(text)) == plain and len(plain) == 2 * len(format_chars)
    assert list(invisible_characters("plain ascii\nünïcödé ≈ only\n")) == []
