"""The laptop's side of sync in SQL: its state, the outbox, known versions, cursors, pulled rows
written with their origin in the audit trail, conflicts, notices and letter reservations.

Nothing here passes through the outbox: these writes are the sync's own, not user actions.

The statements every sync runs are built once (module constants, lists as expanding parameters):
building a statement per call, with one bound parameter coerced per value of an IN list and its
cache key computed again, was about a tenth of a laptop's CPU for an incremental sync. The reads
every sync makes of its own bookkeeping (the outbox, waiting changes, known versions, cursors, open
conflicts, held decisions) are plain SQL (``store.plain``) on the same transaction: their tables hold
text and integers (and one timestamp, converted as ``UTCDateTime`` does), which SQLAlchemy's
statement and result machinery cost several times the SQL to hand over.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Table,
    Update,
    bindparam,
    delete,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.audit import AuditAction, EventDraft
from deliverydesk.domain.enums import PersonRole
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.domain.sync import GroupStatus
from deliverydesk.store import plain
from deliverydesk.store.audit import NOT_CHANGES, RecordChange, append_events, created, edited
from deliverydesk.store.binds import Processor, result_processors
from deliverydesk.store.bulk import insert_rows
from deliverydesk.store.bundle_rows import BLOB_TABLE, BUNDLED_TABLES, TABLES, decode_row, encode_value
from deliverydesk.store.sync_capture import (
    CHANGES,
    KNOWN,
    OUTBOX,
    canonical,
    chunks,
    known_versions,
    project_of,
    record_update,
    specs,
)
from deliverydesk.store.sync_state import SYNC_STATE_ID
from deliverydesk.store.sync_tables import (
    SyncConflictRow,
    SyncCursorRow,
    SyncNoticeRow,
    SyncReservationRow,
    SyncStateRow,
)
from deliverydesk.store.tables import PersonRow, ProjectRow, SettingsRow

STATE: Table = SyncStateRow.__table__  # type: ignore[assignment]
CURSORS: Table = SyncCursorRow.__table__  # type: ignore[assignment]
CONFLICTS: Table = SyncConflictRow.__table__  # type: ignore[assignment]
NOTICES: Table = SyncNoticeRow.__table__  # type: ignore[assignment]
RESERVATIONS: Table = SyncReservationRow.__table__  # type: ignore[assignment]
WAITING = (GroupStatus.PENDING.value, GroupStatus.CONFLICT.value, GroupStatus.REFUSED.value)


# --- state ---------------------------------------------------------------------------------------


def read_state(connection: Connection) -> dict[str, Any] | None:
    row = connection.execute(_STATE).mappings().first()
    return dict(row) if row is not None else None


_STATE = select(STATE).where(STATE.c.id == SYNC_STATE_ID)


def write_state(connection: Connection, values: Mapping[str, Any]) -> None:
    names = tuple(values)
    params = {f"_{name}": value for name, value in values.items()}
    if connection.execute(_state_update(names), params).rowcount == 0:
        connection.execute(insert(STATE).values(id=SYNC_STATE_ID, **values))


@cache
def _state_update(names: tuple[str, ...]) -> Update:
    """The UPDATE of these state columns, built once per set of names (a sync writes three sets)."""
    values = {name: bindparam(f"_{name}", type_=STATE.c[name].type) for name in names}
    return update(STATE).where(STATE.c.id == SYNC_STATE_ID).values(values)


PEOPLE: Table = PersonRow.__table__  # type: ignore[assignment]
ROSTER_ACTOR = "team server (roster)"


def mirror_roster(
    connection: Connection, users: Sequence[Mapping[str, Any]], my_id: str, when: datetime
) -> None:
    """The team server's users as the People of this laptop (ids = the server's user ids, roles and
    authority limits as the server holds them), you = the user of this laptop's token; people the
    server does not know are taken off the roster. Audited, never captured (people do not sync).

    Every sync mirrors the roster, and it rarely changes: the People are read in one statement and
    only a person whose values differ is written (one SELECT per user was ~40 % of a laptop's CPU per
    sync with 50 users)."""
    drafts: list[EventDraft] = []
    stored = {row["id"]: dict(row) for row in connection.execute(_PEOPLE_MIRRORED).mappings()}
    new: list[dict[str, Any]] = []
    for user in users:
        _mirror_person(connection, user, stored.get(str(user["id"])), when, drafts, new)
    if new:
        connection.execute(insert(PEOPLE), new)
    seen = {str(user["id"]) for user in users}
    for person_id, row in stored.items():
        if person_id not in seen and row["archived_at"] is None:
            connection.execute(record_update(PEOPLE, person_id).values(archived_at=when, updated_at=when))
            change = edited("person", person_id, {"id": person_id}, {"archived_at": (None, when)})
            if change is not None:
                drafts.append(change.draft(when, ROSTER_ACTOR))
    me = next((u for u in users if str(u["id"]) == my_id), None)
    if me is not None:
        _mirror_you(connection, my_id, str(me["display_name"] or me["user"]), when, drafts)
    if drafts:
        append_events(connection, drafts)


def _mirror_you(
    connection: Connection, my_id: str, name: str, when: datetime, drafts: list[EventDraft]
) -> None:
    """The settings' "you" is the user of this laptop's token, under the server's name (audited)."""
    settings: Table = SettingsRow.__table__  # type: ignore[assignment]
    row = connection.execute(
        select(settings.c.id, settings.c.person_id, settings.c.engineer_name)
        .order_by(settings.c.created_at)
        .limit(1)
    ).first()
    if row is None:
        return
    values = {"person_id": my_id, "engineer_name": name}
    changes = {k: (getattr(row, k), v) for k, v in values.items() if getattr(row, k) != v}
    if not changes:
        return
    connection.execute(record_update(settings, row.id).values(updated_at=when, **values))
    change = edited("settings", row.id, {"id": row.id, **values}, changes)
    if change is not None:
        drafts.append(change.draft(when, ROSTER_ACTOR))


