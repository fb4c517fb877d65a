"""What an exercise's code means, read with ``ast`` and never run: the module name, the names each part
defines, what it imports, and the single-file download. Running the code is ``code_runner``'s job."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass

# Modules an exercise may import besides its own: NumPy and the standard library of the running Python.
ALLOWED_THIRD_PARTY = frozenset({"numpy"})
STDLIB = frozenset(sys.stdlib_module_names)


def module_name(qid: str) -> str:
    """The module the tests import from: the id with hyphens as underscores (top-p-sampling -> top_p_sampling)."""
    return qid.replace("-", "_")


DOWNLOAD_FOLDER = "exports/exercises"


def download_path(qid: str) -> str:
    """Where the site serves an exercise's one-file download, relative to the site root."""
    return f"{DOWNLOAD_FOLDER}/{module_name(qid)}.py"


@dataclass(frozen=True)
class Import:
    module: str  # the top-level package imported, e.g. "numpy" for "import numpy.linalg"
    line: int  # 1-based, within the code
    col: int  # 1-based
    from_names: tuple[str, ...] | None  # names of a "from X import a, b", None for "import X"


def defined_names(code: str) -> set[str]:
    """Public functions and classes defined at the top level (helpers starting with _ are private)."""
    tree = ast.parse(code)
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_")}


def imports(code: str) -> list[Import]:
    out = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            out += [Import(a.name.split(".")[0], node.lineno, node.col_offset + 1, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            top = "." * node.level + (node.module or "").split(".")[0]
            out.append(Import(top, node.lineno, node.col_offset + 1, tuple(a.name for a in node.names)))
    return out


def test_names(code: str) -> list[str]:
    """The test functions, in the order they are defined."""
    return [n.name for n in ast.parse(code).body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]


def is_allowed(module: str, own: str) -> bool:
    return module == own or module in ALLOWED_THIRD_PARTY or module in STDLIB


def _without_own_imports(tests: str, own: str) -> str:
    """The tests with every "from <own> import ..." statement removed, so they run in one file with the code."""
    tree = ast.parse(tests)
    drop: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == own and node.level == 0:
            drop.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return "\n".join(line for i, line in enumerate(tests.split("\n"), 1) if i not in drop)


_MAIN = '''

if __name__ == "__main__":
    # Runs without pytest: every test in order, a line each, exit status 1 if any failed.
    import sys as _sys

    _failed = 0
    for _name, _test in list(globals().items()):
        if _name.startswith("test_") and callable(_test):
            try:
                _test()
                print(f"PASS {_name}")
            except Exception as _exc:  # noqa: BLE001 - a test runner reports every failure
                _failed += 1
                _why = f"{type(_exc).__name__}: {_exc}" if str(_exc) else type(_exc).__name__
                print(f"FAIL {_name}: {_why}")
    print(f"{_failed} failed" if _failed else "all passed")
    _sys.exit(1 if _failed else 0)
'''


def download(qid: str, question: str, code: str, tests: str, site_url: str) -> str:
    """One file that holds the code (the starter, or a solution to check) and the tests; it runs under pytest
    or as ``python <file>``."""
    own = module_name(qid)
    header = (
        f'"""{question.replace(chr(92), chr(92) * 2).replace(chr(34) * 3, chr(39) * 3)}\n\n'
        f"GenAI Interview Bank exercise {qid}: {site_url}q/{qid}/\n"
        "Fill in the functions, then run `python -m pytest THIS_FILE` or `python THIS_FILE`.\n"
        'Licensed CC BY 4.0, GenAI Interview Bank contributors."""\n\n'
    )
    body = code.strip("\n") + "\n\n\n# --- tests ---\n\n" + _without_own_imports(tests, own).strip("\n") + "\n"
    return header + body + _MAIN
