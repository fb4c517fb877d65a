"""Long tag and difficulty lists are split into pages, so no index page grows without bound."""

from __future__ import annotations

import re

from qbank.render import indexes as render_indexes
from qbank.site.generate import render_all
from qbank.source.bank import load


def test_long_index_lists_continue_on_numbered_pages_listing_each_question_once(bank_root, monkeypatch):
    monkeypatch.setattr(render_indexes, "INDEX_PAGE_LIMIT", 1)
    cat, files = render_all(load(bank_root))
    for d in ("easy", "medium", "hard"):
        chosen = sorted(q.id for q in cat.questions if q.difficulty == d)
        paths = [f"difficulty/{d}.md"] + [f"difficulty/{d}--{k}.md" for k in range(2, len(chosen) + 1)]
        assert sorted(p for p in files if re.fullmatch(rf"difficulty/{d}(--\d+)?\.md", p)) == sorted(paths)
        listed = [m for p in paths for m in re.findall(r"#([a-z0-9-]+)\)", files[p].decode())]
        assert sorted(listed) == chosen
        if len(paths) > 1:
            assert f"Page 1 of {len(paths)}: **1** · [2]({d}--2.md)" in files[paths[0]].decode()


def test_short_index_lists_stay_on_one_page(bank_root):
    _cat, files = render_all(load(bank_root))
    assert not [p for p in files if "--" in p]
