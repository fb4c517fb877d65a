"""The validation cache: a warm ``qbank validate`` prints exactly what a cold one prints, and no change to a
file, to the vocabulary, to another file or to the code can be hidden by an entry kept from before."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from qbank.check import cache, rules
from qbank.check.validate import validate
from qbank.cli import main

GOLDEN = FIXTURES / "golden" / "everything-wrong.yaml"
SCALING = "questions/alpha/softmax-scaling.yaml"


def validate_cli(root: Path, chdir, capsys, *args: str) -> tuple[int, str]:
    chdir(root)
    rc = main(["validate", *args])
    return rc, capsys.readouterr().out


def entries(root: Path) -> list[Path]:
    return sorted((root / cache.CACHE_DIR).glob("*/*.json"))


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The files the question rules run on (a cache hit runs none)."""
    seen: list[str] = []
    real = rules.check_file

    def counting(q):
        seen.append(q.rel)
        return real(q)

    monkeypatch.setattr(rules, "check_file", counting)
    return seen


@pytest.fixture
def broken_bank(bank_root: Path) -> Path:
    """The good bank plus files that break many per-file rules, so cached problems are many and varied."""
    shutil.copy(GOLDEN, bank_root / "questions" / "alpha")
    for name in ("dangling-link.yaml", "unrenderable-maths.yaml", "exercise-names-differ.yaml", "heading-level.yaml"):
        shutil.copy(FIXTURES / "invalid" / name, bank_root / "questions" / "alpha")
    return bank_root


def test_a_warm_run_prints_byte_for_byte_what_a_cold_run_prints(broken_bank, chdir, capsys, checked):
    rc_plain, plain = validate_cli(broken_bank, chdir, capsys, "--no-cache")
    rc_cold, cold = validate_cli(broken_bank, chdir, capsys)
    readable = len(checked) // 2  # --no-cache and the cold run each checked every readable file
    assert len(entries(broken_bank)) == readable > 4
    checked.clear()
    rc_warm, warm = validate_cli(broken_bank, chdir, capsys)
    assert checked == []  # every file's result came from the cache
    assert rc_plain == rc_cold == rc_warm == 1
    assert warm == cold == plain
    assert plain.count("\n") > 20 and "QB038" in plain and "QB057" in plain and "QB081" in plain


def test_the_golden_output_is_the_same_from_a_warm_cache(bank_root, chdir, capsys):
    shutil.copy(GOLDEN, bank_root / "questions" / "alpha")
    validate_cli(bank_root, chdir, capsys)
    _rc, warm = validate_cli(bank_root, chdir, capsys)
    assert warm == (FIXTURES / "golden" / "everything-wrong.expected").read_text()


def test_an_edit_after_a_warm_run_reports_the_new_problem_and_only_that_file_is_checked_again(bank_root, chdir, capsys, checked):
    validate_cli(bank_root, chdir, capsys)
    validate_cli(bank_root, chdir, capsys)
    path = bank_root / SCALING
    good = path.read_text()
    path.write_text(good.replace("https://arxiv.org/abs/1706.03762", "http://arxiv.org/abs/1706.03762"))
    checked.clear()
    rc, out = validate_cli(bank_root, chdir, capsys)
    assert rc == 1
    assert f"{SCALING}:40:45: QB040 error: reference URL 'http://arxiv.org/abs/1706.03762' must use https" in out
    assert checked == [SCALING]
    path.write_text(good)  # and back: the problem goes away, from the entry kept for the original bytes
    checked.clear()
    rc, out = validate_cli(bank_root, chdir, capsys)
    assert (rc, checked) == (0, [])
    assert "QB040" not in out


