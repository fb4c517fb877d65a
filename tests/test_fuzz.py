"""Property-based checks: the validator never crashes on any input, and any valid bank renders pages where
every question has exactly one anchor and every internal link resolves."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, HEADER
from qbank.check.validate import validate
from qbank.site.generate import render_all
from qbank.source.bank import load

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SMALL = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _fresh_bank() -> Path:
    root = Path(tempfile.mkdtemp(prefix="qbank-fuzz-"))
    shutil.copytree(FIXTURES / "good_bank" / "questions", root / "questions")
    return root


# --- any input: problems or success, never a traceback ---------------------------------------------

YAMLISH = st.lists(
    st.sampled_from(
        [
            "id: fuzz",
            "question: Why?",
            "difficulty: easy",
            "tags: [llm]",
            "last_reviewed: 2026-11-26",
            "answer:",
            "  short: |",
            "    text [x](#softmax-scaling)",
            "  - item",
            "- x",
            "{a: [",
            "]",
            "&a x",
            "*a",
            "!!python/object:os.system",
            "? complex",
            ": value",
            "\t",
            "\ufeff",
            "\u202e",
            "---",
            "...",
            "'",
            '"',
            "  detailed: >-",
            "<script>",
            "$$",
            "```",
        ]
    )
    | st.text(max_size=40),
    max_size=25,
).map(lambda lines: HEADER + "\n".join(lines))


@BOUNDED
@given(raw=st.binary(max_size=2000) | YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_validate_never_crashes_on_any_file(raw):
    root = _fresh_bank()
    try:
        (root / "questions" / "alpha" / "fuzz.yaml").write_bytes(raw)
        bank, problems = validate(root)
        assert all(p.path and p.line >= 1 and p.col >= 1 for p in problems)
        if not problems:  # a clean bank must also render
            render_all(bank)
    finally:
        shutil.rmtree(root)


@BOUNDED
@given(text=st.text(max_size=400))
def test_validate_never_crashes_on_any_answer_markdown(text):
    root = _fresh_bank()
    try:
        body = json.dumps(text)  # a YAML double-quoted scalar is a JSON string
        (root / "questions" / "alpha" / "fuzz.yaml").write_text(
            HEADER + f"id: fuzz\nquestion: Fuzz?\ndifficulty: easy\ntags: [llm]\nanswer:\n  short: ok\n  detailed: {body}\n"
            "references: [{title: T, url: 'https://example.org/'}]\nlast_reviewed: 2026-11-26\n",
            encoding="utf-8",
        )
        bank, problems = validate(root)
        lines = (root / "questions" / "alpha" / "fuzz.yaml").read_text(encoding="utf-8").split("\n")
        for p in problems:
            if p.path == "questions/alpha/fuzz.yaml":  # every position points inside the file
                assert 1 <= p.line <= len(lines) and 1 <= p.col <= len(lines[p.line - 1]) + 1, p
        if not [p for p in problems if p.severity == "error"]:
            render_all(bank)
    finally:
        shutil.rmtree(root)


# --- any valid bank: one anchor per question, every internal link resolves ---------------------------

SLUG = st.from_regex(r"[a-z][a-z0-9]{2,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def banks(draw):
    ids = draw(st.lists(SLUG, min_size=1, max_size=14, unique=True))
    n_topics = draw(st.integers(1, min(4, len(ids))))
    topics = []
    for t in range(n_topics):
        subs = draw(st.sampled_from([[], ["part-one"], ["part-one", "part-two"]]))
        topics.append((f"topic{t}", subs))
    questions = []
    for i, qid in enumerate(ids):
        topic, subs = topics[i % n_topics]
        others = [o for o in ids if o != qid]
        related = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
        links = draw(st.lists(st.sampled_from(others), max_size=3)) if others else []
        answered = draw(st.booleans())
        questions.append((qid, topic, draw(st.sampled_from(subs)) if subs else None, related, links, answered))
    return topics, questions


def _write_bank(topics, questions) -> Path:
    root = Path(tempfile.mkdtemp(prefix="qbank-fuzz-"))
    q = root / "questions"
    q.mkdir()
    (q / "_tags.yaml").write_text('llm: "Large language models."\nmath: "Maths."\n')
    for pos, (name, subs) in enumerate(topics):
        (q / name).mkdir()
        meta = f"title: Topic {pos}\ndescription: Topic number {pos}.\nposition: {pos}\n"
        if subs:
            meta += "subtopics:\n" + "".join(f"  - {{id: {s}, title: Part {j}, position: {j}}}\n" for j, s in enumerate(subs))
        (q / name / "_topic.yaml").write_text(meta)
    for qid, topic, sub, related, links, answered in questions:
        text = HEADER + f"id: {qid}\nquestion: What is {qid}?\ndifficulty: medium\ntags: [llm]\n"
        if sub:
            text += f"subtopic: {sub}\n"
        if answered:
            md = "See " + ", ".join(f"[that](#{t})" for t in links) + "." if links else "Plain."
            code = "    ```python\n    x = '[no](#not-a-link)'\n    ```\n"
            text += f"answer:\n  short: {json.dumps(md)}\n  detailed: |\n    ### More\n\n    {md}\n\n" + code
            text += "key_points: [One point., Another point., A third point.]\n"
            text += "references: [{title: T, url: 'https://example.org/'}]\n"
        if related:
            text += f"related: [{', '.join(related)}]\n"
        text += "last_reviewed: 2026-11-26\n"
        (q / topic / f"{qid}.yaml").write_text(text)
    return root


ANCHOR = re.compile(r"\{ #([a-z0-9-]+) \.qb-question ")
LINK = re.compile(r"\]\(([^)\s]*?)#([a-z0-9-]+)\)")


@SMALL
@given(spec=banks())
def test_any_valid_bank_renders_one_anchor_per_question_and_only_resolvable_links(spec):
    topics, questions = spec
    root = _write_bank(topics, questions)
    try:
        bank, problems = validate(root)
        assert problems == [], problems
        _cat, files = render_all(load(root))
        pages = {path: data.decode() for path, data in files.items() if path.endswith(".md")}
        anchors = {path: ANCHOR.findall(text) for path, text in pages.items()}
        every = [a for found in anchors.values() for a in found]
        assert sorted(every) == sorted(q[0] for q in questions)  # exactly one anchor per question, site-wide
        for path, text in pages.items():
            for target, anchor in LINK.findall(text):
                if target.startswith(("http://", "https://")) or anchor == "not-a-link":  # the latter sits in code
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
                assert resolved in pages, (path, target)
                assert anchor in anchors[resolved], (path, target, anchor)
        # the code block's fake link is left alone
        assert all("](#not-a-link)" in text for text in pages.values() if "[no](" in text)
        data = json.loads(files["api/questions.json"])
        assert data["count"] == len(questions) == len(data["questions"])
    finally:
        shutil.rmtree(root)
