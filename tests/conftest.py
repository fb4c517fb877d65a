"""Shared fixtures: a small, valid bank copied into a temporary folder, and helpers to run the validator."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qbank.check.validate import validate
from qbank.site.site_copy import copy_site_config

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
HEADER = "# yaml-language-server: $schema=../../schema/question.schema.json\n"


@pytest.fixture
def bank_root(tmp_path: Path) -> Path:
    """A copy of the good fixture bank, ready to break."""
    shutil.copytree(FIXTURES / "good_bank" / "questions", tmp_path / "questions")
    return tmp_path


@pytest.fixture
def site_root(tmp_path: Path):
    """Make a buildable site folder: the repository's site config and hand-written docs, plus a bank."""

    def make(questions: Path = FIXTURES / "good_bank" / "questions", name: str = "site-root") -> Path:
        return copy_site_config(REPO, tmp_path / name, questions)

    return make


def problems_in(root: Path, rel: str | None = None):
    _bank, problems = validate(root)
    return [p for p in problems if rel is None or p.path == rel]


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def chdir():
    old = Path.cwd()

    def go(path: Path):
        os.chdir(path)

    yield go
    os.chdir(old)
