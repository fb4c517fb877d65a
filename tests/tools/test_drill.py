"""`qbank drill`: write the starter, fail, paste the solution, pass; and never a traceback or lost work."""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO
from qbank.cli import main

EXERCISE = "stable-softmax-logsumexp"
MODULE = "stable_softmax_logsumexp"


@pytest.fixture
def repo(tmp_path):
    """A repository root holding the real coding topic, so the test does not depend on the rest of the bank."""
    root = tmp_path / "repo"
    (root / "questions").mkdir(parents=True)
    shutil.copy(REPO / "questions/_tags.yaml", root / "questions/_tags.yaml")
    shutil.copytree(REPO / "questions/coding", root / "questions/coding")
    return root


def drill(chdir, capsys, root, *args):
    chdir(root)
    rc = main(["drill", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_write_fail_paste_the_solution_pass(repo, chdir, capsys):
    from qbank.source.bank import load

    rc, out, _ = drill(chdir, capsys, repo, EXERCISE)
    assert rc == 0 and f"qbank drill --check drill/{MODULE}.py" in out
    mine = repo / "drill" / f"{MODULE}.py"
    assert mine.read_text().count("raise NotImplementedError") == 2
    assert (repo / "drill" / f"test_{MODULE}.py").is_file()

    rc, out, _ = drill(chdir, capsys, repo, "--check", f"drill/{MODULE}.py")
    assert rc == 1 and "FAIL test_large_logits_do_not_overflow: NotImplementedError" in out and "0 passed, 7 failed" in out

    q = next(q.model for q in load(repo).questions if q.qid == EXERCISE)
    mine.write_text(q.exercise.solution)
    rc, out, _ = drill(chdir, capsys, repo, "--check", f"drill/{MODULE}.py")
    assert rc == 0 and "7 passed, 0 failed" in out and "FAIL" not in out


def test_an_existing_file_is_kept_unless_forced(repo, chdir, capsys):
    drill(chdir, capsys, repo, EXERCISE)
    mine = repo / "drill" / f"{MODULE}.py"
    mine.write_text("# my work\n")
    rc, _, err = drill(chdir, capsys, repo, EXERCISE)
    assert rc == 2 and "already exist" in err and "--force" in err
    assert mine.read_text() == "# my work\n"
    rc, _, _ = drill(chdir, capsys, repo, EXERCISE, "--force")
    assert rc == 0 and "NotImplementedError" in mine.read_text()


def test_a_syntax_error_in_my_file_is_shown_at_my_line(repo, chdir, capsys):
    drill(chdir, capsys, repo, EXERCISE)
    (repo / "drill" / f"{MODULE}.py").write_text("import numpy as np\n\ndef softmax(x)\n    return x\n")
    rc, out, err = drill(chdir, capsys, repo, "--check", f"drill/{MODULE}.py")
    assert rc == 1 and "Traceback" not in out + err
    assert f"drill/{MODULE}.py:3: SyntaxError" in out


def test_an_exception_in_my_code_names_my_line(repo, chdir, capsys):
    drill(chdir, capsys, repo, EXERCISE)
    code = "def softmax(x, axis=-1):\n    return {}[x]\n\ndef logsumexp(x, axis=-1):\n    return 0\n"
    (repo / "drill" / f"{MODULE}.py").write_text(code)
    rc, out, _ = drill(chdir, capsys, repo, "--check", f"drill/{MODULE}.py")
    assert rc == 1 and f"TypeError: unhashable type: 'numpy.ndarray' (drill/{MODULE}.py:2)" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-exercise"], "no exercise has the id 'no-such-exercise'"),
        (["stable-softmax-logsumexpp"], "did you mean 'stable-softmax-logsumexp'"),
        (["--check", "drill/nothing_here.py"], "no exercise has the module name 'nothing_here'"),
        (["--check", f"drill/{MODULE}.py"], "does not exist; write it first"),
        (["--check", "drill/notes.txt"], "is not a .py file"),
        ([], "give one of"),
        ([EXERCISE, "--list"], "give one of"),
    ],
)
def test_bad_input_exits_two_with_a_message_and_no_traceback(repo, chdir, capsys, args, message):
    rc, out, err = drill(chdir, capsys, repo, *args)
    assert rc == 2 and message in err and "Traceback" not in out + err


def test_list_groups_exercises_by_subtopic(repo, chdir, capsys):
    rc, out, _ = drill(chdir, capsys, repo, "--list")
    assert rc == 0 and "coding/numerics-training:" in out and EXERCISE in out