_MIRRORED = (
    "name",
    "role",
    "hours_per_change",
    "cost_cents_per_change",
    "goodwill_hours_per_project",
    "cost_currency",
)
_PEOPLE_MIRRORED = select(PEOPLE.c.id, PEOPLE.c.archived_at, *(PEOPLE.c[name] for name in _MIRRORED))


def _mirror_person(
    connection: Connection,
    user: Mapping[str, Any],
    stored: Mapping[str, Any] | None,
    when: datetime,
    drafts: list[EventDraft],
    new: list[dict[str, Any]],
) -> None:
    """One user as a person: ``stored`` is the person here (None: a new one, added to ``new``)."""
    limits = user["limits"]
    values = {
        "name": str(user["display_name"] or user["user"]),
        "role": PersonRole.MANAGER if user["role"] in ("manager", "admin") else PersonRole.ENGINEER,
        "hours_per_change": float(limits["hours_per_change"]),
        "cost_cents_per_change": int(limits["cost_cents_per_change"]),
        "goodwill_hours_per_project": float(limits["goodwill_hours_per_project"]),
        # a server older than the limits' currency sent none: its limits were judged as CNY
        "cost_currency": str(limits.get("cost_currency") or "CNY"),
        "archived_at": None,
    }
    person_id = str(user["id"])
    if stored is None:
        new.append({"id": person_id, "created_at": when, "updated_at": when, **values})
        drafts.append(created("person", {"id": person_id, **values}).draft(when, ROSTER_ACTOR))
        return
    changes = {k: (stored[k], v) for k, v in values.items() if stored[k] != v}
    if changes:
        connection.execute(record_update(PEOPLE, person_id).values(updated_at=when, **values))
        change = edited("person", person_id, {"id": person_id, **values}, changes)
        if change is not None:
            drafts.append(change.draft(when, ROSTER_ACTOR))


# --- the outbox ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxChange:
    id: int
    group_id: str
    idx: int
    entity: str
    record_id: str
    project_id: str | None
    op: str
    base_version: int
    payload: Any  # the row (create) or {field: [old, new]} (update)


@dataclass(frozen=True)
class OutboxGroup:
    group_id: str
    ord: int
    made_at: datetime
    status: str
    event_hashes: tuple[str, ...]
    resolves: tuple[str, ...]
    changes: tuple[OutboxChange, ...]
    adopt: bool = False


# a change's columns in OutboxChange's order (the payload last: decoded)
_CHANGE_COLUMNS = (
    "c.id, c.group_id, c.idx, c.entity, c.record_id, c.project_id, c.op, c.base_version, c.payload"
)
_HEADS = "SELECT group_id, ord, made_at, status, event_hashes, resolves, adopt FROM sync_outbox"


def _change(row: Sequence[Any]) -> OutboxChange:
    change_id, group_id, idx, entity, record_id, project_id, op, base_version, payload = row
    return OutboxChange(
        change_id, group_id, idx, entity, record_id, project_id, op, base_version, json.loads(payload)
    )


def groups_with_status(
    connection: Connection, statuses: Sequence[str], limit: int | None = None
) -> list[OutboxGroup]:
    """Groups in push order, with their changes."""
    reader, params = plain.connection_reader(connection), dict[str, Any]()
    wanted = plain.in_list("status", statuses, params)
    limited = "" if limit is None else f" LIMIT {int(limit)}"
    heads = reader.rows(f"{_HEADS} WHERE status IN {wanted} ORDER BY ord{limited}", params)
    return _with_changes(reader, heads)


def _with_changes(reader: plain.Reader, heads: Sequence[Sequence[Any]]) -> list[OutboxGroup]:
    """``heads``: rows of ``_HEADS``."""
    changes: dict[str, list[OutboxChange]] = {}
    for chunk in chunks([h[0] for h in heads]):
        params: dict[str, Any] = {}
        sql = (
            f"SELECT {_CHANGE_COLUMNS} FROM sync_outbox_change c"
            f" WHERE c.group_id IN {plain.in_list('group', chunk, params)} ORDER BY c.idx"
        )
        for row in reader.rows(sql, params):
            changes.setdefault(row[1], []).append(_change(row))
    return [
        OutboxGroup(
            group_id,
            ord_,
            plain.to_moment(made_at),
            status,
            tuple(json.loads(hashes)),
            tuple(json.loads(resolves)),
            tuple(changes.get(group_id, [])),
            bool(adopt),
        )
        for group_id, ord_, made_at, status, hashes, resolves, adopt in heads
    ]


