"""Coding exercises: every reference solution passes its tests, every wrong solution fails them, and the
runner reports a person's mistakes at their own file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, problems_in, write
from qbank.model import exercises
from qbank.source.bank import load
from qbank.tools.code_runner import run_source, run_tests

BANK = load(REPO)
EXERCISES = [q.model for q in BANK.questions if q.model and q.model.exercise]
IDS = [q.id for q in EXERCISES]

SOFTMAX_TESTS = """import numpy as np

from demo_softmax import softmax


def test_rows_sum_to_one():
    assert np.allclose(softmax(np.array([[1.0, 2.0, 3.0]])).sum(-1), 1)


def test_large_logits_do_not_overflow():
    assert np.allclose(softmax(np.array([1000.0, 1000.0])), [0.5, 0.5]), "overflow"
"""
GOOD = """import numpy as np


def softmax(x):
    z = np.exp(x - x.max(-1, keepdims=True))
    return z / z.sum(-1, keepdims=True)
"""


@pytest.mark.parametrize("q", EXERCISES, ids=IDS)
def test_the_reference_solution_passes_every_test(q):
    result = run_source(exercises.module_name(q.id), q.exercise.solution, q.exercise.tests)
    assert result.passed, (result.load_error, [t for t in result.tests if not t.ok], result.output[-2000:])


@pytest.mark.parametrize("q", EXERCISES, ids=IDS)
def test_each_wrong_solution_fails_a_test(q):
    for wrong in q.exercise.wrong:
        result = run_source(exercises.module_name(q.id), wrong.code, q.exercise.tests)
        # It must load and fail on its logic: a wrong solution that cannot even be imported proves nothing.
        assert result.load_error is None, (wrong.mistake, result.load_error)
        assert result.tests and not result.passed, f"the tests do not catch: {wrong.mistake}"


@pytest.mark.parametrize("q", EXERCISES, ids=IDS)
def test_the_starter_loads_and_fails(q):
    result = run_source(exercises.module_name(q.id), q.exercise.starter, q.exercise.tests)
    assert result.load_error is None, result.load_error
    assert result.tests and not any(t.ok for t in result.tests), [t.name for t in result.tests if t.ok]


def test_a_correct_exercise_raises_no_problem(bank_root):
    base = (REPO / "tests/fixtures/invalid/exercise-syntax-error.yaml").read_text()
    text = base.replace("exercise-syntax-error", "exercise-good").replace("exercise_syntax_error", "exercise_good")
    text = text.replace("keepdims=True)\n", "keepdims=True))\n", 1)
    text = "\n".join(line for line in text.split("\n") if not line.startswith("# expect:"))
    write(bank_root, "questions/alpha/exercise-good.yaml", text)
    assert problems_in(bank_root) == []


def test_the_runner_reports_each_test_in_order():
    result = run_source("demo_softmax", GOOD, SOFTMAX_TESTS)
    assert [(t.name, t.ok) for t in result.tests] == [("test_rows_sum_to_one", True), ("test_large_logits_do_not_overflow", True)]
    naive = GOOD.replace("x - x.max(-1, keepdims=True)", "x")
    result = run_source("demo_softmax", naive, SOFTMAX_TESTS)
    outcomes = [(t.name, t.ok) for t in result.tests]
    assert outcomes == [("test_rows_sum_to_one", True), ("test_large_logits_do_not_overflow", False)]
    assert result.tests[1].message.startswith("overflow")


def test_a_syntax_error_is_reported_at_the_persons_file_and_line(tmp_path):
    path = tmp_path / "demo_softmax.py"
    path.write_text("import numpy as np\n\ndef softmax(x)\n    return x\n")
    result = run_tests("demo_softmax", path, SOFTMAX_TESTS)
    assert result.load_error.startswith("SyntaxError") and result.load_error_line == 3
    assert Path(result.load_error_file) == path.resolve()


def test_an_exception_in_the_persons_code_names_its_line(tmp_path):
    path = tmp_path / "demo_softmax.py"
    path.write_text("def softmax(x):\n    return 1 / 0\n")
    result = run_tests("demo_softmax", path, SOFTMAX_TESTS)
    assert result.tests[0].message == "ZeroDivisionError: division by zero" and result.tests[0].line == 2


def test_a_runaway_solution_times_out():
    result = run_source("demo_softmax", "def softmax(x):\n    while True:\n        pass\n", SOFTMAX_TESTS, time_limit=1)
    assert result.timed_out and not result.passed


def test_module_names_turn_hyphens_into_underscores():
    assert exercises.module_name("top-p-sampling") == "top_p_sampling"


@pytest.mark.parametrize("q", EXERCISES, ids=IDS)
def test_the_download_runs_as_a_script_failing_on_the_starter_and_passing_with_the_solution(q):
    from qbank.exports.exercise_downloads import download_text
    from qbank.tools.code_runner import run_script

    with_solution = run_script(download_text(q, q.exercise.solution))
    assert with_solution.ok and "all passed" in with_solution.output, with_solution.output
    as_shipped = run_script(download_text(q))
    assert not as_shipped.ok and "FAIL test_" in as_shipped.output


def test_the_zip_holds_exactly_the_downloads_and_is_reproducible(monkeypatch):
    import io
    import zipfile

    from qbank.exports.exercise_downloads import ZIP_PATH, exercise_files
    from qbank.render.catalogue import build_catalogue

    monkeypatch.setenv("SITE_URL", "https://example.org/bank/")
    cat = build_catalogue(BANK)
    first, second = exercise_files(cat), exercise_files(cat)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first[ZIP_PATH])) as z:
        names = z.namelist()
        assert names == sorted(names) and len(names) == len(EXERCISES)
        for name in names:
            path = "exports/exercises/" + name.split("/")[-1]
            assert z.read(name).decode() == first[path]
            assert "https://example.org/bank/q/" in first[path]  # the download links back to its question
