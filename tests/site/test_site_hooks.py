"""The MkDocs hooks: during `mkdocs serve`, the generated folders are not watched, so a saved question
rebuilds the site once (the rebuild itself rewrites them), and the search index is rewritten after each
rebuild without holding up the reload."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from qbank.site import hooks as site_hooks
from qbank.site.generate import GENERATED


class FakeServer:
    def __init__(self, docs):
        self.watched = {str(docs): True}  # mkdocs serve watches docs/ recursively before on_serve runs

    def watch(self, path, recursive=True):
        self.watched[path] = recursive

    def unwatch(self, path):
        del self.watched[path]


def test_serve_watches_hand_written_docs_but_not_generated_folders(tmp_path):
    docs = tmp_path / "docs"
    for name in ("javascripts", "stylesheets", "topics", "q", "api", "tags"):
        (docs / name).mkdir(parents=True)
    (docs / "practice.md").write_text("# Practice\n")
    server = FakeServer(docs)
    assert site_hooks.on_serve(server, SimpleNamespace(docs_dir=str(docs)), builder=None) is server
    assert server.watched == {
        str(docs): False,  # top-level pages such as practice.md, without recursion into generated folders
        str(docs / "javascripts"): True,
        str(docs / "stylesheets"): True,
    }
    assert {"topics", "q", "api", "tags"} <= set(GENERATED)


def test_under_serve_the_search_index_is_written_after_the_build_returns(tmp_path, monkeypatch):
    import threading

    from qbank.site import search

    started, release, runs = threading.Event(), threading.Event(), []

    def slow_index(site):
        runs.append(site)
        started.set()
        release.wait(10)

    monkeypatch.setattr(search, "index_site", slow_index)
    indexer = site_hooks._BackgroundIndex()
    monkeypatch.setattr(site_hooks, "_background_index", indexer)
    site_hooks.on_startup("serve", dirty=True)
    config = SimpleNamespace(site_dir=str(tmp_path))
    site_hooks.on_post_build(config)  # returns at once: the reload is not held up by indexing
    assert started.wait(10)
    site_hooks.on_post_build(config)  # two more saves while indexing: one more run covers both
    site_hooks.on_post_build(config)
    thread = indexer.thread
    release.set()
    thread.join(10)
    assert runs == [tmp_path, tmp_path]
    assert indexer.thread is None


def test_a_plain_build_leaves_indexing_to_qbank_build(tmp_path, monkeypatch):
    from qbank.site import search

    monkeypatch.setattr(search, "index_site", lambda site: pytest.fail("indexed outside serve"))
    site_hooks.on_startup("build", dirty=False)
    site_hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert site_hooks._background_index.thread is None
