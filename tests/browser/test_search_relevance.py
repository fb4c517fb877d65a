"""Search relevance on the real bank, through Pagefind's own JavaScript API in the built site.

- Own words: for every answered question, its five rarest words across the bank's questions (stop-words
  dropped) must find it in the first three results for at least 95% of questions, and first for 80%.
- Typed queries: tests/fixtures/search_queries.yaml, written the way a reader types ("lora rank choice"),
  must find one of their expected questions in the first three results for at least 80% of queries.
- Spelling: the page folds British spellings to American ones exactly as the index was folded, for every
  word of the bank, so a question written with "quantisation" is found by "quantization".

Queries go through the page's own folding (window.QBSearch.fold), as the search box sends them.

Both figures are printed (pytest -s, or -rA shows them on success); a failure lists the misses.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from browser_helpers import open_page

from conftest import REPO
from qbank.site.spelling import fold

pytestmark = pytest.mark.browser

STOP_WORDS = frozenset(
    """a about above after again against all also an and any are as at be because been before being below between
    both but by can could did do does doing down during each either few for from further had has have having how
    i if in into is it its itself just may might more most much must no nor not now of off on once one only or
    other our out over own same shall should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom why will with
    would you your""".split()
)
TOP = 3

# Runs every query in the page: Pagefind's results, and the question ids (URL fragments) of the first three.
SEARCH_ALL = """async ([base, queries, top]) => {
  const pf = await import(base + "pagefind/pagefind.js");
  await pf.options({ baseUrl: new URL(base).pathname });
  await pf.init();
  const out = [];
  for (const q of queries) {
    const search = await pf.search(window.QBSearch.fold(q));
    const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
    out.push(data.map((d) => d.url.split("#")[1] || ""));
  }
  return out;
}"""


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", text.lower()) if w not in STOP_WORDS and len(w) > 1]


def own_words_queries(questions: list[dict], n: int = 5) -> dict[str, str]:
    """Each question's n rarest distinct words across all questions (ties: earlier in the question first),
    kept in the question's order."""
    frequency = Counter(w for q in questions for w in set(words(q["question"])))
    queries = {}
    for q in questions:
        distinct = list(dict.fromkeys(words(q["question"])))
        rarest = sorted(distinct, key=lambda w: (frequency[w], distinct.index(w)))[:n]
        queries[q["id"]] = " ".join(w for w in distinct if w in rarest)
    return queries


def run_queries(page, base_url: str, queries: list[str]) -> list[list[str]]:
    open_page(page, base_url)
    return page.evaluate(SEARCH_ALL, [base_url, queries, TOP])


def test_each_question_is_found_by_its_own_rarest_words(page, base_url, questions):
    answered = [q for q in questions["questions"] if q["answered"]]
    queries = own_words_queries(answered)
    results = run_queries(page, base_url, list(queries.values()))
    top3 = first = 0
    misses = []
    for (qid, query), found in zip(queries.items(), results, strict=True):
        top3 += qid in found
        first += bool(found) and found[0] == qid
        if qid not in found:
            misses.append(f"{qid}: {query!r} -> {found}")
    n = len(queries)
    print(f"\nown-words queries: {n}; in the first {TOP}: {top3 / n:.1%}; first: {first / n:.1%}")
    assert top3 / n >= 0.95 and first / n >= 0.80, "\n".join(misses)
    page.watch.assert_clean()


def test_typed_queries_find_an_answering_question(page, base_url, questions):
    fixture = yaml.safe_load((REPO / "tests/fixtures/search_queries.yaml").read_text(encoding="utf-8"))
    known = {q["id"] for q in questions["questions"]}
    assert len(fixture) >= 60
    assert [i for e in fixture for i in e["ids"] if i not in known] == []
    results = run_queries(page, base_url, [e["query"] for e in fixture])
    hits, misses = 0, []
    for entry, found in zip(fixture, results, strict=True):
        if set(found) & set(entry["ids"]):
            hits += 1
        else:
            misses.append(f"{entry['query']!r}: expected one of {entry['ids']}, got {found}")
    share = hits / len(fixture)
    print(f"\ntyped queries: {len(fixture)}; an expected question in the first {TOP}: {share:.1%}")
    assert share >= 0.80, "\n".join(misses)
    page.watch.assert_clean()


def test_the_page_folds_every_word_of_the_bank_as_the_index_does(page, base_url):
    bank = {w for path in Path(REPO / "questions").rglob("*.yaml") for w in re.findall(r"[A-Za-z]+", path.read_text("utf-8"))}
    edge = ["QUANTISATION", "Colour", "CENTRED", "Artefacts", "analyses", "noise", "tortoise", "a", "I", "s"]
    words = sorted(bank | set(edge))
    open_page(page, base_url)
    in_page = page.evaluate("(words) => words.map((w) => window.QBSearch.fold(w))", words)
    differ = [f"{w}: page {p!r}, index {fold(w)!r}" for w, p in zip(words, in_page, strict=True) if p != fold(w)]
    assert differ == []
    assert sum(fold(w) != w for w in words) > 300  # the bank really is written in both spellings
    assert page.evaluate("window.QBSearch.fold('optimiser for quantised models')") == "optimizer for quantized models"


def test_a_question_written_in_british_spelling_is_found_by_the_american_one(page, base_url, questions):
    answered = [q for q in questions["questions"] if q["answered"]]
    queries = own_words_queries(answered)
    british = {qid: fold(query) for qid, query in queries.items() if fold(query) != query}
    assert len(british) >= 5
    results = run_queries(page, base_url, list(british.values()))
    pairs = zip(british.items(), results, strict=True)
    misses = [f"{qid}: {query!r} -> {found}" for (qid, query), found in pairs if qid not in found]
    print(f"\nown-words queries with a British word, typed in American spelling: {len(british)}; missed: {len(misses)}")
    assert len(misses) / len(british) <= 0.05, "\n".join(misses)
