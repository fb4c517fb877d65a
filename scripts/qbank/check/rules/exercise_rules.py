"""Exercise rules: an exercise's code parses, its parts agree on names, and it imports only what a candidate
has (the standard library and NumPy). The code is read with ``ast`` here, never run; the test suite runs it."""

from __future__ import annotations

from qbank.check.rules import rule
from qbank.model import exercises


def _parts(q):
    """(location, label, code) of every code part present, read from the raw data."""
    ex = q.data.get("exercise")
    if not isinstance(ex, dict):
        return
    for key in ("starter", "solution", "tests"):
        if isinstance(ex.get(key), str):
            yield ("exercise", key), key, ex[key]
    wrong = ex.get("wrong")
    if isinstance(wrong, list):
        for i, item in enumerate(wrong):
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                yield ("exercise", "wrong", i, "code"), f"wrong solution {i + 1}", item["code"]


def _position(q, loc: tuple, code: str, line: int, col: int) -> tuple[int, int]:
    """A line and column inside a code part, as a line and column of the YAML file. Block scalars (|) map
    exactly: the YAML line's indentation less the code line's own is the block's indentation. Other scalar
    styles fall back to the value's own position."""
    vline, vcol = q.where(loc)
    lines = q.doc.text.split("\n")
    code_lines = code.split("\n")
    if lines[vline - 1][vcol - 1 : vcol] in ("|", ">") and vline + line <= len(lines) and line <= len(code_lines):
        text, own = lines[vline + line - 1], code_lines[line - 1]
        block_indent = (len(text) - len(text.lstrip(" "))) - (len(own) - len(own.lstrip(" ")))
        return vline + line, block_indent + max(col, 1)
    return vline, vcol


def _parsed(q):
    """The parts that parse; syntax errors are QB080's to report."""
    for loc, label, code in _parts(q):
        try:
            compile(code, label, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        yield loc, label, code


@rule("QB080", "exercise-syntax")
def exercise_syntax(q):
    """Every part of an exercise is valid Python; a syntax error is reported at its line in the YAML file."""
    for loc, label, code in _parts(q):
        try:
            compile(code, label, "exec", dont_inherit=True)
        except SyntaxError as exc:
            line, col = _position(q, loc, code, exc.lineno or 1, exc.offset or 1)
            yield line, col, f"{label}: syntax error: {exc.msg}"
        except ValueError as exc:  # a NUL byte
            line, col = q.where(loc)
            yield line, col, f"{label}: {exc}"


@rule("QB081", "exercise-names")
def exercise_names(q):
    """The starter, the solution and every wrong solution define the same public functions and classes, and
    the tests import only names the starter defines: a wrong solution must fail on its logic, not on a name."""
    parts = {label: (loc, code) for loc, label, code in _parsed(q)}
    if "starter" not in parts:
        return
    expected = exercises.defined_names(parts["starter"][1])
    for label, (loc, code) in parts.items():
        if label == "tests":
            continue
        names = exercises.defined_names(code)
        if label != "starter" and names != expected:
            missing, extra = sorted(expected - names), sorted(names - expected)
            what = "; ".join(f"{k} {', '.join(v)}" for k, v in (("lacks", missing), ("adds", extra)) if v)
            line, col = q.where(loc)
            yield line, col, f"{label} defines different names from the starter: {what}"
    if "tests" in parts:
        loc, code = parts["tests"]
        own = exercises.module_name(q.qid)
        for imp in exercises.imports(code):
            for name in (imp.from_names or ()) if imp.module == own else ():
                if name not in expected:
                    line, col = _position(q, loc, code, imp.line, imp.col)
                    yield line, col, f"tests import {name!r} from {own}, but the starter does not define it"


@rule("QB082", "exercise-imports")
def exercise_imports(q):
    """Exercises use only the standard library and NumPy. The tests import the code under test as
    ``from <id_with_underscores> import name``, so the download can join them into one file."""
    own = exercises.module_name(q.qid)
    for loc, label, code in _parsed(q):
        for imp in exercises.imports(code):
            line, col = _position(q, loc, code, imp.line, imp.col)
            if label == "tests" and imp.module == own:
                if imp.from_names is None:
                    yield line, col, f"tests: write 'from {own} import name', not 'import {own}'"
                elif "*" in imp.from_names:
                    yield line, col, f"tests: import names from {own} one by one, not with *"
            elif not exercises.is_allowed(imp.module, own) or (imp.module == own and label != "tests"):
                allowed = f"{own}, numpy and the standard library" if label == "tests" else "numpy and the standard library"
                yield line, col, f"{label} imports {imp.module!r}; exercises may import only {allowed}"


@rule("QB083", "exercise-tests")
def exercise_tests(q):
    """The tests define at least one ``def test_...():`` function at the top level."""
    for loc, label, code in _parsed(q):
        if label == "tests" and not exercises.test_names(code):
            line, col = q.where(loc)
            yield line, col, "tests define no test_ function"
