"""The site navigation, in the order given by the _topic.yaml files. Reads only the topic files, so it is
cheap enough to run on every ``mkdocs serve`` rebuild."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from qbank.model.schema import Topic
from qbank.source import safe_yaml
from qbank.source.bank import TOPIC_FILE


def _topics(root: Path) -> list[tuple[str, Topic]]:
    found = []
    for path in sorted((root / "questions").glob(f"*/{TOPIC_FILE}")):
        try:
            found.append((path.parent.name, Topic.model_validate(safe_yaml.load(path.read_bytes()).data)))
        except (safe_yaml.YamlProblem, ValidationError):
            continue  # reported by qbank validate; the page simply is not in the nav
    return sorted(found, key=lambda nt: (nt[1].position, nt[0]))


def navigation(root: Path) -> list:
    topics = []
    for name, topic in _topics(root):
        if topic.subtopics:
            subs = sorted(topic.subtopics, key=lambda s: (s.position, s.id))
            pages = [f"topics/{name}/index.md"] + [{s.title: f"topics/{name}/{s.id}.md"} for s in subs]
            topics.append({topic.title: pages})
        else:
            topics.append({topic.title: f"topics/{name}.md"})
    nav = [{"Home": "index.md"}]
    if (root / "docs" / "practice.md").exists():
        nav.append({"Practice": "practice.md"})
    nav.append({"Topics": topics})
    nav.append(
        {
            "Browse": [
                *([{"All questions": "all-questions.md"}] if (root / "docs" / "all-questions.md").exists() else []),
                {"By tag": "tags/index.md"},
                {"By difficulty": "difficulty/index.md"},
                {"Answers wanted": "answers-wanted.md"},
            ]
        }
    )
    about = [
        {t: f}
        for t, f in (("Contributing", "contributing.md"), ("Data and exports", "data-format.md"))
        if (root / "docs" / f).exists()
    ]
    if about:
        nav.append({"About": about})
    return nav