def group(connection: Connection, group_id: str) -> OutboxGroup | None:
    """One group with its changes (it alone is read: answers are taken one group at a time)."""
    reader = plain.connection_reader(connection)
    found = _with_changes(reader, reader.rows(f"{_HEADS} WHERE group_id = :group_id", {"group_id": group_id}))
    return found[0] if found else None


def count_groups(connection: Connection, statuses: Sequence[str]) -> int:
    return (
        connection.scalar(select(func.count()).select_from(OUTBOX).where(OUTBOX.c.status.in_(list(statuses))))
        or 0
    )


def set_group_status(
    connection: Connection, group_id: str, status: str, answer: Mapping[str, Any] | None = None
) -> None:
    values: dict[str, Any] = {"status": status}
    if answer is not None:
        values["answer"] = canonical(answer)
    connection.execute(update(OUTBOX).where(OUTBOX.c.group_id == group_id).values(**values))


_GROUP_ANSWERED = (
    update(OUTBOX)
    .where(OUTBOX.c.group_id == bindparam("_group_id"))
    .values(status=bindparam("_status"), answer=bindparam("_answer"))
)


def set_groups_answered(
    connection: Connection, answered: Sequence[tuple[str, str, Mapping[str, Any]]]
) -> None:
    """Several groups' statuses and answers ((group id, status, answer)) in one statement."""
    if not answered:
        return
    if _on_sqlite(connection):
        connection.exec_driver_sql(
            "UPDATE sync_outbox SET status = ?, answer = ? WHERE group_id = ?",
            [(status, canonical(a), g) for g, status, a in answered],
        )
        return
    rows = [{"_group_id": g, "_status": status, "_answer": canonical(a)} for g, status, a in answered]
    connection.execute(_GROUP_ANSWERED, rows)


def count_attempt(connection: Connection, group_ids: Sequence[str]) -> None:
    connection.execute(
        update(OUTBOX).where(OUTBOX.c.group_id.in_(list(group_ids))).values(attempts=OUTBOX.c.attempts + 1)
    )


def insert_group(connection: Connection, group: OutboxGroup) -> None:
    connection.execute(
        insert(OUTBOX).values(
            group_id=group.group_id,
            ord=group.ord,
            made_at=group.made_at,
            status=group.status,
            event_hashes=canonical(list(group.event_hashes)),
            resolves=canonical(list(group.resolves)),
            answer="",
            attempts=0,
            adopt=group.adopt,
        )
    )
    rows = [
        {
            "group_id": group.group_id,
            "idx": i,
            "entity": c.entity,
            "record_id": c.record_id,
            "project_id": c.project_id,
            "op": c.op,
            "base_version": c.base_version,
            "payload": canonical(c.payload),
        }
        for i, c in enumerate(group.changes)
    ]
    if rows:
        connection.execute(insert(CHANGES), rows)


def move_group(connection: Connection, group_id: str, new_ord: int) -> None:
    connection.execute(update(OUTBOX).where(OUTBOX.c.group_id == group_id).values(ord=new_ord))


def next_ord(connection: Connection) -> int:
    return (connection.scalar(select(func.max(OUTBOX.c.ord))) or 0) + 1


def delete_changes(connection: Connection, change_ids: Sequence[int]) -> None:
    if change_ids:
        connection.execute(delete(CHANGES).where(CHANGES.c.id.in_(list(change_ids))))


def waiting_changes(
    connection: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], list[OutboxChange]]:
    """Changes not yet accepted by the server (pending, in conflict or refused), per record, oldest first."""
    wanted = sorted(set(keys))
    found: dict[tuple[str, str], list[OutboxChange]] = {}
    reader = plain.connection_reader(connection)
    for chunk in chunks([record_id for _, record_id in wanted]):
        params: dict[str, Any] = {}
        sql = (
            f"SELECT {_CHANGE_COLUMNS} FROM sync_outbox_change c"
            " JOIN sync_outbox o ON o.group_id = c.group_id"
            f" WHERE c.record_id IN {plain.in_list('record', chunk, params)} AND o.status IN {_WAITING_SQL}"
            " ORDER BY o.ord, c.idx"
        )
        for row in reader.rows(sql, params):
            found.setdefault((row[3], row[4]), []).append(_change(row))
    return {key: found[key] for key in wanted if key in found}


_WAITING_SQL = f"({plain.quoted(GroupStatus.PENDING, GroupStatus.CONFLICT, GroupStatus.REFUSED)})"


def projects_with_waiting_changes(connection: Connection) -> set[str]:
    query = (
        select(CHANGES.c.project_id)
        .join(OUTBOX, OUTBOX.c.group_id == CHANGES.c.group_id)
        .where(OUTBOX.c.status.in_(WAITING), CHANGES.c.project_id.is_not(None))
        .distinct()
    )
    return {str(p) for p in connection.scalars(query)}


def overlay(changes: Sequence[OutboxChange]) -> dict[str, Any]:
    """The newest local value of every field the waiting changes set (canonical form)."""
    values: dict[str, Any] = {}
    for change in changes:
        if change.op == "create":
            values.update(change.payload)
        else:
            values.update({name: pair[1] for name, pair in change.payload.items()})
    return values


# --- known versions and cursors --------------------------------------------------------------------


