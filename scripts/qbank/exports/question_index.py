"""``api/index.json``: every question (answered or not) as one compact row, for the "All questions" page.

Rows are arrays with topics, subtopics, difficulties and tags given as indexes into shared lists, so the file
stays small as the bank grows: the page loads this one file and never an answer.
"""

from __future__ import annotations

import json

from qbank.model.schema import DIFFICULTIES
from qbank.render.catalogue import Catalogue

PATH = "api/index.json"
FORMAT = "genai-interview-bank/index"
COLUMNS = ["id", "question", "topic", "page", "difficulty", "tags", "answered"]


def index_json(cat: Catalogue) -> str:
    topics = [t.name for t in cat.topics]
    pages = [p for t in cat.topics for p in t.pages]
    page_index = {p.path: i for i, p in enumerate(pages)}
    tags = sorted(cat.tags)
    tag_index = {t: i for i, t in enumerate(tags)}
    rows = [
        [
            q.id,
            q.question,
            topics.index(cat.topic_of[q.id].name),
            page_index[cat.page_of[q.id].path],
            DIFFICULTIES.index(q.difficulty),
            [tag_index[t] for t in q.tags],
            1 if q.answer is not None else 0,
        ]
        for q in cat.questions
    ]
    data = {
        "format": FORMAT,
        "format_version": 1,
        "columns": COLUMNS,
        "topics": [{"id": t.name, "title": t.meta.title} for t in cat.topics],
        "pages": [{"url": p.url, "title": p.title} for p in pages],
        "difficulties": list(DIFFICULTIES),
        "tags": tags,
        "questions": rows,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
