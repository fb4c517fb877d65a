"""Render the small index pages: home, topic overviews, tags, difficulties and answers wanted.
Index pages are excluded from search so that search results point at questions."""

from __future__ import annotations

from collections import defaultdict

from qbank.catalogue import Catalogue, TopicEntry
from qbank.render_pages import escape_inline, front_matter
from qbank.schema import DIFFICULTIES


def _count(questions) -> tuple[int, int]:
    return len(questions), sum(q.answer is not None for q in questions)


def _question_list(cat: Catalogue, from_path: str, questions) -> list[str]:
    lines = []
    for q in questions:
        wanted = " *(answer wanted)*" if q.answer is None else ""
        lines.append(f"- [{escape_inline(q.question)}]({cat.href(from_path, q.id)}) · {q.difficulty}{wanted}")
    return lines


def home(cat: Catalogue) -> str:
    total, answered = _count(cat.questions)
    out = [front_matter("GenAI Interview Bank", "An open bank of Generative-AI interview questions with answers.", True)]
    out += [
        "# GenAI Interview Bank", "",
        "Interview questions on generative AI, answered the way a strong interviewer expects: the mechanism, "
        "the trade-offs, the maths or code where that is the answer, and primary sources.", "",
        f"**{total} questions** across {len(cat.topics)} topics, **{answered} answered**.", "{: .qb-count }", "",
        "## Topics", "", "| Topic | Questions | Answered |", "| --- | ---: | ---: |",
    ]
    for t in cat.topics:
        n, a = _count(t.questions)
        target = t.index_path or t.pages[0].path
        out.append(f"| [{escape_inline(t.meta.title)}]({target}) | {n} | {a} |")
    out += ["", "## Browse", ""]
    by_diff = defaultdict(int)
    for q in cat.questions:
        by_diff[q.difficulty] += 1
    out += [f"- By difficulty: " + ", ".join(f"[{d}](difficulty/{d}.md) ({by_diff[d]})" for d in DIFFICULTIES)]
    out += ["- [By tag](tags/index.md)", f"- [Answers wanted](answers-wanted.md) ({total - answered})", ""]
    return "\n".join(out) + "\n"


def topic_overview(cat: Catalogue, t: TopicEntry) -> str:
    out = [front_matter(t.meta.title, t.meta.description, True), f"# {escape_inline(t.meta.title)}", "", escape_inline(t.meta.description), ""]
    out += ["| Subtopic | Questions | Answered |", "| --- | ---: | ---: |"]
    for p in t.pages:
        n, a = _count(p.questions)
        out.append(f"| [{escape_inline(p.title)}]({cat.link(t.index_path, p.path)}) | {n} | {a} |")
    return "\n".join(out) + "\n"


def tag_pages(cat: Catalogue) -> dict[str, str]:
    by_tag: dict[str, list] = {t: [] for t in cat.tags}
    for q in cat.questions:
        for tag in q.tags:
            by_tag[tag].append(q)
    pages = {}
    index = [front_matter("Tags", "Every tag in the bank, with its questions.", True), "# Tags", "", "| Tag | Questions | Description |", "| --- | ---: | --- |"]
    for tag, description in cat.tags.items():
        index.append(f"| [{tag}]({tag}.md) | {len(by_tag[tag])} | {escape_inline(description)} |")
        path = f"tags/{tag}.md"
        body = [front_matter(f"Tag: {tag}", description, True), f"# Tag: {tag}", "", escape_inline(description), ""]
        body += _question_list(cat, path, by_tag[tag]) or ["No questions use this tag yet."]
        pages[path] = "\n".join(body) + "\n"
    pages["tags/index.md"] = "\n".join(index) + "\n"
    return pages


def difficulty_pages(cat: Catalogue) -> dict[str, str]:
    pages = {}
    index = [front_matter("By difficulty", "Questions grouped by difficulty.", True), "# By difficulty", ""]
    for d in DIFFICULTIES:
        path = f"difficulty/{d}.md"
        chosen = [q for q in cat.questions if q.difficulty == d]
        index.append(f"- [{d.capitalize()}]({d}.md): {len(chosen)} questions")
        body = [front_matter(f"{d.capitalize()} questions", f"All {d} questions in the bank.", True), f"# {d.capitalize()} questions", ""]
        for t in cat.topics:
            in_topic = [q for q in t.questions if q.difficulty == d]
            if in_topic:
                body += [f"## {escape_inline(t.meta.title)}", ""] + _question_list(cat, path, in_topic) + [""]
        pages[path] = "\n".join(body) + "\n"
    pages["difficulty/index.md"] = "\n".join(index) + "\n"
    return pages


def answers_wanted(cat: Catalogue) -> str:
    path = "answers-wanted.md"
    out = [front_matter("Answers wanted", "Questions that still need an answer.", True), "# Answers wanted", ""]
    out += ["These questions have no answer yet. Each one is a good first contribution: see the contributing guide.", ""]
    missing = 0
    for t in cat.topics:
        chosen = [q for q in t.questions if q.answer is None]
        missing += len(chosen)
        if chosen:
            out += [f"## {escape_inline(t.meta.title)}", ""] + _question_list(cat, path, chosen) + [""]
    if not missing:
        out += ["Every question in the bank has an answer.", ""]
    return "\n".join(out)
