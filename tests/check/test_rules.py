"""Every rule fires on its failing fixture, stays quiet on the good bank, and reports where the defect is.

Each file in fixtures/invalid declares the problems it must produce, as trailing comments
``# expect: CODE LINE:COL [other/path]``, in the order the validator prints them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, HEADER, problems_in, write
from qbank.check.rules import REGISTRY

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
# Codes that come from reading a file rather than from a registered rule.
READING_CODES = {"QB001", "QB002", "QB003", "QB004", "QB005", "QB006", "QB007", "QB008", "QB010", "QB011", "QB063"}


def expectations(path: Path) -> list[tuple]:
    """(code, line:col, path) of each ``# expect: CODE LINE:COL [path] [~ message substring]`` comment."""
    return [(code, where, other) for code, where, other, _message in expected_problems(path)]


def expected_problems(path: Path) -> list[tuple]:
    out = []
    for line in path.read_text().split("\n"):
        if line.startswith("# expect: "):
            spec, _, message = line[len("# expect: ") :].partition(" ~ ")
            code, where, *other = spec.split()
            out.append((code, where, other[0] if other else f"questions/alpha/{path.name}", message.strip()))
    return out


def test_the_good_bank_has_no_problems(bank_root):
    assert problems_in(bank_root) == []


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exactly_what_it_declares(bank_root, fixture):
    expected = expectations(fixture)
    assert expected, f"{fixture.name} declares no expected problems"
    (bank_root / "questions" / "alpha" / fixture.name).write_bytes(fixture.read_bytes())
    found = problems_in(bank_root)
    got = [(p.code, f"{p.line}:{p.col}", p.path) for p in found]
    assert got == expected
    # Where a fixture names the message, the right one of a rule's several messages must be the one printed.
    for problem, (_code, _where, _path, message) in zip(found, expected_problems(fixture), strict=True):
        assert message in problem.message, (problem, message)


def scenario_codes() -> set[str]:
    """Every problem code that a test in this module asserts, read from the tests' own source: deleting a
    scenario test removes its codes, so the check below cannot be satisfied by a hand-kept list."""
    import ast

    tree = ast.parse(Path(__file__).read_text())
    found = set()
    tests = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]
    for node in tests:
        if node.name == "test_every_rule_and_reading_code_has_a_failing_case":
            continue
        for statement in (s for s in ast.walk(node) if isinstance(s, ast.Assert)):
            constants = (c.value for c in ast.walk(statement) if isinstance(c, ast.Constant) and isinstance(c.value, str))
            found |= {value for value in constants if re.fullmatch(r"QB\d{3}", value)}
    return found


def test_every_rule_and_reading_code_has_a_failing_case():
    covered = {code for f in INVALID for code, *_ in expectations(f)}
    covered |= scenario_codes()
    assert set(REGISTRY) | READING_CODES <= covered, (set(REGISTRY) | READING_CODES) - covered


def test_rules_are_documented():
    for rule in REGISTRY.values():
        assert rule.doc, f"{rule.code} has no docstring"
        assert rule.name == rule.name.lower() and " " not in rule.name


# Scenarios that need more than one file.

def question(qid: str, extra: str = "", text: str | None = None) -> str:
    return (
        HEADER
        + f"id: {qid}\nquestion: {text or 'What about ' + qid + '?'}\n"
        + f"difficulty: easy\ntags: [llm]\n{extra}last_reviewed: 2026-11-26\n"
    )


def codes(root, rel=None):
    return [(p.code, p.line, p.col) for p in problems_in(root, rel)]


def test_same_id_in_two_topics(bank_root):
    write(bank_root, "questions/beta/what-is-attention.yaml", question("what-is-attention", "subtopic: first-part\n"))
    assert codes(bank_root, "questions/beta/what-is-attention.yaml") == [("QB051", 2, 5)]


