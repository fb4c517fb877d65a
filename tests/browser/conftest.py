"""Browser fixtures: the real bank built once per session, served from a sub-path on a free local port, and
one headless system Chromium driven by Playwright. No browser is ever downloaded: without one the tests
skip outside CI and fail under CI=true.

Every page a test opens is watched: console errors, failed requests and requests to any other origin are
recorded, and each test ends with ``watch.assert_clean()``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO
from qbank.site.site_copy import copy_site_config

SUB_PATH = "bank"  # served under a sub-path, as on GitHub Pages
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def no_browser(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (install chromium with apt)", pytrace=False)
    pytest.skip(f"{reason}; install chromium or set CHROMIUM_PATH to run the browser tests")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        no_browser("no Chromium at /usr/bin/chromium and CHROMIUM_PATH is not set")
    return path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="session")
def server(tmp_path_factory, chromium_path):
    """An HTTP server bound to a free port on 127.0.0.1, serving a folder where the site will appear under
    /bank/. It is bound before the build because Material's instant navigation only takes over links
    whose URL matches the sitemap, which is written from site_url."""
    docroot = tmp_path_factory.mktemp("docroot")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(docroot)))
    server.docroot = docroot
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    yield server
    server.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, server) -> Path:
    """The real bank, built once into a temporary folder with site_url set to where it is served."""

    root = copy_site_config(REPO, tmp_path_factory.mktemp("browser-site"), REPO / "questions")
    env = dict(os.environ, SITE_URL=server.base_url)
    result = subprocess.run([sys.executable, "-m", "qbank", "build"], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def base_url(server, built_site):
    """Serve the built site at http://127.0.0.1:<free port>/bank/ from a background thread."""
    (server.docroot / SUB_PATH).symlink_to(built_site, target_is_directory=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.base_url
    server.shutdown()


@pytest.fixture(scope="session")
def questions(built_site) -> dict:
    return json.loads((built_site / "api/questions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="package")
def browser(chromium_path):
    """One Chromium for this folder's tests. Package scope, not session: Playwright's sync API allows one
    instance per thread, and other test modules start their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did that a user would call broken: console errors, failed requests, other origins."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requests: int = 0

    def on_request(self, request):
        self.requests += 1
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(request.url)

    def on_failed(self, request):
        # Moving to the next page cancels whatever is still loading (a favicon, a prefetch): the browser
        # reports that as ERR_ABORTED, which says nothing about the site. Missing files still show as HTTP
        # errors below, and refused connections as other failures.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url}: {request.failure}")

    def on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_page_error(self, error):
        self.console_errors.append(f"uncaught: {error}")

    def attach(self, page):
        """Record everything ``page`` does from now on, and make it reachable as ``page.watch``."""
        page.on("request", self.on_request)
        page.on("requestfailed", self.on_failed)
        page.on("response", self.on_response)
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)
        page.watch = self
        return page

    def assert_clean(self):
        assert self.requests > 0
        assert {"console errors": self.console_errors, "failed requests": self.failed, "other origins": self.foreign} == {
            "console errors": [],
            "failed requests": [],
            "other origins": [],
        }


@pytest.fixture
def page(browser, base_url):
    """A fresh page (own storage) at 1280x900, with everything it does recorded in ``page.watch``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(15_000)
    parts = urlsplit(base_url)
    Watch(origin=f"{parts.scheme}://{parts.netloc}").attach(page)
    yield page
    context.close()
