"""Generate every derived file under ``docs/`` from the bank, in memory first, then write.

The generator owns exactly the paths in GENERATED (all gitignored) and writes nowhere else. Files whose
bytes did not change are not rewritten; files it owns that are no longer produced are removed.
"""

from __future__ import annotations

from pathlib import Path

from qbank.exports import api, practice_data, question_index
from qbank.render import indexes as render_indexes
from qbank.render import pages as render_pages
from qbank.render import redirects
from qbank.render.catalogue import Catalogue, build_catalogue
from qbank.site.writer import write_if_changed
from qbank.source.bank import Bank

DOCS = "docs"
# Everything the generator owns, relative to docs/. Hand-written pages and assets live elsewhere in docs/.
GENERATED = ("index.md", "topics", "tags", "difficulty", "answers-wanted.md", "q", "api", "exports", "llms.txt")


def render_all(bank: Bank) -> tuple[Catalogue, dict[str, bytes]]:
    """Every generated file, keyed by its path under docs/. Pure: reads nothing but the bank."""
    cat = build_catalogue(bank)
    files: dict[str, str | bytes] = {"answers-wanted.md": render_indexes.answers_wanted(cat)}
    for t in cat.topics:
        if t.index_path:
            files[t.index_path] = render_indexes.topic_overview(cat, t)
        for page in t.pages:
            files[page.path] = render_pages.render_page(cat, page)
    files.update(render_indexes.tag_pages(cat))
    files.update(render_indexes.difficulty_pages(cat))
    files.update(redirects.redirect_stubs(cat))
    files["api/questions.json"] = api.questions_json(cat)
    files[question_index.PATH] = question_index.index_json(cat)
    files.update(practice_data.practice_files(cat))
    from qbank.exports import downloads as exports

    files.update(exports.render_exports(cat))
    # The home page shows each download's size, so it is written once the downloads exist.
    sizes = {path: len(data.encode("utf-8") if isinstance(data, str) else data) for path, data in files.items()}
    files["index.md"] = render_indexes.home(cat, sizes)
    for path in files:
        if not path.startswith(GENERATED):
            raise RuntimeError(f"generator tried to write {path}, which it does not own")
    return cat, {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in sorted(files.items())}


def _owned_files(docs: Path) -> set[str]:
    found = set()
    for name in GENERATED:
        p = docs / name
        if p.is_file():
            found.add(name)
        elif p.is_dir():
            found.update(f.relative_to(docs).as_posix() for f in p.rglob("*") if f.is_file())
    return found


def write_all(root: Path, files: dict[str, bytes]) -> list[str]:
    """Write changed files atomically and remove stale owned files. Returns the paths that changed."""
    docs = root / DOCS
    changed = [path for path, data in files.items() if write_if_changed(docs / path, data)]
    for stale in sorted(_owned_files(docs) - set(files)):
        (docs / stale).unlink()
        changed.append(stale)
    for name in GENERATED:  # prune folders left empty by removals
        top = docs / name
        if top.is_dir():
            for d in sorted((p for p in top.rglob("*") if p.is_dir()), reverse=True):
                if not any(d.iterdir()):
                    d.rmdir()
    return changed
