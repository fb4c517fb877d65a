"""Promises of `qbank build`, `qbank bench --keep`, the site hook and the edit links that had no test."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.exceptions import PluginError

from conftest import REPO, write
from qbank.cli import main


def _generated(root):
    docs = root / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()) if docs.is_dir() else []


def test_build_no_site_writes_the_generated_files_and_no_site(site_root, chdir, capsys):
    root = site_root()
    chdir(root)
    assert main(["build", "--no-site"]) == 0
    files = _generated(root)
    assert "api/questions.json" in files and "topics/alpha.md" in files and "index.md" in files
    assert not (root / "site").exists()


def test_build_strict_refuses_a_warning_and_writes_nothing(site_root, chdir, capsys, monkeypatch):
    from qbank.check import rules
    from qbank.check.rules import Rule

    root = site_root()
    warn = Rule("QB998", "test-warning", "question", "warning", lambda q: iter([(1, 1, "w")]))
    monkeypatch.setitem(rules.REGISTRY, "QB998", warn)
    chdir(root)
    before = _generated(root)
    assert main(["build", "--strict", "--no-site"]) == 1
    err = capsys.readouterr().err
    assert "QB998 warning" in err and err.rstrip().endswith("qbank build: nothing written")
    assert _generated(root) == before and not any(p.startswith(("topics/", "api/")) for p in before)
    assert main(["build", "--no-site"]) == 0  # without --strict the warning does not stop the build


def test_bench_keep_refuses_a_non_empty_folder(tmp_path, chdir, capsys):
    keep = tmp_path / "kept"
    keep.mkdir()
    (keep / "mine.txt").write_text("do not lose me")
    chdir(REPO)
    assert main(["bench", "--questions", "10", "--no-site", "--keep", str(keep)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert [p.name for p in keep.iterdir()] == ["mine.txt"]


def test_the_site_hook_raises_a_clear_error_when_the_bank_is_invalid(site_root, monkeypatch):
    from types import SimpleNamespace

    from qbank.site import hooks as site_hooks

    root = site_root()
    write(root, "questions/alpha/broken.yaml", "id: [broken\n")
    monkeypatch.delenv("QBANK_SKIP_GENERATE", raising=False)
    with pytest.raises(PluginError, match="qbank validate found errors; fix them and save again"):
        site_hooks.on_pre_build(SimpleNamespace(config_file_path=str(root / "mkdocs.yml")))


def test_repo_url_and_branch_reach_the_edit_links(site_root):
    root = site_root()
    env = {"REPO_URL": "https://github.com/example/bank/", "REPO_BRANCH": "trunk", "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "qbank", "build", "--no-site"]
    result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (root / "docs/topics/alpha.md").read_text()
    assert "https://github.com/example/bank/edit/trunk/questions/alpha/softmax-scaling.yaml" in page
    assert "https://github.com/example/bank/issues/new?template=answer-correction.yml" in page
    assert "genai-interview-bank/genai-interview-bank" not in page
