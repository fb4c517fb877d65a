"""The one shape every problem takes, and how it is printed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    severity: str  # "error" or "warning"
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.severity}: {self.message} ({self.rule})"


def display_path(path: Path, root: Path) -> str:
    """Paths are printed relative to the repository root, with forward slashes."""
    try:
        # Resolve the folder only: a symlink is reported where it sits, not where it points.
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    plural = lambda n, w: f"{n} {w}{'' if n == 1 else 's'}"
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')} checked"
