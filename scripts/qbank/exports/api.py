"""``api/questions.json``: every question, its answer as Markdown and as sanitised HTML. Practice mode and
the exports read it. The format is versioned; see docs/data-format.md."""

from __future__ import annotations

import json

from qbank.model import exercises
from qbank.render.catalogue import Catalogue
from qbank.render.html import inline_html, to_html
from qbank.render.links import rewrite_question_links
from qbank.render.pages import edit_url

FORMAT_VERSION = 1
LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = (
    "Questions and answers from GenAI Interview Bank, licensed CC BY 4.0. "
    "Credit 'GenAI Interview Bank contributors' and link to the question's permalink (url)."
)


def _site_relative(text: str) -> str:
    # Links between questions become site-root-relative permalinks (q/<id>/), valid from any page.
    return rewrite_question_links(text, lambda qid: f"q/{qid}/")


def _exercise(q) -> dict | None:
    if q.exercise is None:
        return None
    ex = q.exercise
    return {
        "module": exercises.module_name(q.id),
        "download": exercises.download_path(q.id),
        "starter": ex.starter,
        "solution": ex.solution,
        "tests": ex.tests,
        "test_names": exercises.test_names(ex.tests),
        "wrong": [{"mistake": w.mistake, "code": w.code} for w in ex.wrong],
    }


def question_record(cat: Catalogue, qid: str) -> dict:
    q = cat.by_id[qid]
    page = cat.page_of[qid]
    topic = cat.topic_of[qid]
    record = {
        "id": q.id,
        "url": f"q/{q.id}/",
        "page": f"{page.url}#{q.id}",
        "topic": topic.name,
        "topic_title": topic.meta.title,
        "subtopic": q.subtopic,
        "subtopic_title": page.title if q.subtopic else None,
        "question": q.question,
        "difficulty": q.difficulty,
        "tags": list(q.tags),
        "answered": q.answer is not None,
        "answer": None,
        "key_points_html": [],
        "key_points": [_site_relative(p) for p in q.key_points],
        "follow_ups": [_site_relative(s) for s in q.follow_ups],
        "follow_ups_html": [inline_html(_site_relative(s)) for s in q.follow_ups],
        "pitfalls": [_site_relative(s) for s in q.pitfalls],
        "pitfalls_html": [inline_html(_site_relative(s)) for s in q.pitfalls],
        "references": [{"title": r.title, "url": r.url.strip()} for r in q.references],
        "related": list(q.related),
        "exercise": _exercise(q),
        "last_reviewed": q.last_reviewed.isoformat(),
        "edit_url": edit_url(q, topic.name),
    }
    if q.answer:
        short = _site_relative(q.answer.short.strip())
        detailed = _site_relative(q.answer.detailed.strip()) if q.answer.detailed else None
        record["answer"] = {
            "short_markdown": short,
            "short_html": to_html(short),
            "detailed_markdown": detailed,
            "detailed_html": to_html(detailed) if detailed else None,
        }
        record["key_points_html"] = [inline_html(p) for p in record["key_points"]]
    return record


def questions_json(cat: Catalogue) -> str:
    records = [question_record(cat, q.id) for q in cat.questions]
    data = {
        "format": "genai-interview-bank/questions",
        "format_version": FORMAT_VERSION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "attribution": ATTRIBUTION,
        "count": len(records),
        "answered": sum(r["answered"] for r in records),
        "topics": [
            {
                "id": t.name,
                "title": t.meta.title,
                "description": t.meta.description,
                "subtopics": [{"id": p.subtopic, "title": p.title} for p in t.pages if p.subtopic],
                "count": len(t.questions),
            }
            for t in cat.topics
        ],
        "tags": cat.tags,
        "questions": records,
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
