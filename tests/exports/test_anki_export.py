"""The Anki deck holds exactly the answered questions, one note each, with GUIDs derived from the question
ids, sanitised HTML, topic and difficulty tags and attribution, and the same bank always gives the same bytes."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import genanki

from conftest import write
from qbank.exports import anki as anki_export
from qbank.site.generate import render_all
from qbank.source.bank import load


def deck_of(root):
    _cat, files = render_all(load(root))
    return files[anki_export.PATH], json.loads(files["api/questions.json"])


def open_collection(apkg: bytes, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as z:
        assert sorted(z.namelist()) == ["collection.anki2", "media"]
        assert z.read("media") == b"{}"
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    return conn


def notes(conn) -> list[dict]:
    rows = conn.execute("select guid, tags, flds, mid from notes order by id").fetchall()
    return [{"guid": g, "tags": t.split(), "fields": f.split("\x1f"), "mid": m} for g, t, f, m in rows]


def test_the_deck_holds_one_note_and_card_per_answered_question(bank_root, tmp_path):
    apkg, data = deck_of(bank_root)
    conn = open_collection(apkg, tmp_path)
    answered = [q["id"] for q in data["questions"] if q["answered"]]
    assert len(answered) == 3 and data["count"] == 4  # the fixture has one unanswered question
    found = notes(conn)
    assert [n["guid"] for n in found] == [genanki.guid_for(qid) for qid in answered]
    assert conn.execute("select count(*) from cards").fetchone() == (len(answered),)
    assert {n["mid"] for n in found} == {anki_export.MODEL_ID}
    assert {did for (did,) in conn.execute("select distinct did from cards")} == {anki_export.DECK_ID}


def test_notes_carry_topic_and_difficulty_tags_and_the_answers_as_html(bank_root, tmp_path):
    apkg, data = deck_of(bank_root)
    record = next(q for q in data["questions"] if q["id"] == "softmax-scaling")
    note = next(n for n in notes(open_collection(apkg, tmp_path)) if n["guid"] == genanki.guid_for("softmax-scaling"))
    question, topic, short, detailed, source = note["fields"]
    assert f"topic::{record['topic']}" in note["tags"] and f"difficulty::{record['difficulty']}" in note["tags"]
    assert all(f"tag::{t}" in note["tags"] for t in record["tags"])
    assert question.startswith("Why") and topic == record["topic_title"]
    assert short == anki_export.absolute_links(record["answer"]["short_html"])
    assert 'href="http://127.0.0.1:8000/q/what-is-attention/"' in short  # absolute, so it works inside Anki
    # The key points open the back's detailed field, as a checklist, in their order.
    points = "".join(f"<li>{p}</li>" for p in record["key_points_html"])
    assert len(record["key_points_html"]) == 3
    follow_ups = "".join(f"<li>{p}</li>" for p in record["follow_ups_html"])
    pitfalls = "".join(f"<li>{p}</li>" for p in record["pitfalls_html"])
    assert detailed == anki_export.absolute_links(
        f'<div class="key-points"><strong>What a strong answer covers</strong><ul>{points}</ul></div>'
        + record["answer"]["detailed_html"]
        + f"<div><strong>Follow-up questions</strong><ul>{follow_ups}</ul></div>"
        + f"<div><strong>Common pitfalls</strong><ul>{pitfalls}</ul></div>"
    )
    # Maths in a follow-up reaches the card in the delimiters Anki's MathJax reads.
    assert '<span class="arithmatex">\\(d_k = 1\\)</span>' in detailed
    assert '<span class="arithmatex">\\(' in detailed  # Anki's MathJax reads the \( \) delimiters
    assert "<script" not in detailed
    assert "q/softmax-scaling/" in source and "CC BY 4.0" in source


def test_question_text_is_escaped_and_every_field_is_sanitised(bank_root, tmp_path):
    path = bank_root / "questions/beta/decoding-basics.yaml"
    text = path.read_text()
    question = next(line for line in text.splitlines() if line.startswith("question:"))
    path.write_text(text.replace(question, 'question: "Is <b>greedy</b> decoding & beam search the same?"'))
    apkg, _ = deck_of(bank_root)
    note = next(n for n in notes(open_collection(apkg, tmp_path)) if n["guid"] == genanki.guid_for("decoding-basics"))
    assert note["fields"][0] == "Is &lt;b&gt;greedy&lt;/b&gt; decoding &amp; beam search the same?"


def test_the_deck_description_attributes_the_bank_under_cc_by(bank_root, tmp_path):
    apkg, _ = deck_of(bank_root)
    decks = json.loads(open_collection(apkg, tmp_path).execute("select decks from col").fetchone()[0])
    deck = decks[str(anki_export.DECK_ID)]
    assert deck["name"] == anki_export.DECK_NAME
    assert "CC BY 4.0" in deck["desc"] and "GenAI Interview Bank contributors" in deck["desc"]


def test_two_renders_give_byte_identical_decks(bank_root):
    first, _ = deck_of(bank_root)
    second, _ = deck_of(bank_root)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {anki_export.ZIP_DATE}


def test_a_newer_review_date_changes_the_timestamps_but_not_the_guids(bank_root, tmp_path):
    before, _ = deck_of(bank_root)
    path = bank_root / "questions/alpha/what-is-attention.yaml"
    text = path.read_text()
    reviewed = next(line for line in text.splitlines() if line.startswith("last_reviewed:"))
    path.write_text(text.replace(reviewed, "last_reviewed: 2030-01-01"))
    after, _ = deck_of(bank_root)
    assert before != after
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old, new = open_collection(before, tmp_path / "old"), open_collection(after, tmp_path / "new")
    assert [n["guid"] for n in notes(old)] == [n["guid"] for n in notes(new)]
    assert new.execute("select max(mod) from notes").fetchone()[0] > old.execute("select max(mod) from notes").fetchone()[0]


def test_a_bank_with_no_answers_gives_an_empty_but_valid_deck(bank_root, tmp_path):
    for path in (bank_root / "questions").glob("*/[!_]*.yaml"):
        lines = path.read_text().splitlines()
        path.unlink()
        keep, skipping = [], False
        for line in lines:
            if line.startswith(("answer:", "references:")):
                skipping = True
                continue
            if skipping and (line.startswith((" ", "-")) or not line.strip()):
                continue
            skipping = False
            keep.append(line)
        write(bank_root, path.relative_to(bank_root).as_posix(), "\n".join(keep) + "\n")
    apkg, data = deck_of(bank_root)
    assert data["answered"] == 0
    assert notes(open_collection(apkg, tmp_path)) == []


def test_absolute_links_prefix_only_links_without_a_scheme(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/bank")
    html = '<a href="q/rope/">a</a> <a href="https://arxiv.org/abs/1">b</a> <a href="/q/x/">c</a>'
    assert anki_export.absolute_links(html) == (
        '<a href="https://example.org/bank/q/rope/">a</a> <a href="https://arxiv.org/abs/1">b</a> '
        '<a href="https://example.org/bank/q/x/">c</a>'
    )
