"""qbank bench --serve: the clock runs from saving a question to the served page holding the edit (a small
synthetic bank here; `qbank bench --serve` times the real one)."""

from __future__ import annotations

from conftest import REPO
from qbank.site.site_copy import copy_site_config
from qbank.tools import bench
from qbank.tools.serve_bench import save_to_reload


def test_an_edit_is_seen_on_the_served_page_and_timed(tmp_path):
    bench.synthesise(REPO, tmp_path, 12)
    copy_site_config(REPO, tmp_path)
    result = save_to_reload(tmp_path, edits=2)
    assert set(result) == {"serve_start_s", "save_to_reload_s", "save_to_reload_min_s", "save_to_reload_max_s"}
    assert 0 < result["save_to_reload_min_s"] <= result["save_to_reload_s"] <= result["save_to_reload_max_s"] < 300
    assert result["serve_start_s"] > 0
