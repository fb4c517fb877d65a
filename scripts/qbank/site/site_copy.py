"""Lay out a buildable copy of the site beside a bank: used by the benchmark and the tests, which build
sites in temporary folders and must never touch the repository's docs/ or site/."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_site_config(source: Path, dest: Path, questions: Path | None = None) -> Path:
    """Copy mkdocs.yml, the theme overrides, the hooks file and the hand-written docs (never the generated
    ones) from ``source`` into ``dest``, and the bank from ``questions`` when given. Returns ``dest``."""
    from qbank.site.generate import GENERATED

    dest.mkdir(parents=True, exist_ok=True)
    if questions is not None:
        shutil.copytree(questions, dest / "questions")
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    if (source / "overrides").is_dir():
        shutil.copytree(source / "overrides", dest / "overrides")
    hooks = dest / "scripts" / "qbank" / "site"
    hooks.mkdir(parents=True)
    shutil.copy(source / "scripts" / "qbank" / "site" / "hooks.py", hooks / "hooks.py")
    docs = source / "docs"
    shutil.copytree(docs, dest / "docs", ignore=lambda d, names: [x for x in names if Path(d) == docs and x in GENERATED])
    return dest
