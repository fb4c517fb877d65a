"""Parse contributed Markdown into tokens, the way the validator and the renderer both see it.

Checks run on tokens, never on raw text, so code spans, fences and maths are skipped naturally: a
``<script>`` inside a fenced block is an example, not an attack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    # markdown-it silently drops javascript: links; keep every link so the rules can see and report it.
    md.validateLink = lambda url: True
    return md


@dataclass(frozen=True)
class Inline:
    """An inline token together with the source line (0-based, within the field) of its block."""

    token: Token
    block_line: int


def parse(text: str) -> list[Token]:
    return parser().parse(text)


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    md.disable("inline")  # block structure only: about half the cost of a full parse
    return md


def parse_blocks(text: str) -> list[Token]:
    """Block tokens only (fences, code, maths, paragraphs), without their inline children."""
    return _block_parser().parse(text)


def walk_inline(tokens: list[Token]) -> Iterator[Inline]:
    for block in tokens:
        if block.type == "inline" and block.children:
            line = block.map[0] if block.map else 0
            for child in block.children:
                yield Inline(child, line)


def unclosed_fences(tokens: list[Token], text: str) -> Iterator[Token]:
    """Fences that run to the end of the field because their closing marker is missing."""
    lines = text.split("\n")
    for tok in tokens:
        if tok.type != "fence" or not tok.map:
            continue
        start, end = tok.map
        last = lines[end - 1].strip() if end - 1 < len(lines) else ""
        closed = end - 1 > start and last and set(last) == {tok.markup[0]} and len(last) >= len(tok.markup)
        if not closed:
            yield tok


@dataclass(frozen=True)
class Link:
    """A link token, its visible label (used to find it in the source), and its block's line."""

    href: str
    label: str
    block_line: int


def links(tokens: list[Token]) -> Iterator[Link]:
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        line = block.map[0] if block.map else 0
        children = block.children
        for i, tok in enumerate(children):
            if tok.type != "link_open":
                continue
            label = []
            for nxt in children[i + 1 :]:
                if nxt.type == "link_close":
                    break
                label.append(nxt.content)
            yield Link(str(tok.attrGet("href") or ""), "".join(label), line)
