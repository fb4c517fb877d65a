"""Failure atomicity: a rendering error, an interrupted write or an interrupted site swap never leaves a
half-written file, a half-built site or a stray temporary file behind."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from qbank.render import pages as render_pages
from qbank.site import build as build_module
from qbank.site.build import build_site, generate
from qbank.site.generate import render_all, write_all
from qbank.site.search import index_site
from qbank.source.bank import load


class Interrupted(Exception):
    pass


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def edit_every_question(root: Path) -> None:
    for path in (root / "questions").glob("*/*.yaml"):
        if not path.name.startswith("_"):
            path.write_text(path.read_text().replace("last_reviewed: 2026-", "last_reviewed: 2025-"))


def test_a_rendering_failure_leaves_every_file_untouched(bank_root, monkeypatch):
    assert generate(bank_root, quiet=True)[0] == 0
    before = files_under(bank_root / "docs")
    edit_every_question(bank_root)

    def broken(*args, **kwargs):
        raise Interrupted("renderer bug")

    monkeypatch.setattr(render_pages, "render_page", broken)
    with pytest.raises(Interrupted):
        generate(bank_root, quiet=True)[0]
    assert files_under(bank_root / "docs") == before


@pytest.mark.parametrize("after", [0, 1, 4])
def test_an_interrupted_write_leaves_each_file_old_or_new_and_no_temp_files(bank_root, monkeypatch, after):
    assert generate(bank_root, quiet=True)[0] == 0
    old = files_under(bank_root / "docs")
    edit_every_question(bank_root)
    _cat, new = render_all(load(bank_root))
    assert sum(old.get(p) != data for p, data in new.items()) > after  # the interruption lands mid-way

    real_replace, calls = os.replace, []

    def replace(src, dst):
        if len(calls) == after:
            raise Interrupted(f"killed after {after} files")
        calls.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Interrupted):
        write_all(bank_root, new)
    monkeypatch.setattr(os, "replace", real_replace)
    now = files_under(bank_root / "docs")
    assert not [p for p in now if p.endswith(".tmp")]
    assert set(now) == set(old)
    changed = [p for p in now if now[p] != old[p]]
    assert len(changed) == after
    assert all(now[p] == new[p] for p in changed)  # each file is either its old bytes or its new bytes
    write_all(bank_root, new)  # and the next run completes the job
    assert {p: d for p, d in files_under(bank_root / "docs").items() if p in new} == new


def _fake_mkdocs(pages: dict[str, str], rc: int = 0):
    """Stand in for `mkdocs build --site-dir X`: write pages into X, one by one, then exit with rc."""

    def run(cmd, **kwargs):
        site = Path(cmd[cmd.index("--site-dir") + 1])
        for rel, text in pages.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text)
        return subprocess.CompletedProcess(cmd, rc, "", "mkdocs failed" if rc else "")

    return run


@pytest.fixture(autouse=True)
def no_search_index(monkeypatch):
    """The fake mkdocs writes no api/questions.json, so the search index is skipped unless a test puts it back."""
    monkeypatch.setattr(build_module.search, "index_site", lambda site: 0)


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def old_site(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "old", "a/index.html": "old a"}))
    assert build_site(tmp_path) == 0
    return tmp_path


def test_a_failed_site_build_keeps_the_old_site_whole(old_site, monkeypatch):
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "half"}, rc=1))
    assert build_site(old_site) == 1
    assert files_under(old_site / "site") == {"index.html": b"old", "a/index.html": b"old a"}
    assert leftovers(old_site) == []


def test_a_site_build_interrupted_mid_write_keeps_the_old_site_whole(old_site, monkeypatch):
    def killed(cmd, **kwargs):
        _fake_mkdocs({"index.html": "new"})(cmd)
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C while mkdocs was still writing

    monkeypatch.setattr(build_module.subprocess, "run", killed)
    with pytest.raises(KeyboardInterrupt):
        build_site(old_site)
    assert files_under(old_site / "site") == {"index.html": b"old", "a/index.html": b"old a"}
    assert leftovers(old_site) == []


@pytest.mark.parametrize("fail_on_call", [1, 2])
def test_an_interrupted_swap_leaves_the_complete_old_site(old_site, monkeypatch, fail_on_call):
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "new", "b/index.html": "new b"}))
    real_replace, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == fail_on_call:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        build_site(old_site)
    monkeypatch.setattr(os, "replace", real_replace)
    assert files_under(old_site / "site") == {"index.html": b"old", "a/index.html": b"old a"}
    assert leftovers(old_site) == []


def test_a_completed_swap_leaves_the_complete_new_site(old_site, monkeypatch):
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "new", "b/index.html": "new b"}))
    assert build_site(old_site) == 0
    assert files_under(old_site / "site") == {"index.html": b"new", "b/index.html": b"new b"}
    assert leftovers(old_site) == []


API = json.dumps(
    {
        "questions": [
            {
                "id": "q1",
                "page": "topics/t/#q1",
                "topic_title": "T",
                "question": "What is a <b>test</b>?",
                "difficulty": "easy",
                "tags": ["x"],
                "answered": True,
                "answer": {"short_html": "<p>A check &amp; a proof.</p>", "detailed_html": "<p>More.</p>"},
            }
        ]
    }
)


def test_a_failed_search_index_keeps_the_old_site_whole(old_site, monkeypatch):
    monkeypatch.setattr(build_module.search, "index_site", index_site)
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "new", "api/questions.json": API}))
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    assert build_site(old_site) == 1
    assert files_under(old_site / "site") == {"index.html": b"old", "a/index.html": b"old a"}
    assert leftovers(old_site) == []


def test_the_search_index_is_built_into_the_new_site(old_site, monkeypatch):
    monkeypatch.setattr(build_module.search, "index_site", index_site)
    monkeypatch.setattr(build_module.subprocess, "run", _fake_mkdocs({"index.html": "new", "api/questions.json": API}))
    assert build_site(old_site) == 0
    bundle = old_site / "site" / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not (bundle / "pagefind-ui.js").exists()
    assert leftovers(old_site) == []
