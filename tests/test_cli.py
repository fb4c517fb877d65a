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


ACCEPTANCE = {
    "duplicate key": ("q1", HEADER + "id: q1\nid: q1\n"),
    "unknown field": ("q1", VALID.format(id="q1", extra="dificulty: easy\n")),
    "wrong type": ("q1", VALID.format(id="q1", extra="").replace("tags: [llm]", "tags: llm")),
    "bad difficulty NO": ("q1", VALID.format(id="q1", extra="").replace("difficulty: easy", "difficulty: NO")),
    "missing question": ("q1", VALID.format(id="q1", extra="").replace("question: A question about q1?\n", "")),
    "id differs from file name": ("q1", VALID.format(id="q2", extra="")),
    "broken YAML": ("q1", HEADER + "id: [q1\n"),
    "alias bomb": ("q1", "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"),
    "5 MB file": ("q1", "a: " + "x" * 5_000_000),
    "empty file": ("q1", ""),
    "top-level list": ("q1", "- a\n- b\n"),
    "script in answer": ("q1", VALID.format(id="q1", extra="answer:\n  short: hi <script>alert(1)</script>\n")),
    "onerror in answer": ("q1", VALID.format(id="q1", extra="answer:\n  short: hi <img src=x onerror=alert(1)>\n")),
    "javascript link": ("q1", VALID.format(id="q1", extra="answer:\n  short: '[x](javascript:alert(1))'\n")),
    "attribute list": (
        "q1",
        VALID.format(id="q1", extra="answer:\n  detailed: |\n    text\n    { onclick=alert(1) }\n  short: x\n"),
    ),
    "snippet marker": ("q1", VALID.format(id="q1", extra="answer:\n  short: '--8<-- \"/etc/passwd\"'\n")),
    "bidi control": ("q1", VALID.format(id="q1", extra="").replace("A question", "A \u202equestion")),
    "unknown tag": ("q1", VALID.format(id="q1", extra="").replace("[llm]", "[nope]")),
    "dangling related": ("q1", VALID.format(id="q1", extra="related: [missing-one]\n")),
    "same id in two topics": ("softmax-scaling", VALID.format(id="softmax-scaling", extra="subtopic: first-part\n")),
    "http reference": ("q1", VALID.format(id="q1", extra="answer: {short: x}\nreferences: [{title: t, url: 'http://a.b'}]\n")),
    "impossible date": ("q1", VALID.format(id="q1", extra="").replace("2026-11-26", "2026-13-45")),
}


@pytest.mark.parametrize("case", ACCEPTANCE, ids=lambda c: c.replace(" ", "-"))
def test_each_defect_exits_one_naming_file_and_line(bank_root, chdir, capsys, case):
    qid, text = ACCEPTANCE[case]
    rel = f"questions/beta/{qid}.yaml" if case == "same id in two topics" else f"questions/alpha/{qid}.yaml"
    write(bank_root, rel, text)
    rc, out = run(bank_root, chdir, capsys)
    assert rc == 1
    problems = out[:-1]
    assert problems and all(LINE.match(line) for line in problems), out
    assert any(line.startswith(rel + ":") for line in problems), out
    assert re.fullmatch(r"\d+ errors?, 0 warnings in \d+ files checked", out[-1])


def test_the_installed_command_never_prints_a_traceback(bank_root):
    (bank_root / "questions/alpha/bomb.yaml").write_text("a: &a [x]\nb: [*a, *a]\n")
    (bank_root / "questions/alpha/binary.yaml").write_bytes(b"\x00\xff\xfe garbage")
    result = subprocess.run([sys.executable, "-m", "qbank", "validate"], cwd=bank_root, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "questions/alpha/bomb.yaml:1:4: QB003" in result.stdout


def test_warnings_fail_only_under_strict(bank_root, chdir, capsys, monkeypatch):
    from qbank import rules
    from qbank.rules import Rule

    def always_warn(q):
        yield 1, 1, "a warning"

    monkeypatch.setitem(rules.REGISTRY, "QB999", Rule("QB999", "test-warning", "question", "warning", always_warn))
    rc, out = run(bank_root, chdir, capsys)
    assert rc == 0 and "QB999 warning" in out[0]
    rc, _ = run(bank_root, chdir, capsys, "--strict")
    assert rc == 1


def test_real_bank_validates(chdir, capsys):
    rc, out = run(REPO, chdir, capsys)
    assert rc == 0, "\n".join(out[-20:])


def test_a_too_short_id_says_how_short(bank_root, chdir, capsys):
    write(bank_root, "questions/alpha/q1.yaml", VALID.format(id="q1", extra=""))
    _rc, out = run(bank_root, chdir, capsys)
    assert "questions/alpha/q1.yaml:2:5: QB024 error: id is too short: 2 characters; the minimum is 3 (length)" in out
