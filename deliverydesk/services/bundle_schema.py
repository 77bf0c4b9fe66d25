"""The JSON Schema (draft 2020-12) of project bundles, derived from the models.

The shipped file ``bundle.schema.json`` is this module's output; a test fails when they differ.
Regenerate after a schema change (and raise ``FORMAT_VERSION`` if old readers would misread it):

    .venv/bin/python -m deliverydesk.services.bundle_schema > deliverydesk/services/bundle.schema.json
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from deliverydesk.store.bundle_rows import ColumnSpec, TableSpec, table_specs

FORMAT_NAME = "deliverydesk-bundle"
FORMAT_VERSION = 1
SCHEMA_RESOURCE = "bundle.schema.json"

_DEFS: dict[str, Any] = {
    "uuid": {
        "type": "string",
        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        "description": "A record's identity: a lowercase UUID, the same in every copy of the record.",
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
    "base64": {"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$", "description": "Standard base64."},
}
_INTEGER: dict[str, Any] = {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1}
_SIMPLE: dict[str, dict[str, Any]] = {
    "integer": _INTEGER,
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
}
_REFS = {kind: {"$ref": f"#/$defs/{kind}"} for kind in ("uuid", "sha256", "date", "datetime")}


def _column_schema(column: ColumnSpec) -> dict[str, Any]:
    if column.kind in _REFS:
        schema: dict[str, Any] = dict(_REFS[column.kind])
    elif column.kind == "bytes":
        schema = {"$ref": "#/$defs/base64"}
    elif column.kind == "enum":
        schema = {"enum": list(column.choices)}
    elif column.kind == "string":
        schema = {"type": "string"}
        if column.max_length is not None:
            schema["maxLength"] = column.max_length
    else:
        schema = dict(_SIMPLE[column.kind])
    if column.references and column.name != "id":
        schema = {**schema, "description": f"Refers to a record of table {column.references} in this bundle."}
    if column.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
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
    for name in specs:
        array: dict[str, Any] = {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
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
            "exported_at": {"$ref": "#/$defs/datetime"},
            "app_version": {"type": "string", "maxLength": 64},
            "records": _records_schema(specs),
            "blobs": {
                "type": "object",
                "description": "Attachment contents: SHA-256 of the bytes -> base64 of the bytes.",
                "propertyNames": {"$ref": "#/$defs/sha256"},
                "additionalProperties": {"$ref": "#/$defs/base64"},
            },
        },
        "$defs": {**_DEFS, **{name: _table_schema(spec) for name, spec in specs.items()}},
    }


def render_schema() -> str:
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@cache
def shipped_schema() -> dict[str, Any]:
    """The schema file shipped inside the package."""
    text = files("deliverydesk.services").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


if __name__ == "__main__":
    print(render_schema(), end="")