def test_a_vocabulary_change_reaches_the_questions_that_use_it(bank_root, chdir, capsys, checked):
    """Question rules read only their own file, so their entries stay valid; the tag and subtopic rules, which
    read the vocabulary, run on every validation."""
    validate_cli(bank_root, chdir, capsys)
    tags = bank_root / "questions" / "_tags.yaml"
    tags.write_text(tags.read_text().replace('math: "Derivations."\n', ""))
    topic = bank_root / "questions" / "alpha" / "_topic.yaml"
    topic.write_text(topic.read_text() + "subtopics:\n  - {id: only-part, title: Only part, position: 1}\n")
    checked.clear()
    rc, out = validate_cli(bank_root, chdir, capsys)
    assert checked == []
    assert rc == 1
    assert f"{SCALING}:5:19: QB052 error: unknown tag 'math'" in out
    assert "questions/alpha/what-is-attention.yaml:1:1: QB053 error: topic 'alpha' has subtopics" in out
    assert out == validate_cli(bank_root, chdir, capsys, "--no-cache")[1]


def test_a_problem_between_files_appears_on_a_warm_run(bank_root, chdir, capsys, checked):
    validate_cli(bank_root, chdir, capsys)
    # a second file with an existing id (another topic, same name), and a linked-to question removed
    shutil.copy(bank_root / SCALING, bank_root / "questions" / "beta" / "softmax-scaling.yaml")
    (bank_root / "questions" / "beta" / "decoding-basics.yaml").unlink()
    checked.clear()
    rc, out = validate_cli(bank_root, chdir, capsys)
    assert checked == ["questions/beta/softmax-scaling.yaml"]  # the only new file; the others came from the cache
    assert rc == 1
    assert "questions/beta/softmax-scaling.yaml:2:5: QB051 error: id 'softmax-scaling' is already used by" in out
    assert "questions/beta/softmax-scaling.yaml:3:11: QB060 error: the same question is already asked in" in out
    # the link to the removed question is found from the cached links of an unchanged file
    assert f"{SCALING}:30:35: QB057 error: link: no question has the id 'decoding-basics'" in out
    assert out == validate_cli(bank_root, chdir, capsys, "--no-cache")[1]


def test_a_change_to_the_code_invalidates_every_entry(bank_root, chdir, capsys, checked, monkeypatch):
    validate_cli(bank_root, chdir, capsys)
    _rc, before = validate_cli(bank_root, chdir, capsys)
    old = {p.parent.name for p in entries(bank_root)}
    monkeypatch.setattr(cache, "package_hash", lambda: "another version of the qbank sources")
    checked.clear()
    _rc, after = validate_cli(bank_root, chdir, capsys)
    assert sorted(checked) == sorted(p.relative_to(bank_root).as_posix() for p in bank_root.glob("questions/*/[!_]*.yaml"))
    assert after == before
    new = {p.parent.name for p in entries(bank_root)}
    assert len(new) == 1 and new.isdisjoint(old)  # the other version's entries are removed


def test_the_package_hash_covers_every_python_file_of_the_package(tmp_path):
    copy = tmp_path / "qbank"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    original = cache.package_hash.__wrapped__(copy)
    assert original == cache.package_hash.__wrapped__(copy)
    rule_file = copy / "check" / "rules" / "reference_rules.py"
    rule_file.write_text(rule_file.read_text().replace("must use https", "must use HTTPS"))
    edited = cache.package_hash.__wrapped__(copy)
    (copy / "check" / "rules" / "new_rules.py").write_text("")
    added = cache.package_hash.__wrapped__(copy)
    (copy / "README.txt").write_text("not code")
    assert len({original, edited, added}) == 3
    assert cache.package_hash.__wrapped__(copy) == added
    assert cache.package_hash() == cache.package_hash.__wrapped__(cache.PACKAGE)


