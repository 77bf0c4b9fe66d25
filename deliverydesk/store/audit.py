"""Writing and reading the audit trail: events appended in the same transaction as the change.

Every flush of a session made by ``Database`` appends one event per created, changed, archived,
restored or deleted record (``after_flush``: the attributes' history is still there), chained to the
anchor row read ``FOR UPDATE`` (on SQLite the flush already holds the write lock). Bundle imports
write with Core, past the ORM: ``audit_upsert`` records those. What is not audited: file contents
(``blob``: an attachment's event carries the digest), the audit tables themselves, and tables that
are derived from others (``UNAUDITED_TABLES``).

Who: the engineer's name from Settings, read once per open database and re-read after a flush that
changes it; without one, the operating system's login name.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Connection, Table, bindparam, event, insert, inspect, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from deliverydesk.domain.audit import (
    AuditAction,
    AuditEvent,
    ChainHead,
    ChainReport,
    EventDraft,
    chain_events,
    changes_json,
    describe_problem,
    parse_changes,
    verify_chain,
)
from deliverydesk.errors import AuditTrailMissingError
from deliverydesk.i18n import msg
from deliverydesk.store.audit_tables import AUDIT_HEAD_ID, AuditEventRow, AuditHeadRow
from deliverydesk.store.bulk import insert_rows
from deliverydesk.store.tables import Base, ProjectRow, RecordMixin, SettingsRow, utc_now

EVENTS: Table = AuditEventRow.__table__  # type: ignore[assignment]
HEAD: Table = AuditHeadRow.__table__  # type: ignore[assignment]
# Moves the anchor after every write (built once: see store.sync_server on statements built once).
_MOVE_ANCHOR = (
    update(HEAD)
    .where(HEAD.c.id == AUDIT_HEAD_ID)
    .values(last_seq=bindparam("_seq"), last_hash=bindparam("_hash"))
)
AUDIT_TABLES = frozenset({EVENTS.name, HEAD.name})
UNAUDITED_TABLES: frozenset[str] = frozenset()  # derived tables (rebuilt from others), if any
# the event's own when and which, and the write counter
NOT_CHANGES = frozenset({"id", "created_at", "updated_at", "row_version"})
BUNDLE_IMPORT = "bundle import"
_VERIFY_BATCH = 1000


@dataclass
class AuditContext:
    """Who and when for the events of one open database. ``clock`` is the services' clock."""

    clock: Callable[[], datetime] = utc_now
    engineer: str | None = field(default=None)  # from Settings; None = not read yet

    def actor(self, connection: Connection) -> str:
        if self.engineer is None:
            query = select(SettingsRow.engineer_name).order_by(SettingsRow.created_at).limit(1)
            self.engineer = (connection.scalar(query) or "").strip()
        return self.engineer or login_name()


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the user database
        return "unknown user"


def install_audit(sessions: sessionmaker[Session], context: AuditContext) -> None:
    """Append audit events to every flush of the sessions ``sessions`` makes."""
    event.listen(sessions, "before_flush", _read_unloaded_old_values)
    event.listen(sessions, "after_flush", partial(_after_flush, context))


# --- changes of ORM objects --------------------------------------------------------------------


def _audited(obj: object) -> bool:
    return isinstance(obj, RecordMixin) and obj.__tablename__ not in UNAUDITED_TABLES  # type: ignore[attr-defined]


def _keys(obj: object) -> list[str]:
    return [a.key for a in inspect(type(obj)).column_attrs if a.key not in NOT_CHANGES]


def _loaded(obj: object) -> dict[str, Any]:
    values = inspect(obj).dict
    return {key: values[key] for key in _keys(obj) if key in values}


_OLD_VALUES = "audit_old_values"  # session.info key: {(table, id): {field: value read before the flush}}


def _unknown_old(obj: object) -> list[str]:
    """Fields set on a loaded record whose old value was not loaded (expired): history has no "before"."""
    state = inspect(obj)
    return [k for k in _keys(obj) if (h := state.attrs[k].history).added and not h.deleted]


