"""Rules that need the whole bank: ids, tags, subtopics, links, moved ids and topic folders."""

from __future__ import annotations

import re
from collections import defaultdict

from qbank.check.rules import fact, rule
from qbank.check.rules.locate import locate
from qbank.check.rules.markdown_rules import SLUG_LINK
from qbank.model.problems import display_path
from qbank.model.schema import SLUG_PATTERN
from qbank.source.bank import RETIRED, Bank, SourceFile
from qbank.source.markdown_tokens import links


def _strings(q, key: str):
    values = q.data.get(key)
    if isinstance(values, list):
        for i, v in enumerate(values):
            if isinstance(v, str):
                yield i, v


@rule("QB051", "duplicate-id", scope="bank")
def duplicate_id(bank: Bank):
    """An id is used by one question only, across all topics."""
    first: dict[str, object] = {}
    for q in bank.questions:
        if q.doc is None or not isinstance(q.data.get("id"), str):
            continue
        qid = q.data["id"]
        if qid in first:
            line, col = q.where(("id",))
            yield q, line, col, f"id {qid!r} is already used by {first[qid].rel}"
        else:
            first[qid] = q


@rule("QB052", "unknown-tag", scope="bank")
def unknown_tag(bank: Bank):
    """Tags come from the vocabulary in questions/_tags.yaml."""
    for q in bank.questions:
        if q.doc is None:
            continue
        seen = set()
        for i, tag in _strings(q, "tags"):
            line, col = q.where(("tags", i))
            if tag not in bank.tags:
                yield q, line, col, f"unknown tag {tag!r}; add it to questions/_tags.yaml or use an existing one"
            elif tag in seen:
                yield q, line, col, f"tag {tag!r} is listed twice"
            seen.add(tag)
    if bank.tags_file and bank.tags_file.doc:
        for tag in bank.tags:
            if not re.fullmatch(SLUG_PATTERN, tag):
                line, col = bank.tags_file.where((tag,), key=True)
                yield bank.tags_file, line, col, f"tag {tag!r} must be a lowercase slug"


@rule("QB053", "subtopic", scope="bank")
def subtopic(bank: Bank):
    """A question names a known subtopic when its topic has subtopics, and names none otherwise."""
    for q in bank.questions:
        topic = bank.topics.get(q.topic)
        if q.doc is None or topic is None or topic.model is None:
            continue
        known = [s.id for s in topic.model.subtopics]
        value = q.data.get("subtopic")
        if known and value is None:
            yield q, 1, 1, f"topic {q.topic!r} has subtopics; add 'subtopic:' with one of {', '.join(known)}"
        elif not known and value is not None:
            line, col = q.where(("subtopic",), key=True)
            yield q, line, col, f"topic {q.topic!r} has no subtopics; remove 'subtopic:'"
        elif known and isinstance(value, str) and value not in known:
            line, col = q.where(("subtopic",))
            yield q, line, col, f"unknown subtopic {value!r}; expected one of {', '.join(known)}"


def _target_problem(bank: Bank, qid: str, target: str) -> str | None:
    if target == qid:
        return f"{target!r} is this question itself"
    if target in bank.by_id:
        return None
    if target in bank.moved:
        new = bank.moved[target]
        return f"{target!r} was retired" if new == RETIRED else f"{target!r} has moved to {new!r}; use the new id"
    return f"no question has the id {target!r}"


@rule("QB056", "related-exists", scope="bank")
def related_exists(bank: Bank):
    """Every id in related: names another existing question."""
    for q in bank.questions:
        if q.doc is None:
            continue
        for i, target in _strings(q, "related"):
            problem = _target_problem(bank, q.qid, target)
            if problem:
                line, col = q.where(("related", i))
                yield q, line, col, f"related: {problem}"


@fact("question-links")
def question_links(q):
    """(target id, line, col) of every [text](#id) link in the question's Markdown; other link forms are QB031's."""
    for loc, _text, tokens in q.tokens:
        for link in links(tokens):
            if SLUG_LINK.fullmatch(link.href):
                line, col = locate(q, loc, f"({link.href})", link.block_line)
                yield link.href[1:], line, col


@rule("QB057", "link-exists", scope="bank", uses=("question-links",))
def link_exists(bank: Bank, question_links: dict[str, list[tuple]]):
    """Every [text](#id) link inside an answer names an existing question."""
    for q in bank.questions:
        if q.doc is None:
            continue
        for target, line, col in question_links[q.rel]:
            problem = _target_problem(bank, q.qid, target)
            if problem:
                yield q, line, col, f"link: {problem}"


@rule("QB058", "moved-id-reused", scope="bank")
def moved_id_reused(bank: Bank):
    """An id recorded in questions/_moved.yaml can never be used again by a question."""
    for q in bank.questions:
        if q.doc is not None and q.qid in bank.moved:
            line, col = q.where(("id",))
            yield q, line, col, f"id {q.qid!r} is recorded in questions/_moved.yaml and cannot be reused"


