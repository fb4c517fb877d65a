"""The schema lives in one place: the committed JSON Schema files are generated from the models."""

import json

from conftest import REPO
from qbank.schema import DIFFICULTIES, SCHEMA_HEADER, Question
from qbank.schema_files import SCHEMA_DIR, rendered_schemas


def test_committed_json_schema_is_current():
    for name, data in rendered_schemas().items():
        committed = (REPO / SCHEMA_DIR / name).read_bytes()
        assert committed == data, f"{SCHEMA_DIR}/{name} is stale: run `qbank schema`"


def test_schema_header_points_at_the_committed_schema():
    assert SCHEMA_HEADER.endswith("../../schema/question.schema.json")
    assert (REPO / "schema" / "question.schema.json").exists()


def test_json_schema_mirrors_the_model():
    schema = json.loads((REPO / "schema" / "question.schema.json").read_text())
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "question", "difficulty", "tags", "last_reviewed"}
    assert schema["properties"]["difficulty"]["enum"] == list(DIFFICULTIES)
    assert set(schema["properties"]) == set(Question.model_fields)
