"""Practice mode's data: a small index of every answered question with its short answer, and one file per
detailed answer, all with maths already MathML."""

from __future__ import annotations

import json

from qbank.bank import load
from qbank.generate import render_all


def practice(bank_root):
    _cat, files = render_all(load(bank_root))
    return json.loads(files["api/practice.json"]), files, json.loads(files["api/questions.json"])


def test_the_index_holds_every_answered_question_and_nothing_else(bank_root):
    index, _files, full = practice(bank_root)
    answered = [q["id"] for q in full["questions"] if q["answered"]]
    assert [q["id"] for q in index["questions"]] == answered
    assert len(answered) < full["count"]  # the fixture bank has an unanswered question, and it is left out
    assert {t["id"] for t in index["topics"]} == {q["topic"] for q in index["questions"]}
    assert index["format"] == "genai-interview-bank/practice" and index["license"] == "CC-BY-4.0"


def test_every_detailed_answer_has_its_own_file(bank_root):
    index, files, full = practice(bank_root)
    by_id = {q["id"]: q for q in full["questions"]}
    for q in index["questions"]:
        has_detailed = bool(by_id[q["id"]]["answer"]["detailed_markdown"])
        assert (q["detailed"] is not None) == has_detailed
        if has_detailed:
            record = json.loads(files[q["detailed"]])
            assert record["id"] == q["id"] and record["detailed_html"]
    extra = {p for p in files if p.startswith("api/practice/")} - {q["detailed"] for q in index["questions"]}
    assert extra == set()


def test_maths_arrives_as_mathml_while_questions_json_keeps_tex(bank_root):
    index, files, full = practice(bank_root)
    html = "".join(q["short_html"] for q in index["questions"]) + "".join(
        json.loads(files[q["detailed"]])["detailed_html"] for q in index["questions"] if q["detailed"]
    )
    tex = "".join((q["answer"] or {}).get("detailed_html") or "" for q in full["questions"])
    assert '<span class="arithmatex">\\(' in tex
    assert "<math" in html and "\\(" not in html