def set_known(connection: Connection, versions: Mapping[tuple[str, str], int]) -> None:
    if not versions:
        return
    if _on_sqlite(connection):  # every push's answers and every page: one upsert, no read first
        rows = [(entity, record_id, version) for (entity, record_id), version in versions.items()]
        connection.exec_driver_sql(_KNOWN_UPSERT, rows)
        return
    stored = known_versions(connection, versions)
    new = [
        {"entity": e, "record_id": r, "version": v} for (e, r), v in versions.items() if (e, r) not in stored
    ]
    insert_rows(connection, KNOWN, new)
    changed = [
        {"_entity": e, "_record_id": r, "_version": v}
        for (e, r), v in versions.items()
        if (e, r) in stored and stored[(e, r)] != v
    ]
    if changed:
        connection.execute(_KNOWN_VERSION, changed)


def _on_sqlite(connection: Connection) -> bool:
    """Whether the sync's bookkeeping writes go to the driver's ``executemany`` as plain SQL (SQLite,
    qmark parameters): a Core statement cost ~10 µs of Python per row or per IN value (a page moves
    the cursor of every scope: 200 with 100 projects), the driver a fraction of that. Their tables
    hold text and integers only, so no value needs a type's bind processor (the outbox's answers:
    its status and answer, text). Elsewhere, Core."""
    dialect = connection.dialect
    return dialect.name == "sqlite" and dialect.paramstyle == "qmark"


# A row rewritten only when its value changes (the echo of this laptop's own groups: most of a page).
_KNOWN_UPSERT = (
    "INSERT INTO sync_known (entity, record_id, version) VALUES (?, ?, ?)"
    " ON CONFLICT (entity, record_id) DO UPDATE SET version = excluded.version"
    " WHERE sync_known.version <> excluded.version"
)
_KNOWN_VERSION = (
    update(KNOWN)
    .where(KNOWN.c.entity == bindparam("_entity"), KNOWN.c.record_id == bindparam("_record_id"))
    .values(version=bindparam("_version"))
)


def read_cursors(connection: Connection) -> dict[str, int]:
    rows = plain.connection_reader(connection).rows("SELECT scope, position FROM sync_cursor")
    return {str(scope): int(position) for scope, position in rows}


_CURSORS_MOVED = (
    update(CURSORS)
    .where(CURSORS.c.scope.in_(bindparam("scopes", expanding=True)))
    .values(position=bindparam("_position"))
)


def write_cursors(connection: Connection, cursors: Mapping[str, int], removed: Sequence[str] = ()) -> None:
    if _on_sqlite(connection):
        rows = [(scope, int(position)) for scope, position in cursors.items()]
        if rows:
            connection.exec_driver_sql(_CURSOR_UPSERT, rows)
    else:
        _write_cursors_core(connection, cursors)
    if removed:
        connection.execute(delete(CURSORS).where(CURSORS.c.scope.in_(list(removed))))


_CURSOR_UPSERT = (
    "INSERT INTO sync_cursor (scope, position) VALUES (?, ?)"
    " ON CONFLICT (scope) DO UPDATE SET position = excluded.position"
    " WHERE sync_cursor.position <> excluded.position"
)


def _write_cursors_core(connection: Connection, cursors: Mapping[str, int]) -> None:
    stored = read_cursors(connection)
    new = [
        {"scope": scope, "position": position} for scope, position in cursors.items() if scope not in stored
    ]
    if new:
        connection.execute(insert(CURSORS), new)
    moved: dict[int, list[str]] = {}  # after a page most cursors move to the same position
    for scope, position in cursors.items():
        if scope in stored and stored[scope] != position:
            moved.setdefault(position, []).append(scope)
    for position, scopes in moved.items():
        for chunk in chunks(scopes):
            connection.execute(_CURSORS_MOVED, {"scopes": list(chunk), "_position": position})


# --- local rows ------------------------------------------------------------------------------------