@rule("QB059", "topic-metadata", scope="bank")
def topic_metadata(bank: Bank):
    """Every topic folder has a _topic.yaml with its title, description and position."""
    for name, folder in bank.topic_dirs.items():
        if name not in bank.topics:
            src = SourceFile(folder / "_topic.yaml", display_path(folder / "_topic.yaml", bank.root))
            yield src, 1, 1, f"topic folder {name!r} has no _topic.yaml"
        elif not re.fullmatch(SLUG_PATTERN, name):
            yield bank.topics[name], 1, 1, f"topic folder name {name!r} must be a lowercase slug"


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


@rule("QB060", "duplicate-question", scope="bank")
def duplicate_question(bank: Bank):
    """Two questions do not ask the same thing word for word (case, spacing and punctuation aside)."""
    first: dict[str, object] = {}
    for q in bank.questions:
        text = q.data.get("question") if q.doc else None
        if not isinstance(text, str):
            continue
        key = _normalised(text)
        if key in first:
            line, col = q.where(("question",))
            yield q, line, col, f"the same question is already asked in {first[key].rel}"
        else:
            first[key] = q


@rule("QB061", "topic-order", scope="bank")
def topic_order(bank: Bank):
    """Ids listed in a _topic.yaml order: belong to that topic (and subtopic), once each."""
    members: dict[tuple, set[str]] = defaultdict(set)
    for q in bank.questions:
        if q.model:
            members[(q.topic, None)].add(q.model.id)
            members[(q.topic, q.model.subtopic)].add(q.model.id)
    for name, topic in bank.topics.items():
        if topic.model is None:
            continue
        lists = [(("order",), None, topic.model.order)]
        lists += [(("subtopics", i, "order"), s.id, s.order) for i, s in enumerate(topic.model.subtopics)]
        for loc, sub, ids in lists:
            seen = set()
            for j, qid in enumerate(ids):
                line, col = topic.where(loc + (j,))
                if qid not in members[(name, sub)]:
                    where = f"subtopic {sub!r}" if sub else f"topic {name!r}"
                    yield topic, line, col, f"order lists {qid!r}, which is not a question of {where}"
                elif qid in seen:
                    yield topic, line, col, f"order lists {qid!r} twice"
                seen.add(qid)
        sub_ids = [s.id for s in topic.model.subtopics]
        for i, sid in enumerate(sub_ids):
            if sid in sub_ids[:i]:
                line, col = topic.where(("subtopics", i, "id"))
                yield topic, line, col, f"subtopic {sid!r} is defined twice"


@rule("QB062", "moved-file", scope="bank")
def moved_file(bank: Bank):
    """Each entry in questions/_moved.yaml maps an old id to an existing question's id, or to 'retired'."""
    src = bank.moved_file
    if src is None or src.doc is None:
        return
    for old, new in bank.moved.items():
        line, col = src.where((old,), key=True)
        if not re.fullmatch(SLUG_PATTERN, old):
            yield src, line, col, f"moved id {old!r} must be a lowercase slug"
        if new != RETIRED and new not in bank.by_id:
            line, col = src.where((old,))
            target = "another moved id; point at the final id" if new in bank.moved else "no existing question"
            yield src, line, col, f"{old!r} moves to {new!r}, which is {target}"


# Measured on this site's topic pages (Lighthouse, mobile): 22 questions score about 95 and 34 about 91.
MAX_QUESTIONS_PER_PAGE = 30


@rule("QB071", "crowded-page", scope="bank", severity="warning")
def crowded_page(bank: Bank):
    """A generated page holds at most 30 questions; a topic (or subtopic) with more loads slowly on phones,
    so split it into subtopics in its _topic.yaml."""
    counts: dict[tuple[str, str | None], int] = defaultdict(int)
    for q in bank.questions:
        if q.doc is not None:
            sub = q.data.get("subtopic")
            counts[(q.topic, sub if isinstance(sub, str) else None)] += 1
    for (topic_name, sub), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        topic = bank.topics.get(topic_name)
        if n <= MAX_QUESTIONS_PER_PAGE or topic is None or topic.model is None:
            continue
        crowded = f"puts {n} questions on one page (more than {MAX_QUESTIONS_PER_PAGE})"
        if sub is None:
            yield topic, 1, 1, f"topic {topic_name!r} {crowded}; split it into subtopics"
        else:
            index = next((i for i, s in enumerate(topic.model.subtopics) if s.id == sub), None)
            line, col = topic.where(("subtopics", index)) if index is not None else (1, 1)
            yield topic, line, col, f"subtopic {sub!r} {crowded}; split it"