def _read_unloaded_old_values(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Before the flush the database still holds the old values the history lacks: read them."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for obj in session.dirty:
        keys = _unknown_old(obj) if _audited(obj) else []
        if keys:
            table: Table = obj.__table__  # type: ignore[attr-defined]
            query = select(*(table.c[k] for k in keys)).where(table.c.id == obj.id)  # type: ignore[attr-defined]
            row = session.connection().execute(query).first()  # no autoflush: we are before one
            found[(table.name, obj.id)] = dict(zip(keys, row or (), strict=False))  # type: ignore[attr-defined]
    session.info[_OLD_VALUES] = found


def _edits(obj: object, read_before: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """{field: (old, new)} of the attributes changed on ``obj`` in this flush."""
    state, changes = inspect(obj), {}
    for key in _keys(obj):
        history = state.attrs[key].history
        if history.added or history.deleted:
            old = history.deleted[0] if history.deleted else read_before.get(key)
            new = history.added[0] if history.added else None
            if old != new:
                changes[key] = (old, new)
    return changes


def _project_of(entity: str, record_id: str, values: Mapping[str, Any]) -> str | None:
    return record_id if entity == ProjectRow.__tablename__ else values.get("project_id")


@dataclass(frozen=True)
class RecordChange:
    """One record's change in one flush (or bundle import): what the audit event and, on a laptop in
    a team, the sync outbox are made of."""

    entity: str
    record_id: str
    project_id: str | None
    action: AuditAction
    changes: dict[str, tuple[Any, Any]]

    def draft(self, when: datetime, actor: str) -> EventDraft:
        text = changes_json(self.changes)
        return EventDraft(when, actor, self.entity, self.record_id, self.project_id, self.action, text)


def _action(changes: Mapping[str, tuple[Any, Any]]) -> AuditAction:
    if "archived_at" in changes:
        old, new = changes["archived_at"]
        if (old is None) != (new is None):
            return AuditAction.ARCHIVE if new is not None else AuditAction.RESTORE
    return AuditAction.UPDATE


def created(entity: str, values: Mapping[str, Any]) -> RecordChange:
    """A new record: its initial values (empty ones left out)."""
    changes = {k: (None, v) for k, v in values.items() if k not in NOT_CHANGES and v not in (None, "")}
    record_id = str(values["id"])
    return RecordChange(
        entity, record_id, _project_of(entity, record_id, values), AuditAction.CREATE, changes
    )


def edited(
    entity: str, record_id: str, values: Mapping[str, Any], changes: dict[str, Any]
) -> RecordChange | None:
    """A changed record, or None when nothing but its timestamps changed."""
    if not changes:
        return None
    return RecordChange(entity, record_id, _project_of(entity, record_id, values), _action(changes), changes)


def _flush_changes(session: Session) -> list[RecordChange]:
    found: list[RecordChange] = []
    read_before = session.info.pop(_OLD_VALUES, {})
    for obj in session.new:
        if _audited(obj):
            found.append(created(obj.__tablename__, {"id": obj.id, **_loaded(obj)}))
    for obj in session.dirty:
        if _audited(obj):
            old_values = read_before.get((obj.__tablename__, obj.id), {})
            change = edited(obj.__tablename__, obj.id, _loaded(obj), _edits(obj, old_values))
            found += [change] if change is not None else []
    for obj in session.deleted:
        if _audited(obj):
            values = _loaded(obj)
            gone = {k: (v, None) for k, v in values.items() if v not in (None, "")}
            project_id = _project_of(obj.__tablename__, obj.id, values)
            found.append(RecordChange(obj.__tablename__, obj.id, project_id, AuditAction.DELETE, gone))
    return found


_ACTOR_NOTE = "audit_actor_note"  # session.info key: what the session's changes are part of


def _after_flush(context: AuditContext, session: Session, _flush_context: Any) -> None:
    changes = _flush_changes(session)
    if any(c.entity == SettingsRow.__tablename__ and "engineer_name" in c.changes for c in changes):
        context.engineer = None  # read again, inside this transaction
    if changes:
        connection = session.connection()
        when, actor = context.clock(), _with_note(context.actor(connection), session)
        events = append_events(connection, [change.draft(when, actor) for change in changes])
        _after_events(session, changes, events)


# Hook for what else a flush's changes feed, in the same transaction: the unit of work puts a
# callable here (``store.sync_capture`` on a laptop in a team); sync's own writes leave it out.
AFTER_EVENTS = "audit_after_events"


def _after_events(session: Session, changes: Sequence[RecordChange], events: Sequence[AuditEvent]) -> None:
    hook = session.info.get(AFTER_EVENTS)
    if hook is not None:
        hook(session, changes, events)


def _with_note(actor: str, session: Session) -> str:
    note = session.info.get(_ACTOR_NOTE)
    return f"{actor} ({note})" if note else actor


def record_import(session: Session, *, project_id: str, source: str, sha256: str, kind: str) -> None:
    """Mark the session's changes as one import of a file: each of its events names the file as part
    of the actor ("Name (import of plan.xml)"), and one ``import`` event on the project records the
    file's name, its SHA-256, its kind and what it did. Call before the import's first flush."""
    session.info[_ACTOR_NOTE] = f"{IMPORT_OF} {source}"
    facts: dict[str, object] = {"file": source, "sha256": sha256, "format": kind}
    session.info[_IMPORT_FACTS] = (project_id, facts)


IMPORT_OF = "import of"
UNDO = "undo"  # the actor note of a compensating change made by the window's Undo or Redo


def record_undo(session: Session) -> None:
    """Mark the session's changes as an Undo (or Redo) of the user's own recent action: each event names
    it as part of the actor ("Name (undo)"), so the trail tells a correction from a fresh change."""
    session.info[_ACTOR_NOTE] = UNDO


_IMPORT_FACTS = "audit_import_facts"


def finish_import(session: Session, when: datetime, counts: Mapping[str, int]) -> None:
    """Append the import event itself (with the final counts), in the import's transaction."""
    project_id, facts = session.info.pop(_IMPORT_FACTS)
    session.flush()
    changes = {name: (None, value) for name, value in {**facts, **counts}.items()}
    connection = session.connection()
    actor = _with_note(AuditContext().actor(connection), session)
    change = RecordChange(ProjectRow.__tablename__, project_id, project_id, AuditAction.IMPORT, changes)
    append_events(connection, [change.draft(when, actor)])


# --- the chain ---------------------------------------------------------------------------------


def read_anchor(connection: Connection) -> tuple[ChainHead, bool]:
    """The anchor (locked for this transaction) and whether its row exists (``append_after``)."""
    return _read_head(connection)


def _read_head(connection: Connection) -> tuple[ChainHead, bool]:
    """The anchor (locked for this transaction) and whether its row exists."""
    query = select(HEAD.c.last_seq, HEAD.c.last_hash).where(HEAD.c.id == AUDIT_HEAD_ID).with_for_update()
    row = connection.execute(query).first()
    if row is not None:
        return ChainHead(row.last_seq, row.last_hash), True
    # The anchor row was removed: carry on from the newest event (``check`` reports the removal).
    newest = connection.execute(select(EVENTS.c.seq, EVENTS.c.hash).order_by(EVENTS.c.seq.desc()).limit(1))
    last = newest.first()
    return (ChainHead(last.seq, last.hash) if last is not None else ChainHead()), False


def append_events(connection: Connection, drafts: Sequence[EventDraft]) -> list[AuditEvent]:
    """Chain ``drafts`` after the anchor and move the anchor, in the caller's transaction; returns
    the events as chained.
    Refuses (AuditTrailMissingError) when the audit tables were removed: no write goes unrecorded."""
    try:
        head, anchored = _read_head(connection)
    except OperationalError as exc:
        if trail_missing(connection):
            raise AuditTrailMissingError(
                msg(
                    "This database's audit trail was removed outside DeliveryDesk, so nothing can be saved:"
                    " every change must be recorded in it."
                ),
                hint=msg(
                    "Restore the database from a backup (deliverydesk restore --latest);"
                    " 'deliverydesk check' shows what is wrong."
                ),
            ) from exc
        raise
    return append_after(connection, head, anchored, drafts)


def append_after(
    connection: Connection, head: ChainHead, anchored: bool, drafts: Sequence[EventDraft]
) -> list[AuditEvent]:
    """``append_events`` after an anchor the caller read and locked itself (``read_anchor``, or in
    a statement of its own): only writes, none of whose results are read, so they can go to the
    database together (the team server's tail)."""
    if not drafts:
        return []
    events, new_head = chain_events(head, drafts)
    insert_rows(connection, EVENTS, [{**e.__dict__, "action": str(e.action)} for e in events])
    if anchored:
        connection.execute(_MOVE_ANCHOR, {"_seq": new_head.seq, "_hash": new_head.hash})
    else:
        connection.execute(
            insert(HEAD).values(id=AUDIT_HEAD_ID, last_seq=new_head.seq, last_hash=new_head.hash)
        )
    return events


def audit_upsert(
    session: Session,
    table: Table,
    new: Sequence[Mapping[str, Any]],
    changed: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]],
    when: datetime,
) -> None:
    """Events for rows a bundle import inserted (``new``) or overwrote (``(stored, imported)`` pairs)."""
    if table.name in UNAUDITED_TABLES:
        return
    changes = [created(table.name, row) for row in new]
    for stored, row in changed:
        edits = {k: (stored[k], row[k]) for k in row if k not in NOT_CHANGES and stored[k] != row[k]}
        change = edited(table.name, str(row["id"]), row, edits)
        changes += [change] if change is not None else []
    if changes:
        connection = session.connection()
        actor = f"{AuditContext().actor(connection)} ({BUNDLE_IMPORT})"
        events = append_events(connection, [change.draft(when, actor) for change in changes])
        _after_events(session, changes, events)


