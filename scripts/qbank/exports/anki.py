"""The Anki deck (.apkg): one note per answered question, byte-reproducible.

genanki writes an SQLite collection and zips it. Every source of variation is pinned here: model and deck
ids are constants, note GUIDs come from the question id, note/card ids and modification times come from
the newest review date in the bank, the database is serialised from memory (no temp file), and the zip
entries carry a fixed date and mode. The same bank therefore gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re
import sqlite3
import zipfile

import genanki

from qbank.exports import api
from qbank.model import settings
from qbank.render.catalogue import Catalogue
from qbank.render.sanitize import clean

PATH = "exports/genai-interview-bank.apkg"
# Fixed forever: Anki matches decks and note types by id, so re-importing a newer deck updates in place.
MODEL_ID = 1_732_620_000_001
DECK_ID = 1_732_620_000_002
DECK_NAME = "GenAI Interview Bank"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold

CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; }
.card { max-width: 42em; margin: auto; }
.topic { color: #555; font-size: 0.8em; }
.short { font-weight: 600; }
.source { color: #555; font-size: 0.75em; margin-top: 1.5em; }
pre { overflow-x: auto; }
"""

MODEL = genanki.Model(
    MODEL_ID,
    "GenAI Interview Bank question",
    fields=[{"name": "Question"}, {"name": "Topic"}, {"name": "ShortAnswer"}, {"name": "DetailedAnswer"}, {"name": "Source"}],
    templates=[
        {
            "name": "Question and answer",
            "qfmt": '<div class="topic">{{Topic}}</div><div class="question">{{Question}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="short">{{ShortAnswer}}</div>'
            '{{#DetailedAnswer}}<div class="detailed">{{DetailedAnswer}}</div>{{/DetailedAnswer}}'
            '<div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
)


def deck_timestamp(cat: Catalogue) -> int:
    """Seconds since the epoch of the newest review date: stable for a given bank, newer when it changes."""
    newest = max((q.last_reviewed for q in cat.questions), default=dt.date(2026, 1, 1))
    return int(dt.datetime.combine(newest, dt.time(), dt.UTC).timestamp())


def deck_description(cat: Catalogue) -> str:
    site = html.escape(settings.site_url(), quote=True)
    return clean(
        f'Generative-AI interview questions with answers from <a href="{site}">GenAI Interview Bank</a>. '
        'Licensed <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>: credit '
        '"GenAI Interview Bank contributors" and link to the question\'s permalink, shown on each card.'
    )


# Any href that does not name a scheme: the site-relative permalinks (q/<id>/) that questions.json carries.
_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:)/?([^"]*)"')


def absolute_links(fragment: str) -> str:
    """Every link made absolute from SITE_URL: inside Anki, on a phone, a relative link leads nowhere."""
    site = html.escape(settings.site_url(), quote=True)
    return _RELATIVE_HREF.sub(lambda m: f'href="{site}{m.group(1)}"', fragment)


def _items(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return f"<div><strong>{title}</strong><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul></div>"


def note_for(record: dict) -> genanki.Note:
    """One note from a questions.json record (whose HTML is already sanitised; sanitised again as composed)."""
    answer = record["answer"]
    title = record["topic_title"] + (f" · {record['subtopic_title']}" if record["subtopic_title"] else "")
    permalink = settings.site_url() + record["url"]
    source = (
        f'<a href="{html.escape(permalink, quote=True)}">{html.escape(permalink)}</a> · '
        "GenAI Interview Bank contributors, CC BY 4.0"
    )
    # Key points open the DetailedAnswer field, and follow-ups and pitfalls close it: the note type's fields and
    # CSS are fixed, so re-imports keep working.
    points = "".join(f"<li>{p}</li>" for p in record["key_points_html"])
    key_points = f'<div class="key-points"><strong>What a strong answer covers</strong><ul>{points}</ul></div>' if points else ""
    extras = _items("Follow-up questions", record["follow_ups_html"]) + _items("Common pitfalls", record["pitfalls_html"])
    fields = [
        html.escape(record["question"]),
        html.escape(title),
        clean(absolute_links(answer["short_html"])),
        clean(absolute_links(key_points + (answer["detailed_html"] or "") + extras)),
        clean(source),
    ]
    tags = [f"topic::{record['topic']}", f"difficulty::{record['difficulty']}"] + [f"tag::{t}" for t in record["tags"]]
    return genanki.Note(model=MODEL, fields=fields, tags=tags, guid=genanki.guid_for(record["id"]))


def build_deck(cat: Catalogue) -> genanki.Deck:
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=deck_description(cat))
    for q in cat.questions:
        if q.answer is not None:
            deck.add_note(note_for(api.question_record(cat, q.id)))
    return deck


def _collection_bytes(deck: genanki.Deck, timestamp: int) -> bytes:
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        # Note and card ids count up from the timestamp in milliseconds, as genanki does, but from a fixed one.
        genanki.Package(deck).write_to_db(cursor, timestamp, itertools.count(timestamp * 1000))
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever the build machine is
    return info


def apkg_bytes(cat: Catalogue) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(_entry("collection.anki2"), _collection_bytes(build_deck(cat), deck_timestamp(cat)))
        z.writestr(_entry("media"), "{}")
    return buf.getvalue()
