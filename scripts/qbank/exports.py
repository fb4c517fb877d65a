"""Downloadable exports built from the catalogue: llms.txt (and, in later versions, more formats)."""

from __future__ import annotations

from qbank.catalogue import Catalogue


def llms_txt(cat: Catalogue) -> str:
    out = ["# GenAI Interview Bank", "", "> Interview questions on generative AI with answers, licensed CC BY 4.0.", ""]
    out += ["The full data set is in [api/questions.json](api/questions.json).", ""]
    for t in cat.topics:
        out += [f"## {t.meta.title}", ""]
        for q in t.questions:
            out.append(f"- [{q.question}](q/{q.id}/)" + ("" if q.answer else " (answer wanted)"))
        out.append("")
    return "\n".join(out)


def render_exports(cat: Catalogue) -> dict[str, str | bytes]:
    return {"llms.txt": llms_txt(cat)}
