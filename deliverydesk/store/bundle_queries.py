"""Project bundles in the database: dump one project, find clashes, upsert records by UUID.

Rows go in and out in the shapes of ``bundle_rows`` (JSON-shaped out, typed in)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Table, bindparam, insert, select, tuple_, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from deliverydesk.domain.write_once import changed_fields
from deliverydesk.errors import BundleError
from deliverydesk.i18n import msg
from deliverydesk.store.audit import audit_upsert
from deliverydesk.store.bundle_rows import (
    BLOB_TABLE,
    BUNDLED_TABLES,
    TABLES,
    TableSpec,
    encode_row,
    table_specs,
)
from deliverydesk.store.records import project_id_by_code

_CHUNK = 500  # bound parameters per IN (...) query, far below SQLite's limit


@dataclass(frozen=True)
class UpsertCounts:
    inserted: int
    updated: int
    blobs_added: int


@dataclass(frozen=True)
class Conflict:
    """A bundled record that cannot be written next to what the database already holds."""

    table: str
    record_id: str
    columns: tuple[str, ...]
    values: tuple[Any, ...]
    other_id: str  # the database record in the way
    reason: str  # "owner": the id belongs elsewhere; "unique": the value is taken


@dataclass(frozen=True)
class ProjectDump:
    records: dict[str, list[dict[str, Any]]]  # table -> JSON-shaped rows ordered by id
    blobs: dict[str, bytes]  # sha256 -> content


def _project_filter(name: str, project_id: str, client_id: str) -> ColumnElement[bool]:
    """Which rows of a table belong to the project's bundle."""
    table = TABLES[name]
    if name == "client":
        return table.c.id == client_id
    if name == "contact":
        return table.c.client_id == client_id
    if name == "project":
        return table.c.id == project_id
    if name == "category":  # the shared taxonomy: only the categories the project's records use
        used = [
            select(TABLES[linked].c.category_id).where(TABLES[linked].c.project_id == project_id)
            for linked in ("issue", "change_request")
        ]
        return table.c.id.in_(used[0].union(used[1]))
    if name == "milestone_change":
        milestone = TABLES["milestone"]
        owned = select(milestone.c.id).where(milestone.c.project_id == project_id)
        return table.c.milestone_id.in_(owned)
    return table.c.project_id == project_id


def dump_project(session: Session, code: str) -> ProjectDump | None:
    """Every record of the project with this code (archived ones too), or None if there is none."""
    project = TABLES["project"]
    project_id = project_id_by_code(session, code)
    if project_id is None:
        return None
    ids = session.execute(select(project.c.id, project.c.client_id).where(project.c.id == project_id)).one()
    specs = table_specs()
    records = {}
    for name, spec in specs.items():
        table = TABLES[name]
        query = select(table).where(_project_filter(name, ids.id, ids.client_id)).order_by(table.c.id)
        rows = session.execute(query).mappings()
        records[name] = sorted((encode_row(spec, row) for row in rows), key=lambda r: str(r["id"]))
    blobs = session.execute(
        select(BLOB_TABLE.c.sha256, BLOB_TABLE.c.data).where(BLOB_TABLE.c.sha256.in_(_project_blobs(ids.id)))
    )
    return ProjectDump(records=records, blobs={row.sha256: row.data for row in blobs})


def _project_blobs(project_id: str) -> CompoundSelect[tuple[str]]:
    """The digests of the project's stored files: its attachments' and its letters' issued and signed
    PDFs (letters issued before PDFs were kept name a digest with no blob: nothing is carried)."""
    attachment, letter = TABLES["attachment"], TABLES["letter"]
    return union(
        select(attachment.c.sha256).where(attachment.c.project_id == project_id),
        select(letter.c.pdf_sha256).where(letter.c.project_id == project_id),
        select(letter.c.signed_pdf_sha256).where(letter.c.project_id == project_id),
    )


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _existing(session: Session, table: Table, ids: Sequence[str], *columns: str) -> dict[str, Any]:
    """id -> row (with the given columns) for those ids already in the database."""
    found: dict[str, Any] = {}
    selected = [table.c.id, *(table.c[name] for name in columns)]
    for chunk in _chunks(ids):
        for row in session.execute(select(*selected).where(table.c.id.in_(chunk))):
            found[row.id] = row
    return found


def find_conflicts(session: Session, records: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Conflict]:
    """Bundled records that clash with the database: an id owned by another parent, or a unique
    value (project code, a ref in the project) held by a different record."""
    conflicts = _project_code_conflicts(session, records.get("project", ()))
    for name, spec in table_specs().items():
        rows = records.get(name, ())
        if spec.owner_column:
            conflicts += _owner_conflicts(session, spec, rows)
        for columns in spec.unique_sets:
            if (name, columns) == ("project", ("code",)):
                continue  # codes compare without case: see _project_code_conflicts
            conflicts += _unique_conflicts(session, TABLES[name], columns, rows)
    return conflicts


def _project_code_conflicts(session: Session, rows: Sequence[Mapping[str, Any]]) -> list[Conflict]:
    conflicts = []
    for row in rows:
        holder = project_id_by_code(session, row["code"])
        if holder is not None and holder != row["id"]:
            conflicts.append(Conflict("project", row["id"], ("code",), (row["code"],), holder, "unique"))
    return conflicts


def _owner_conflicts(session: Session, spec: TableSpec, rows: Sequence[Mapping[str, Any]]) -> list[Conflict]:
    owner = spec.owner_column
    assert owner is not None
    existing = _existing(session, TABLES[spec.name], [r["id"] for r in rows], owner)
    return [
        Conflict(spec.name, row["id"], (owner,), (row[owner],), getattr(existing[row["id"]], owner), "owner")
        for row in rows
        if row["id"] in existing and getattr(existing[row["id"]], owner) != row[owner]
    ]