def test_subtopic_missing_and_unknown(bank_root):
    write(bank_root, "questions/beta/no-subtopic.yaml", question("no-subtopic"))
    write(bank_root, "questions/beta/bad-subtopic.yaml", question("bad-subtopic", "subtopic: nowhere\n"))
    assert codes(bank_root, "questions/beta/no-subtopic.yaml") == [("QB053", 1, 1)]
    assert codes(bank_root, "questions/beta/bad-subtopic.yaml") == [("QB053", 6, 11)]


def test_a_page_with_more_than_30_questions_is_a_warning(bank_root):
    from qbank.check.rules.crossfile_rules import MAX_QUESTIONS_PER_PAGE

    def fill(folder, n, extra=""):
        for i in range(n):
            qid = f"q{folder}{i}"
            write(bank_root, f"questions/{folder}/{qid}.yaml", question(qid, extra, f"Question {i} of {folder} here?"))

    existing = len(list((bank_root / "questions/alpha").glob("[!_]*.yaml")))
    fill("alpha", MAX_QUESTIONS_PER_PAGE - existing)  # exactly at the limit: fine
    assert codes(bank_root, "questions/alpha/_topic.yaml") == []
    fill("beta", MAX_QUESTIONS_PER_PAGE + 1, "subtopic: second-part\n")
    write(bank_root, "questions/alpha/one-more.yaml", question("one-more", "", "One question too many?"))
    found = [p for p in problems_in(bank_root) if p.code == "QB071"]
    assert [(p.code, p.path, p.line, p.col, p.severity) for p in found] == [
        ("QB071", "questions/alpha/_topic.yaml", 1, 1, "warning"),
        ("QB071", "questions/beta/_topic.yaml", 6, 5, "warning"),  # the second-part entry of its subtopics list
    ]
    assert "'second-part'" in found[1].message


def test_topic_folder_without_metadata(bank_root):
    write(bank_root, "questions/gamma/lonely.yaml", question("lonely"))
    assert codes(bank_root, "questions/gamma/_topic.yaml") == [("QB059", 1, 1)]


def test_topic_order_must_name_its_own_questions(bank_root):
    path = bank_root / "questions/alpha/_topic.yaml"
    path.write_text(
        path.read_text().replace("order: [softmax-scaling]", "order: [softmax-scaling, decoding-basics, softmax-scaling]")
    )
    assert codes(bank_root) == [("QB061", 4, 26), ("QB061", 4, 43)]


def test_moved_file_targets_must_exist(bank_root):
    write(bank_root, "questions/_moved.yaml", "a-moved-id: no-such-question\nb-moved-id: a-moved-id\nc-moved-id: retired\n")
    assert codes(bank_root) == [("QB062", 1, 13), ("QB062", 2, 13)]


def test_stray_files_are_reported_not_dropped(bank_root):
    write(bank_root, "questions/alpha/notes.yml", "id: notes\n")
    write(bank_root, "questions/alpha/README.md", "hello\n")
    write(bank_root, "questions/stray.yaml", "a: b\n")
    (bank_root / "questions/alpha/nested").mkdir()
    paths = [(p.path, p.code) for p in problems_in(bank_root)]
    assert paths == [
        ("questions/alpha/README.md", "QB063"),
        ("questions/alpha/nested", "QB063"),
        ("questions/alpha/notes.yml", "QB063"),
        ("questions/stray.yaml", "QB063"),
    ]


