"""Map a finding inside a Markdown field back to a line and column of the YAML file."""

from __future__ import annotations


def locate(q, loc: tuple, needle: str, block_line: int = 0) -> tuple[int, int]:
    """Find ``needle`` in the file at or after the field's start (plus the block's line within the
    field); fall back to the field's own position when the text cannot be found verbatim (folded scalars)."""
    line, col = q.where(loc)
    lines = q.doc.text.split("\n")
    needle = needle.split("\n", 1)[0][:60]
    if needle:
        for start in (line - 1 + block_line, line - 1):
            for i in range(max(start, 0), len(lines)):
                found = lines[i].find(needle)
                if found >= 0:
                    return i + 1, found + 1
    return line, col
