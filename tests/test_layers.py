"""The package's layers hold (import-linter, with the contract in pyproject.toml), and the check bites: a wrong
import, made in a copy of the package, fails it and is named."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINT = Path(sys.executable).parent / "lint-imports"


def lint(root: Path, scripts: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(scripts)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True)


def test_the_layers_are_kept():
    result = lint(REPO, REPO / "scripts")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_from_a_higher_layer_breaks_the_contract(tmp_path):
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(REPO / "scripts" / "qbank", tmp_path / "scripts" / "qbank", ignore=shutil.ignore_patterns("__pycache__"))
    schema = tmp_path / "scripts/qbank/model/schema.py"
    # The model layer must import nothing of qbank: here the file formats reach up into the renderer.
    schema.write_text(schema.read_text() + "\nfrom qbank.render import pages  # noqa: E402,F401\n")
    result = lint(tmp_path, tmp_path / "scripts")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "qbank.model.schema -> qbank.render.pages" in result.stdout
