"""The schema lives in one place: the committed JSON Schema files are generated from the models."""

import json

from conftest import REPO
from qbank.model.schema import DIFFICULTIES, SCHEMA_HEADER
from qbank.tools.schema_files import SCHEMA_DIR, rendered_schemas


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
    # A literal list: comparing with Question.model_fields would compare the model with itself.
    assert set(schema["properties"]) == {
        "id", "question", "difficulty", "tags", "subtopic", "answer", "key_points", "follow_ups", "pitfalls",
        "references", "related", "exercise", "last_reviewed",
    }
    assert schema["properties"]["key_points"]["minItems"] == 3 and schema["properties"]["key_points"]["maxItems"] == 6
    assert set(schema["$defs"]["Exercise"]["required"]) == {"starter", "solution", "tests", "wrong"}


def test_qbank_schema_rewrites_a_stale_file_and_then_says_current(tmp_path, chdir, capsys):
    from qbank.cli import main

    chdir(tmp_path)  # no questions/ folder: qbank schema needs none
    assert main(["schema"]) == 0
    assert capsys.readouterr().out.strip() == "2 schema file(s) updated"
    written = tmp_path / SCHEMA_DIR / "question.schema.json"
    assert written.read_bytes() == rendered_schemas()["question.schema.json"]
    written.write_text("{}")  # stale
    assert main(["schema"]) == 0
    assert capsys.readouterr().out.strip() == "1 schema file(s) updated"
    assert written.read_bytes() == rendered_schemas()["question.schema.json"]
    assert main(["schema"]) == 0
    assert capsys.readouterr().out.strip() == "schema files are current"


def test_the_editor_schema_is_a_valid_json_schema_that_accepts_a_real_question():
    import jsonschema

    from qbank.source.safe_yaml import load

    schema = json.loads((REPO / "schema" / "question.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = load((REPO / "questions/coding/stable-softmax-logsumexp.yaml").read_bytes()).data
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    bad = {**data, "key_points": ["only one"]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
