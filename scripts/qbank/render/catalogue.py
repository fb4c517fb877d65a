"""The validated bank arranged for rendering: topics and subtopics in navigation order, questions in page
order, and where each question lives on the site."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from qbank.model.schema import DIFFICULTIES, Question, Subtopic, Topic
from qbank.source.bank import Bank

DIFFICULTY_RANK = {d: i for i, d in enumerate(DIFFICULTIES)}


@dataclass
class Page:
    """One generated page of questions: a topic, or one subtopic of a topic."""

    path: str  # under docs/, e.g. topics/attention.md
    title: str
    description: str
    topic: str
    subtopic: str | None
    questions: list[Question] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The page's directory URL relative to the site root (use_directory_urls)."""
        stem = self.path[: -len(".md")]
        return stem[: -len("index")] if stem.endswith("index") else stem + "/"


@dataclass
class TopicEntry:
    name: str
    meta: Topic
    pages: list[Page]
    index_path: str | None = None  # topics with subtopics get an overview page

    @property
    def questions(self) -> list[Question]:
        return [q for p in self.pages for q in p.questions]


@dataclass
class Catalogue:
    topics: list[TopicEntry]
    page_of: dict[str, Page]  # question id -> page
    topic_of: dict[str, TopicEntry]
    moved: dict[str, str]
    tags: dict[str, str]
    by_id: dict[str, Question] = field(default_factory=dict)

    @property
    def questions(self) -> list[Question]:
        return [q for t in self.topics for q in t.questions]

    def href(self, from_path: str, qid: str) -> str:
        """A Markdown link from one docs/ file to a question's anchor, as page.md#id so mkdocs checks it."""
        target = self.page_of[qid].path
        return f"{posixpath.relpath(target, posixpath.dirname(from_path) or '.')}#{qid}"

    def link(self, from_path: str, target_path: str) -> str:
        return posixpath.relpath(target_path, posixpath.dirname(from_path) or ".")


def _ordered(questions: list[Question], order: list[str]) -> list[Question]:
    first = {qid: i for i, qid in enumerate(order)}
    return sorted(questions, key=lambda q: (q.id not in first, first.get(q.id, 0), DIFFICULTY_RANK[q.difficulty], q.id))


def _page_for_subtopic(name: str, topic: Topic, sub: Subtopic, questions) -> Page:
    chosen = [q for q in questions if q.subtopic == sub.id]
    description = sub.description or f"{topic.title}: {sub.title}."
    return Page(f"topics/{name}/{sub.id}.md", sub.title, description, name, sub.id, _ordered(chosen, sub.order))


def build_catalogue(bank: Bank) -> Catalogue:
    """Arrange a bank that has passed validation (every file has a model)."""
    by_topic: dict[str, list[Question]] = {name: [] for name in bank.topics}
    for q in bank.questions:
        by_topic[q.topic].append(q.model)
    entries = []
    for name, tf in sorted(bank.topics.items(), key=lambda kv: (kv[1].model.position, kv[0])):
        topic = tf.model
        if topic.subtopics:
            subs = sorted(topic.subtopics, key=lambda s: (s.position, s.id))
            pages = [_page_for_subtopic(name, topic, s, by_topic[name]) for s in subs]
            entries.append(TopicEntry(name, topic, pages, index_path=f"topics/{name}/index.md"))
        else:
            page = Page(f"topics/{name}.md", topic.title, topic.description, name, None, _ordered(by_topic[name], topic.order))
            entries.append(TopicEntry(name, topic, [page]))
    page_of = {q.id: p for t in entries for p in t.pages for q in p.questions}
    topic_of = {q.id: t for t in entries for q in t.questions}
    by_id = {q.id: q for t in entries for q in t.questions}
    return Catalogue(entries, page_of, topic_of, dict(bank.moved), dict(sorted(bank.tags.items())), by_id)
