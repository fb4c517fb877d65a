"""``qbank build``: validate, generate docs/ files, then build the site atomically.

Nothing is written unless validation and rendering both succeed. The site is built into a temporary
folder beside ``site/`` and swapped in whole, so an interrupted or failed build leaves the old site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qbank.generate import render_all, write_all
from qbank.problems import summary
from qbank.validate import has_errors, validate

SITE_DIR = "site"


def generate(root: Path, strict: bool = False, quiet: bool = False) -> int:
    bank, problems = validate(root)
    for p in problems:
        print(p, file=sys.stderr)
    if has_errors(problems, strict):
        print(summary(problems, bank.files_read), file=sys.stderr)
        print("qbank build: nothing written", file=sys.stderr)
        return 1
    _cat, files = render_all(bank)
    changed = write_all(root, files)
    if not quiet:
        print(f"generated {len(files)} files under docs/ ({len(changed)} changed)")
    return 0


def build_site(root: Path, site_dir: Path | None = None) -> int:
    site_dir = site_dir or root / SITE_DIR
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    env = dict(os.environ, QBANK_SKIP_GENERATE="1", NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp)]
    try:
        result = subprocess.run(cmd, cwd=root, env=env)
        if result.returncode != 0:
            print("qbank build: mkdocs build failed; the previous site is unchanged", file=sys.stderr)
            return 1
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
            os.replace(site_dir, old / "site")
        os.replace(tmp, site_dir)
        if old:
            shutil.rmtree(old, ignore_errors=True)
        print(f"site built in {site_dir}")
        return 0
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def build(root: Path, site: bool = True, strict: bool = False) -> int:
    rc = generate(root, strict)
    if rc or not site:
        return rc
    return build_site(root)
