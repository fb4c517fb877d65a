"""The scheduled link check, offline: which URLs it collects, and what its report says (fake fetcher)."""

from __future__ import annotations

from conftest import REPO, write
from qbank.tools import link_check
from qbank.tools.link_check import Result, check, references, report


def fake(broken: dict[str, str]):
    return lambda url: Result(url, url not in broken, broken.get(url, "200"))


def test_each_url_is_checked_once_with_every_file_that_cites_it(bank_root):
    write(
        bank_root,
        "questions/alpha/zz-cites.yaml",
        (bank_root / "questions/alpha/what-is-attention.yaml")
        .read_text()
        .replace("what-is-attention", "zz-cites")
        .replace("in one sentence", "in two words"),
    )
    cited = references(bank_root)
    assert cited["https://arxiv.org/abs/1409.0473"] == ["questions/alpha/what-is-attention.yaml", "questions/alpha/zz-cites.yaml"]
    assert list(cited) == sorted(cited)


def test_the_report_lists_only_broken_links_with_their_citing_files():
    cited = {
        "https://a.example/ok": ["questions/x/a.yaml"],
        "https://b.example/gone|x": ["questions/x/b.yaml", "questions/y/c.yaml"],
    }
    results = check(list(cited), fake({"https://b.example/gone|x": "HTTP 404"}))
    text = report(results, cited)
    assert "2 links checked, 1 did not answer." in text
    assert "| https://b.example/gone\\|x | HTTP 404 | `questions/x/b.yaml`, `questions/y/c.yaml` |" in text
    assert "a.example" not in text


def test_a_clean_run_says_so_without_a_table():
    text = report(check(["https://a.example/"], fake({})), {"https://a.example/": ["q.yaml"]})
    assert "0 did not answer" in text and "|" not in text


def test_main_exits_one_and_writes_the_report_when_a_link_is_broken(bank_root, chdir, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(link_check, "fetch", lambda url: Result(url, False, "timed out"))
    chdir(bank_root)
    out = tmp_path / "report.md"
    assert link_check.main(["--report", str(out)]) == 1
    assert "timed out" in out.read_text() and out.read_text() == capsys.readouterr().out


def test_every_real_reference_is_collected():
    cited = references(REPO)
    assert cited and all(url.startswith("https://") for url in cited)
