"""The shipped JSON Schema is valid draft 2020-12, current with the models, and agrees with export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema

from deliverydesk.services.bundle.schema import build_schema, render_schema, shipped_schema
from deliverydesk.store.bundle_rows import table_specs

PACKAGE_FILE = (
    Path(__file__).resolve().parents[3] / "deliverydesk" / "services" / "bundle" / "bundle.schema.json"
)


def test_the_shipped_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(shipped_schema())
    assert shipped_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_shipped_schema_is_current_with_the_models() -> None:
    """A new column without a regenerated schema fails here (see bundle_schema.py to regenerate)."""
    assert PACKAGE_FILE.read_text(encoding="utf-8") == render_schema()
    assert shipped_schema() == build_schema()


def test_every_column_of_every_bundled_table_is_described() -> None:
    tables = shipped_schema()["properties"]["records"]["properties"]
    assert sorted(tables) == sorted(table_specs())
    for name, spec in table_specs().items():
        rows = tables[name]["items"]
        assert sorted(rows["properties"]) == sorted(c.name for c in spec.columns)
        assert rows["additionalProperties"] is False and sorted(rows["required"]) == sorted(
            rows["properties"]
        )


def test_an_exported_bundle_validates_against_the_schema(valid_document: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(shipped_schema()).validate(valid_document)
