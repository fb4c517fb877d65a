"""The generator owns a fixed set of paths, is reproducible, rewrites only what changed, and writes
nothing when the bank is invalid."""

from __future__ import annotations

import json
import os

from conftest import write
from qbank.site.build import generate
from qbank.site.generate import GENERATED, render_all
from qbank.source.bank import load


def snapshot(root):
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}


def test_two_renders_are_byte_identical(bank_root):
    assert render_all(load(bank_root))[1] == render_all(load(bank_root))[1]


def test_renders_in_processes_with_different_hash_seeds_are_byte_identical(bank_root):
    # Two renders in one process share a hash seed and a clock; separate processes catch set-order or time leaks.
    import hashlib
    import os
    import subprocess
    import sys

    script = (
        "import hashlib, sys; from pathlib import Path; from qbank.source.bank import load; "
        "from qbank.site.generate import render_all; "
        "files = render_all(load(Path(sys.argv[1])))[1]; "
        "print(hashlib.sha256(b''.join(k.encode() + v for k, v in sorted(files.items()))).hexdigest())"
    )
    digests = set()
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, str(bank_root)], env=env, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1 and len(next(iter(digests))) == len(hashlib.sha256().hexdigest())


def test_every_generated_path_is_owned(bank_root):
    _cat, files = render_all(load(bank_root))
    assert files and all(path.startswith(GENERATED) for path in files)


def test_unchanged_files_are_not_rewritten(bank_root):
    assert generate(bank_root, quiet=True)[0] == 0
    before = snapshot(bank_root)
    assert generate(bank_root, quiet=True)[0] == 0
    assert snapshot(bank_root) == before


def test_editing_one_question_changes_only_its_page_indexes_and_exports(bank_root):
    generate(bank_root, quiet=True)[0]
    before = snapshot(bank_root)
    path = bank_root / "questions/beta/decoding-basics.yaml"
    path.write_text(path.read_text().replace("below 1 sharpens", "below one sharpens"))
    generate(bank_root, quiet=True)[0]
    after = snapshot(bank_root)
    changed = {k for k in after if before.get(k, (None,))[0] != after[k][0]}
    assert changed == {
        "topics/beta/second-part.md",
        "api/questions.json",
        "api/practice/decoding-basics.json",
        "exports/genai-interview-bank.apkg",
    }


def test_invalid_bank_leaves_every_file_untouched(bank_root):
    generate(bank_root, quiet=True)[0]
    before = snapshot(bank_root)
    write(bank_root, "questions/alpha/broken.yaml", "id: [\n")
    assert generate(bank_root, quiet=True)[0] == 1
    assert snapshot(bank_root) == before


def test_hand_written_files_are_never_touched(bank_root):
    hand = write(bank_root, "docs/practice.md", "# mine\n")
    stamp = os.stat(hand).st_mtime_ns
    generate(bank_root, quiet=True)[0]
    assert hand.read_text() == "# mine\n" and os.stat(hand).st_mtime_ns == stamp


def test_stale_generated_files_are_removed(bank_root):
    generate(bank_root, quiet=True)[0]
    (bank_root / "questions/beta/open-question.yaml").unlink()
    generate(bank_root, quiet=True)[0]
    assert not (bank_root / "docs/q/open-question").exists()


def test_questions_json_holds_every_question_with_sanitised_html(bank_root):
    generate(bank_root, quiet=True)[0]
    data = json.loads((bank_root / "docs/api/questions.json").read_text())
    files = list((bank_root / "questions").glob("*/[!_]*.yaml"))
    assert data["count"] == len(data["questions"]) == len(files) == 4
    assert data["answered"] == 3 and data["license"] == "CC-BY-4.0"
    record = next(q for q in data["questions"] if q["id"] == "softmax-scaling")
    assert '<span class="arithmatex">' in record["answer"]["detailed_html"]
    html = record["answer"]["detailed_html"]
    assert "<script" not in html and '<span class="nt">script</span>' in html  # the example is shown as code
    assert 'href="q/decoding-basics/"' in record["answer"]["detailed_html"]
    assert next(q for q in data["questions"] if q["id"] == "open-question")["answered"] is False


def test_redirect_stubs_use_relative_targets_and_cover_moved_ids(bank_root):
    generate(bank_root, quiet=True)[0]
    stub = (bank_root / "docs/q/decoding-basics/index.html").read_text()
    assert 'url=../../topics/beta/second-part/#decoding-basics"' in stub
    moved = (bank_root / "docs/q/old-softmax-question/index.html").read_text()
    assert "../../topics/alpha/#softmax-scaling" in moved
    assert "retired" in (bank_root / "docs/q/gone-question/index.html").read_text()
