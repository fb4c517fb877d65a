"""The qbank command line: output format, exit codes, and the acceptance cases of the validator."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import HEADER, REPO, write
from qbank.cli import main

LINE = re.compile(r"^questions/\S+:\d+:\d+: QB\d{3} (error|warning): .+ \([a-z0-9-]+\)$")
VALID = HEADER + "id: {id}\nquestion: A question about {id}?\ndifficulty: easy\ntags: [llm]\n{extra}last_reviewed: 2026-11-26\n"


def run(root, chdir, capsys, *args):
    chdir(root)
    rc = main(["validate", *args])
    return rc, capsys.readouterr().out.strip().split("\n")


def test_clean_bank_exits_zero_with_a_count(bank_root, chdir, capsys):
    rc, out = run(bank_root, chdir, capsys)
    assert rc == 0
    assert out == ["0 errors, 0 warnings in 8 files checked"]


def test_usage_errors_exit_two(bank_root, chdir, capsys):
    chdir(bank_root)
    assert main([]) == 2
    assert main(["validate", "--no-such-flag"]) == 2
    assert main(["no-such-command"]) == 2


def test_outside_a_repository_exits_two(tmp_path, chdir, capsys):
    chdir(tmp_path)
    assert main(["validate"]) == 2


KEY_POINTS = "key_points: [First point., Second point., Third point.]\n"
REFERENCE = "references: [{title: Attention Is All You Need, url: 'https://arxiv.org/abs/1706.03762'}]\n"
QID = "acceptance-case"


def case(extra: str = "", answered: bool = False, qid: str = QID) -> str:
    """A valid question file with `extra` added, so only the defect under test can fire."""
    return VALID.format(id=qid, extra=extra + (KEY_POINTS + REFERENCE if answered else ""))


# Each case: (file id, text, the exact problems it must produce as (code, "line:col")). A valid id and key
# points keep every other rule quiet, so each case fails if the rule it is named after stops firing.
ACCEPTANCE = {
    "duplicate key": (QID, HEADER + f"id: {QID}\nid: {QID}\n", [("QB004", "3:1")]),
    "unknown field": (QID, case("dificulty: easy\n"), [("QB021", "6:1")]),
    "wrong type": (QID, case().replace("tags: [llm]", "tags: llm"), [("QB022", "5:7")]),
    "bad difficulty NO": (QID, case().replace("difficulty: easy", "difficulty: NO"), [("QB023", "4:13")]),
    "missing question": (QID, case().replace(f"question: A question about {QID}?\n", ""), [("QB020", "2:1")]),
    "id differs from file name": (QID, case(qid="another-case"), [("QB050", "2:5")]),
    "broken YAML": (QID, HEADER + f"id: [{QID}\n", [("QB002", "3:1")]),
    "alias bomb": (QID, "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n", [("QB003", "1:4")]),
    "5 MB file": (QID, "a: " + "x" * 5_000_000, [("QB001", "1:1")]),
    "empty file": (QID, "", [("QB005", "1:1")]),
    "top-level list": (QID, "- a\n- b\n", [("QB005", "1:1")]),
    "script in answer": (
        QID,
        case("answer:\n  short: hi <script>alert(1)</script>\n", True),
        [("QB030", "7:13"), ("QB030", "7:29")],
    ),
    "onerror in answer": (QID, case("answer:\n  short: hi <img src=x onerror=alert(1)>\n", True), [("QB030", "7:13")]),
    "javascript link": (QID, case("answer:\n  short: '[x](javascript:alert(1))'\n", True), [("QB031", "7:11")]),
    "attribute list": (
        QID,
        case("answer:\n  detailed: |\n    text\n    { onclick=alert(1) }\n  short: x\n", True),
        [("QB032", "9:5")],
    ),
    "snippet marker": (QID, case("answer:\n  short: '--8<-- \"/etc/passwd\"'\n", True), [("QB033", "7:13")]),
    "bidi control": (QID, case().replace("A question", "A \u202equestion"), [("QB007", "3:13")]),
    "unknown tag": (QID, case().replace("[llm]", "[nope]"), [("QB052", "5:8")]),
    "dangling related": (QID, case("related: [missing-one]\n"), [("QB056", "6:11")]),
    "same id in two topics": ("softmax-scaling", case("subtopic: first-part\n", qid="softmax-scaling"), [("QB051", "2:5")]),
    "http reference": (
        QID,
        case("answer: {short: x}\nreferences: [{title: t, url: 'http://a.b'}]\n" + KEY_POINTS),
        [("QB040", "7:30")],
    ),
    "impossible date": (QID, case().replace("2026-11-26", "2026-13-45"), [("QB025", "6:16")]),
}


@pytest.mark.parametrize("case_name", ACCEPTANCE, ids=lambda c: c.replace(" ", "-"))
def test_each_defect_exits_one_naming_file_and_line(bank_root, chdir, capsys, case_name):
    qid, text, expected = ACCEPTANCE[case_name]
    rel = f"questions/beta/{qid}.yaml" if case_name == "same id in two topics" else f"questions/alpha/{qid}.yaml"
    write(bank_root, rel, text)
    rc, out = run(bank_root, chdir, capsys)
    assert rc == 1
    problems = out[:-1]
    assert problems and all(LINE.match(line) for line in problems), out
    got = [(m.group(2), m.group(1)) for line in problems if (m := re.match(rf"{re.escape(rel)}:(\d+:\d+): (QB\d+) ", line))]
    assert got == expected, out
    assert re.fullmatch(r"\d+ errors?, 0 warnings in \d+ files checked", out[-1])


def test_the_installed_command_never_prints_a_traceback(bank_root):
    (bank_root / "questions/alpha/bomb.yaml").write_text("a: &a [x]\nb: [*a, *a]\n")
    (bank_root / "questions/alpha/binary.yaml").write_bytes(b"\x00\xff\xfe garbage")
    result = subprocess.run([sys.executable, "-m", "qbank", "validate"], cwd=bank_root, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "questions/alpha/bomb.yaml:1:4: QB003" in result.stdout


def test_warnings_fail_only_under_strict(bank_root, chdir, capsys, monkeypatch):
    from qbank.check import rules
    from qbank.check.rules import Rule

    def always_warn(q):
        yield 1, 1, "a warning"

    monkeypatch.setitem(rules.REGISTRY, "QB999", Rule("QB999", "test-warning", "question", "warning", always_warn))
    rc, out = run(bank_root, chdir, capsys)
    assert rc == 0 and "QB999 warning" in out[0]
    rc, _ = run(bank_root, chdir, capsys, "--strict")
    assert rc == 1


def test_real_bank_validates_strictly(chdir, capsys):
    # CONTRIBUTING promises no new warnings, so the real bank is held to --strict.
    rc, out = run(REPO, chdir, capsys, "--strict")
    assert rc == 0, "\n".join(out[-20:])


def test_a_too_short_id_says_how_short(bank_root, chdir, capsys):
    write(bank_root, "questions/alpha/q1.yaml", VALID.format(id="q1", extra=""))
    _rc, out = run(bank_root, chdir, capsys)
    assert "questions/alpha/q1.yaml:2:5: QB024 error: id is too short: 2 characters; the minimum is 3 (length)" in out
