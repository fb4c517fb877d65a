"""axe-core finds no accessibility violations on the site's pages, in the light and the dark palette.

Built from the fixture bank with the real site config and theme overrides, served on a free local port and
checked in the system Chromium (never a downloaded one). Without a browser the test skips outside CI and
fails under CI=true. `make audit` runs the same check, plus Lighthouse, on the real bank.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from qbank.site.site_copy import copy_site_config

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
PAGES = [
    "", "topics/alpha/", "topics/beta/", "topics/beta/second-part/", "answers-wanted/", "tags/", "data-format/",
    "practice/", "all-questions/",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}; CI must run the accessibility checks (apt-get install chromium)")
        pytest.skip(f"no Chromium at {CHROMIUM}; install it (apt-get install chromium) to run the accessibility checks")
    return CHROMIUM


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_site_config(REPO, tmp_path_factory.mktemp("a11y"), FIXTURES / "good_bank" / "questions")
    result = subprocess.run([sys.executable, "-m", "qbank", "build"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_axe_reports_no_violations_in_either_palette(chromium, site):
    sys.path.insert(0, str(REPO / "tools" / "audit"))
    try:
        import audit
    finally:
        sys.path.pop(0)
    missing = [p for p in PAGES if not (site / p / "index.html").is_file()]
    assert missing == [], f"pages listed for the audit were not built: {missing}"
    pages = PAGES
    with audit.serve(site) as base:
        found = audit.axe(base, pages, chromium)
    assert len(found) == 2 * len(pages)
    assert {key: v for key, v in found.items() if v} == {}