# --- reading -----------------------------------------------------------------------------------


def _event(row: Any) -> AuditEvent:
    return AuditEvent(**row._mapping)  # the columns are the event's fields


def record_events(session: Session, record_id: str, limit: int = 1000) -> list[AuditEvent]:
    """The newest ``limit`` events of one record, newest first."""
    query = select(EVENTS).where(EVENTS.c.record_id == record_id).order_by(EVENTS.c.seq.desc()).limit(limit)
    return [_event(row) for row in session.execute(query)]


def trail_start(session: Session) -> datetime | None:
    """When the audit trail began (its first event), None while it is empty."""
    return session.scalar(select(EVENTS.c.occurred_at).order_by(EVENTS.c.seq).limit(1))


def _all_events(connection: Connection) -> Iterator[AuditEvent]:
    query = select(EVENTS).order_by(EVENTS.c.seq)
    for row in connection.execute(query, execution_options={"yield_per": _VERIFY_BATCH}):
        yield _event(row)


def verify_trail(connection: Connection) -> ChainReport:
    """The whole chain checked in one streaming pass (memory stays bounded on any size)."""
    row = connection.execute(
        select(HEAD.c.last_seq, HEAD.c.last_hash).where(HEAD.c.id == AUDIT_HEAD_ID)
    ).first()
    head = ChainHead(row.last_seq, row.last_hash) if row is not None else None
    return verify_chain(_all_events(connection), head)


