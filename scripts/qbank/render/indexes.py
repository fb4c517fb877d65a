"""Render the small index pages: home, topic overviews, tags, difficulties and answers wanted.
Index pages are excluded from search so that search results point at questions."""

from __future__ import annotations

from collections import defaultdict

from qbank.model.schema import DIFFICULTIES
from qbank.render.catalogue import Catalogue, TopicEntry
from qbank.render.pages import escape_inline, front_matter


def _count(questions) -> tuple[int, int]:
    return len(questions), sum(q.answer is not None for q in questions)


def _question_list(cat: Catalogue, from_path: str, questions) -> list[str]:
    lines = []
    for q in questions:
        wanted = " *(answer wanted)*" if q.answer is None else ""
        lines.append(f"- [{escape_inline(q.question)}]({cat.href(from_path, q.id)}) · {q.difficulty}{wanted}")
    return lines


def human_size(n: int) -> str:
    """A download's size as people read it: 894 KB, 3.9 MB."""
    if n < 1_000_000:
        return f"{max(1, round(n / 1000))} KB"
    return f"{n / 1_000_000:.1f} MB"


def home(cat: Catalogue, sizes: dict[str, int] | None = None) -> str:
    """The home page; `sizes` gives each download's bytes, shown beside its link."""
    sizes = sizes or {}

    def size(path: str) -> str:
        return f", {human_size(sizes[path])}" if path in sizes else ""

    total, answered = _count(cat.questions)
    out = [front_matter("GenAI Interview Bank", "An open bank of Generative-AI interview questions with answers.", True)]
    out += [
        "# GenAI Interview Bank",
        "",
        "Interview questions on generative AI, answered the way a strong interviewer expects: the mechanism, "
        "the trade-offs, the maths or code where that is the answer, and primary sources.",
        "",
        f"**{total} questions** across {len(cat.topics)} topics, **{answered} answered**.",
        "{: .qb-count }",
        "",
        "[Practice](practice.md): drill the answered questions one at a time, in random order, and track what you know.",
        "",
        "## Topics",
        "",
        "| Topic | Questions | Answered |",
        "| --- | ---: | ---: |",
    ]
    for t in cat.topics:
        n, a = _count(t.questions)
        target = t.index_path or t.pages[0].path
        out.append(f"| [{escape_inline(t.meta.title)}]({target}) | {n} | {a} |")
    out += ["", "## Browse", ""]
    by_diff = defaultdict(int)
    for q in cat.questions:
        by_diff[q.difficulty] += 1
    out += ["- By difficulty: " + ", ".join(f"[{d}](difficulty/{d}.md) ({by_diff[d]})" for d in DIFFICULTIES)]
    out += ["- [By tag](tags/index.md)", f"- [Answers wanted](answers-wanted.md) ({total - answered})", ""]
    out += [
        "## Download",
        "",
        f'- [All questions as JSON](api/questions.json){{ download="genai-interview-bank-questions.json" }} '
        f"({total} questions, CC BY 4.0{size('api/questions.json')})",
        f'- [Anki deck](exports/genai-interview-bank.apkg){{ download="genai-interview-bank.apkg" }} '
        f"({answered} answered questions{size('exports/genai-interview-bank.apkg')})",
    ]
    exercises = sum(q.exercise is not None for q in cat.questions)
    if exercises:
        out.append(
            f'- [Coding exercises](exports/exercises.zip){{ download="genai-interview-bank-exercises.zip" }} '
            f"({exercises} runnable files, starter and tests{size('exports/exercises.zip')})"
        )
    out += [
        f"- [llms.txt](llms.txt), a map of the site for language-model tools ({size('llms.txt').lstrip(', ') or 'text'})",
        "- [Data format and licence](data-format.md): every field, the version policy and how to attribute",
        "",
    ]
    return "\n".join(out) + "\n"


