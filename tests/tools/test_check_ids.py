"""``qbank check-ids``: an id published at the base revision never disappears without a _moved.yaml entry,
and a moved id keeps its /q/<old-id>/ permalink."""

from __future__ import annotations

import subprocess

import pytest

from conftest import write
from qbank.cli import main
from qbank.site.generate import render_all
from qbank.source import bank as bank_module
from qbank.tools.check_ids import ids_at

GIT_ID = ["-c", "user.name=Bank Test", "-c", "user.email=bank-test@example.invalid", "-c", "commit.gpgsign=false"]


def git(root, *args):
    return subprocess.run(["git", *GIT_ID, *args], cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(bank_root):
    git(bank_root, "init", "-q", "-b", "main")
    git(bank_root, "add", "-A")
    git(bank_root, "commit", "-q", "-m", "bank")
    return bank_root


def commit_all(root, message):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def check(root, chdir, capsys, base="HEAD~1"):
    chdir(root)
    rc = main(["check-ids", "--base", base])
    return rc, capsys.readouterr()


def test_ids_at_a_revision_are_the_question_file_names(repo):
    assert ids_at(repo, "HEAD") == {"what-is-attention", "softmax-scaling", "decoding-basics", "open-question"}


def test_deleting_a_question_fails_naming_its_id(repo, chdir, capsys):
    (repo / "questions/beta/decoding-basics.yaml").unlink()
    commit_all(repo, "remove a question")
    rc, out = check(repo, chdir, capsys)
    assert rc == 1
    assert "'decoding-basics'" in out.out
    assert out.out.strip().endswith("1 missing id compared with HEAD~1")


def test_a_retired_id_is_allowed_to_go(repo, chdir, capsys):
    (repo / "questions/beta/decoding-basics.yaml").unlink()
    moved = repo / "questions/_moved.yaml"
    moved.write_text(moved.read_text() + "decoding-basics: retired\n")
    commit_all(repo, "retire a question")
    rc, out = check(repo, chdir, capsys)
    assert (rc, out.out.strip()) == (0, "0 missing ids compared with HEAD~1")


def test_a_moved_id_passes_and_keeps_its_permalink(repo, chdir, capsys):
    old = repo / "questions/alpha/what-is-attention.yaml"
    text = old.read_text().replace("id: what-is-attention", "id: attention-in-one-sentence")
    old.unlink()
    write(repo, "questions/alpha/attention-in-one-sentence.yaml", text)
    related = repo / "questions/alpha/softmax-scaling.yaml"
    related.write_text(related.read_text().replace("what-is-attention", "attention-in-one-sentence"))
    moved = repo / "questions/_moved.yaml"
    moved.write_text(moved.read_text() + "what-is-attention: attention-in-one-sentence\n")
    commit_all(repo, "rename a question")
    rc, _ = check(repo, chdir, capsys)
    assert rc == 0
    _cat, files = render_all(bank_module.load(repo))
    stub = files["q/what-is-attention/index.html"].decode()
    assert 'url=../../topics/alpha/#attention-in-one-sentence"' in stub


def test_a_rename_without_a_moved_entry_fails(repo, chdir, capsys):
    old = repo / "questions/beta/open-question.yaml"
    write(repo, "questions/beta/an-open-question.yaml", old.read_text().replace("id: open-question", "id: an-open-question"))
    old.unlink()
    commit_all(repo, "rename without a record")
    rc, out = check(repo, chdir, capsys)
    assert rc == 1 and "'open-question'" in out.out


def test_an_unknown_revision_is_a_usage_error(repo, chdir, capsys):
    rc, out = check(repo, chdir, capsys, base="no-such-branch")
    assert rc == 2 and "no-such-branch" in out.err
