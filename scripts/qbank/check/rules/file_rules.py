"""Rules about a question file as a file."""

from qbank.check.rules import rule
from qbank.model.schema import SCHEMA_HEADER


@rule("QB009", "schema-header")
def schema_header(q):
    """A question file starts with the yaml-language-server line that points editors at the schema."""
    first = q.doc.text.split("\n", 1)[0]
    if first.strip() != SCHEMA_HEADER:
        yield 1, 1, f"first line must be {SCHEMA_HEADER!r}"


@rule("QB050", "id-matches-filename")
def id_matches_filename(q):
    """The id is the file name: questions/<topic>/<id>.yaml."""
    qid = q.data.get("id")
    if isinstance(qid, str) and qid != q.path.stem:
        line, col = q.where(("id",))
        yield line, col, f"id {qid!r} does not match the file name {q.path.name!r}"
