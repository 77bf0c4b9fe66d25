"""The audit trail against the records: does every audited row hold what its newest events say?

The hash chain proves that the events were not edited; this proves that the records were not edited
past the events (a hand edit with a SQLite tool changes a row and writes no event). For each audited
table, the events of its records are replayed in sequence order (a create gives the initial values,
an update the new ones, a delete removes the record) and compared with the rows as they are, field by
field, in the events' JSON form. One table's replayed state is held at a time.

Also here: witnesses of the trail's head kept outside the table (in backups, in issued documents):
a head the trail does not contain means its newest events were removed and the anchor moved.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, DateTime, String, Table, func, inspect, select, type_coerce

from deliverydesk.domain.audit import GENESIS_HASH, AuditAction, ChainHead, EventDraft, audit_value
from deliverydesk.store.audit import (
    EVENTS,
    HEAD,
    NOT_CHANGES,
    UNAUDITED_TABLES,
    RecordChange,
    append_events,
    created,
)
from deliverydesk.store.audit_tables import AUDIT_HEAD_ID
from deliverydesk.store.tables import Base, RecordMixin, UTCDateTime

MAX_REPORTED = 10
_BATCH = 1000


def audited_tables() -> list[Table]:
    """The tables whose every write is an audit event (every ``RecordMixin`` table)."""
    tables = []
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if issubclass(mapper.class_, RecordMixin) and isinstance(table, Table):
            tables.append(table) if table.name not in UNAUDITED_TABLES else None
    return sorted(tables, key=lambda t: t.name)


@dataclass(frozen=True)
class Difference:
    table: str
    record_id: str
    field: str  # "" when the whole record differs (missing, or present without events)
    recorded: Any  # what the trail says (its JSON form)
    found: Any

    def describe(self, label: str) -> str:
        if self.field == "" and self.found is None:
            return f"{label}: deleted outside DeliveryDesk (the audit trail says it exists)"
        if self.field == "" and self.recorded is None:
            return f"{label}: present, but the audit trail never recorded it (added outside DeliveryDesk)"
        if self.field == "":
            return f"{label}: present, but the audit trail recorded its deletion"
        found, recorded = _excerpts(self.found, self.recorded)
        return (
            f"{label}: field {self.field} is {found} but the audit trail's last value is "
            f"{recorded} (edited outside DeliveryDesk)"
        )


def _excerpts(found: Any, recorded: Any, width: int = 60) -> tuple[str, str]:
    """Both values in at most ``width`` characters, cut around where they first differ: a letter's
    long JSON changed deep inside, and its first 60 characters were the same in both."""
    texts = [json.dumps(value, ensure_ascii=False) for value in (found, recorded)]
    first = next((i for i, (a, b) in enumerate(zip(*texts, strict=False)) if a != b), min(map(len, texts)))
    start = max(0, first - width // 3) if max(map(len, texts)) > width else 0
    cut = [_cut(text, start, width) for text in texts]
    return cut[0], cut[1]


def _cut(text: str, start: int, width: int) -> str:
    head = "…" if start else ""
    piece = text[start : start + width - len(head)]
    if start + len(piece) < len(text):
        piece = piece[:-1] + "…"
    return head + piece


@dataclass
class _Replayed:
    values: dict[str, Any]
    deleted: bool = False


def _replayed(connection: Connection, entity: str) -> Iterator[tuple[str, _Replayed]]:
    """Each record's newest state by the trail, in record id order: one record in memory at a time."""
    query = (
        select(EVENTS.c.record_id, EVENTS.c.action, EVENTS.c.changes)
        .where(EVENTS.c.entity == entity)
        .order_by(EVENTS.c.record_id, EVENTS.c.seq)
    )
    current: tuple[str, _Replayed] | None = None
    for record_id, action, changes in connection.execute(query, execution_options={"yield_per": _BATCH}):
        if current is None or current[0] != record_id:
            if current is not None:
                yield current
            current = (record_id, _Replayed({}))
        _apply(current[1], action, changes)
    if current is not None:
        yield current


def _apply(record: _Replayed, action: str, changes: str) -> None:
    if action == "delete":
        record.deleted, record.values = True, {}
        return
    try:
        pairs = json.loads(changes)
    except ValueError:
        pairs = {}  # an altered event: the chain check reports it
    record.deleted = False
    for name, pair in pairs.items() if isinstance(pairs, dict) else ():
        if isinstance(pair, list) and len(pair) == 2:
            record.values[name] = pair[1]


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _raw(columns: list[Any]) -> list[Any]:
    """The columns as stored, without the models' conversions: a value edited by hand (an unknown
    enum value, a date that is not one) must be reported, not crash the reading."""
    return [type_coerce(column, String).label(column.name) for column in columns]


def _stored_value(column: Any, value: Any) -> Any:
    """A raw stored value in the events' JSON form (``audit_value``)."""
    if isinstance(value, str) and isinstance(column.type, DateTime | UTCDateTime):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value  # not a date and time at all: it differs from anything recorded
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    return audit_value(value)


