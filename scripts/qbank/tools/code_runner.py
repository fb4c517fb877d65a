"""The one runner for executed code: answer blocks, exercise solutions and a person's drill file.

Each run is a fresh ``python -I`` subprocess with a time limit, so a runaway loop fails its check instead of
hanging the suite, and nothing one piece of code does can leak into the next. Only the standard library is
needed here: pytest is not required to drill.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TIME_LIMIT = 20.0  # seconds per run; the slowest real exercise takes well under 2 s
MARK = "@@qbank-result@@ "

# Loads the code under test as a module, then runs each test_ function of the tests in definition order. One
# JSON line per outcome, behind MARK, so the code's own prints cannot be mistaken for results.
_HARNESS = r"""
import importlib.util, json, sys, traceback
MARK = "@@qbank-result@@ "
module_name, module_path, tests_path = sys.argv[1:4]

def emit(**kw):
    sys.stdout.write(MARK + json.dumps(kw) + "\n")
    sys.stdout.flush()

def where(exc, path):
    # The deepest frame in the given file: the line the person should look at.
    if isinstance(exc, SyntaxError) and exc.filename == path:
        return exc.lineno or 1
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == path:
            line = lineno
    return line

def describe(exc):
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

try:
    spec = importlib.util.spec_from_file_location(module_name, module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
except BaseException as exc:
    emit(kind="load-error", file=module_path, line=where(exc, module_path), message=describe(exc))
    sys.exit(3)

namespace = {"__name__": "test_" + module_name}
try:
    with open(tests_path, encoding="utf-8") as f:
        exec(compile(f.read(), tests_path, "exec"), namespace)
except BaseException as exc:
    emit(kind="load-error", file=tests_path, line=where(exc, tests_path), message=describe(exc))
    sys.exit(3)

for name, test in list(namespace.items()):
    if name.startswith("test_") and callable(test):
        try:
            test()
            emit(kind="test", name=name, ok=True)
        except BaseException as exc:
            if isinstance(exc, AssertionError):
                message = (str(exc) or "assertion failed") + " (tests line %s)" % where(exc, tests_path)
            else:
                message = describe(exc)
            emit(kind="test", name=name, ok=False, message=message, line=where(exc, module_path))
"""


@dataclass(frozen=True)
class TestResult:
    name: str
    ok: bool
    message: str = ""
    line: int | None = None  # where in the code under test it failed, when it failed there


@dataclass
class RunResult:
    tests: list[TestResult] = field(default_factory=list)
    load_error: str | None = None  # the code or the tests could not even be loaded
    load_error_file: str | None = None
    load_error_line: int | None = None
    timed_out: bool = False
    output: str = ""  # what the code printed, for a person reading a failure

    @property
    def passed(self) -> bool:
        return bool(self.tests) and self.load_error is None and not self.timed_out and all(t.ok for t in self.tests)


def _env() -> dict[str, str]:
    # Same Python and packages, no inherited PYTHONPATH, and one BLAS thread so parallel runs don't oversubscribe.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"})
    return env


def run_tests(module: str, code_path: Path, tests: str, time_limit: float = TIME_LIMIT) -> RunResult:
    """Run ``tests`` against the module ``module`` loaded from ``code_path``."""
    with tempfile.TemporaryDirectory(prefix="qbank-run-") as tmp:
        harness = Path(tmp) / "harness.py"
        harness.write_text(_HARNESS, encoding="utf-8")
        tests_path = Path(tmp) / f"test_{module}.py"
        tests_path.write_text(tests, encoding="utf-8")
        cmd = [sys.executable, "-I", str(harness), module, str(code_path.resolve()), str(tests_path)]
        try:
            proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=time_limit, env=_env())
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
            result = _parse(out)
            result.timed_out = True
            return result
        result = _parse(proc.stdout)
        if proc.returncode not in (0, 3) and result.load_error is None and not result.tests:
            result.load_error = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return result


def run_source(module: str, code: str, tests: str, time_limit: float = TIME_LIMIT) -> RunResult:
    """Run ``tests`` against code given as text (a reference or wrong solution)."""
    with tempfile.TemporaryDirectory(prefix="qbank-code-") as tmp:
        path = Path(tmp) / f"{module}.py"
        path.write_text(code, encoding="utf-8")
        return run_tests(module, path, tests, time_limit)


def _parse(stdout: str) -> RunResult:
    result = RunResult()
    plain = []
    for line in stdout.split("\n"):
        if not line.startswith(MARK):
            plain.append(line)
            continue
        item = json.loads(line[len(MARK) :])
        if item["kind"] == "load-error":
            result.load_error, result.load_error_file, result.load_error_line = item["message"], item["file"], item["line"]
        else:
            result.tests.append(TestResult(item["name"], item["ok"], item.get("message", ""), item.get("line")))
    result.output = "\n".join(plain)
    return result


@dataclass(frozen=True)
class ScriptResult:
    ok: bool
    timed_out: bool
    output: str


def run_script(code: str, time_limit: float = TIME_LIMIT) -> ScriptResult:
    """Run a block of code as a script (an answer's python block)."""
    with tempfile.TemporaryDirectory(prefix="qbank-block-") as tmp:
        path = Path(tmp) / "block.py"
        path.write_text(code, encoding="utf-8")
        try:
            proc = subprocess.run(
                [sys.executable, "-I", str(path)], cwd=tmp, capture_output=True, text=True, timeout=time_limit, env=_env()
            )
        except subprocess.TimeoutExpired:
            return ScriptResult(False, True, f"still running after {time_limit:g} s")
        return ScriptResult(proc.returncode == 0, False, (proc.stdout + proc.stderr)[-4000:])