_NAMING_COLUMNS = ("ref", "code", "name", "title")  # what names a record to a person, best first


def _naming_column(table: Table) -> Any:
    return next((table.c[name] for name in _NAMING_COLUMNS if name in table.c), None)


def _linked_ids(events: Sequence[AuditEvent]) -> dict[str, set[str]]:
    """Target table -> ids that the events' changed link columns (foreign keys) point at."""
    wanted: dict[str, set[str]] = {}
    for audit_event in events:
        table = Base.metadata.tables.get(audit_event.entity)
        for change in parse_changes(audit_event.changes) if table is not None else ():
            column = table.c.get(change.field) if table is not None else None
            for key in column.foreign_keys if column is not None else ():
                ids = {v for v in (change.before, change.after) if isinstance(v, str)}
                wanted.setdefault(key.column.table.name, set()).update(ids)
    return wanted


def link_labels(session: Session, events: Sequence[AuditEvent]) -> dict[str, str]:
    """id -> how a person names the record (ref, code, name or title) for the ids the events link to."""
    labels: dict[str, str] = {}
    for table_name, ids in _linked_ids(events).items():
        table = Base.metadata.tables[table_name]
        naming = _naming_column(table)
        if naming is None:
            continue
        query = select(table.c.id, naming).where(table.c.id.in_(sorted(ids)[:500]))
        labels.update({row[0]: str(row[1]) for row in session.execute(query) if row[1]})
    return labels


def _record_label(connection: Connection, entity: str, record_id: str) -> str:
    """ "change request CR-3" (or the record's name); the id when there is none (the entity may be forged)."""
    name = entity.replace("_", " ")
    table = Base.metadata.tables.get(entity)
    naming = _naming_column(table) if table is not None else None
    if table is None or naming is None:
        return f"{name} {record_id}"
    found = connection.scalar(select(naming).where(table.c.id == record_id))
    return f"{name} {str(found or record_id)[:60]}"


def record_label(connection: Connection, entity: str, record_id: str) -> str:
    return _record_label(connection, entity, record_id)


def trail_missing(connection: Connection) -> bool:
    """Whether an audit table is gone (dropped by hand: the schema revision says it exists)."""
    found = inspect(connection)
    return not (found.has_table(EVENTS.name) and found.has_table(HEAD.name))


def trail_lines(connection: Connection, *, expected: bool = True) -> tuple[bool, list[str]]:
    """``deliverydesk check``'s lines about the audit trail's chain, and whether it is intact.
    ``expected``: the schema revision has the audit tables (they were made by revision 0002)."""
    if trail_missing(connection):
        if not expected:
            return True, ["audit trail: not started (it begins after the upgrade on the next open)"]
        return False, [
            "audit trail: MISSING (its tables were removed from the file outside DeliveryDesk; "
            "nothing can be written until the database is restored from a backup)"
        ]
    report = verify_trail(connection)
    if report.ok:
        since = f", since {report.first_occurred_at:%Y-%m-%d}" if report.first_occurred_at else ""
        return True, [f"audit trail: ok ({report.events} events{since})"]
    lines = ["audit trail: TAMPERED"]
    for problem in report.problems:
        label = _record_label(connection, problem.entity, problem.record_id) if problem.entity else ""
        lines.append(f"  {describe_problem(problem, label)}")
    if report.more_problems:
        lines.append(f"  … and {report.more_problems} more problem(s)")
    return False, lines
