"""Project bundles at the row level: describe, dump, check and upsert the bundled tables.

Everything is derived from the models in ``tables.py`` by SQLAlchemy inspection, so a new column
travels in bundles without code changes here (the JSON Schema is regenerated from ``table_specs``).
Values cross this module's boundary in their JSON shape: ISO dates, UTC datetimes ending in ``Z``,
bytes as base64, enums as their stored values.
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
)

from deliverydesk.domain.bounds import MAX_COUNT, size_problem
from deliverydesk.domain.validation import EARLIEST_DATE, LATEST_DATE, LONG_TEXT_MAX
from deliverydesk.store import tables as t

# The records a project bundle carries; write order (parents first) is derived from the foreign keys.
_BUNDLED_ROWS: tuple[type[t.Base], ...] = (
    t.ClientRow,
    t.ContactRow,
    t.ProjectRow,
    t.ScopeItemRow,
    t.ExclusionRow,
    t.MilestoneRow,
    t.MilestoneChangeRow,
    t.NonWorkingDayRow,
    t.ExpectationRow,
    t.CategoryRow,
    t.ChangeRequestRow,
    t.LetterRow,
    t.SignatureRow,
    t.LogEntryRow,
    t.IssueRow,
    t.ReviewRow,
    t.ReviewActionRow,
    t.HandoverItemRow,
    t.AttachmentRow,
    t.CommitmentRow,
)
TABLES: dict[str, Table] = {row.__tablename__: row.__table__ for row in _BUNDLED_ROWS}  # type: ignore[misc]
BUNDLED_TABLES: tuple[str, ...] = tuple(
    table.name for table in t.Base.metadata.sorted_tables if table.name in TABLES
)
BLOB_TABLE: Table = t.BlobRow.__table__  # type: ignore[assignment]

# Text without a length in the schema is bounded like the services' long texts, but for these:
# a letter's snapshot holds a whole document (every table of a progress summary).
_TEXT_LIMITS = {("letter", "content_json"): 4 * 1024 * 1024}
_BYTES_LIMITS = {("signature", "signature_png"): 512 * 1024}  # a signature pad's image (as the services)
_DEFAULT_BYTES_LIMIT = 2 * 1024 * 1024
# The column that ties a record to its place in the project tree: it may never change on import.
_OWNER_COLUMNS = {"contact": "client_id", "milestone_change": "milestone_id"}
# Used with fullmatch: "$" would accept a trailing newline, and "\d" any script's digits.
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)


@dataclass(frozen=True)
class ColumnSpec:
    """One column as bundles see it. ``kind`` is one of: uuid, sha256, string, integer, number,
    boolean, date, datetime, bytes, enum."""

    name: str
    kind: str
    nullable: bool
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    references: str | None = None  # the bundled table (or "blob") a value must point into


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    columns: tuple[ColumnSpec, ...]
    unique_sets: tuple[tuple[str, ...], ...]
    owner_column: str | None


def _kind(column: Column[Any]) -> str:
    fk = next(iter(column.foreign_keys), None)
    if (column.primary_key and column.name == "id") or (fk is not None and fk.column.name == "id"):
        return "uuid"
    if fk is not None and fk.column.name == "sha256":
        return "sha256"
    type_ = column.type
    if isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    for sql_type, kind in (
        (Enum, "enum"),
        (DateTime, "datetime"),
        (Date, "date"),
        (Boolean, "boolean"),
        (Integer, "integer"),
        (Float, "number"),
        (LargeBinary, "bytes"),
        (String, "string"),
    ):
        if isinstance(type_, sql_type):
            return kind
    raise TypeError(f"no bundle kind for column {column}")  # a new column type: teach it here


def _length(column: Column[Any], kind: str) -> int | None:
    """The most characters (text) or bytes (binary) a value may have, as the services allow."""
    key = (column.table.name, column.name)
    if kind == "bytes":
        return _BYTES_LIMITS.get(key, _DEFAULT_BYTES_LIMIT)
    if kind != "string":
        return None
    return getattr(column.type, "length", None) or _TEXT_LIMITS.get(key, LONG_TEXT_MAX)


def _column_spec(column: Column[Any]) -> ColumnSpec:
    fk = next(iter(column.foreign_keys), None)
    kind = _kind(column)
    length = _length(column, kind)
    choices = tuple(column.type.enums) if isinstance(column.type, Enum) else ()
    return ColumnSpec(
        name=column.name,
        kind=kind,
        nullable=bool(column.nullable),
        max_length=length,
        choices=choices,
        references=fk.column.table.name if fk is not None else None,
    )


def table_specs() -> dict[str, TableSpec]:
    """Every bundled table, in write order (parents first)."""
    specs = {}
    for name in BUNDLED_TABLES:
        table = TABLES[name]
        row_class = next(row for row in _BUNDLED_ROWS if row.__tablename__ == name)
        specs[name] = TableSpec(
            name=name,
            description=" ".join((row_class.__doc__ or "").split()),
            columns=tuple(_column_spec(c) for c in sorted(table.columns, key=lambda c: c.name)),
            unique_sets=_unique_sets(table),
            owner_column=_OWNER_COLUMNS.get(name, "project_id" if "project_id" in table.c else None),
        )
    return specs


def _unique_sets(table: Table) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    )


# --- values: Python <-> JSON shape -------------------------------------------------------------


def encode_value(spec: ColumnSpec, value: Any) -> Any:
    if value is None:
        return None
    if spec.kind == "datetime":
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if spec.kind == "date":
        return value.isoformat()
    if spec.kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    if spec.kind == "enum":
        return value.value if isinstance(value, enum.Enum) else str(value)
    if spec.kind == "number":
        return float(value)
    return value


def decode_value(spec: ColumnSpec, raw: Any) -> Any:
    """The Python value for a JSON value; ValueError says in plain words what is wrong."""
    if raw is None:
        if not spec.nullable:
            raise ValueError("is required")
        return None
    decoder = _DECODERS[spec.kind]
    return decoder(spec, raw)


def _expect(raw: Any, kind: type, label: str) -> Any:
    if not isinstance(raw, kind) or (kind is not bool and isinstance(raw, bool)):
        raise ValueError(f"must be {label}")
    return raw


def _decode_string(spec: ColumnSpec, raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError("must be text")
    text: str = raw
    if spec.max_length is not None and len(text) > spec.max_length:
        raise ValueError(f"is longer than {spec.max_length} characters")
    if spec.kind == "uuid" and not _UUID_RE.fullmatch(text):
        raise ValueError("is not a lowercase UUID")
    if spec.kind == "sha256" and not _SHA256_RE.fullmatch(text):
        raise ValueError("is not a lowercase SHA-256")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape: the database would refuse it
        raise ValueError("contains a character that is not valid Unicode") from None
    return text


def _decode_date(spec: ColumnSpec, raw: Any) -> date:
    text = _expect(raw, str, "a date (YYYY-MM-DD)")
    if not _DATE_RE.fullmatch(text):
        raise ValueError("must be a date (YYYY-MM-DD)")
    day = date.fromisoformat(text)  # raises for 2026-02-30
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"must be a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}")
    return day


def _decode_datetime(spec: ColumnSpec, raw: Any) -> datetime:
    text = _expect(raw, str, "a date and time with a zone")
    if not _DATETIME_RE.fullmatch(text):
        raise ValueError("must be a date and time with a zone (e.g. 2026-03-16T09:30:00Z)")
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except (ValueError, OverflowError):  # 24:00, an offset of 99 hours, year 9999 pushed past 9999 in UTC
        raise ValueError("is not a real date and time") from None


def _decode_bytes(spec: ColumnSpec, raw: Any) -> bytes:
    text = _expect(raw, str, "base64 text")
    if spec.max_length is not None and len(text) > (spec.max_length + 2) // 3 * 4:
        raise ValueError(f"is larger than {spec.max_length:,} bytes")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("is not valid base64") from None


def _decode_enum(spec: ColumnSpec, raw: Any) -> str:
    if raw not in spec.choices:
        raise ValueError(f"must be one of {', '.join(spec.choices)}")
    return str(raw)


def _decode_number(spec: ColumnSpec, raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError("must be a number")
    try:
        value = float(raw)
    except OverflowError:  # a whole number of hundreds of digits
        raise ValueError("is too large") from None
    _check_amount(spec, value)
    return value


def _check_amount(spec: ColumnSpec, value: float) -> None:
    """Money, hours and counts within the domain's bounds (``domain.bounds``), as a form has them."""
    found = size_problem(spec.name, value)
    if found:
        problem = str(found)  # an English clause in the bundle's refusal, as its other decode problems
        raise ValueError(f"is refused ({problem[0].lower()}{problem[1:].rstrip('.')})")


