"""The MkDocs hooks: during `mkdocs serve`, the generated folders are not watched, so a saved question
rebuilds the site once (the rebuild itself rewrites them)."""

from __future__ import annotations

from types import SimpleNamespace

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
