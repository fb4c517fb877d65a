"""``qbank stats``: counts that add up to the bank, as a table or one JSON object."""

from __future__ import annotations

import json

from qbank.cli import main


def test_json_counts_every_question_and_every_group_adds_up(bank_root, chdir, capsys):
    chdir(bank_root)
    assert main(["stats", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert (s["total"], s["answered"], s["unanswered"]) == (4, 3, 1)
    assert s["by_topic"] == {
        "alpha": {"questions": 2, "answered": 2, "unanswered": 0},
        "beta": {"questions": 2, "answered": 1, "unanswered": 1},
    }
    assert sum(c["questions"] for c in s["by_difficulty"].values()) == s["total"]
    assert sum(c["questions"] for c in s["by_subtopic"].values()) == s["by_topic"]["beta"]["questions"]


def test_the_table_has_one_row_per_group_member(bank_root, chdir, capsys):
    chdir(bank_root)
    assert main(["stats"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.strip().split("\n")]
    assert rows[0] == ["questions", "answered", "unanswered"]
    assert rows[1] == ["total", "4", "3", "1"]
    assert ["topic:", "beta", "2", "1", "1"] in rows
    assert ["subtopic:", "beta/first-part", "1", "0", "1"] in rows  # the unanswered one


def test_the_real_bank_total_matches_its_question_files(chdir, capsys):
    from conftest import REPO

    chdir(REPO)
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == len(list((REPO / "questions").glob("*/[!_]*.yaml")))
