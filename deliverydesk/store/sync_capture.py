"""The laptop's outbox: what each unit of work changed becomes one group, in the same transaction.

``Database.unit_of_work`` (the single commit point) names a group id per unit of work and, on a
laptop that has joined a team server, installs ``capture`` as the audit trail's after-events hook: every
flush (and every bundle import) appends its record changes to that group, with the hashes of the
audit events they produced. Sync's own writes (pulled rows, answers) do not pass through here.
Only the bundled tables travel; settings stay on the laptop.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from deliverydesk.domain.audit import AuditAction, AuditEvent
from deliverydesk.domain.sync import ChangeOp, GroupStatus
from deliverydesk.store import plain
from deliverydesk.store.audit import RecordChange
from deliverydesk.store.bundle_rows import TABLES, TableSpec, encode_row, encode_value, table_specs
from deliverydesk.store.sync_state import GROUP_ID
from deliverydesk.store.sync_tables import SyncKnownRow, SyncOutboxChangeRow, SyncOutboxRow
from deliverydesk.store.tables import MilestoneRow, new_id

OUTBOX: Table = SyncOutboxRow.__table__  # type: ignore[assignment]
CHANGES: Table = SyncOutboxChangeRow.__table__  # type: ignore[assignment]
KNOWN: Table = SyncKnownRow.__table__  # type: ignore[assignment]
_GROUP_WRITTEN = "sync_group_written"  # session.info: the group row exists; how many changes it has


@cache
def specs() -> dict[str, TableSpec]:
    return table_specs()


def record_update(table: Table, record_id: Any) -> Any:
    """An UPDATE of one record (its id, or a bound parameter for it) that keeps its ``updated_at``
    unless the values set it: sync writes carry the time of the change they copy, never the time of
    the copy (the column's ``onupdate`` would stamp it)."""
    return update(table).where(table.c.id == record_id).values(updated_at=table.c.updated_at)


CHUNK = 400  # bound parameters per IN (...) list, far below SQLite's limit


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def capture(
    clock: Callable[[], datetime],
) -> Callable[[Session, Sequence[RecordChange], Sequence[AuditEvent]], None]:
    """The after-events hook of a team laptop's unit of work (``clock`` stamps the group)."""

    def hook(session: Session, changes: Sequence[RecordChange], events: Sequence[AuditEvent]) -> None:
        synced = [c for c in changes if c.entity in TABLES and c.action is not AuditAction.DELETE]
        if synced:
            append_changes(session, synced, [e.hash for e in events], clock)

    return hook


def append_changes(
    session: Session,
    changes: Sequence[RecordChange],
    event_hashes: Sequence[str],
    clock: Callable[[], datetime],
) -> None:
    connection = session.connection()
    group_id = session.info.setdefault(GROUP_ID, new_id())
    written = session.info.get(_GROUP_WRITTEN)
    if written is None:
        _insert_group(connection, group_id, event_hashes, clock())
        written = 0
    else:
        _add_event_hashes(connection, group_id, event_hashes)
    known = known_versions(
        connection, [(c.entity, c.record_id) for c in changes if c.action is not AuditAction.CREATE]
    )
    rows = [_change_row(connection, group_id, written + i, c, known) for i, c in enumerate(changes)]
    connection.execute(insert(CHANGES), rows)
    session.info[_GROUP_WRITTEN] = written + len(rows)


def _insert_group(connection: Connection, group_id: str, event_hashes: Sequence[str], when: datetime) -> None:
    last = connection.scalar(select(func.max(OUTBOX.c.ord))) or 0
    connection.execute(
        insert(OUTBOX).values(
            group_id=group_id,
            ord=last + 1,
            made_at=when,
            status=GroupStatus.PENDING.value,
            event_hashes=canonical(list(event_hashes)),
            resolves="[]",
            answer="",
            attempts=0,
            adopt=False,
        )
    )


def _add_event_hashes(connection: Connection, group_id: str, event_hashes: Sequence[str]) -> None:
    stored = connection.scalar(select(OUTBOX.c.event_hashes).where(OUTBOX.c.group_id == group_id))
    hashes = [*json.loads(stored or "[]"), *event_hashes]
    connection.execute(
        update(OUTBOX).where(OUTBOX.c.group_id == group_id).values(event_hashes=canonical(hashes))
    )


def known_versions(connection: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(entity, id) -> the server version the local copy is based on, for those the server has."""
    wanted = sorted(set(keys))
    by_entity: dict[str, list[str]] = {}
    for entity, record_id in wanted:
        by_entity.setdefault(entity, []).append(record_id)
    found: dict[tuple[str, str], int] = {}
    reader = plain.connection_reader(connection)  # plain SQL: read by every sync and local action
    # By entity, so each chunk is a lookup in the primary key (entity, record_id): ``record_id IN``
    # alone cannot use it and read the whole table (a sync on a laptop holding 100 projects: ~9 ms).
    for entity, record_ids in by_entity.items():
        for chunk in chunks(record_ids):
            params: dict[str, Any] = {"entity": entity}
            ids = plain.in_list("id", list(chunk), params)
            sql = f"SELECT record_id, version FROM sync_known WHERE entity = :entity AND record_id IN {ids}"
            found.update({(entity, str(r)): int(v) for r, v in reader.rows(sql, params)})
    return {key: found[key] for key in wanted if key in found}


def current_row(connection: Connection, entity: str, record_id: str) -> dict[str, Any] | None:
    """The record as it is now, in canonical JSON form."""
    table = TABLES[entity]
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return encode_row(specs()[entity], row) if row is not None else None


def project_of(connection: Connection, entity: str, row: Mapping[str, Any]) -> str | None:
    """The project a record belongs to (None for clients, contacts and categories)."""
    if entity == "project":
        return str(row["id"])
    if entity == "milestone_change":
        return connection.scalar(
            select(MilestoneRow.project_id).where(MilestoneRow.id == row["milestone_id"])
        )
    value = row.get("project_id")
    return str(value) if value is not None else None


def encode_changes(entity: str, changes: Mapping[str, tuple[Any, Any]]) -> dict[str, list[Any]]:
    columns = {c.name: c for c in specs()[entity].columns}
    return {
        name: [encode_value(columns[name], old), encode_value(columns[name], new)]
        for name, (old, new) in changes.items()
        if name in columns
    }


def _change_row(
    connection: Connection,
    group_id: str,
    idx: int,
    change: RecordChange,
    known: Mapping[tuple[str, str], int],
) -> dict[str, Any]:
    if change.action is AuditAction.CREATE:
        row = current_row(connection, change.entity, change.record_id)
        assert row is not None, f"{change.entity} {change.record_id} created but not found"
        op, payload, project_id = ChangeOp.CREATE, row, project_of(connection, change.entity, row)
    else:
        op, payload = ChangeOp.UPDATE, encode_changes(change.entity, change.changes)
        now = current_row(connection, change.entity, change.record_id) or {}
        if now.get("updated_at"):  # when it changed, by this laptop's clock (never a conflict)
            payload["updated_at"] = [now["updated_at"], now["updated_at"]]
        project_id = change.project_id
        if change.entity == "milestone_change" or project_id is None:
            project_id = project_of(connection, change.entity, now) if now else None
    return {
        "group_id": group_id,
        "idx": idx,
        "entity": change.entity,
        "record_id": change.record_id,
        "project_id": project_id,
        "op": op.value,
        "base_version": known.get((change.entity, change.record_id), 0),
        "payload": canonical(payload),
    }
