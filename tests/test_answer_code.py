"""Every fenced python block in the bank runs with numpy available, unless it starts with `# illustrative`."""

from __future__ import annotations

import pytest

from conftest import REPO
from qbank.bank import load
from qbank.markdown_tokens import parse

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
    exec(compile(code, "<answer>", "exec"), {"__name__": "__answer__"})


def test_parser_finds_fenced_blocks():
    tokens = parse("```python\nx = 1\n```\n")
    assert [t.info for t in tokens if t.type == "fence"] == ["python"]
