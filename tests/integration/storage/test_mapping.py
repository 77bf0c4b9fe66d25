"""The typed mapping of rows to the domain's records (``store.mapping``): up to date with its script, and
no field left out either way (every field is given a value of its own and must arrive unchanged)."""

from __future__ import annotations

import dataclasses
import enum
import subprocess
import sys
import types
import typing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from deliverydesk.domain import drafts, models
from deliverydesk.domain.models import CategoryName
from deliverydesk.store import mapping, tables

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))

import write_mappings  # noqa: E402


def _value(kind: Any, number: int) -> Any:
    """A value of type ``kind`` that no other field of the record gets."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return _value(next(arg for arg in typing.get_args(kind) if arg is not type(None)), number)
    if typing.get_origin(kind) is tuple:  # tuple[X, ...]: one value of X (none for a record type)
        inner = typing.get_args(kind)[0]
        return (_value(inner, number),) if inner in (str, int, float, date) else ()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = list(kind)
        return members[number % len(members)]
    if kind is CategoryName:
        return CategoryName(name_en=f"en {number}", name_zh=f"中文 {number}")
    values = {
        bool: number % 2 == 0,
        int: 1000 + number,
        float: 0.5 + number,
        str: f"value {number}",
        bytes: f"bytes {number}".encode(),
        date: date(2026, 1, 1 + number % 28),
        datetime: datetime(2026, 2, 1 + number % 28, 8, number % 60, tzinfo=UTC),
    }
    return values[kind]


def _values(record_cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(record_cls)
    return {f.name: _value(hints[f.name], n) for n, f in enumerate(dataclasses.fields(record_cls))}


def test_the_mapping_module_is_what_its_script_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "write_mappings.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_field_of_an_item_comes_from_its_row_or_its_computed_arguments() -> None:
    for item_name, (row_name, function_name) in write_mappings.ITEMS.items():
        item_cls, row_cls = getattr(models, item_name), getattr(tables, row_name)
        expected = _values(item_cls)
        columns = set(write_mappings._columns(row_cls))
        row = row_cls(**{name: value for name, value in expected.items() if name in columns})
        computed = {name: value for name, value in expected.items() if name not in columns}
        item = getattr(mapping, function_name)(row, **computed)
        assert dataclasses.asdict(item) == dataclasses.asdict(item_cls(**expected)), item_name


def test_every_field_of_a_draft_but_its_id_goes_onto_the_row() -> None:
    for draft_name, (row_name, function_name) in write_mappings.DRAFTS.items():
        draft_cls, row_cls = getattr(drafts, draft_name), getattr(tables, row_name)
        values = _values(draft_cls)
        row = row_cls()
        getattr(mapping, function_name)(row, draft_cls(**values))
        written = {name: getattr(row, name) for name in values if name != "id"}
        assert written == {name: value for name, value in values.items() if name != "id"}, draft_name
        assert "id" not in values or row.id is None, draft_name  # a new row gets its id when stored


def test_an_item_has_every_field_of_its_draft_so_a_draft_can_be_made_from_it() -> None:
    items_of_rows = {row: item for item, (row, _name) in write_mappings.ITEMS.items()}
    for draft_name, (row_name, _name) in write_mappings.DRAFTS.items():
        item_cls = getattr(models, items_of_rows[row_name])
        draft_fields = {f.name for f in dataclasses.fields(getattr(drafts, draft_name))}
        item_fields = {f.name for f in dataclasses.fields(item_cls)}
        assert draft_fields - item_fields - {"id"} == set(), draft_name
