"""Every `qbank …` and `make …` command shown in README.md and CONTRIBUTING.md runs, in a copy of the repository.

A command is taken from each fenced `sh`, `bash`, `shell` or `console` block. It must exit 0, or the status a
trailing `# exits N` comment declares. Where a `console` block shows output after a `$ command` line, each
shown line must appear in what the command printed, with numbers as wildcards and `…` standing for any text.
A command added to the documents is run by default; the only ones not run are listed below, with the reason.
A failure names the document and line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO

DOCUMENTS = ("README.md", "CONTRIBUTING.md")
SHELL_BLOCKS = {"sh", "bash", "shell", "console"}
RUNNABLE = re.compile(r"^(make|qbank|\.venv/bin/qbank|python -m qbank|\.venv/bin/python -m qbank)\b")

# Commands that are shown but not run here, and why. Anything else the documents show is run.
NOT_RUN = {
    "make serve": "serves the site until stopped; the site build it starts is covered by the site tests",
    "make test": "is the suite this test is part of",
}
# Shell lines in the documents that are not qbank or make commands, named so that none is dropped silently.
OTHER_COMMANDS: dict[str, str] = {}


@dataclass
class Command:
    doc: str
    line: int
    text: str
    expected_status: int = 0
    expected_output: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def _split_comment(line: str) -> tuple[str, str]:
    """The command and its trailing comment; a # inside quotes belongs to the command."""
    in_single = in_double = False
    for i, ch in enumerate(line):
        if ch == "'" and not in_double:
            in_single = not in_single
        elif ch == '"' and not in_single:
            in_double = not in_double
        elif ch == "#" and not in_single and not in_double and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def documented_commands() -> list[Command]:
    commands: list[Command] = []
    for doc in DOCUMENTS:
        lines = (REPO / doc).read_text(encoding="utf-8").split("\n")
        i = 0
        while i < len(lines):
            opening = re.match(r"^\s*(`{3,})\s*(\w+)?", lines[i])
            if not opening:
                i += 1
                continue
            fence, info = opening.group(1), (opening.group(2) or "")
            body_start = i + 1
            end = next(j for j in range(body_start, len(lines)) if lines[j].strip().startswith(fence))
            if info in SHELL_BLOCKS:
                commands += _block_commands(doc, lines, body_start, end, console=info == "console")
            i = end + 1
    return commands


def _block_commands(doc: str, lines: list[str], start: int, end: int, console: bool) -> list[Command]:
    out: list[Command] = []
    j = start
    while j < end:
        raw, number = lines[j], j + 1
        if console and not raw.startswith("$ "):
            if out and raw.strip():
                out[-1].expected_output.append(raw.strip())
            j += 1
            continue
        text = raw[2:] if console else raw
        while text.rstrip().endswith("\\") and j + 1 < end:  # a continued line
            j += 1
            text = text.rstrip()[:-1] + " " + lines[j].strip()
        j += 1
        command, comment = _split_comment(text.strip())
        if not command:
            continue
        status = re.fullmatch(r"exits (\d+)\b.*", comment)
        out.append(Command(doc, number, " ".join(command.split()), int(status.group(1)) if status else 0))
    return out


COMMANDS = documented_commands()
TO_RUN = [c for c in COMMANDS if RUNNABLE.match(c.text) and c.text not in NOT_RUN]


def test_every_documented_command_is_run_or_excluded_by_name():
    for c in COMMANDS:
        if not RUNNABLE.match(c.text):
            assert c.text in OTHER_COMMANDS, f"{c.where}: {c.text!r} is neither run here nor listed in OTHER_COMMANDS"
    assert len(TO_RUN) >= 4, [c.text for c in TO_RUN]


def test_the_exclusion_lists_name_only_commands_the_documents_show():
    shown = {c.text for c in COMMANDS}
    assert set(NOT_RUN) | set(OTHER_COMMANDS) <= shown, (set(NOT_RUN) | set(OTHER_COMMANDS)) - shown


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """The tracked files of the working tree, with their times (so make sees .venv as current), and the venv reused."""
    dest = tmp_path_factory.mktemp("docs") / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    # The project's venv is reused through links to its folders, with the clone's own install stamp made newer
    # than pyproject.toml: make then sees an installed venv and never reinstalls the package from the clone
    # (which would point the shared venv at a folder that is about to be deleted).
    venv = dest / ".venv"
    venv.mkdir()
    for entry in (REPO / ".venv").iterdir():
        if entry.name != ".installed":
            (venv / entry.name).symlink_to(entry)
    (venv / ".installed").touch()
    return dest


def _shape(line: str) -> re.Pattern:
    """A shown output line as a pattern: numbers are wildcards, and … or ... stands for any text."""
    parts = re.split(r"(\d+|…|\.\.\.)", line)
    pattern = "".join(r"\d+" if p.isdigit() else ".*" if p in ("…", "...") else re.escape(p) for p in parts)
    return re.compile(pattern)


@pytest.mark.parametrize("command", TO_RUN, ids=lambda c: f"{c.where} {c.text[:50]}")
def test_the_documented_command_works(clone, command):
    env = {**os.environ, "PATH": f"{clone / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(command.text, shell=True, cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    printed = result.stdout + result.stderr
    assert result.returncode == command.expected_status, (
        f"{command.where}: `{command.text}` exited {result.returncode}, expected {command.expected_status}\n{printed[-3000:]}"
    )
    for shown in command.expected_output:
        assert any(_shape(shown).fullmatch(line.strip()) for line in printed.split("\n")), (
            f"{command.where}: `{command.text}` did not print a line like {shown!r}\n{printed[-3000:]}"
        )
