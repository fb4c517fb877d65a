"""The scripts the site vendors (tools/vendor/refresh.py) are the exact files of the npm versions the lockfile
pins, with their licences, and the site loads them from its own origin only. No npm is needed here."""

from __future__ import annotations

import hashlib
import json

from conftest import REPO

VENDOR = REPO / "docs" / "javascripts" / "vendor"
LOCK = json.loads((REPO / "tools" / "vendor" / "package-lock.json").read_text(encoding="utf-8"))


def manifests() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(VENDOR.glob("*/vendor.json"))]


def test_each_vendored_script_is_the_locked_version_byte_for_byte():
    found = manifests()
    assert [m["package"] for m in found] == ["ts-fsrs"]
    for m in found:
        folder = VENDOR / m["package"]
        assert m["version"] == LOCK["packages"][f"node_modules/{m['package']}"]["version"]
        assert hashlib.sha256((folder / m["file"]).read_bytes()).hexdigest() == m["sha256"]
        assert "Permission is hereby granted" in (folder / "LICENSE").read_text(encoding="utf-8")  # MIT, shipped with it


def test_ts_fsrs_is_a_browser_build_that_defines_one_global():
    script = (VENDOR / "ts-fsrs" / "index.umd.js").read_text(encoding="utf-8")
    assert "global.FSRS = {}" in script  # the UMD wrapper: a plain <script> makes window.FSRS
    for network in ("fetch(", "XMLHttpRequest", "importScripts", "import("):
        assert network not in script  # it computes schedules and never reaches the network


def test_the_scheduler_is_not_loaded_on_every_page():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "vendor/" not in config and "practice-srs" not in config  # practice.js loads them on the practice page
