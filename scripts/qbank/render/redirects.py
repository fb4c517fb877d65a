"""Static ``/q/<id>/`` permalinks: tiny HTML files with relative targets, so they work under any sub-path
and on any port. Moved ids keep working; retired ids land on the home page."""

from __future__ import annotations

import html

from qbank.render.catalogue import Catalogue
from qbank.source.bank import RETIRED

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="icon" href="../../assets/images/favicon.png">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{message} <a href="{target}">{link_text}</a></p>
</body>
</html>
"""


def _stub(target: str, title: str, message: str, link_text: str) -> str:
    e = html.escape
    return TEMPLATE.format(target=e(target), title=e(title), message=e(message), link_text=e(link_text))


def target_of(cat: Catalogue, qid: str) -> str:
    """The question's location relative to /q/<id>/."""
    return f"../../{cat.page_of[qid].url}#{qid}"


def redirect_stubs(cat: Catalogue) -> dict[str, str]:
    files = {}
    for q in cat.questions:
        files[f"q/{q.id}/index.html"] = _stub(target_of(cat, q.id), q.question, "This question is at", q.question)
    for old, new in cat.moved.items():
        if new == RETIRED:
            files[f"q/{old}/index.html"] = _stub("../../", "Question retired", "This question was retired.", "Back to the bank")
        elif new in cat.page_of:
            files[f"q/{old}/index.html"] = _stub(
                target_of(cat, new), cat.by_id[new].question, "This question moved to", cat.by_id[new].question
            )
    return files
