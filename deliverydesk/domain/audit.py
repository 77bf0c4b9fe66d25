"""Audit trail: the hash chain of record changes and its verification (pure, no I/O).

Every change to a record becomes an event (who, when, what: ``{field: [old, new]}``). Each event's
hash is the SHA-256 of the canonical JSON of its content *and the previous event's hash*, so editing,
removing or inserting an event breaks the chain after it. The newest sequence number and hash are
also kept apart (the anchor), so removing the newest events shows too.

A chain without a secret key proves that nobody edited the events *without recomputing every hash
after them*; that catches a hand edit of the file, not a determined forger with the same code.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from deliverydesk.domain.fingerprint import (
    canonical_json,
    fingerprint,
    is_plain_scalar,
    plain_json,
    sha256_hex,
    to_plain,
)

GENESIS_HASH = "0" * 64  # the "previous hash" of the first event
MAX_REPORTED_PROBLEMS = 10


class AuditAction(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"
    RESTORE = "restore"
    DELETE = "delete"
    IMPORT = "import"  # a file imported into a project: its name, SHA-256 and counts


def audit_value(value: Any) -> Any:
    """A column value as it is kept in an event: JSON-ready, and never the bytes of a file."""
    if isinstance(value, bytes):
        return {"sha256": sha256_hex(value), "size": len(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def changes_json(changes: Mapping[str, tuple[Any, Any]]) -> str:
    """``{field: [old, new]}`` in its one canonical text form (``canonical_json`` of the
    ``audit_value`` of each; values already plain go as they are: most of them)."""
    return plain_json({str(name): [_kept(old), _kept(new)] for name, (old, new) in changes.items()})


def _kept(value: Any) -> Any:
    return value if is_plain_scalar(value) else to_plain(audit_value(value))


@dataclass(frozen=True)
class ChainHead:
    """The anchor: the newest event's sequence number and hash (0 and the genesis hash when empty)."""

    seq: int = 0
    hash: str = GENESIS_HASH


@dataclass(frozen=True)
class AuditEvent:
    """One stored event; ``changes`` is the canonical JSON text (see ``changes_json``)."""

    seq: int
    occurred_at: datetime
    actor: str
    entity: str  # the table of the record
    record_id: str
    project_id: str | None
    action: AuditAction | str  # a tampered row may hold anything
    changes: str
    prev_hash: str
    hash: str = ""


def event_hash(event: AuditEvent) -> str:
    """The SHA-256 of the event's content and ``prev_hash`` (its own ``hash`` field left out)."""
    return fingerprint(_event_text(event, event.seq, event.prev_hash))


def event_template(draft: EventDraft, seq_token: str, prev_token: str) -> str:
    """The text ``event_hash`` hashes for ``draft``, with ``seq_token`` (a JSON string, quotes
    included in the text) where its number goes and ``prev_token`` inside the previous hash's
    quotes: the team server's tail fills them in where the chain's head is known (PostgreSQL)."""
    return _event_text(draft, seq_token, prev_token)


def _event_text(event: AuditEvent | EventDraft, seq: int | str, prev_hash: str) -> str:
    """The canonical JSON of the event's content. Its values are plain text and numbers (the walk of
    ``canonical_json`` is skipped), unless a tampered row holds something else: then it is walked."""
    content = {
        "seq": seq,
        "occurred_at": audit_value(event.occurred_at),
        "actor": event.actor,
        "entity": event.entity,
        "record_id": event.record_id,
        "project_id": event.project_id,
        "action": str(event.action),
        "changes": event.changes,
        "prev_hash": prev_hash,
    }
    if all(is_plain_scalar(value) for value in content.values()):
        return plain_json(content)
    return canonical_json(content)


@dataclass(frozen=True)
class EventDraft:
    """What a change produced, before it takes its place in the chain."""

    occurred_at: datetime
    actor: str
    entity: str
    record_id: str
    project_id: str | None
    action: AuditAction
    changes: str


def chain_events(head: ChainHead, drafts: Iterable[EventDraft]) -> tuple[list[AuditEvent], ChainHead]:
    """The drafts as the next events after ``head``, hashed, and the new head."""
    events: list[AuditEvent] = []
    for draft in drafts:
        seq = head.seq + 1
        digest = fingerprint(_event_text(draft, seq, head.hash))  # what event_hash gives the event
        event = AuditEvent(
            seq=seq,
            occurred_at=draft.occurred_at,
            actor=draft.actor,
            entity=draft.entity,
            record_id=draft.record_id,
            project_id=draft.project_id,
            action=draft.action,
            changes=draft.changes,
            prev_hash=head.hash,
            hash=digest,
        )
        events.append(event)
        head = ChainHead(seq, digest)
    return events, head


# --- verification ------------------------------------------------------------------------------


class ProblemKind(enum.StrEnum):
    ALTERED = "altered"  # the content no longer gives its hash
    BROKEN_LINK = "broken_link"  # the hash is right but it does not follow the previous event
    MISSING = "missing"  # sequence numbers skipped
    OUT_OF_ORDER = "out_of_order"  # a number repeated or going back
    TRUNCATED = "truncated"  # the anchor is ahead of the chain: the newest events were removed
    UNANCHORED = "unanchored"  # events after the anchor: added outside DeliveryDesk
    HEAD_MISMATCH = "head_mismatch"  # same number as the anchor, different hash
    NO_ANCHOR = "no_anchor"


