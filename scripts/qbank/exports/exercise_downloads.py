"""Exercise downloads: one runnable ``.py`` per exercise (starter plus tests) and a zip of them all.

Both are byte-reproducible: the files depend only on the bank and SITE_URL, and the zip entries carry a fixed
date, mode and order.
"""

from __future__ import annotations

import io
import zipfile

from qbank.model import exercises, settings
from qbank.model.schema import Question
from qbank.render.catalogue import Catalogue

ZIP_PATH = "exports/exercises.zip"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def download_text(q: Question, code: str | None = None) -> str:
    """The download for a question's exercise, holding `code` (by default the starter) and the tests."""
    ex = q.exercise
    return exercises.download(q.id, q.question, ex.starter if code is None else code, ex.tests, settings.site_url())


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def exercise_files(cat: Catalogue) -> dict[str, str | bytes]:
    with_exercise = [q for q in cat.questions if q.exercise is not None]
    if not with_exercise:
        return {}
    files: dict[str, str | bytes] = {exercises.download_path(q.id): download_text(q) for q in with_exercise}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for q in sorted(with_exercise, key=lambda q: q.id):
            name = f"genai-interview-bank-exercises/{exercises.module_name(q.id)}.py"
            z.writestr(_entry(name), files[exercises.download_path(q.id)])
    files[ZIP_PATH] = buf.getvalue()
    return files