def _row_differences(columns: list[Any], row: Any, recorded: _Replayed) -> Iterator[Difference]:
    mapping = row._mapping
    for column in columns:
        name = column.name
        if name in NOT_CHANGES:
            continue
        found = _stored_value(column, mapping[name])
        expected = recorded.values.get(name)
        if found != expected and not (_empty(found) and _empty(expected)):
            yield Difference(column.table.name, mapping["id"], name, expected, found)


def _table_differences(connection: Connection, table: Table) -> Iterator[Difference]:
    """The rows (ordered by id) merged with the trail's records (ordered by id): bounded memory."""
    if not inspect(connection).has_table(table.name):
        return  # a revision that runs this (0009) sees the schema of its time
    # The columns the file has: a revision that runs this (0009) sees the schema of its time.
    present = {column["name"] for column in inspect(connection).get_columns(table.name)}
    columns = [column for column in table.columns if column.name in present]
    events = _replayed(connection, table.name)
    pending = next(events, None)
    query = select(*_raw(columns)).order_by(table.c.id)
    for row in connection.execute(query, execution_options={"yield_per": _BATCH}):
        record_id = row._mapping["id"]
        while pending is not None and pending[0] < record_id:
            yield from _gone(table.name, *pending)
            pending = next(events, None)
        if pending is None or pending[0] != record_id:
            yield Difference(table.name, record_id, "", None, "present")
            continue
        recorded, pending = pending[1], next(events, None)
        if recorded.deleted:
            yield Difference(table.name, record_id, "", "deleted", "present")
        else:
            yield from _row_differences(columns, row, recorded)
    while pending is not None:
        yield from _gone(table.name, *pending)
        pending = next(events, None)


def _gone(table: str, record_id: str, recorded: _Replayed) -> Iterator[Difference]:
    """A record the trail says exists, with no row: deleted outside DeliveryDesk."""
    if not recorded.deleted:
        yield Difference(table, record_id, "", "present", None)


@dataclass(frozen=True)
class StateReport:
    records: int
    differences: tuple[Difference, ...]  # the first MAX_REPORTED
    more: int = 0

    @property
    def ok(self) -> bool:
        return not self.differences


def compare_records(connection: Connection) -> StateReport:
    """Every audited row against the trail's newest state of it, in one pass per table."""
    found: list[Difference] = []
    more = records = 0
    for table in audited_tables():
        if not inspect(connection).has_table(table.name):
            continue
        records += connection.scalar(select(func.count()).select_from(table)) or 0
        for difference in _table_differences(connection, table):
            if len(found) < MAX_REPORTED:
                found.append(difference)
            else:
                more += 1
    return StateReport(records, tuple(found), more)


# --- witnesses ---------------------------------------------------------------------------------


def read_head(connection: Connection) -> ChainHead:
    """The anchor as it is now (the genesis head when the trail is empty or the anchor is gone)."""
    row = connection.execute(
        select(HEAD.c.last_seq, HEAD.c.last_hash).where(HEAD.c.id == AUDIT_HEAD_ID)
    ).first()
    return ChainHead(row.last_seq, row.last_hash) if row is not None else ChainHead()


def contains_head(connection: Connection, head: ChainHead) -> bool:
    """Whether the trail holds the event a witness names (its number with that hash)."""
    if head.seq == 0:
        return head.hash == GENESIS_HASH
    found = connection.scalar(select(EVENTS.c.hash).where(EVENTS.c.seq == head.seq))
    return found == head.hash


@dataclass(frozen=True)
class Witness:
    """A trail head kept outside the audit tables, and where: a backup file, an issued document."""

    head: ChainHead
    source: str


def _witness_text(head: ChainHead) -> str:
    return f"audit trail head {head.seq}:{head.hash}"


# In a PDF string ":" may be written as the octal escape \072 (pyHanko does).
WITNESS_PATTERN = re.compile(rb"audit trail head (\d{1,18})(?::|\\072)([0-9a-f]{64})")


def witness_text(head: ChainHead) -> str:
    """How a head is written into a document (the signature's reason, which every reader shows)."""
    return _witness_text(head)


def witness_in(data: bytes) -> ChainHead | None:
    """The head a document or file carries, if any (the last one: an incremental update appends)."""
    found = list(WITNESS_PATTERN.finditer(data))
    if not found:
        return None
    return ChainHead(int(found[-1].group(1)), found[-1].group(2).decode("ascii"))


# The actor of events a team sync wrote (store.sync_local, services.sync.server): "… (sync group <id>)".
SYNCED_ACTOR = "%(sync group %"