def test_symlink_out_of_the_repository_is_refused(bank_root, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    outside.write_text("id: secret\n")
    os.symlink(outside, bank_root / "questions/alpha/secret.yaml")
    assert codes(bank_root) == [("QB011", 1, 1)]


def test_bidi_and_zero_width_characters_are_located(bank_root):
    write(bank_root, "questions/alpha/bidi.yaml", question("bidi", text="Is \u202eevil\u202c text allowed?"))
    assert codes(bank_root) == [("QB007", 3, 14), ("QB007", 3, 19)]


def test_oversized_file_and_bad_bytes(bank_root):
    (bank_root / "questions/alpha/huge.yaml").write_bytes(b"a: " + b"x" * 5_000_000)
    (bank_root / "questions/alpha/latin1.yaml").write_bytes(HEADER.encode() + b"id: caf\xe9\n")
    assert codes(bank_root) == [("QB001", 1, 1), ("QB006", 2, 8)]


def test_every_problem_is_reported_not_just_the_first(bank_root):
    # old-softmax-question would become a real link target for dangling-link, so it runs on its own.
    chosen = [f for f in INVALID if f.stem != "old-softmax-question"]
    for fixture in chosen:
        (bank_root / "questions" / "alpha" / fixture.name).write_bytes(fixture.read_bytes())
    # Crowding every fixture onto one page is this test's doing; QB071 has its own scenario test.
    got = sorted((p.path, p.code, f"{p.line}:{p.col}") for p in problems_in(bank_root) if p.code != "QB071")
    assert got == sorted((path, code, where) for f in chosen for code, where, path in expectations(f))


# Branches of rules that the single-file fixtures cannot reach.


def test_a_subtopic_defined_twice(bank_root):
    path = bank_root / "questions/beta/_topic.yaml"
    path.write_text(path.read_text() + "  - {id: first-part, title: Again, position: 3}\n")
    found = problems_in(bank_root)
    assert [(p.code, p.path, p.line, p.col) for p in found] == [("QB061", "questions/beta/_topic.yaml", 7, 10)]
    assert found[0].message == "subtopic 'first-part' is defined twice"


def test_a_moved_id_that_is_not_a_slug(bank_root):
    write(bank_root, "questions/_moved.yaml", "Old_Question: retired\n")
    found = problems_in(bank_root)
    assert [(p.code, p.line, p.col) for p in found] == [("QB062", 1, 1)]
    assert found[0].message == "moved id 'Old_Question' must be a lowercase slug"


def test_a_tag_key_that_is_not_a_slug(bank_root):
    path = bank_root / "questions/_tags.yaml"
    path.write_text(path.read_text() + "Bad_Tag: A tag written wrongly.\n")
    found = problems_in(bank_root)
    last = len(path.read_text().rstrip("\n").split("\n"))
    assert [(p.code, p.path, p.line, p.col) for p in found] == [("QB052", "questions/_tags.yaml", last, 1)]
    assert found[0].message == "tag 'Bad_Tag' must be a lowercase slug"


def test_a_topic_folder_that_is_not_a_slug(bank_root):
    (bank_root / "questions/alpha").rename(bank_root / "questions/Alpha_Topic")
    found = [p for p in problems_in(bank_root) if p.code == "QB059"]
    assert [(p.path, p.line, p.col) for p in found] == [("questions/Alpha_Topic/_topic.yaml", 1, 1)]
    assert found[0].message == "topic folder name 'Alpha_Topic' must be a lowercase slug"


def test_inline_display_maths_is_refused(bank_root):
    text = question("inline-display", "answer:\n  short: The sum $$x + y$$ inline.\n", "Is display maths allowed inline?")
    text = text.replace("last_reviewed", "key_points: [One., Two., Three.]\nreferences: [{title: T, url: 'https://example.org/'}]\nlast_reviewed")
    write(bank_root, "questions/alpha/inline-display.yaml", text)
    found = problems_in(bank_root)
    assert [(p.code, p.line, p.col) for p in found] == [("QB037", 7, 18)]
    assert "must stand in its own block" in found[0].message


def test_a_missing_questions_folder(tmp_path):
    found = problems_in(tmp_path)
    assert [(p.code, p.path, p.line, p.col) for p in found] == [("QB063", "questions", 1, 1)]
    assert found[0].message == "the questions/ folder is missing"


def test_a_missing_tag_vocabulary(bank_root):
    (bank_root / "questions/_tags.yaml").unlink()
    found = [p for p in problems_in(bank_root) if p.path == "questions/_tags.yaml"]
    assert [(p.code, p.line, p.col, p.message) for p in found] == [("QB052", 1, 1, "the tag vocabulary file is missing")]