def local_rows(connection: Connection, entity: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """id -> the local record in canonical form. On SQLite through the driver, each value through
    its column's result processor (``store.binds``) and then encoded as ``encode_row`` does: a page's
    few rows of ~30 columns cost SQLAlchemy more in the statement's set-up and its ``Row``s than the
    fetch (every pulled page reads them: most often the echo of this laptop's own groups)."""
    from deliverydesk.store.bundle_rows import encode_row

    spec = specs()[entity]
    found: dict[str, dict[str, Any]] = {}
    if _on_sqlite(connection):
        select_sql, steps = _rows_through_driver(entity, connection.dialect)
        reader = plain.connection_reader(connection)
        for chunk in chunks(sorted(set(ids))):
            params: dict[str, Any] = {}
            for raw in reader.rows(select_sql + plain.in_list("id", chunk, params), params):
                row = {
                    c.name: encode_value(c, v if p is None else p(v))
                    for (c, p), v in zip(steps, raw, strict=True)
                }
                found[row["id"]] = row
        return found
    query = _records_by_id(entity)
    for chunk in chunks(sorted(set(ids))):
        for mapped in connection.execute(query, {"ids": list(chunk)}).mappings():
            found[mapped["id"]] = encode_row(spec, mapped)
    return found


@cache
def _records_by_id(entity: str) -> Select[Any]:
    table = TABLES[entity]
    return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


@cache
def _rows_through_driver(entity: str, dialect: Any) -> tuple[str, tuple[tuple[Any, Processor], ...]]:
    """A table's rows by id as plain SQL (its ``IN`` list appended), every bundled column in the
    spec's order, with each column's spec and result processor."""
    columns, table = specs()[entity].columns, TABLES[entity]
    names = [c.name for c in columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    select_sql = f'SELECT {quoted} FROM "{table.name}" WHERE id IN '
    return select_sql, tuple(zip(columns, result_processors(table, names, dialect), strict=True))


def held_for_approval(connection: Connection, ids: Sequence[str]) -> set[str]:
    """Those of these change requests whose decision waits here for a manager's approval."""
    found: set[str] = set()
    reader = plain.connection_reader(connection)
    for chunk in chunks(sorted(set(ids))):
        params: dict[str, Any] = {}
        sql = (
            f"SELECT id FROM change_request WHERE id IN {plain.in_list('id', chunk, params)}"
            " AND decision = 'pending_approval'"
        )
        found |= {str(row[0]) for row in reader.rows(sql, params)}
    return found


def missing_blobs(connection: Connection, digests: Iterable[str]) -> list[str]:
    wanted = sorted(set(digests))
    present: set[str] = set()
    for chunk in chunks(wanted):
        present |= set(connection.scalars(select(BLOB_TABLE.c.sha256).where(BLOB_TABLE.c.sha256.in_(chunk))))
    return [d for d in wanted if d not in present]


def add_blobs(connection: Connection, blobs: Mapping[str, bytes]) -> None:
    missing = set(missing_blobs(connection, blobs))
    rows = [{"sha256": d, "size": len(data), "data": data} for d, data in blobs.items() if d in missing]
    if rows:
        connection.execute(insert(BLOB_TABLE), rows)


def blob_data(connection: Connection, digest: str) -> bytes | None:
    return connection.scalar(select(BLOB_TABLE.c.data).where(BLOB_TABLE.c.sha256 == digest))


@dataclass(frozen=True)
class PulledRow:
    """A row to write: the server's, with the local waiting changes laid over it."""

    entity: str
    row: dict[str, Any]  # canonical, as it must be locally
    version: int  # the server's version
    actors: dict[str, str]  # field -> who changed it ("" key: who created the record)


@dataclass(frozen=True)
class Written:
    entity: str
    record_id: str
    before: dict[str, Any] | None  # canonical
    after: dict[str, Any]


def write_rows(connection: Connection, rows: Sequence[PulledRow], when: datetime) -> list[Written]:
    """Write pulled rows (parents first, self links in a second pass), each change audited with the
    group it came from; returns what changed locally."""
    order = {name: i for i, name in enumerate(BUNDLED_TABLES)}
    written: list[Written] = []
    drafts: list[EventDraft] = []
    for entity in sorted({r.entity for r in rows}, key=order.__getitem__):
        batch = [r for r in rows if r.entity == entity]
        ids = [str(r.row["id"]) for r in batch]
        before = local_rows(connection, entity, ids)
        if _make_room(connection, entity, batch, before, when, drafts):
            current = local_rows(connection, entity, ids)
        else:
            current = before
        inserts: list[dict[str, Any]] = []
        for pulled in batch:
            record_id = str(pulled.row["id"])
            done = _write_row(
                connection, pulled, current.get(record_id), before.get(record_id), when, drafts, inserts
            )
            if done is not None:
                written.append(done)
        # one statement for the page's new records of this table (a first sync is mostly these)
        insert_rows(connection, TABLES[entity], inserts)
        _second_pass(connection, entity, batch)
    if drafts:
        append_events(connection, drafts)
    return written


_QUIET = {"row_version"}


def _typed(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    return decode_row(specs()[entity], row)


def _write_row(
    connection: Connection,
    pulled: PulledRow,
    local: dict[str, Any] | None,
    before: dict[str, Any] | None,
    when: datetime,
    drafts: list[EventDraft],
    inserts: list[dict[str, Any]],
) -> Written | None:
    """Write one pulled row over ``local`` (as it is now; a new one goes to ``inserts``); ``before``:
    as it was before this page (a ref may have gone to a placeholder in between), for the audit events."""
    entity, table = pulled.entity, TABLES[pulled.entity]
    record_id = str(pulled.row["id"])
    target = {**pulled.row, "row_version": pulled.version}
    if local is None:
        typed = _typed(entity, target)
        inserts.append({**typed, **dict.fromkeys(_self_refs(entity))})
        drafts.append(created(entity, typed).draft(when, pulled.actors.get("", "team server")))
        return Written(entity, record_id, None, target)
    differing = [name for name in target if name not in _QUIET and local.get(name) != target[name]]
    if not differing:  # held here as it is (often the echo of this laptop's own group): not decoded
        if local.get("row_version") != pulled.version:
            connection.execute(record_update(table, record_id).values(row_version=pulled.version))
        return None
    typed = _typed(entity, target)
    values = {name: typed[name] for name in differing if name not in _self_refs(entity)}
    connection.execute(record_update(table, record_id).values(**values, row_version=pulled.version))
    drafts += _edit_drafts(pulled, typed, _typed(entity, before or local), differing, when)
    return Written(entity, record_id, before or local, target)


def _edit_drafts(
    pulled: PulledRow,
    typed: Mapping[str, Any],
    local_typed: Mapping[str, Any],
    differing: Sequence[str],
    when: datetime,
) -> list[EventDraft]:
    """The audit events of a pulled row's changed fields, one per user (and device, group) who made them."""
    record_id = str(pulled.row["id"])
    by_actor: dict[str, dict[str, tuple[Any, Any]]] = {}
    for name in differing:
        if local_typed[name] == typed[name] or name in NOT_CHANGES:
            continue
        actor = pulled.actors.get(name) or pulled.actors.get("", "team server")
        by_actor.setdefault(actor, {})[name] = (local_typed[name], typed[name])
    drafts = []
    for actor, changes in sorted(by_actor.items()):
        edit = edited(pulled.entity, record_id, typed, changes)
        if edit is not None:
            drafts.append(edit.draft(when, actor))
    return drafts


@cache
def _self_refs(entity: str) -> list[str]:
    table = TABLES[entity]
    return [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]


def _second_pass(connection: Connection, entity: str, batch: Sequence[PulledRow]) -> None:
    table, self_refs = TABLES[entity], _self_refs(entity)
    for pulled in batch if self_refs else ():
        if not any(pulled.row.get(c) for c in self_refs):
            continue
        typed = _typed(entity, pulled.row)
        connection.execute(
            record_update(table, str(pulled.row["id"])).values({c: typed[c] for c in self_refs})
        )


def _make_room(
    connection: Connection,
    entity: str,
    batch: Sequence[PulledRow],
    local: Mapping[str, dict[str, Any]],
    when: datetime,
    drafts: list[EventDraft],
) -> bool:
    """Pulled refs (and project codes) may be held locally by another record: a page record whose
    ref changes, or one made offline and not yet accepted. Page records move to a placeholder first;
    another local holder gets the next free ref locally (still provisional until the server says).
    Returns whether anything moved.

    Only a record new here, or whose unique values the page changes, can meet another holder: a
    record keeping its own values holds them (the tables' unique constraints), so the rest of the
    page (most often the echo of this laptop's own accepted groups) is not looked up."""
    table = TABLES[entity]
    page_ids = {str(r.row["id"]) for r in batch}
    batch = [r for r in batch if _may_clash(entity, r.row, local.get(str(r.row["id"])))]
    _remove_local_twins(connection, entity, batch, page_ids, when)
    key = "code" if entity == "project" else "ref" if "ref" in table.c and entity != "letter" else None
    if key is None or not batch:
        return False
    moved = False
    for pulled in batch:
        record_id = str(pulled.row["id"])
        mine = local.get(record_id)
        if mine is not None and mine.get(key) != pulled.row.get(key):
            connection.execute(record_update(table, record_id).values({key: f"~{record_id[:14]}"}))
            moved = True
    holders = _holders(connection, entity, key, batch)
    for pulled in batch:
        wanted = pulled.row.get(key)
        holder = holders.get(_holder_key(key, pulled.row))
        if holder is not None and holder != pulled.row["id"] and holder not in page_ids:
            _move_aside(connection, entity, key, holder, str(wanted), when, drafts)
            moved = True
    return moved


def _may_clash(entity: str, row: Mapping[str, Any], mine: Mapping[str, Any] | None) -> bool:
    """Whether a pulled row may take unique values another local record holds: it is new here, or it
    changes its project, ref or another unique set (project codes are compared without case, which
    no constraint enforces: always looked up)."""
    if mine is None or entity == "project":
        return True
    columns = {"project_id", "ref", *(c for found in specs()[entity].unique_sets for c in found)}
    return any(mine.get(name) != row.get(name) for name in columns if name in row)


def _holder_key(key: str, row: Mapping[str, Any]) -> tuple[str, str]:
    if key == "code":
        return ("", str(row.get("code")).upper())
    return (str(row.get("project_id")), str(row.get("ref")))


def _holders(
    connection: Connection, entity: str, key: str, batch: Sequence[PulledRow]
) -> dict[tuple[str, str], str]:
    """(project, ref) — or ("", CODE) — -> the local record holding it, for the page's rows at once."""
    table = TABLES[entity]
    found: dict[tuple[str, str], str] = {}
    wanted = sorted({_holder_key(key, pulled.row) for pulled in batch})
    for chunk in chunks(wanted):
        if key == "code":
            query = select(table.c.id, table.c.code).where(
                func.upper(table.c.code).in_([c for _, c in chunk])
            )
            found.update({("", str(row.code).upper()): row.id for row in connection.execute(query)})
        else:
            query = select(table.c.id, table.c.project_id, table.c.ref).where(
                tuple_(table.c.project_id, table.c.ref).in_(list(chunk))
            )
            found.update({(row.project_id, row.ref): row.id for row in connection.execute(query)})
    return found


def _move_aside(
    connection: Connection,
    entity: str,
    key: str,
    holder: str,
    taken: str,
    when: datetime,
    drafts: list[EventDraft],
) -> None:
    table = TABLES[entity]
    if key == "code":
        new = next(
            f"{taken[:28]}-{n}"
            for n in range(2, 10_000)
            if connection.scalar(
                select(table.c.id).where(func.upper(table.c.code) == f"{taken[:28]}-{n}".upper())
            )
            is None
        )
    else:
        project_id = connection.scalar(select(table.c.project_id).where(table.c.id == holder))
        refs = list(connection.scalars(select(table.c.ref).where(table.c.project_id == project_id)))
        prefix = taken.rsplit("-", 1)[0]
        new = (
            next_ref(RefPrefix(prefix), refs) if prefix in {p.value for p in RefPrefix} else f"~{holder[:14]}"
        )
    connection.execute(record_update(table, holder).values({key: new}))
    values = {"id": holder, key: new}
    change = edited(entity, holder, values, {key: (taken, new)})
    if change is not None:
        drafts.append(change.draft(when, "team server (a reference made offline moved aside)"))
    add_notice(connection, when, "moved_aside", {"entity": entity, "from": taken, "to": new})


def remove_duplicate(
    connection: Connection, entity: str, record_id: str, same_as: str, when: datetime
) -> bool:
    """Remove a record made here that the team server already holds under another id (the same
    non-working day recorded on two laptops): the twin comes with the pull. Audited; False when
    something here still links to it (it then stays)."""
    table = TABLES[entity]
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        return True
    try:
        with connection.begin_nested():
            connection.execute(delete(table).where(table.c.id == record_id))
    except IntegrityError:
        return False
    project_id = row.get("project_id")
    gone = {k: (v, None) for k, v in row.items() if k not in NOT_CHANGES and v not in (None, "")}
    change = RecordChange(entity, record_id, project_id, AuditAction.DELETE, gone)
    append_events(connection, [change.draft(when, f"team server (the same record is {same_as})")])
    connection.execute(delete(KNOWN).where(KNOWN.c.entity == entity, KNOWN.c.record_id == record_id))
    add_notice(
        connection,
        when,
        "duplicate",
        {"entity": entity, "project_code": project_code(connection, project_id)},
    )
    return True


def _remove_local_twins(
    connection: Connection, entity: str, batch: Sequence[PulledRow], page_ids: set[str], when: datetime
) -> None:
    """A pulled record whose unique values a record made here (never on the server) holds."""
    from deliverydesk.store.sync_server import plain_unique_sets, unique_holder

    for columns in plain_unique_sets(entity):
        for pulled in batch:
            holder = unique_holder(connection, entity, {name: pulled.row.get(name) for name in columns})
            if holder is None or holder == pulled.row["id"] or holder in page_ids:
                continue
            if not known_versions(connection, [(entity, holder)]):
                remove_duplicate(connection, entity, holder, str(pulled.row["id"]), when)


def project_code(connection: Connection, project_id: str | None) -> str:
    if project_id is None:
        return ""
    return connection.scalar(select(ProjectRow.code).where(ProjectRow.id == project_id)) or ""


# --- conflicts, notices, reservations ------------------------------------------------------------------


def add_conflicts(connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    stored = set(
        connection.scalars(select(CONFLICTS.c.id).where(CONFLICTS.c.id.in_([r["id"] for r in rows])))
    )
    new = [dict(r) for r in rows if r["id"] not in stored]
    if new:
        connection.execute(insert(CONFLICTS), new)


def conflicts(connection: Connection, *, open_only: bool = True) -> list[dict[str, Any]]:
    query = _OPEN_CONFLICTS if open_only else _CONFLICTS
    return [dict(row) for row in connection.execute(query).mappings()]


_CONFLICTS = select(CONFLICTS).order_by(CONFLICTS.c.created_at, CONFLICTS.c.id)
_OPEN_CONFLICTS = _CONFLICTS.where(CONFLICTS.c.status == "open")


def conflicts_of_group(connection: Connection, group_id: str) -> list[dict[str, Any]]:
    query = select(CONFLICTS).where(CONFLICTS.c.group_id == group_id)
    return [dict(row) for row in connection.execute(query).mappings()]


def update_conflict(connection: Connection, conflict_id: str, values: Mapping[str, Any]) -> None:
    connection.execute(update(CONFLICTS).where(CONFLICTS.c.id == conflict_id).values(**values))


def open_conflict_fields(connection: Connection) -> list[dict[str, Any]]:
    """The open conflicts' ids, kinds, records and fields (what every pulled page refreshes)."""
    rows = plain.connection_reader(connection).rows(
        "SELECT id, kind, entity, record_id, fields FROM sync_conflict WHERE status = 'open'"
    )
    names = ("id", "kind", "entity", "record_id", "fields")
    return [dict(zip(names, row, strict=True)) for row in rows]


def open_conflict_records(connection: Connection) -> set[tuple[str, str]]:
    rows = plain.connection_reader(connection).rows(
        "SELECT entity, record_id FROM sync_conflict WHERE status = 'open'"
    )
    return {(str(entity), str(record_id)) for entity, record_id in rows}


def add_notice(connection: Connection, when: datetime, kind: str, params: Mapping[str, Any]) -> None:
    connection.execute(
        insert(NOTICES).values(
            created_at=when, kind=kind, params=canonical(dict(params)), shown=False, dismissed=False
        )
    )


def notices(
    connection: Connection,
    *,
    since: datetime | None = None,
    undismissed: bool = False,
) -> list[dict[str, Any]]:
    query = _NOTICES
    if undismissed:
        query = query.where(NOTICES.c.dismissed.is_(False))
    if since is not None:
        query = query.where(NOTICES.c.created_at >= since)
    return [{**dict(row), "params": json.loads(row.params)} for row in connection.execute(query).mappings()]


_NOTICES = select(NOTICES).order_by(NOTICES.c.id)


def unshown_notices(connection: Connection) -> list[dict[str, Any]]:
    """The notices no sync has handed over yet (their ids, kinds and params), oldest first: read by
    every sync's end, as plain SQL."""
    rows = plain.connection_reader(connection).rows(
        "SELECT id, kind, params FROM sync_notice WHERE NOT shown ORDER BY id"
    )
    return [{"id": int(i), "kind": str(kind), "params": json.loads(params)} for i, kind, params in rows]


def dismiss_notices(connection: Connection, ids: Sequence[int]) -> None:
    if ids:
        connection.execute(update(NOTICES).where(NOTICES.c.id.in_(list(ids))).values(dismissed=True))


def held_requests(connection: Connection, limit: int) -> list[dict[str, Any]]:
    """Live change requests whose decision waits for a manager's approval, oldest decision first."""
    request, project = TABLES["change_request"], TABLES["project"]
    query = (
        select(
            request.c.id,
            request.c.ref,
            request.c.title,
            request.c.proposed_decision,
            request.c.effort_hours,
            request.c.cost_cents,
            request.c.decided_by,
            request.c.decided_on,
            request.c.rationale,
            project.c.id.label("project_id"),
            project.c.code.label("project_code"),
            project.c.currency,
        )
        .join(project, project.c.id == request.c.project_id)
        .where(
            request.c.decision == "pending_approval",
            request.c.archived_at.is_(None),
            project.c.archived_at.is_(None),
        )
        .order_by(request.c.decided_on, project.c.code, request.c.ref)
        .limit(limit)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def mark_notices_shown(connection: Connection, ids: Sequence[int]) -> None:
    if ids:
        connection.execute(update(NOTICES).where(NOTICES.c.id.in_(list(ids))).values(shown=True))


def add_reservation(connection: Connection, project_id: str, ref: str, version: int, when: datetime) -> None:
    exists = select(RESERVATIONS.c.version).where(
        RESERVATIONS.c.project_id == project_id, RESERVATIONS.c.ref == ref, RESERVATIONS.c.version == version
    )
    if connection.scalar(exists) is None:
        connection.execute(
            insert(RESERVATIONS).values(project_id=project_id, ref=ref, version=version, reserved_at=when)
        )


def reserved(connection: Connection, project_id: str, ref: str, version: int) -> bool:
    query = select(RESERVATIONS.c.version).where(
        RESERVATIONS.c.project_id == project_id, RESERVATIONS.c.ref == ref, RESERVATIONS.c.version == version
    )
    return connection.scalar(query) is not None


# --- joining with data already here ------------------------------------------------------------------


def records_by_scope(connection: Connection) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every local record, grouped for a first push: the taxonomy, then per project its client, the
    client's contacts, the project and everything in it (parents first)."""
    from deliverydesk.store.sync_server import record_scope_rows

    groups: dict[str, list[tuple[str, str]]] = {}
    for entity in BUNDLED_TABLES:
        table = TABLES[entity]
        ids = list(connection.scalars(select(table.c.id).order_by(table.c.created_at, table.c.id)))
        for record_id, scope in record_scope_rows(connection, entity, ids).items():
            groups.setdefault(scope, []).append((entity, record_id))
    project = TABLES["project"]
    ordered: list[tuple[str, list[tuple[str, str]]]] = []
    if "shared" in groups:
        ordered.append(("shared", groups.pop("shared")))
    for row in connection.execute(select(project.c.id, project.c.client_id).order_by(project.c.created_at)):
        records = groups.pop(f"c:{row.client_id}", []) + groups.pop(f"p:{row.id}", [])
        ordered.append((f"p:{row.id}", records))
    ordered += sorted(groups.items())  # clients without projects
    return ordered


# --- small writes of the sync itself ---------------------------------------------------------------


def project_of_row(connection: Connection, entity: str, row: Mapping[str, Any]) -> str | None:
    return project_of(connection, entity, row)


def scope_code(connection: Connection, scope: str) -> str:
    return project_code(connection, scope[2:]) if scope.startswith("p:") else scope


def typed_fields(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    from deliverydesk.store.bundle_rows import decode_value

    columns = {c.name: c for c in specs()[entity].columns}
    return {name: decode_value(columns[name], value) for name, value in values.items()}


def write_fields(connection: Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
    """Set canonical values on a local record (a local change: its row version moves on)."""
    table = TABLES[entity]
    typed = typed_fields(entity, values)
    connection.execute(record_update(table, record_id).values(**typed, row_version=table.c.row_version + 1))


def archive_locally(connection: Connection, entity: str, record_id: str, when: datetime) -> None:
    """Archive a record the team server refused and does not hold (audited)."""
    table = TABLES[entity]
    archived = connection.scalar(select(table.c.archived_at).where(table.c.id == record_id))
    exists = connection.scalar(select(table.c.id).where(table.c.id == record_id)) is not None
    if not exists or archived is not None:
        return
    connection.execute(
        update(table)
        .where(table.c.id == record_id)
        .values(archived_at=when, updated_at=when, row_version=table.c.row_version + 1)
    )
    change = edited(entity, record_id, {"id": record_id}, {"archived_at": (None, when)})
    if change is not None:
        append_events(connection, [change.draft(when, "team server (a refused change undone)")])


def forget_team(connection: Connection) -> None:
    """Leave the team server: the sync bookkeeping goes, the records stay."""
    for table in (CONFLICTS, NOTICES, RESERVATIONS, CURSORS, KNOWN, CHANGES, OUTBOX, STATE):
        connection.execute(delete(table))