def letter_witnesses(connection: Connection) -> Iterator[Witness]:
    """The heads stamped into the stored copies of documents issued on this copy. A letter that came
    through a team sync witnesses the issuing laptop's trail, not this one: it is checked there."""
    letter, blob = Base.metadata.tables["letter"], Base.metadata.tables["blob"]
    synced = select(EVENTS.c.record_id).where(
        EVENTS.c.entity == "letter",
        EVENTS.c.action == str(AuditAction.CREATE),
        EVENTS.c.actor.like(SYNCED_ACTOR),
    )
    query = (
        select(letter.c.ref, letter.c.version, blob.c.data)
        .join(blob, blob.c.sha256 == letter.c.pdf_sha256)
        .where(letter.c.id.not_in(synced))
        .order_by(letter.c.issued_at)
    )
    for ref, version, data in connection.execute(query, execution_options={"yield_per": 50}):
        head = witness_in(data)
        if head is not None:
            yield Witness(head, f"issued document {ref} version {version}")


def witness_lines(
    connection: Connection, witnesses: Iterator[Witness] | list[Witness]
) -> tuple[bool, list[str]]:
    """``check``'s line about the witnesses: the trail must contain every head they name."""
    count, missing = 0, []
    for witness in witnesses:
        count += 1
        if not contains_head(connection, witness.head):
            missing.append(witness)
    if not missing:
        return True, [f"audit trail witnesses: ok ({count} backups and issued documents agree)"]
    lines = ["audit trail witnesses: the trail does NOT contain heads they recorded (events were removed)"]
    for witness in missing[:MAX_REPORTED]:
        lines.append(f"  {witness.source} recorded event {witness.head.seq} ({witness.head.hash[:12]}…)")
    return False, lines


def record_lines(connection: Connection, label: Any) -> tuple[bool, list[str]]:
    """``check``'s lines comparing the records with the trail; ``label(table, id)`` names a record."""
    report = compare_records(connection)
    if report.ok:
        return True, [f"records: match the audit trail ({report.records} records)"]
    lines = ["records: CHANGED OUTSIDE DELIVERYDESK (they differ from the audit trail)"]
    for difference in report.differences:
        lines.append(f"  {difference.describe(label(difference.table, difference.record_id))}")
    if report.more:
        lines.append(f"  … and {report.more} more difference(s)")
    return False, lines


def blob_lines(connection: Connection) -> tuple[bool, list[str]]:
    """Stored files (attachments, issued PDFs) must still hash to the SHA-256 they are kept under."""
    blob = Base.metadata.tables["blob"]
    count, bad = 0, []
    for sha, data in connection.execute(
        select(blob.c.sha256, blob.c.data), execution_options={"yield_per": 50}
    ):
        count += 1
        if hashlib.sha256(data).hexdigest() != sha:
            bad.append(sha)
    if not bad:
        return True, [f"stored files: ok ({count})"]
    return False, [
        f"stored files: {len(bad)} ALTERED (content no longer matches its SHA-256): "
        + ", ".join(sha[:12] for sha in bad[:MAX_REPORTED])
    ]


# --- baseline ----------------------------------------------------------------------------------

UPGRADE_ACTOR = "DeliveryDesk upgrade (baseline)"


def baseline(connection: Connection, when: datetime) -> int:
    """Record, as events of the schema upgrade, every difference between the records and the trail:
    rows written before the trail began, rows that migrations seeded or filled in (a new column's
    default). Run once by revision 0009; afterwards every difference is an outside edit. Returns how
    many events were written."""
    drafts: list[EventDraft] = []
    for table in audited_tables():
        by_record: dict[str, list[Difference]] = {}
        for difference in _table_differences(connection, table):
            by_record.setdefault(difference.record_id, []).append(difference)
        rows = _rows_by_id(connection, table, [i for i, d in by_record.items() if d[0].field == ""])
        for record_id, differences in by_record.items():
            change = _baseline_change(table.name, record_id, differences, rows.get(record_id))
            drafts.append(change.draft(when, UPGRADE_ACTOR))
    if drafts:
        append_events(connection, drafts)
    return len(drafts)


def _rows_by_id(connection: Connection, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        present = {column["name"] for column in inspect(connection).get_columns(table.name)}
        columns = [column for column in table.columns if column.name in present]
        query = select(*_raw(columns)).where(table.c.id.in_(ids[start : start + 500]))
        for row in connection.execute(query):
            values = {column.name: _stored_value(column, row._mapping[column.name]) for column in columns}
            found[values["id"]] = values
    return found


def _baseline_change(
    entity: str, record_id: str, differences: list[Difference], row: dict[str, Any] | None
) -> Any:
    whole = differences[0]
    if whole.field == "" and whole.found is None:  # gone: the trail is told it was deleted
        return RecordChange(entity, record_id, None, AuditAction.DELETE, {})
    if whole.field == "":
        assert row is not None
        return created(entity, row)
    changes = {d.field: (d.recorded, d.found) for d in differences}
    project_id = record_id if entity == "project" else None
    return RecordChange(entity, record_id, project_id, AuditAction.UPDATE, changes)