def _decode_integer(spec: ColumnSpec, raw: Any) -> int:
    value: int = _expect(raw, int, "a whole number")
    if not -(2**63) <= value < 2**63:
        raise ValueError("is out of range")
    if spec.name in ("row_version", "size") and not 0 <= value <= (
        2**53 if spec.name == "size" else MAX_COUNT
    ):
        raise ValueError("is out of range")
    _check_amount(spec, value)
    return value


_DECODERS: dict[str, Any] = {
    "uuid": _decode_string,
    "sha256": _decode_string,
    "string": _decode_string,
    "date": _decode_date,
    "datetime": _decode_datetime,
    "bytes": _decode_bytes,
    "enum": _decode_enum,
    "number": _decode_number,
    "integer": _decode_integer,
    "boolean": lambda spec, raw: _expect(raw, bool, "true or false"),
}


def encode_row(spec: TableSpec, row: Mapping[Any, Any]) -> dict[str, Any]:
    return {c.name: encode_value(c, row[c.name]) for c in spec.columns}


def decode_row(spec: TableSpec, data: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values for one bundled record. ValueError names the field and what is wrong."""
    names, steps = _decoding(spec)
    if not data.keys() <= names:
        raise ValueError(f"unknown field {sorted(set(data) - names)[0]}")
    decoded = {}
    for column, decoder in steps:
        name = column.name
        if name not in data:
            raise ValueError(f"field {name} is missing")
        raw = data[name]
        try:
            decoded[name] = decoder(column, raw) if raw is not None else decode_value(column, raw)
        except ValueError as exc:
            raise ValueError(f"field {name} {exc}") from None
    return decoded


# A table's column names and each column's decoder, looked up once per table, not per row (a first
# sync decodes tens of thousands of rows); kept with the spec they were made from.
_DECODING: dict[str, tuple[TableSpec, frozenset[str], tuple[tuple[ColumnSpec, Any], ...]]] = {}


def _decoding(spec: TableSpec) -> tuple[frozenset[str], tuple[tuple[ColumnSpec, Any], ...]]:
    found = _DECODING.get(spec.name)
    if found is None or found[0] is not spec:
        steps = tuple((column, _DECODERS[column.kind]) for column in spec.columns)
        found = _DECODING[spec.name] = (spec, frozenset(c.name for c in spec.columns), steps)
    return found[1], found[2]
