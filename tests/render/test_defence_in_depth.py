"""Defence in depth: content that slipped past validation is still neutralised by the page sanitiser, a
--strict build refuses it, and in a real browser none of it runs."""

from __future__ import annotations

import functools
import logging
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from qbank.render import sanitize
from qbank.site.build import generate
from qbank.site.site_copy import copy_site_config

CHROMIUM = Path("/usr/bin/chromium")

# Each payload tries to run script a different way; every one would set window.__pwned or open a dialog.
PAYLOADS = """

<script>window.__pwned = "script"</script>
<img src="x" onerror="window.__pwned = 'img'; alert('img')">
<svg onload="window.__pwned = 'svg'"><circle r="1"/></svg>
<iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>
<details open ontoggle="window.__pwned = 'ontoggle'"><summary>x</summary></details>
<p><a id="js-link" href="javascript:window.__pwned='link';alert('link')">click me</a></p>
<p><a id="entity-link" href="java&#115;cript:window.__pwned='entity'">click me too</a></p>
<form action="javascript:alert('form')"><button id="form-button">go</button></form>
<p><span class="arithmatex">\\(\\href{javascript:alert('maths')}{maths link}\\)</span></p>
<style>body { background: url("javascript:alert('css')") }</style>

"""


def _fake_page(src_uri: str = "topics/alpha.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_the_hook_removes_every_payload_and_warns(caplog):
    from qbank.site import hooks as site_hooks

    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.qbank"):
        out = site_hooks.on_page_content(PAYLOADS, page=_fake_page(), config=None, files=None)
    for needle in ("<script", "onerror", "onload", "<iframe", "ontoggle", '="javascript:', "<form", "<style", "<svg"):
        assert needle not in out.lower(), needle
    # The MathML converter would turn \\href into a link; the build refuses that formula and keeps it as text.
    assert "maths link" in out and "<math" not in out
    [record] = caplog.records
    assert record.getMessage().startswith("sanitiser removed from topics/alpha.md: ")


def test_the_fast_no_change_check_never_hides_a_removal():
    # Each of these passes nh3 in a permissive pass but not through the allow-list.
    for dirty in (
        '<table><tr><td style="text-align: right; position: fixed">x</td></tr></table>',
        '<p data-x="1">x</p>',
        "<p hidden>x</p>",
        '<a href="ftp://example.org/">x</a>',
        "<style>p{}</style><p>x</p>",
        "<p>x<script>1</script></p>",
    ):
        assert sanitize.removed(dirty, sanitize.clean(dirty)), dirty


def _build(root: Path, site: Path, strict: bool) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + ["--strict" if strict else "--no-strict"]
    env = dict(os.environ, QBANK_SKIP_GENERATE="1", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def tampered_site(tmp_path_factory):
    """A site whose generated page was edited after validation, built without --strict so it exists."""

    from conftest import FIXTURES, REPO  # noqa: F401  (site_root is function-scoped; copy by hand)

    root = copy_site_config(REPO, tmp_path_factory.mktemp("tampered"), FIXTURES / "good_bank" / "questions")
    assert generate(root, quiet=True)[0] == 0
    page = root / "docs" / "topics" / "alpha.md"
    page.write_text(page.read_text() + PAYLOADS)  # bypasses validation entirely

    strict = _build(root, root / "strict-site", strict=True)
    loose = _build(root, root / "site", strict=False)
    assert loose.returncode == 0, loose.stderr[-3000:]
    return SimpleNamespace(root=root, site=root / "site", strict=strict, loose=loose)


def test_a_strict_build_refuses_tampered_content(tampered_site):
    assert tampered_site.strict.returncode != 0
    assert "sanitiser removed from topics/alpha.md" in tampered_site.strict.stderr


def test_the_built_page_holds_none_of_the_payloads(tampered_site):
    html = (tampered_site.site / "topics" / "alpha" / "index.html").read_text().lower()
    content = html[html.index("<article") : html.index("</article>")]
    for needle in ("<script", "onerror", "onload", "<iframe", "ontoggle", '="javascript:', "<form", "<svg"):
        assert needle not in content, needle
    assert "click me" in content and "maths link" in content


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; CI must install chromium")
        pytest.skip(f"no browser at {CHROMIUM}; install chromium to run the browser checks")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def served(tampered_site):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tampered_site.site))
    handler.log_message = lambda *a, **k: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_no_payload_runs_in_chromium(browser, served):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served + "topics/alpha/", wait_until="load")
    targets = [
        page.get_by_text("click me", exact=True),
        page.get_by_text("click me too"),
        page.locator(".arithmatex", has_text="\\href"),
    ]
    for target in targets:
        assert target.count() >= 1
        target.first.click(timeout=5000)
    # Let everything the clicks queued run: two frames, then a task after them (no fixed sleep).
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))")
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    # The \\href formula stays TeX text: never a link, never MathML carrying an href.
    assert page.evaluate("() => document.querySelectorAll('.arithmatex a, .arithmatex [href]').length") == 0
    dangerous = "script, iframe, form, svg, style, [onerror], [onload], [ontoggle], [onclick], [href^='javascript' i]"
    found = page.evaluate(
        "(sel) => Array.from(document.querySelectorAll('article').values()).flatMap("
        "a => Array.from(a.querySelectorAll(sel))).map(e => e.outerHTML.slice(0, 80))",
        dangerous,
    )
    assert found == []
