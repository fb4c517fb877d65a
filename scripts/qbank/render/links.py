"""Resolve ``[text](#id)`` links in contributed Markdown to the page that holds the question."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from qbank.source.markdown_tokens import parse_blocks

QUESTION_LINK = re.compile(r"\]\(#([a-z0-9]+(?:-[a-z0-9]+)*)\)")
CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")


@lru_cache(maxsize=4096)  # each answer is rewritten twice: for its page and for questions.json
def _code_lines(text: str) -> frozenset[int]:
    """Line numbers (0-based) inside fenced or indented code blocks and display maths."""
    lines: set[int] = set()
    for tok in parse_blocks(text):
        if tok.type in ("fence", "code_block", "math_block", "math_block_label") and tok.map:
            lines.update(range(tok.map[0], tok.map[1]))
    return frozenset(lines)


def rewrite_question_links(text: str, href: Callable[[str], str]) -> str:
    """Replace ``](#id)`` with ``](href(id))`` everywhere except inside code and maths."""
    if "](#" not in text:
        return text
    skip = _code_lines(text)
    out = []
    for i, line in enumerate(text.split("\n")):
        if i in skip or "](#" not in line:
            out.append(line)
            continue
        pieces, last = [], 0
        for m in CODE_SPAN.finditer(line):
            pieces.append(QUESTION_LINK.sub(lambda mm: f"]({href(mm.group(1))})", line[last : m.start()]))
            pieces.append(m.group(0))
            last = m.end()
        pieces.append(QUESTION_LINK.sub(lambda mm: f"]({href(mm.group(1))})", line[last:]))
        out.append("".join(pieces))
    return "\n".join(out)
