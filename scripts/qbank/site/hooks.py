"""MkDocs hooks: a thin layer over the qbank package.

- on_config sets the navigation from the order in the _topic.yaml files.
- on_pre_build regenerates docs/ during ``mkdocs serve`` (``qbank build`` has already done it).
- on_serve stops ``mkdocs serve`` from watching the generated folders, so one save is one rebuild.
- on_startup and on_post_build write the search index after each rebuild of ``mkdocs serve``, in a background
  thread so the page reloads first (``qbank build`` indexes its own build, in qbank.site.build).
- on_page_content turns the page's TeX into MathML, passes the HTML through the one sanitiser, and adds
  the filter panel to pages of questions.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError

from qbank.model import maths
from qbank.render import filter_panel, sanitize
from qbank.render.navigation import navigation

log = logging.getLogger("mkdocs.hooks.qbank")


def _root(config) -> Path:
    """The repository root is the folder that holds mkdocs.yml (tests build copies elsewhere)."""
    return Path(config.config_file_path).resolve().parent


_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


class _BackgroundIndex:
    """Writes the search index after a rebuild of ``mkdocs serve`` without holding up the page reload: one
    thread at a time, and a save during indexing queues one more run, so the last rebuild is always indexed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.thread = None
        self.again = False

    def request(self, site: Path):
        with self.lock:
            if self.thread is not None:
                self.again = True
                return
            self.thread = threading.Thread(target=self._run, args=(site,), name="qbank-search-index", daemon=True)
            self.thread.start()

    def _run(self, site: Path):
        from qbank.site.search import index_site

        while True:
            try:
                index_site(site)
            except Exception as exc:  # search is not worth stopping the preview for
                log.warning("search index not written: %s", exc)
            with self.lock:
                if not self.again:
                    self.thread = None
                    return
                self.again = False


_background_index = _BackgroundIndex()


def on_post_build(config):
    """Under ``mkdocs serve``, index every rebuild so search keeps working while editing."""
    if _command["name"] == "serve":
        _background_index.request(Path(config.site_dir))


def on_config(config):
    config["nav"] = navigation(_root(config))
    return config


def on_pre_build(config):
    if os.environ.get("QBANK_SKIP_GENERATE"):
        return
    from qbank.site.build import generate

    if generate(_root(config), quiet=True)[0] != 0:
        raise PluginError("qbank validate found errors; fix them and save again")


def on_serve(server, config, builder):
    """Watch questions/ (mkdocs.yml) and the hand-written parts of docs/, not the generated folders: a rebuild
    rewrites those itself, and watching them made every saved question build the site twice. Top-level
    files are still watched, without recursion; a generated one there changes only with a title or a topic."""
    from qbank.site.generate import GENERATED

    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name not in GENERATED:
            server.watch(str(child))
    return server


def on_page_content(html, page, config, files):
    html = maths.render_html(html)
    cleaned = sanitize.clean(html)
    lost = sanitize.removed(html, cleaned)
    if lost:
        # Content that slipped past validation: neutralised either way, and a --strict build fails on it.
        log.warning("sanitiser removed from %s: %s", page.file.src_uri, "; ".join(lost[:5]))
    # Trusted markup written by the build itself, added after sanitising.
    return filter_panel.insert(cleaned)
