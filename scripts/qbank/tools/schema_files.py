"""Write the editor JSON Schemas generated from ``qbank.model.schema``."""

from __future__ import annotations

import json
from pathlib import Path

from qbank.model.schema import json_schemas
from qbank.site.writer import write_if_changed

SCHEMA_DIR = "schema"


def rendered_schemas() -> dict[str, bytes]:
    return {name: (json.dumps(schema, indent=2, sort_keys=True) + "\n").encode() for name, schema in json_schemas().items()}


def write_schemas(root: Path) -> list[str]:
    return [name for name, data in rendered_schemas().items() if write_if_changed(root / SCHEMA_DIR / name, data)]
