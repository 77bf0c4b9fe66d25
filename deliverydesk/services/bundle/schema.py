"""The JSON Schema (draft 2020-12) of project bundles, derived from the models.

The shipped file ``bundle.schema.json`` is this module's output; a test fails when they differ.
Regenerate after a schema change (and raise ``FORMAT_VERSION`` if old readers would misread it):

    .venv/bin/python -m deliverydesk.services.bundle.schema > deliverydesk/services/bundle/bundle.schema.json
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from deliverydesk.store.bundle_rows import ColumnSpec, TableSpec, table_specs

FORMAT_NAME = "deliverydesk-bundle"
FORMAT_VERSION = 5  # 2: categories, review follow-ups (issue 7); 3: row_version; 4: interchange (issue 18);
# 5: signature events, handover links, refusals; who issued a letter, where, and translations (issue 12)
SCHEMA_RESOURCE = "bundle.schema.json"

# Everything is written inline (no "$ref", nullable as a type list rather than "anyOf"): jsonschema
# resolves references per instance, which made validation four times slower on large bundles.
_KINDS: dict[str, dict[str, Any]] = {
    "uuid": {
        "type": "string",
        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        "description": "A lowercase UUID.",
    },
    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "Lowercase hex SHA-256."},
    "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD."},
    "datetime": {
        "type": "string",
        "pattern": (
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$"
        ),
        "description": "ISO 8601 with a zone; exports write UTC with microseconds and Z.",
    },
    "bytes": {"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$", "description": "Standard base64."},
    "integer": {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "string": {"type": "string"},
}


def _column_schema(column: ColumnSpec) -> dict[str, Any]:
    if column.kind == "enum":
        schema: dict[str, Any] = {"enum": [*column.choices, *([None] if column.nullable else [])]}
    else:
        schema = dict(_KINDS[column.kind])
        if column.nullable:
            schema["type"] = [schema["type"], "null"]  # pattern and bounds apply to strings/numbers only
    if column.max_length is not None:  # characters; for bytes, of their base64 text
        base64_chars = (column.max_length + 2) // 3 * 4
        schema["maxLength"] = base64_chars if column.kind == "bytes" else column.max_length
    if column.references and column.name != "id":
        schema["description"] = f"Refers to a record of table {column.references} in this bundle."
    return schema


def _table_schema(table: TableSpec) -> dict[str, Any]:
    return {
        "type": "object",
        "description": table.description or f"One {table.name} record.",
        "additionalProperties": False,
        "required": [c.name for c in table.columns],
        "properties": {c.name: _column_schema(c) for c in table.columns},
    }


def _records_schema(specs: dict[str, TableSpec]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name, spec in specs.items():
        array: dict[str, Any] = {"type": "array", "items": _table_schema(spec)}
        if name in ("client", "project"):  # one project and its client per bundle
            array.update(minItems=1, maxItems=1)
        properties[name] = array
    return {
        "type": "object",
        "description": "Rows per table, each list ordered by id.",
        "additionalProperties": False,
        "required": sorted(specs),
        "properties": properties,
    }


def build_schema() -> dict[str, Any]:
    specs = table_specs()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:deliverydesk:bundle:{FORMAT_VERSION}",
        "title": "DeliveryDesk project bundle",
        "description": "One project with all its records and attachments. See docs/bundle.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["app_version", "blobs", "exported_at", "format", "format_version", "records"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "format_version": {"const": FORMAT_VERSION},
            "exported_at": _KINDS["datetime"],
            "app_version": {"type": "string", "maxLength": 64},
            "records": _records_schema(specs),
            "blobs": {
                "type": "object",
                "description": (
                    "Attachment contents and the stored PDFs of letters (a letter's pdf_sha256 and "
                    "signed_pdf_sha256): SHA-256 of the bytes -> base64 of the bytes."
                ),
                "propertyNames": _KINDS["sha256"],
                "additionalProperties": _KINDS["bytes"],
            },
        },
    }


def render_schema() -> str:
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def shipped_schema() -> dict[str, Any]:
    """The schema file shipped inside the package."""
    text = files("deliverydesk.services.bundle").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


if __name__ == "__main__":
    print(render_schema(), end="")