def topic_overview(cat: Catalogue, t: TopicEntry) -> str:
    out = [
        front_matter(t.meta.title, t.meta.description, True),
        f"# {escape_inline(t.meta.title)}",
        "",
        escape_inline(t.meta.description),
        "",
    ]
    out += ["| Subtopic | Questions | Answered |", "| --- | ---: | ---: |"]
    for p in t.pages:
        n, a = _count(p.questions)
        out.append(f"| [{escape_inline(p.title)}]({cat.link(t.index_path, p.path)}) | {n} | {a} |")
    # Every question, by subtopic: a map of the topic, and what site.js uses to send an old link to
    # topics/<topic>/#<id> (from before the topic had subtopics) on to the question's page.
    for p in t.pages:
        out += ["", f"## {escape_inline(p.title)}", "", escape_inline(p.description), ""]
        out += _question_list(cat, t.index_path, p.questions)
    return "\n".join(out) + "\n"


# An index page lists at most this many questions (about 300 KB of HTML); longer lists continue on
# <name>--2.md, <name>--3.md, ... ("--" never occurs in a slug, so these cannot clash with a tag).
INDEX_PAGE_LIMIT = 800


def _paged(cat: Catalogue, path: str, head: list[str], groups: list[tuple], empty: str | None = None) -> dict[str, str]:
    """Render (heading or None, questions) groups under ``head``, split into pages of INDEX_PAGE_LIMIT."""
    total = sum(len(qs) for _heading, qs in groups)
    count = max(1, -(-total // INDEX_PAGE_LIMIT))
    paths = [path] + [f"{path[: -len('.md')]}--{k}.md" for k in range(2, count + 1)]
    pages = {}
    for k, page in enumerate(paths):
        lo, hi = k * INDEX_PAGE_LIMIT, (k + 1) * INDEX_PAGE_LIMIT
        body = list(head)
        if count > 1:
            links = [f"**{i}**" if i == k + 1 else f"[{i}]({cat.link(page, p)})" for i, p in enumerate(paths, 1)]
            body += [f"Page {k + 1} of {count}: " + " · ".join(links), ""]
        seen = 0
        for heading, questions in groups:
            part = questions[max(0, lo - seen) : max(0, hi - seen)]
            seen += len(questions)
            if part:
                lines = _question_list(cat, page, part)
                body += [f"## {escape_inline(heading)}", ""] + lines + [""] if heading else lines
        if not total and empty:
            body.append(empty)
        pages[page] = "\n".join(body) + "\n"
    return pages


def tag_pages(cat: Catalogue) -> dict[str, str]:
    by_tag: dict[str, list] = {t: [] for t in cat.tags}
    for q in cat.questions:
        for tag in q.tags:
            by_tag[tag].append(q)
    pages = {}
    index = [
        front_matter("Tags", "Every tag in the bank, with its questions.", True),
        "# Tags",
        "",
        "| Tag | Questions | Description |",
        "| --- | ---: | --- |",
    ]
    for tag, description in cat.tags.items():
        index.append(f"| [{tag}]({tag}.md) | {len(by_tag[tag])} | {escape_inline(description)} |")
        path = f"tags/{tag}.md"
        head = [front_matter(f"Tag: {tag}", description, True), f"# Tag: {tag}", ""]
        head += [escape_inline(description), ""]
        pages.update(_paged(cat, path, head, [(None, by_tag[tag])], "No questions use this tag yet."))
    pages["tags/index.md"] = "\n".join(index) + "\n"
    return pages


def difficulty_pages(cat: Catalogue) -> dict[str, str]:
    pages = {}
    index = [front_matter("By difficulty", "Questions grouped by difficulty.", True), "# By difficulty", ""]
    for d in DIFFICULTIES:
        path = f"difficulty/{d}.md"
        chosen = [q for q in cat.questions if q.difficulty == d]
        index.append(f"- [{d.capitalize()}]({d}.md): {len(chosen)} questions")
        title = f"{d.capitalize()} questions"
        head = [front_matter(title, f"All {d} questions in the bank.", True), f"# {title}", ""]
        groups = [(t.meta.title, [q for q in t.questions if q.difficulty == d]) for t in cat.topics]
        pages.update(_paged(cat, path, head, groups))
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