def test_a_monkeypatched_rule_set_does_not_reuse_entries(bank_root, chdir, capsys, monkeypatch):
    validate_cli(bank_root, chdir, capsys)

    def always_warn(q):
        yield 1, 1, "a warning"

    monkeypatch.setitem(rules.REGISTRY, "QB999", rules.Rule("QB999", "test-warning", "question", "warning", always_warn))
    _rc, out = validate_cli(bank_root, chdir, capsys)
    assert out.count("QB999 warning") == 4


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b"must use https", b"must use httpz"),  # a changed byte: the checksum differs
        lambda raw: b"\xff\xfe\x00garbage",
        lambda raw: b'{"key": "x", "problems": [], "facts": {}}',
    ],
    ids=["empty", "truncated", "changed-byte", "binary", "no-checksum"],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(bank_root, chdir, capsys, checked, damage):
    path = bank_root / SCALING
    path.write_text(path.read_text().replace("https://arxiv.org/abs/1706.03762", "http://arxiv.org/abs/1706.03762"))
    _rc, cold = validate_cli(bank_root, chdir, capsys)
    assert "QB040" in cold
    [entry] = [e for e in entries(bank_root) if b"must use https" in e.read_bytes()]
    entry.write_bytes(damage(entry.read_bytes()))
    checked.clear()
    _rc, warm = validate_cli(bank_root, chdir, capsys)
    assert warm == cold
    assert checked == [SCALING]
    checked.clear()
    assert validate_cli(bank_root, chdir, capsys)[1] == cold
    assert checked == []  # the entry was written again


def test_an_entry_with_a_valid_checksum_but_the_wrong_shape_is_ignored(bank_root, chdir, capsys, checked):
    import hashlib

    _rc, cold = validate_cli(bank_root, chdir, capsys)
    for entry in entries(bank_root):
        body = b'{"key": "%s", "problems": [["1", 1, "QB000", "error", "wrong", "x"]], "facts": {}}' % entry.stem.encode()
        entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    checked.clear()
    assert validate_cli(bank_root, chdir, capsys)[1] == cold
    assert len(checked) == 4


def test_no_cache_neither_reads_nor_writes_the_cache(bank_root, chdir, capsys, checked):
    rc, out = validate_cli(bank_root, chdir, capsys, "--no-cache")
    assert rc == 0 and out.startswith("0 errors")
    assert not (bank_root / ".cache").exists()
    validate_cli(bank_root, chdir, capsys)
    checked.clear()
    validate_cli(bank_root, chdir, capsys, "--no-cache")
    assert len(checked) == 4


def test_the_library_call_uses_a_cache_only_when_given_one(bank_root, tmp_path):
    _bank, plain = validate(bank_root)
    assert not (bank_root / ".cache").exists()
    elsewhere = tmp_path / "elsewhere"
    _bank, cold = validate(bank_root, cache=elsewhere)
    _bank, warm = validate(bank_root, cache=elsewhere)
    assert plain == cold == warm == []
    assert len(list(elsewhere.glob("*/*.json"))) == 4


def test_two_processes_at_once_share_the_cache_safely(broken_bank):
    command = [sys.executable, "-m", "qbank", "validate"]
    expected = subprocess.run([*command, "--no-cache"], cwd=broken_bank, capture_output=True, text=True).stdout
    runs = [
        subprocess.Popen(command, cwd=broken_bank, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [proc.communicate() for proc in runs]
    assert [out for out, _err in outputs] == [expected, expected]
    assert all(err == "" for _out, err in outputs)
    assert not list((broken_bank / cache.CACHE_DIR).glob("*/.tmp-*"))  # no temporary file left behind
    warm = subprocess.run(command, cwd=broken_bank, capture_output=True, text=True).stdout
    assert warm == expected


def test_entries_unused_for_a_week_are_removed_when_the_cache_is_written(bank_root, chdir, capsys):
    import os
    import time

    validate_cli(bank_root, chdir, capsys)
    week_old = time.time() - 8 * 24 * 3600
    for entry in entries(bank_root):
        os.utime(entry, (week_old, week_old))
    before = set(entries(bank_root))
    path = bank_root / SCALING
    path.write_text(path.read_text().replace("medium", "hard"))
    validate_cli(bank_root, chdir, capsys)
    after = set(entries(bank_root))
    assert len(before - after) == 1 and len(after - before) == 1  # the old version's entry went, the new one came
    assert len(after) == 4


def test_bench_checks_that_the_cache_agrees_on_a_synthetic_bank(chdir, capsys):
    import json

    from conftest import REPO

    chdir(REPO)
    assert main(["bench", "--questions", "30", "--no-site", "--cache"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"validate_cache_cold_s", "validate_warm_s", "validate_warm_cpu_s"} <= set(result)
