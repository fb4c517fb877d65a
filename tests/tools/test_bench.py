"""qbank bench synthesises a valid, realistic bank of any size (the full timed build runs in `make bench`)."""

from __future__ import annotations

import json
import math

from conftest import REPO
from qbank.check.validate import validate
from qbank.cli import main
from qbank.source.bank import load
from qbank.tools import bench


def test_a_synthetic_bank_of_30_is_valid_and_shaped_like_a_real_one(tmp_path):
    bench.synthesise(REPO, tmp_path, 30)
    bank, problems = validate(tmp_path)
    assert problems == []
    assert len(bank.questions) == 30
    assert len(bank.topics) == round(math.sqrt(30))
    assert any(t.model.subtopics for t in bank.topics.values()) and any(not t.model.subtopics for t in bank.topics.values())
    real_tags = load(REPO).tags
    models = [q.model for q in bank.questions]
    assert all(set(m.tags) <= set(real_tags) for m in models)
    assert sum(bool(m.related) for m in models) > 10
    answers = [m.answer.detailed for m in models if m.answer and m.answer.detailed]
    assert any("```python" in a for a in answers) and any("$" in a for a in answers)


def test_bench_prints_one_json_line_without_the_site(chdir, capsys):
    chdir(REPO)
    assert main(["bench", "--questions", "30", "--no-site"]) == 0
    [line] = capsys.readouterr().out.strip().split("\n")
    result = json.loads(line)
    assert result["questions"] == 30
    assert set(result) == {
        "questions", "validate_s", "validate_cpu_s", "generate_s", "generate_cpu_s", "peak_rss_mb",
        "all_questions_index_bytes", "all_questions_index_gzip_bytes",
    }
    # The All questions page's data: one compact row per question, smaller compressed.
    assert 30 * 40 < result["all_questions_index_bytes"] < 30 * 2_000
    assert 0 < result["all_questions_index_gzip_bytes"] < result["all_questions_index_bytes"]


def test_bench_refuses_a_bank_of_nothing(chdir, capsys):
    chdir(REPO)
    assert main(["bench", "--questions", "0"]) == 2


def test_questions_spread_evenly_over_subtopics(tmp_path):
    from collections import Counter

    bench.synthesise(REPO, tmp_path, 400)
    bank = load(tmp_path)
    per_page = Counter((q.topic, q.model.subtopic) for q in bank.questions)
    split = [t for t in bank.topics.values() if t.model.subtopics]
    assert split, "the synthetic bank has topics with subtopics"
    for topic in split:
        # Every declared subtopic counts, so one that got no question shows as 0 rather than vanishing.
        sizes = [per_page[(topic.name, s.id)] for s in topic.model.subtopics]
        assert min(sizes) >= 1 and max(sizes) - min(sizes) <= 1, (topic.name, sizes)


def test_no_synthetic_page_is_crowded_at_any_size():
    from collections import Counter

    from qbank.check.rules.crossfile_rules import MAX_QUESTIONS_PER_PAGE

    for n in (100, 1_000, 10_000):
        layout = bench._layout(n, None)
        per_topic = n // len(layout)
        for _topic, subs in layout:
            assert per_topic / max(1, len(subs)) <= MAX_QUESTIONS_PER_PAGE + 1, (n, subs)
    assert Counter(bool(subs) for _t, subs in bench._layout(100, None))[False] > 0
