"""The data practice mode loads, kept small so the page stays fast on a phone at any size of bank.

- ``api/practice.json``: every answered question, without its answer (what the selection form and the
  shuffled queue need; about 3% of questions.json).
- ``api/practice/<id>.json``: one question's short and detailed answers and its key points, fetched when its
  card is shown, so the checklist is never in the data loaded before the reveal.

Maths in both is MathML, as on the pages, so practice mode needs no maths script. These files serve the
site only; ``api/questions.json`` is the documented, versioned format for reuse.
"""

from __future__ import annotations

import json

from qbank.exports import api
from qbank.model import maths
from qbank.render.catalogue import Catalogue
from qbank.render.html import to_html

FORMAT = "genai-interview-bank/practice"


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def practice_files(cat: Catalogue) -> dict[str, str]:
    files: dict[str, str] = {}
    questions = []
    for q in cat.questions:
        if q.answer is None:
            continue
        record = api.question_record(cat, q.id)
        answer = record["answer"]
        detailed = answer["detailed_html"]
        questions.append(
            {
                "id": q.id,
                "url": record["url"],
                "topic": record["topic"],
                "topic_title": record["topic_title"],
                "difficulty": q.difficulty,
                "question": q.question,
                "answer": f"api/practice/{q.id}.json",
            }
        )
        files[f"api/practice/{q.id}.json"] = _dump(
            {
                "id": q.id,
                "short_html": maths.render_html(answer["short_html"]),
                "detailed_html": maths.render_html(detailed) if detailed else None,
                "key_points_html": [maths.render_html(p) for p in record["key_points_html"]],
                # A coding card shows the task; the reveal shows the reference solution.
                "solution_html": to_html(f"```python\n{q.exercise.solution.strip()}\n```") if q.exercise else None,
            }
        )
    used = {r["topic"] for r in questions}
    files["api/practice.json"] = _dump(
        {
            "format": FORMAT,
            "format_version": 1,
            "license": api.LICENSE,
            "attribution": api.ATTRIBUTION,
            "topics": [{"id": t.name, "title": t.meta.title} for t in cat.topics if t.name in used],
            "questions": questions,
            # Ids that moved or were retired (questions/_moved.yaml), so a saved review log or a shared mock
            # interview that names an old id still finds its question.
            "moved": dict(sorted(cat.moved.items())),
        }
    )
    return files
