"""One golden file that breaks as many rules as a readable file can: the full, ordered output is fixed."""

import shutil

from conftest import FIXTURES
from qbank.cli import main

GOLDEN = FIXTURES / "golden"


def test_everything_wrong_prints_the_full_ordered_list(bank_root, chdir, capsys):
    shutil.copy(GOLDEN / "everything-wrong.yaml", bank_root / "questions" / "alpha")
    chdir(bank_root)
    assert main(["validate"]) == 1
    assert capsys.readouterr().out == (GOLDEN / "everything-wrong.expected").read_text()
