"""Every fenced python block in the bank runs with numpy available, unless it starts with `# illustrative`.

Each block runs in its own subprocess with a time limit (qbank.tools.code_runner), so a runaway block fails its
test instead of hanging the suite, and no block can change what the next one sees.
"""

from __future__ import annotations

import pytest

from conftest import REPO
from qbank.source.bank import load
from qbank.source.markdown_tokens import parse
from qbank.tools.code_runner import run_script

ILLUSTRATIVE = "# illustrative"


def python_blocks():
    bank = load(REPO)
    for q in bank.questions:
        for loc, _text, tokens in q.tokens:
            for i, tok in enumerate(t for t in tokens if t.type == "fence" and t.info.strip().split(" ")[0] in ("python", "py")):
                yield pytest.param(tok.content, id=f"{q.qid}-{'.'.join(map(str, loc))}-{i}")


BLOCKS = list(python_blocks())


@pytest.mark.parametrize("code", BLOCKS)
def test_python_block_runs(code):
    if code.lstrip().startswith(ILLUSTRATIVE):
        pytest.skip("illustrative block")
    result = run_script(code)
    assert result.ok, result.output


def test_parser_finds_fenced_blocks():
    tokens = parse("```python\nx = 1\n```\n")
    assert [t.info for t in tokens if t.type == "fence"] == ["python"]


def test_a_runaway_block_fails_within_its_time_limit():
    result = run_script("while True:\n    pass\n", time_limit=1)
    assert not result.ok and result.timed_out


def test_a_failing_assert_fails_and_shows_its_line():
    result = run_script("x = 1\nassert x == 2, 'x is not 2'\n")
    assert not result.ok and not result.timed_out
    assert "line 2" in result.output and "x is not 2" in result.output
