"""Answer rules: an answer cites primary sources, linked in a form that resolves to the work they name, and
lists the key points an interviewer listens for."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from qbank.check.rules import rule

# Spaces, quotes, angle brackets, backslashes and controls would end or escape the link on the page.
UNSAFE_URL_CHAR = re.compile(r'[\x00-\x20\x7f<>"\\`{}|^]')
ARXIV_ABS = re.compile(r"https://arxiv\.org/abs/(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})")


def _references(q):
    refs = q.data.get("references")
    if isinstance(refs, list):
        for i, ref in enumerate(refs):
            if isinstance(ref, dict) and isinstance(ref.get("url"), str):
                yield i, ref["url"]


@rule("QB040", "https-references")
def https_references(q):
    """Reference URLs use https and hold no character that could end the Markdown link early."""
    for i, url in _references(q):
        if urlsplit(url.strip()).scheme != "https":
            line, col = q.where(("references", i, "url"))
            yield line, col, f"reference URL {url[:80]!r} must use https"
        elif bad := UNSAFE_URL_CHAR.search(url.strip()):
            line, col = q.where(("references", i, "url"))
            yield line, col, f"reference URL contains {bad.group(0)!r}; percent-encode it"


@rule("QB041", "arxiv-abs-url")
def arxiv_abs_url(q):
    """arXiv papers are cited by their abstract page, https://arxiv.org/abs/<id>, without a version or PDF link."""
    for i, url in _references(q):
        host = (urlsplit(url.strip()).hostname or "").lower()
        if host.endswith("arxiv.org") and not ARXIV_ABS.fullmatch(url.strip()):
            line, col = q.where(("references", i, "url"))
            yield line, col, f"cite arXiv as https://arxiv.org/abs/<id> (no version, no PDF), not {url[:80]!r}"


@rule("QB042", "answer-needs-references")
def answer_needs_references(q):
    """An answered question cites at least one source."""
    if isinstance(q.data.get("answer"), dict) and not q.data.get("references"):
        line, col = q.where(("answer",), key=True)
        yield line, col, "an answered question needs at least one reference"


@rule("QB044", "answer-needs-key-points")
def answer_needs_key_points(q):
    """An answered question lists its key points: what an interviewer listens for, and practice mode's checklist."""
    if isinstance(q.data.get("answer"), dict) and not q.data.get("key_points"):
        line, col = q.where(("answer",), key=True)
        yield line, col, "an answered question needs key_points: 3 to 6 one-sentence items an interviewer listens for"


@rule("QB043", "duplicate-reference")
def duplicate_reference(q):
    """The same URL is cited once per question."""
    seen: set[str] = set()
    for i, url in _references(q):
        if url in seen:
            line, col = q.where(("references", i, "url"))
            yield line, col, f"reference {url!r} is cited twice"
        seen.add(url)