def _unique_conflicts(
    session: Session, table: Table, columns: tuple[str, ...], rows: Sequence[Mapping[str, Any]]
) -> list[Conflict]:
    wanted = {tuple(row[c] for c in columns): row["id"] for row in rows}
    holders: dict[tuple[Any, ...], str] = {}
    keys = list(wanted)
    for chunk in _chunks(keys):
        query = select(table.c.id, *(table.c[c] for c in columns)).where(
            tuple_(*(table.c[c] for c in columns)).in_(chunk)
        )
        holders.update({tuple(row[1:]): row.id for row in session.execute(query)})
    return [
        Conflict(table.name, wanted[key], columns, key, holder, "unique")
        for key, holder in holders.items()
        if holder != wanted[key]
    ]


def stored_rows(
    session: Session, records: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, dict[str, Mapping[str, Any]]]:
    """table -> id -> every column of the bundled records that already exist here."""
    found: dict[str, dict[str, Mapping[str, Any]]] = {}
    for name in BUNDLED_TABLES:
        table = TABLES[name]
        columns = [c.name for c in table.columns if c.name != "id"]
        existing = _existing(session, table, [r["id"] for r in records.get(name, ())], *columns)
        found[name] = {record_id: dict(row._mapping) for record_id, row in existing.items()}
    return found


def requests_with_live_change_decision(session: Session, request_ids: Sequence[str]) -> dict[str, set[str]]:
    """change request id -> ids of its issued or signed (not superseded) change-decision letters."""
    letter = TABLES["letter"]
    found: dict[str, set[str]] = {}
    for chunk in _chunks(list(request_ids)):
        query = select(letter.c.change_request_id, letter.c.id).where(
            letter.c.change_request_id.in_(chunk),
            letter.c.kind == "change_decision",
            letter.c.status.in_(("issued", "signed")),
        )
        for request_id, letter_id in session.execute(query):
            found.setdefault(request_id, set()).add(letter_id)
    return found


def upsert_records(
    session: Session,
    records: Mapping[str, Sequence[Mapping[str, Any]]],
    blobs: Mapping[str, bytes],
    when: datetime,
    skip: frozenset[tuple[str, str]] = frozenset(),
) -> UpsertCounts:
    """Insert new records and overwrite existing ones by id (typed values, as ``decode_row`` gives).

    Timestamps are written as given, so a record keeps the ``updated_at`` of its source; the audit
    events of the import are stamped ``when``.
    Records in ``skip`` ((table, id)) are left as they are here (newer here than in the bundle).
    Call ``find_conflicts`` first: a clash it did not foresee still ends in BundleError (the caller's
    unit of work then rolls everything back)."""
    try:
        blobs_added = _insert_missing_blobs(session, blobs)
        counts = [
            _upsert_table(
                session, TABLES[name], [r for r in records.get(name, ()) if (name, r["id"]) not in skip], when
            )
            for name in BUNDLED_TABLES
        ]
    except IntegrityError as exc:
        detail = " ".join(str(exc.orig).split())
        raise BundleError(
            msg(
                "The bundle clashes with records in this database ({detail}). Nothing was imported.",
                detail=detail,
            )
        ) from None
    return UpsertCounts(
        inserted=sum(new for new, _ in counts), updated=sum(old for _, old in counts), blobs_added=blobs_added
    )


def _upsert_table(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], when: datetime
) -> tuple[int, int]:
    """Insert the new rows, overwrite the changed ones, leave identical ones alone: (inserted, updated)."""
    names = [c.name for c in table.columns]
    existing = _existing(session, table, [r["id"] for r in rows], *(n for n in names if n != "id"))
    new = [row for row in rows if row["id"] not in existing]
    changed = [row for row in rows if row["id"] in existing and _differs(existing[row["id"]], row)]
    self_refs = [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]
    # Self references (a log correction -> its original) are set in a second pass: foreign keys are
    # checked per statement, and the row referred to may come later in the list.
    if new:
        session.execute(insert(table), [{**row, **dict.fromkeys(self_refs)} for row in new])
    _update_by_id(session, table, changed, [name for name in names if name != "id" and name not in self_refs])
    # Columns with an onupdate default (updated_at) are repeated so the database does not restamp them.
    stamped = [c.name for c in table.columns if c.onupdate is not None]
    second_pass = [row for row in new if any(row[c] for c in self_refs)] + (changed if self_refs else [])
    _update_by_id(session, table, second_pass, self_refs + stamped)
    audit_upsert(session, table, new, [(existing[row["id"]]._mapping, row) for row in changed], when)
    return len(new), len(changed)


def _differs(stored: Any, row: Mapping[str, Any]) -> bool:
    """Content differs (a newer timestamp or row version alone changes nothing)."""
    return bool(changed_fields(stored._mapping, row))


def _update_by_id(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], columns: list[str]
) -> None:
    if not rows or not columns:
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam("match_id"))
        .values({name: bindparam(f"new_{name}") for name in columns})
    )
    params = [{"match_id": row["id"], **{f"new_{name}": row[name] for name in columns}} for row in rows]
    session.execute(statement, params)


def _insert_missing_blobs(session: Session, blobs: Mapping[str, bytes]) -> int:
    shas = sorted(blobs)
    present: set[str] = set()
    for chunk in _chunks(shas):
        present.update(session.scalars(select(BLOB_TABLE.c.sha256).where(BLOB_TABLE.c.sha256.in_(chunk))))
    missing = [
        {"sha256": sha, "size": len(blobs[sha]), "data": blobs[sha]} for sha in shas if sha not in present
    ]
    if missing:
        session.execute(insert(BLOB_TABLE), missing)
    return len(missing)
