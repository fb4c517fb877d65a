"""The site's search index: one Pagefind record per answered question, written to ``site/pagefind/``.

Pages are not crawled. Each record is built from ``api/questions.json`` in the built site: its URL is the
question's anchor on its topic page (relative to the site root), its title the question, its text the
question, the short answer and the detailed answer as plain text with British spellings folded to American
ones (qbank.site.spelling; search.js folds queries alike), with topic, difficulty and tags as filters.
Index pages, tag pages and difficulty pages therefore never appear in results.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
import subprocess
from pathlib import Path

from qbank.site.spelling import fold

OUTPUT = "pagefind"
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|pre|tr|td|th|div|blockquote|dd|dt)>|<br\s*/?>", re.I)
_SPACE = re.compile(r"\s+")
_BASE64_TAIL = re.compile(rb"[A-Za-z0-9+/]+=*$")


def plain_text(fragment: str) -> str:
    """HTML to text: tags removed, entities decoded, block ends kept as spaces, whitespace collapsed."""
    text = _BLOCK_END.sub(" ", fragment or "")
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", text))).strip()


def records(api: dict) -> list[dict]:
    """The Pagefind records for every answered question, in the order of the API file."""
    out = []
    for q in api["questions"]:
        if not q.get("answered"):
            continue
        answer = q.get("answer") or {}
        title = plain_text(html.escape(q["question"]))
        content = " ".join(
            part
            for part in (title, plain_text(answer.get("short_html", "")), plain_text(answer.get("detailed_html", "")))
            if part
        )
        out.append(
            {
                "url": "/" + q["page"],
                "content": fold(content),
                "language": "en",
                "meta": {"title": title, "topic": q["topic_title"]},
                "filters": {"topic": [q["topic_title"]], "difficulty": [q["difficulty"]], "tag": list(q["tags"])},
            }
        )
    return out


class PagefindError(RuntimeError):
    pass


class _Service:
    """Pagefind's indexing service (``pagefind --service``), the protocol of its Python API: base64 JSON
    messages ended by a comma. Spoken directly, one request and its answer at a time, because the Python
    API's client waits 100 ms before reading every answer (a minute for this bank)."""

    def __init__(self, cwd: Path):
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise PagefindError("no pagefind binary: install the pinned pagefind-bin")
        self.proc = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 0
        self.pending = bytearray()

    def _messages(self):
        """The service's messages, one at a time: base64 runs ended by a comma. Empty runs, and anything the
        service printed that is not base64, are skipped."""
        while True:
            while b"," not in self.pending:
                chunk = self.proc.stdout.read1(1 << 16)
                if not chunk:
                    raise PagefindError(f"pagefind stopped (exit status {self.proc.poll()})")
                self.pending += chunk
            raw, _, rest = bytes(self.pending).partition(b",")
            self.pending = bytearray(rest)
            run = _BASE64_TAIL.search(raw.strip())
            if run:
                yield raw, run.group()

    def send(self, payload: dict) -> dict:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        self.proc.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
        self.proc.stdin.flush()
        for raw, run in self._messages():
            try:
                answer = json.loads(base64.b64decode(run))
            except ValueError as exc:
                raise PagefindError(f"unreadable answer from pagefind ({exc}): {raw[:200]!r}") from exc
            if answer.get("message_id") not in (None, self.next_id):
                continue  # an answer to an earlier message (none is expected: one request at a time)
            payload = answer.get("payload") or {}
            if payload.get("type") == "Error":
                raise PagefindError(payload.get("message", "pagefind failed"))
            return payload
        raise AssertionError("unreachable")

    def close(self):
        self.proc.stdin.close()
        self.proc.terminate()
        self.proc.wait()


def write_index(items: list[dict], output: Path) -> None:
    service = _Service(output.parent)
    try:
        index_id = service.send({"type": "NewIndex", "config": {"force_language": "en"}})["index_id"]
        for item in items:
            service.send({"type": "AddRecord", "index_id": index_id, **item})
        service.send({"type": "WriteFiles", "index_id": index_id, "output_path": str(output)})
    finally:
        service.close()


SIGNATURE = b"pagefind_dcd"
# Pagefind's ready-made interfaces: the site has its own search box (docs/javascripts/search.js), which uses
# pagefind.js alone, so these are not published.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def _cbor_decode(data: bytes, i: int = 0):
    """The part of CBOR that Pagefind's filter files use: unsigned integers, text and arrays."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        n = info
    else:
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i : i + size], "big"), i + size
    if major == 0:
        return n, i
    if major == 3:
        return data[i : i + n].decode(), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _cbor_decode(data, i)
            items.append(item)
        return items, i
    raise PagefindError(f"unexpected CBOR major type {major} in a filter file")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _cbor_encode(value) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        raw = value.encode()
        return _cbor_head(3, len(raw)) + raw
    return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)


def _pack(payload: bytes) -> bytes:
    return gzip.compress(SIGNATURE + payload, compresslevel=9, mtime=0)


def _unpack(raw: bytes) -> bytes:
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        raise PagefindError("a Pagefind file without its signature")
    return data[len(SIGNATURE) :]


def _renamed(old: str, raw: bytes) -> str:
    """A file name like Pagefind's (language, underscore, hex digits), from the file's final contents."""
    prefix, digits = old.split("_", 1)
    return f"{prefix}_{hashlib.sha256(raw).hexdigest()[: len(digits)]}"


def canonicalise(output: Path) -> None:
    """Make the bundle a function of its records alone. Pagefind writes each filter's values, and the list of
    filters in its metadata file, in hash-map order, which changes from run to run, and names files after
    their contents. So both are sorted, the filter files renamed after their new contents, and the metadata
    file (which names them) and the entry file (which names the metadata file) follow."""
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        old_meta = output / f"pagefind.{language['hash']}.pf_meta"
        raw_meta = _unpack(old_meta.read_bytes())
        meta, end = _cbor_decode(raw_meta)
        if end != len(raw_meta) or _cbor_encode(meta) != raw_meta or len(meta) != 6:
            raise PagefindError(f"{old_meta.name} is not in the layout of Pagefind 1.5")
        filters = []
        for name, old_hash in meta[3]:
            path = output / "filter" / f"{old_hash}.pf_filter"
            (filter_name, values), _ = _cbor_decode(_unpack(path.read_bytes()))
            raw = _pack(_cbor_encode([filter_name, sorted(values, key=lambda v: v[0])]))
            new_hash = _renamed(old_hash, raw)
            path.unlink()
            (path.parent / f"{new_hash}.pf_filter").write_bytes(raw)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        raw = _pack(_cbor_encode(meta))
        language["hash"] = _renamed(language["hash"], raw)
        old_meta.unlink()
        (output / f"pagefind.{language['hash']}.pf_meta").write_bytes(raw)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_site(site: Path) -> int:
    """Write ``site/pagefind/`` from ``site/api/questions.json``; the number of records indexed."""
    api = json.loads((site / "api" / "questions.json").read_text(encoding="utf-8"))
    items = records(api)
    write_index(items, (site / OUTPUT).resolve())
    canonicalise(site / OUTPUT)
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    return len(items)
