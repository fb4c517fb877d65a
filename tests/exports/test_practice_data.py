"""Practice mode's data: a small index of every answered question, and one file per question with its short
and detailed answers, maths already MathML."""

from __future__ import annotations

import json

from qbank.site.generate import render_all
from qbank.source.bank import load


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


def test_every_answered_question_has_its_own_answer_file_and_nothing_else_does(bank_root):
    index, files, full = practice(bank_root)
    by_id = {q["id"]: q for q in full["questions"]}
    for q in index["questions"]:
        record = json.loads(files[q["answer"]])
        assert record["id"] == q["id"] and record["short_html"]
        assert (record["detailed_html"] is not None) == bool(by_id[q["id"]]["answer"]["detailed_markdown"])
        assert "short_html" not in q  # the index stays small: answers load per card
    extra = {p for p in files if p.startswith("api/practice/")} - {q["answer"] for q in index["questions"]}
    assert extra == set()


def test_maths_arrives_as_mathml_while_questions_json_keeps_tex(bank_root):
    index, files, full = practice(bank_root)
    records = [json.loads(files[q["answer"]]) for q in index["questions"]]
    html = "".join(r["short_html"] + (r["detailed_html"] or "") for r in records)
    tex = "".join((q["answer"] or {}).get("detailed_html") or "" for q in full["questions"])
    assert '<span class="arithmatex">\\(' in tex
    assert "<math" in html and "\\(" not in html


def test_key_points_arrive_with_the_answer_never_in_the_index(bank_root):
    index, files, full = practice(bank_root)
    by_id = {q["id"]: q for q in full["questions"]}
    record = json.loads(files["api/practice/softmax-scaling.json"])
    assert len(record["key_points_html"]) == len(by_id["softmax-scaling"]["key_points"]) == 3
    assert "<math" in record["key_points_html"][0] and "\\(" not in record["key_points_html"][0]
    assert "<code>float16</code>" in record["key_points_html"][2]
    # The checklist would give the answer away before the reveal, so the index never carries it.
    assert "key_points" not in files["api/practice.json"].decode() and "Jacobian" not in files["api/practice.json"].decode()


def test_the_index_carries_moved_and_retired_ids_so_old_links_and_logs_still_resolve(bank_root):
    index, _files, _full = practice(bank_root)
    assert index["moved"] == {"gone-question": "retired", "old-softmax-question": "softmax-scaling"}
    ids = {q["id"] for q in index["questions"]}
    assert all(new == "retired" or new in ids for new in index["moved"].values())
