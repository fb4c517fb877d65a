"""Downloadable exports built from the catalogue: llms.txt, the Anki deck and the exercise downloads.
questions.json is in api.py.

Every export is a pure function of the bank (and SITE_URL for absolute links), so two builds give the same bytes.
"""

from __future__ import annotations

from qbank.exports import anki as anki_export
from qbank.exports import exercise_downloads
from qbank.exports.api import LICENSE_URL
from qbank.model import settings
from qbank.render.catalogue import Catalogue


def _oneline(text: str) -> str:
    return " ".join(text.split())


def llms_txt(cat: Catalogue) -> str:
    """The llms.txt convention (llmstxt.org): an H1, a blockquote summary, then sections of annotated links."""
    site = settings.site_url()
    total = len(cat.questions)
    answered = sum(q.answer is not None for q in cat.questions)
    out = [
        "# GenAI Interview Bank",
        "",
        "> An open bank of Generative-AI interview questions (ML engineer, research engineer, GenAI architect), "
        "each with a 30-second short answer, a detailed answer and primary references. "
        f"{total} questions across {len(cat.topics)} topics, {answered} answered.",
        "",
        f'Content is licensed CC BY 4.0 ({LICENSE_URL}): credit "GenAI Interview Bank contributors" and link to '
        "the question's permalink. Each question has a permanent id; its permalink is `q/<id>/` under the site root, "
        "and it is the `##` heading with that id on its topic page.",
        "",
        "## Data",
        "",
        f"- [questions.json]({site}api/questions.json): every question and answer (Markdown and sanitised HTML), "
        "with topics, tags and licence; a versioned format",
        f"- [Data format]({site}data-format/): every field of questions.json, the version policy and how to attribute",
        f"- [Anki deck]({site}{anki_export.PATH}): one note per answered question, tagged by topic and difficulty",
        "",
        "## Topics",
        "",
    ]
    for t in cat.topics:
        for p in t.pages:
            n, a = len(p.questions), sum(q.answer is not None for q in p.questions)
            title = p.title if p.subtopic is None else f"{t.meta.title}: {p.title}"
            out.append(f"- [{title}]({site}{p.url}): {_oneline(p.description)} ({n} questions, {a} answered)")
    out.append("")
    out += ["## Optional", ""]
    for q in cat.questions:
        suffix = "" if q.answer else " (answer wanted)"
        where = f"{site}{cat.page_of[q.id].url}#{q.id}"
        out.append(f"- [{_oneline(q.question)}]({where}): {cat.topic_of[q.id].meta.title}, {q.difficulty}{suffix}")
    return "\n".join(out) + "\n"


def render_exports(cat: Catalogue) -> dict[str, str | bytes]:
    files = {"llms.txt": llms_txt(cat), anki_export.PATH: anki_export.apkg_bytes(cat)}
    files.update(exercise_downloads.exercise_files(cat))
    return files
