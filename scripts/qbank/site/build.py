"""``qbank build``: validate, generate docs/ files, then build the site atomically.

Nothing is written unless validation and rendering both succeed. The site is built into a temporary
folder beside ``site/``, given its search index there (``site/pagefind/``, qbank.site.search), and swapped
in whole, so an interrupted or failed build leaves the old site.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qbank.check.validate import has_errors, validate
from qbank.model.problems import summary
from qbank.render.catalogue import Catalogue
from qbank.site import search
from qbank.site.generate import render_all, write_all

SITE_DIR = "site"


def generate(root: Path, strict: bool = False, quiet: bool = False) -> tuple[int, Catalogue | None]:
    """Validate, then write every generated file; (exit status, the catalogue when it succeeded)."""
    bank, problems = validate(root)
    for p in problems:
        print(p, file=sys.stderr)
    if has_errors(problems, strict):
        print(summary(problems, bank.files_read), file=sys.stderr)
        print("qbank build: nothing written", file=sys.stderr)
        return 1, None
    cat, files = render_all(bank)
    changed = write_all(root, files)
    if not quiet:
        print(f"generated {len(files)} files under docs/ ({len(changed)} changed)")
    return 0, cat


def source_date_epoch(cat) -> str:
    """Builds are reproducible: the site's timestamps come from the newest review date in the bank."""
    newest = max((q.last_reviewed for q in cat.questions), default=dt.date(2026, 1, 1))
    return str(int(dt.datetime.combine(newest, dt.time(), dt.UTC).timestamp()))


def build_site(root: Path, site_dir: Path | None = None, epoch: str | None = None) -> int:
    site_dir = site_dir or root / SITE_DIR
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    env = dict(os.environ, QBANK_SKIP_GENERATE="1", NO_MKDOCS_2_WARNING="1")
    if epoch and "SOURCE_DATE_EPOCH" not in os.environ:
        env["SOURCE_DATE_EPOCH"] = epoch
    # Not --quiet: mkdocs counts warnings for --strict only when they are logged.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp)]
    try:
        result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            print("qbank build: mkdocs build failed; the previous site is unchanged", file=sys.stderr)
            return 1
        try:
            search.index_site(tmp)
        except (OSError, ValueError, search.PagefindError) as exc:
            print(f"qbank build: search index failed ({exc}); the previous site is unchanged", file=sys.stderr)
            return 1
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
            try:
                os.replace(site_dir, old / "site")
            except BaseException:
                old.rmdir()
                raise
        try:
            os.replace(tmp, site_dir)
        except BaseException:
            if old:  # put the previous site back rather than leave none
                os.replace(old / "site", site_dir)
                old.rmdir()
            raise
        if old:
            shutil.rmtree(old, ignore_errors=True)
        print(f"site built in {site_dir}")
        return 0
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def build(root: Path, site: bool = True, strict: bool = False) -> int:
    rc, cat = generate(root, strict, quiet=False)
    if rc or not site:
        return rc
    return build_site(root, epoch=source_date_epoch(cat))