@dataclass(frozen=True)
class ChainProblem:
    kind: ProblemKind
    first: int  # the sequence numbers concerned
    last: int
    entity: str = ""  # the record of the event concerned, when there is one
    record_id: str = ""


@dataclass(frozen=True)
class ChainReport:
    events: int  # how many were read
    problems: tuple[ChainProblem, ...]  # the first MAX_REPORTED_PROBLEMS
    more_problems: int = 0  # found but not kept
    first_occurred_at: datetime | None = None  # when the trail begins

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Walk:
    """The state of one pass over the chain: only the previous event is kept (bounded memory)."""

    previous: AuditEvent | None = None
    count: int = 0
    first_at: datetime | None = None
    problems: list[ChainProblem] = field(default_factory=list)
    dropped: int = 0

    def report(self, problem: ChainProblem) -> None:
        if len(self.problems) < MAX_REPORTED_PROBLEMS:
            self.problems.append(problem)
        else:
            self.dropped += 1

    def step(self, event: AuditEvent) -> None:
        previous = self.previous
        expected = previous.seq + 1 if previous is not None else 1
        on_record = {"entity": event.entity, "record_id": event.record_id}
        if event.seq < expected:
            self.report(ChainProblem(ProblemKind.OUT_OF_ORDER, event.seq, event.seq, **on_record))
        elif event.seq > expected:
            self.report(ChainProblem(ProblemKind.MISSING, expected, event.seq - 1))
        if event_hash(event) != event.hash:
            self.report(ChainProblem(ProblemKind.ALTERED, event.seq, event.seq, **on_record))
        elif event.seq == expected and event.prev_hash != (previous.hash if previous else GENESIS_HASH):
            self.report(ChainProblem(ProblemKind.BROKEN_LINK, expected - 1, event.seq, **on_record))
        self.previous, self.count = event, self.count + 1
        if self.first_at is None:
            self.first_at = event.occurred_at

    def finish(self, head: ChainHead | None) -> None:
        last = self.previous
        last_seq = last.seq if last is not None else 0
        if head is None:
            self.report(ChainProblem(ProblemKind.NO_ANCHOR, last_seq, last_seq))
        elif head.seq > last_seq:
            self.report(ChainProblem(ProblemKind.TRUNCATED, last_seq, head.seq))
        elif head.seq < last_seq:
            self.report(ChainProblem(ProblemKind.UNANCHORED, head.seq + 1, last_seq))
        elif head.hash != (last.hash if last is not None else GENESIS_HASH):
            self.report(ChainProblem(ProblemKind.HEAD_MISMATCH, last_seq, last_seq))


def verify_chain(events: Iterable[AuditEvent], head: ChainHead | None) -> ChainReport:
    """Check events given in sequence order against each other and the anchor, in one pass."""
    walk = _Walk()
    for event in events:
        walk.step(event)
    walk.finish(head)
    return ChainReport(walk.count, tuple(walk.problems), walk.dropped, walk.first_at)


def _span(first: int, last: int) -> str:
    return f"event {first} is" if first == last else f"events {first}–{last} are"


def describe_problem(problem: ChainProblem, record_label: str = "") -> str:
    """The problem in plain words; ``record_label`` names the record (e.g. "change request CR-3")."""
    about = f" (record: {record_label or problem.entity + ' ' + problem.record_id})" if problem.entity else ""
    first, last = problem.first, problem.last
    texts = {
        ProblemKind.ALTERED: f"Audit event {first} was altered{about}.",
        ProblemKind.BROKEN_LINK: f"Audit event {last} does not follow event {first}: "
        f"one of them was altered or replaced{about}.",
        ProblemKind.MISSING: f"Audit {_span(first, last)} missing (deleted from the database).",
        ProblemKind.OUT_OF_ORDER: f"Audit event {first} is out of order or repeated{about}.",
        ProblemKind.TRUNCATED: f"The newest audit events were removed "
        f"(the chain ends at {first}, the anchor says {last}).",
        ProblemKind.UNANCHORED: f"Audit {_span(first, last)} not covered by the anchor "
        "(added outside DeliveryDesk).",
        ProblemKind.HEAD_MISMATCH: f"The newest audit event ({first}) was altered or replaced "
        "(it no longer matches the anchor).",
        ProblemKind.NO_ANCHOR: "The audit trail's anchor is missing (the trail was cut or emptied).",
    }
    return texts[problem.kind]


# --- history, as a screen shows it -------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of a change; values as kept in the event (text, number, ISO date, a file's digest)."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class AuditEventItem:
    seq: int
    occurred_at: datetime
    actor: str
    entity: str
    record_id: str
    action: AuditAction | str
    changes: tuple[FieldChange, ...]


def parse_changes(text: str) -> tuple[FieldChange, ...]:
    """The field changes of an event's ``changes`` text, in field order; unreadable text gives none."""
    try:
        parsed = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(parsed, dict):
        return ()
    pairs = [
        (name, pair) for name, pair in sorted(parsed.items()) if isinstance(pair, list) and len(pair) == 2
    ]
    return tuple(FieldChange(name, pair[0], pair[1]) for name, pair in pairs)


@dataclass(frozen=True)
class RecordHistory:
    """A record's events, newest first, and when the audit trail began (older changes were never
    recorded: the trail starts with the database's upgrade to the audit trail)."""

    events: tuple[AuditEventItem, ...]
    trail_started_at: datetime | None
    truncated: bool = False  # more events exist than were loaded
    links: Mapping[str, str] = field(default_factory=dict)  # linked record id -> its ref, code or name
