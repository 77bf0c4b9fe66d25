"""The laptop's use cases: join a team server, sync (push the waiting groups, then pull until caught
up), the sync status, conflicts and their resolution, and the letter reservation issuing needs.

Every step that writes is one local unit of work, so an interruption (network, SIGKILL, full disk)
at any point leaves a consistent database: a group is marked sent only with the server's answer, a
page of pulled rows is written together with its cursors. docs/sync.md is the contract.
"""

from __future__ import annotations

import logging
import string
import uuid
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from deliverydesk.domain.audit import EventDraft
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.sync import ACCEPTED_DECISIONS, PENDING_APPROVAL, ChangeOp, GroupStatus
from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.errors import NotFoundError, OfflineError, RuleError, SyncError, ValidationError
from deliverydesk.i18n import N_, Message, msg, verbatim
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.letters import IssuedDocument
from deliverydesk.services.records.settings import get_settings_in
from deliverydesk.services.sync import gate
from deliverydesk.services.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_GROUPS_PER_PUSH,
    message_from_json,
    read_message,
    stored_message,
)
from deliverydesk.store import sync_local as local
from deliverydesk.store.audit import append_events, edited
from deliverydesk.store.bundle_rows import decode_value
from deliverydesk.store.records import Session
from deliverydesk.store.sync_capture import canonical, current_row, specs
from deliverydesk.store.sync_server import file_digests, reference_targets

if TYPE_CHECKING:
    from deliverydesk.services.sync.transport import HttpTransport  # httpx loads on first sync


log = logging.getLogger(__name__)
MAX_PUSH_BYTES = 4 * 1024 * 1024
IDENTITY = frozenset({"id", "created_at", "row_version"})


def new_id() -> str:
    """A group's, a replica's or a conflict's id (the records' ids are made in the store)."""
    return str(uuid.uuid4())


class Transport(Protocol):
    """What the laptop needs of the team server (``transport.HttpTransport`` over HTTPS)."""

    url: str

    def me(self) -> dict[str, Any]: ...
    def roster(self) -> list[dict[str, Any]]: ...
    def roster_since(self, known: str) -> tuple[list[dict[str, Any]] | None, str]: ...
    def push(self, groups: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]: ...
    def pull(self, cursors: Mapping[str, int], limit: int) -> dict[str, Any]: ...
    def records(self, keys: Sequence[tuple[str, str]]) -> dict[str, Any]: ...
    def missing(self, digests: Sequence[str]) -> list[str]: ...
    def put_file(self, digest: str, data: bytes) -> None: ...
    def get_file(self, digest: str) -> bytes: ...
    def reserve(self, project_id: str, ref: str, version: int) -> int: ...


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# --- status ----------------------------------------------------------------------------------------


def sync_status(ctx: ServiceContext) -> SyncStatus:
    with ctx.db.unit_of_work() as session:
        return sync_status_in(session)


def sync_status_in(session: Session) -> SyncStatus:
    connection = session.connection()
    state = local.read_state(connection)
    if state is None:
        return SyncStatus(joined=False)
    return SyncStatus(
        joined=True,
        server_url=state["server_url"],
        user=state["user_name"],
        display_name=state["display_name"],
        role=state["role"],
        last_sync_at=state["last_sync_at"],
        waiting=local.count_groups(connection, local.WAITING),
        conflicts=len(local.conflicts(connection)),
        offline=bool(state["offline"]),
        last_error=read_message(state["last_error"]) if state["last_error"] else None,
    )


# --- joining -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinResult:
    user: str
    role: str
    adopted_groups: int  # groups made of the records already here, to be pushed


def join_team(ctx: ServiceContext, transport: Transport) -> JoinResult:
    """Join the team server (the token is checked first). Records already in this database are queued
    to be pushed: one group per project (with its client), one for the taxonomy."""
    me, roster = transport.me(), transport.roster()  # asked before anything is written
    with ctx.db.unit_of_work() as session:
        joined = _join_in(ctx, session, transport.url, me, roster)
    ctx.db.team = True
    return joined


def _join_in(
    ctx: ServiceContext,
    session: Session,
    url: str,
    me: Mapping[str, Any],
    roster: Sequence[Mapping[str, Any]],
) -> JoinResult:
    get_settings_in(ctx, session)  # the settings row (and a local "you" until the roster replaces it)
    session.flush()
    connection = session.connection()
    state = local.read_state(connection)
    first = state is None
    replica = (state or {}).get("replica_id") or new_id()
    local.write_state(
        connection,
        {
            "server_url": url,
            "user_name": me["user"],
            "display_name": me.get("display_name") or me["user"],
            "role": me["role"],
            "device_name": me.get("device", ""),
            "replica_id": replica,
            "configured_at": ctx.now(),
            "last_error": "",
            "offline": False,
            "roster_etag": "",  # the next sync asks for the whole roster again, and keeps its validator
        },
    )
    local.mirror_roster(connection, roster, str(me["id"]), ctx.now())
    adopted = _adopt(ctx, connection) if first else 0
    return JoinResult(me["user"], me["role"], adopted)


def _adopt(ctx: ServiceContext, connection: Any) -> int:
    count = 0
    ord_ = local.next_ord(connection)
    for _scope, keys in local.records_by_scope(connection):
        changes: list[local.OutboxChange] = []
        for entity, record_id in keys:
            row = current_row(connection, entity, record_id)
            if row is not None:
                project_id = local.project_of_row(connection, entity, row)
                changes.append(
                    local.OutboxChange(0, "", len(changes), entity, record_id, project_id, "create", 0, row)
                )
        if changes:
            group = local.OutboxGroup(
                new_id(), ord_, ctx.now(), GroupStatus.PENDING.value, (), (), tuple(changes), adopt=True
            )
            local.insert_group(connection, group)
            ord_, count = ord_ + 1, count + 1
    return count


def leave_team(ctx: ServiceContext) -> None:
    """Stop syncing: the records stay; what was not pushed stays only here."""
    with ctx.db.unit_of_work() as session:
        local.forget_team(session.connection())
    ctx.db.team = False


# --- sync ------------------------------------------------------------------------------------------


@dataclass
class SyncReport:
    pushed: int = 0  # groups accepted
    conflicts: int = 0  # new conflicts
    refused: int = 0
    held_back: int = 0  # groups waiting behind a conflict
    pulled: int = 0  # records written from the server
    files: int = 0  # files uploaded or downloaded
    notices: list[Message] = field(default_factory=list)


def sync_now(
    ctx: ServiceContext, transport: Transport, *, pull_limit: int = DEFAULT_PULL_LIMIT
) -> SyncReport:
    """Push every waiting group, then pull until caught up. Raises OfflineError (nothing lost) when
    the server cannot be reached; the status remembers it.

    The start only reads (the first push, or the pull's cursors): the time of the attempt is written
    with the sync's end, or with its failure. The end (its time, no error, the roster's validator,
    the notices taken) is written with the last page when the roster is unchanged, else with the
    roster: each commit is a transaction the laptop pays for (SQLAlchemy's session, SQLite's fsync)."""
    report = SyncReport()
    attempted = ctx.now()
    with ctx.db.unit_of_work() as session:
        state = local.read_state(session.connection())
        if state is None:
            raise RuleError(
                msg("This database has not joined a team server."),
                msg("Sync once with --server and --token."),
            )
        step = _next_step(session.connection(), report, str(state.get("replica_id") or ""))
    end = _End(attempted, str(state["roster_etag"]), report)
    try:
        cursors = _push_all(ctx, transport, report, step)
        last = _pull_all(ctx, transport, report, pull_limit, cursors, end)
        if not end.written:
            _refresh_roster(ctx, transport, last, end)
    except OfflineError as exc:
        _remember(ctx, attempted, offline=True, error=exc.as_message())
        raise
    except SyncError as exc:
        _remember(ctx, attempted, offline=False, error=exc.as_message())
        raise
    return report


@dataclass
class _End:
    """A sync's end, as written with its last step: when it was attempted, the validator of the
    roster mirrored here (``known``), and whether the end is written yet."""

    attempted: datetime
    known: str
    report: SyncReport
    written: bool = False

    def roster_current(self, page: Mapping[str, Any]) -> bool:
        """Whether ``page`` (the pull's last) says the roster mirrored here is the server's: then
        there is nothing to ask for (a server that names no validator in its pages is asked)."""
        return bool(self.known) and page.get("roster_etag") == self.known

    def write(
        self, ctx: ServiceContext, connection: Any, validator: str, me: Mapping[str, Any] | None = None
    ) -> None:
        """The sync's end, its notices taken: in the caller's transaction (``me``: more state columns,
        ``who_i_am``)."""
        outcome = _outcome(ctx, self.attempted, offline=False, error=None, synced=True)
        local.write_state(connection, {**outcome, "roster_etag": validator, **(me or {})})
        self.report.notices = _take_notices_in(connection)
        self.written = True


def _refresh_roster(ctx: ServiceContext, transport: Transport, last: Mapping[str, Any], end: _End) -> None:
    """The team's People, roles and authority limits as the server holds them now, when the pull's
    last page (``last``) did not name the roster mirrored here. ``last`` also says who the server
    says this device's user is (``me``: asked for only when it did not say). A 304 leaves the People
    as they are. The People are written with the sync's end: one transaction."""
    me = last.get("me")
    me = me if isinstance(me, Mapping) else None
    roster, validator = transport.roster_since(end.known)
    if roster is not None and (me is None or "id" not in me):
        me = transport.me()
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        if roster is not None:
            assert me is not None
            local.mirror_roster(connection, roster, str(me["id"]), ctx.now())
        end.write(ctx, connection, validator)


def _outcome(
    ctx: ServiceContext, attempted: datetime, *, offline: bool, error: Message | None, synced: bool
) -> dict[str, Any]:
    """How the last sync ended, as the sync state keeps it (``attempted``: when it began)."""
    values: dict[str, Any] = {
        "last_attempt_at": attempted,
        "offline": offline,
        "last_error": "" if error is None else stored_message(error),
    }
    if synced:
        values["last_sync_at"] = ctx.now()
    return values


def _remember(ctx: ServiceContext, attempted: datetime, *, offline: bool, error: Message | None) -> None:
    with ctx.db.unit_of_work() as session:
        local.write_state(
            session.connection(), _outcome(ctx, attempted, offline=offline, error=error, synced=False)
        )


def _refusal_text(answer: Mapping[str, Any]) -> str:
    """A refused group's reason as the conflict keeps it: the server's message id and values."""
    found = message_from_json(answer.get("msg"))
    return stored_message(found if found is not None else verbatim(str(answer.get("message", ""))[:2000]))


def group_json(group: local.OutboxGroup, replica: str = "") -> dict[str, Any]:
    changes = []
    for change in group.changes:
        item: dict[str, Any] = {
            "entity": change.entity,
            "id": change.record_id,
            "op": change.op,
            "base_version": change.base_version,
        }
        item["row" if change.op == ChangeOp.CREATE else "fields"] = change.payload
        changes.append(item)
    found = {
        "group_id": group.group_id,
        "made_at": _iso(group.made_at),
        "event_hashes": list(group.event_hashes),
        "resolves": list(group.resolves),
        "changes": changes,
    }
    if replica:
        found["replica"] = replica
    return {**found, "adopt": True} if group.adopt else found


def _targets(change: local.OutboxChange) -> list[tuple[str, str]]:
    if change.op == ChangeOp.CREATE:
        return reference_targets(change.entity, change.payload)
    return reference_targets(change.entity, {name: pair[1] for name, pair in change.payload.items()})


def sendable(connection: Any) -> tuple[list[local.OutboxGroup], int]:
    """The pending groups that may go now (oldest first), and how many wait behind a conflict: a group
    waits when it touches, or links to, a record in conflict or a record of a group that waits."""
    held = local.open_conflict_records(connection)
    ready, waiting = [], 0
    for group in local.groups_with_status(connection, [GroupStatus.PENDING.value]):
        keys = {(c.entity, c.record_id) for c in group.changes}
        links = {t for c in group.changes for t in _targets(c)}
        if keys & held or links & held:
            held |= keys
            waiting += 1
        else:
            ready.append(group)
    return ready, waiting


def _batch(groups: Sequence[local.OutboxGroup], replica: str) -> list[dict[str, Any]]:
    batch: list[dict[str, Any]] = []
    size = 0
    for group in groups[:MAX_GROUPS_PER_PUSH]:
        item = group_json(group, replica)
        size += len(canonical(item))
        if batch and size > MAX_PUSH_BYTES:
            break
        batch.append(item)
    return batch


def _next_push(
    connection: Any, replica: str | None = None
) -> tuple[list[local.OutboxGroup], list[dict[str, Any]], int]:
    """The groups that may go now, the first push's batch of them and how many wait behind a conflict.
    ``replica``: this laptop's replica id when the caller has read it (None: read here)."""
    ready, held_back = sendable(connection)
    if not ready:
        return ready, [], held_back
    if replica is None:
        replica = str((local.read_state(connection) or {}).get("replica_id") or "")
    return ready, _batch(ready, replica), held_back


@dataclass(frozen=True)
class _Step:
    """What a sync sends next: the groups that may go and the push's batch of them, or (no batch)
    the pull's cursors."""

    ready: list[local.OutboxGroup]
    batch: list[dict[str, Any]]
    cursors: dict[str, int]
    replica: str  # this laptop's replica id, read once at the sync's start


def _next_step(connection: Any, report: SyncReport, replica: str) -> _Step:
    """Read in the transaction that wrote the step before (the sync's start, a push's answers): a
    transaction of its own per step cost the laptop more CPU than the reads."""
    ready, batch, report.held_back = _next_push(connection, replica)
    return _Step(ready, batch, {} if batch else local.read_cursors(connection), replica)


def outgoing(ctx: ServiceContext) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """What a sync would send first, without sending it: the first push's groups (the protocol's
    JSON) and the pull's cursors. The team benchmark replays them to measure the server alone."""
    with ctx.db.unit_of_work() as session:
        _ready, batch, _held = _next_push(session.connection())
        return batch, local.read_cursors(session.connection())


def _push_all(ctx: ServiceContext, transport: Transport, report: SyncReport, step: _Step) -> dict[str, int]:
    """Push batches until no group may go; the pull's cursors then."""
    waited: dict[str, int] = {}
    while step.batch:
        report.files += _upload(ctx, transport, step.ready[: len(step.batch)])
        results = transport.push(step.batch)
        if not results:
            raise SyncError(msg("The team server answered a push with nothing."))
        for answer in results:
            if answer.get("status") == GroupStatus.MISSING_FILES.value:
                waited[answer["group_id"]] = waited.get(answer["group_id"], 0) + 1
                if waited[answer["group_id"]] > 2:
                    raise SyncError(msg("The team server keeps asking for files that were uploaded."))
        sent = step.ready[: len(step.batch)]
        with ctx.db.unit_of_work() as session:
            _take_answers(ctx, session.connection(), sent, results, report)
            step = _next_step(session.connection(), report, step.replica)
    return step.cursors


def _upload(ctx: ServiceContext, transport: Transport, groups: Sequence[local.OutboxGroup]) -> int:
    digests = sorted(
        {
            d
            for g in groups
            for c in g.changes
            for d in file_digests(c.entity, c.payload if c.op == ChangeOp.CREATE else _new_values(c))
        }
    )
    if not digests:
        return 0
    missing = transport.missing(digests)
    for digest in missing:
        with ctx.db.unit_of_work() as session:
            data = local.blob_data(session.connection(), digest)
        if data is None:
            raise SyncError(
                msg(
                    "A file this laptop should hold is missing ({digest}…): run 'deliverydesk check'.",
                    digest=digest[:12],
                )
            )
        transport.put_file(digest, data)
    return len(missing)


def _new_values(change: local.OutboxChange) -> dict[str, Any]:
    return {name: pair[1] for name, pair in change.payload.items()}


def _take_answers(
    ctx: ServiceContext,
    connection: Any,
    sent: Sequence[local.OutboxGroup],
    results: Sequence[Mapping[str, Any]],
    report: SyncReport,
) -> None:
    """Write a push's answers to the groups ``sent`` (as read for the push: the answers are about
    them, and reading the outbox again cost as much as the first read). The accepted groups'
    statuses and the record versions they leave are written together (``_Accepted``): per group
    they were five statements or more, more of the laptop's CPU than the server's for the group."""
    now = ctx.now()
    groups = {group.group_id: group for group in sent}
    accepted = _Accepted()
    for answer in results:
        group = groups.get(str(answer.get("group_id")))
        if group is None:
            continue
        status = answer.get("status")
        if status == GroupStatus.ACCEPTED.value:
            _accepted(connection, group, answer, now, accepted)
            report.pushed += 1
        elif status == GroupStatus.CONFLICT.value:
            local.set_group_status(connection, group.group_id, GroupStatus.CONFLICT.value, answer)
            local.add_conflicts(
                connection, [_conflict_row(group, c, now) for c in answer.get("conflicts", [])]
            )
            report.conflicts += len(answer.get("conflicts", []))
        elif status == GroupStatus.REFUSED.value:
            local.set_group_status(connection, group.group_id, GroupStatus.REFUSED.value, answer)
            first = group.changes[0]
            local.add_conflicts(
                connection,
                [
                    {
                        "id": new_id(),
                        "group_id": group.group_id,
                        "kind": "refused",
                        "entity": first.entity,
                        "record_id": first.record_id,
                        "project_id": first.project_id,
                        "fields": "[]",
                        "theirs_version": 0,
                        "message": _refusal_text(answer),
                        "status": "open",
                        "created_at": now,
                    }
                ],
            )
            report.refused += 1
        elif status == GroupStatus.MISSING_FILES.value:
            local.count_attempt(connection, [group.group_id])
    accepted.write(connection)


@dataclass
class _Accepted:
    """Accepted groups' writes kept for one statement each: (group id, answer) in order, and the
    server version each record's copy is now based on (a later group's wins, as it would written
    group by group)."""

    answers: list[tuple[str, Mapping[str, Any]]] = field(default_factory=list)
    known: dict[tuple[str, str], int] = field(default_factory=dict)

    def write(self, connection: Any) -> None:
        status = GroupStatus.ACCEPTED.value
        local.set_groups_answered(connection, [(g, status, a) for g, a in self.answers])
        local.set_known(connection, self.known)
        self.answers, self.known = [], {}


def _accepted(
    connection: Any, group: local.OutboxGroup, answer: Mapping[str, Any], now: datetime, pending: _Accepted
) -> None:
    pending.answers.append((group.group_id, answer))
    # A record's copy is based on the new version only when nothing from others was merged into it
    # on the server; otherwise the next pull brings the merged row (and its version).
    pending.known.update(
        {(r["entity"], r["id"]): int(r["version"]) for r in answer.get("records", []) if not r.get("merged")}
    )
    noticed = [answer.get(kind) for kind in ("renumbered", "held")]
    codes = _codes(connection, group) if any(noticed) else {}  # asked only for a notice
    for item in answer.get("renumbered", []):
        kind = "renumbered_project" if item.get("entity") == "project" else "renumbered"
        local.add_notice(connection, now, kind, {**item, "project_code": codes.get(item.get("id"), "")})
    for item in answer.get("held", []):
        local.add_notice(connection, now, "held", {**item, "project_code": codes.get(item.get("id"), "")})
    for item in answer.get("settled", []):
        local.add_notice(connection, now, "settled", dict(item))
    if answer.get("duplicates"):
        pending.write(connection)  # removing a duplicate forgets its known version: in order
    for item in answer.get("duplicates", []):
        local.remove_duplicate(connection, str(item["entity"]), str(item["id"]), str(item["same_as"]), now)


def _codes(connection: Any, group: local.OutboxGroup) -> dict[str, str]:
    return {c.record_id: local.project_code(connection, c.project_id) for c in group.changes}


def _conflict_row(group: local.OutboxGroup, conflict: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    project_id = conflict.get("project_id") or next(
        (c.project_id for c in group.changes if c.record_id == conflict.get("id")), None
    )
    return {
        "id": str(conflict["conflict_id"]),
        "group_id": group.group_id,
        "kind": "conflict",
        "entity": str(conflict["entity"]),
        "record_id": str(conflict["id"]),
        "project_id": project_id,
        "fields": canonical(conflict.get("fields", [])),
        "theirs_version": int(conflict.get("theirs_version", 0)),
        "message": "",
        "status": "open",
        "created_at": now,
    }


def _pull_all(
    ctx: ServiceContext,
    transport: Transport,
    report: SyncReport,
    limit: int,
    cursors: dict[str, int],
    end: _End,
) -> Mapping[str, Any]:
    """Pull until caught up from ``cursors``; the last page (who the server says the user is, the
    roster's validator). ``end``: the sync's end, written with the last page when that page says the
    roster here is current.

    While a page is written, the next one is fetched on a worker thread (the server's work and the
    laptop's overlap): its cursors are the ones sent with this page's answer laid over them, which is
    what writing this page stores. Each page's cursors are still written only in the transaction that
    writes its rows, so an interruption leaves the laptop at its last committed page, and a page
    fetched but never written is simply asked for again next time. One request at a time still: the
    next page is asked for after this page's files came, and its own files after it came."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-ahead") as ahead:
        page = transport.pull(cursors, limit)
        for _ in range(100_000):
            blobs = _fetch_files(ctx, transport, page.get("files", []))
            report.files += len(blobs)
            following: Future[dict[str, Any]] | None = None
            if page.get("more"):
                cursors = next_cursors(cursors, page)
                following = ahead.submit(transport.pull, cursors, limit)
            ending = following is None and end.roster_current(page)
            with ctx.db.unit_of_work() as session:
                report.pulled += apply_page(ctx, session.connection(), page, blobs, ending=ending)
                if ending:
                    end.write(ctx, session.connection(), end.known, who_i_am(page))
            if following is None:
                return page
            page = following.result()  # the server's refusal or a lost connection: raised here
    raise SyncError(msg("The team server keeps sending pages: the pull was stopped."))


def next_cursors(sent: Mapping[str, int], page: Mapping[str, Any]) -> dict[str, int]:
    """The cursors held once ``page`` (answering ``sent``) is written: its cursors laid over the ones
    sent, less the scopes it removed (``local.write_cursors`` stores the same)."""
    removed = set(page.get("scopes_removed", []))
    merged = {**sent, **page.get("cursors", {})}
    return {scope: int(position) for scope, position in merged.items() if scope not in removed}


def _fetch_files(ctx: ServiceContext, transport: Transport, digests: Sequence[str]) -> dict[str, bytes]:
    if not digests:
        return {}
    with ctx.db.unit_of_work() as session:
        missing = local.missing_blobs(session.connection(), digests)
    return {digest: transport.get_file(digest) for digest in missing}


def _actor(origin: Mapping[str, Any]) -> str:
    return f"{origin['user']} on {origin['device']} (sync group {origin['group_id']})"


def _actors(origins: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    actors: dict[str, str] = {}
    for origin in origins:
        if not origin.get("fields"):
            actors.setdefault("", _actor(origin))
        for name in origin.get("fields", []):
            actors[name] = _actor(origin)
    if "" not in actors and origins:
        actors[""] = _actor(origins[-1])
    return actors


def apply_page(
    ctx: ServiceContext,
    connection: Any,
    page: Mapping[str, Any],
    blobs: Mapping[str, bytes],
    *,
    ending: bool = False,
) -> int:
    """Write one pulled page with its files and cursors (the caller's unit of work: all or nothing).
    ``ending``: the sync's end is written next in this unit, with who the server says the user is
    (``who_i_am``): the sync state is written once."""
    now = ctx.now()
    local.add_blobs(connection, blobs)
    items = list(page.get("rows", []))
    keys = [(str(r["entity"]), str(r["row"]["id"])) for r in items]
    waiting = local.waiting_changes(connection, keys)
    decisions = _decisions_before(connection, items)
    pulled = []
    for item, key in zip(items, keys, strict=True):
        row = dict(item["row"])
        row.update({k: v for k, v in local.overlay(waiting.get(key, [])).items() if k not in IDENTITY})
        pulled.append(local.PulledRow(key[0], row, int(item["version"]), _actors(item.get("origins", []))))
    written = local.write_rows(connection, pulled, now)
    local.set_known(connection, {key: int(item["version"]) for item, key in zip(items, keys, strict=True)})
    _refresh_conflicts(connection, items)
    _decision_notices(connection, items, decisions, now)
    removed = list(page.get("scopes_removed", []))
    local.write_cursors(connection, page.get("cursors", {}), removed)
    for scope in removed:
        local.add_notice(
            connection,
            now,
            "scope_removed",
            {"scope": scope, "project_code": local.scope_code(connection, scope)},
        )
    me = who_i_am(page)
    if me and not ending:
        local.write_state(connection, me)
    return len(written)


def who_i_am(page: Mapping[str, Any]) -> dict[str, Any]:
    """The sync state's columns for who the server says this device's user is (a page's ``me``)."""
    me = page.get("me")
    return {"user_name": me["user"], "display_name": me["display_name"], "role": me["role"]} if me else {}


def _decisions_before(connection: Any, items: Sequence[Mapping[str, Any]]) -> set[str]:
    """The page's change requests held here for a manager's approval and decided on the server (only
    they can make a notice: their decision alone is read, not their whole rows)."""
    ids = [
        str(r["row"]["id"])
        for r in items
        if r["entity"] == "change_request" and r["row"].get("decision") != PENDING_APPROVAL
    ]
    return local.held_for_approval(connection, ids)


def _decision_notices(
    connection: Any, items: Sequence[Mapping[str, Any]], held: set[str], now: datetime
) -> None:
    """An engineer hears, once, that a held decision was approved or refused by a manager."""
    for item in items:
        row = item["row"]
        if item["entity"] != "change_request" or row["id"] not in held:
            continue
        by = next((o["user"] for o in item.get("origins", []) if "decision" in o.get("fields", [])), "")
        params = {
            "ref": row["ref"],
            "project_code": local.project_code(connection, row["project_id"]),
            "by": row.get("refused_by") or row.get("approved_by") or by,
            "note": row.get("refusal_reason") or row.get("approval_note", ""),
        }
        if row["decision"] in ACCEPTED_DECISIONS:
            local.add_notice(connection, now, "approved", params)
        elif row["decision"] != PENDING_APPROVAL:
            local.add_notice(connection, now, "refused_approval", params)


def _refresh_conflicts(connection: Any, items: Sequence[Mapping[str, Any]]) -> None:
    """An open conflict shows the server's values as they are now."""
    by_key = {(str(r["entity"]), str(r["row"]["id"])): r for r in items}
    for conflict in local.open_conflict_fields(connection):
        item = by_key.get((conflict["entity"], conflict["record_id"]))
        if item is None or conflict["kind"] != "conflict":
            continue
        fields = [{**f, "theirs": item["row"].get(f["field"])} for f in _fields(conflict)]
        local.update_conflict(
            connection, conflict["id"], {"fields": canonical(fields), "theirs_version": int(item["version"])}
        )


def _fields(conflict: Mapping[str, Any]) -> list[dict[str, Any]]:
    import json

    return list(json.loads(conflict["fields"] or "[]"))


# --- notices ---------------------------------------------------------------------------------------


NOTICE_TEXTS = {
    "renumbered": N_("{entity} {from} you made offline is {to} on the team server (project {project_code})."),
    "renumbered_project": N_(
        "The project code {from} was taken on the team server: your project is now {to}."
    ),
    "moved_aside": N_("{entity} {from}, not yet on the team server, is {to} for now."),
    "held": N_(
        "{ref} ({project_code}) is held for a manager's approval: it is above your authority on the "
        "team server."
    ),
    "approved": N_("{ref} ({project_code}) was approved by {by}."),
    "refused_approval": N_("{ref} ({project_code}) was not approved by {by}: {note}"),
    "settled": N_("Both sides changed {field} of a {entity}: the team server kept the value it had first."),
    "scope_removed": N_("{project_code} is no longer granted to you: it stays here but no longer syncs."),
    "duplicate": N_("The same {entity} was already on the team server (project {project_code}): kept once."),
}
# The same notices when the project is not known (a project's own code, a record outside any project).
NOTICE_TEXTS_NO_PROJECT = {
    "renumbered": N_("{entity} {from} you made offline is {to} on the team server."),
    "held": N_("{ref} is held for a manager's approval: it is above your authority on the team server."),
    "approved": N_("{ref} was approved by {by}."),
    "refused_approval": N_("{ref} was not approved by {by}: {note}"),
    "duplicate": N_("The same {entity} was already on the team server: kept once."),
}


def notice_text(kind: str, params: Mapping[str, Any]) -> Message:
    """What a sync notice says, in the reader's language when shown (``gui.i18n.shown``; str: English)."""
    template = NOTICE_TEXTS.get(kind)
    if template is None:
        return verbatim(kind)
    if not params.get("project_code") and kind in NOTICE_TEXTS_NO_PROJECT:
        template = NOTICE_TEXTS_NO_PROJECT[kind]
    values: dict[str, object] = {
        k: record_kind(str(v)) if k == "entity" else str(v) for k, v in params.items() if k != "project_code"
    }
    values["project_code"] = str(params.get("project_code", ""))
    names = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
    if not names <= set(values):
        return verbatim(template)
    return Message(template, tuple((name, values[name]) for name in sorted(names)))


def take_notices(ctx: ServiceContext) -> list[Message]:
    """What syncs had to say and nobody has seen yet; marked as shown."""
    with ctx.db.unit_of_work() as session:
        return _take_notices_in(session.connection())


def _take_notices_in(connection: Any) -> list[Message]:
    found = local.unshown_notices(connection)
    local.mark_notices_shown(connection, [n["id"] for n in found])
    return [notice_text(n["kind"], n["params"]) for n in found]


@dataclass(frozen=True)
class DecisionNotice:
    id: int
    kind: str  # approved | refused_approval | held
    ref: str
    project_code: str
    by: str
    note: str
    at: datetime

    def text(self) -> Message:
        return notice_text(
            self.kind, {"ref": self.ref, "project_code": self.project_code, "by": self.by, "note": self.note}
        )


DECISION_KINDS = ("approved", "refused_approval", "held")


def _decision_notice(found: Mapping[str, Any]) -> DecisionNotice:
    params = found["params"]
    return DecisionNotice(
        found["id"],
        found["kind"],
        params.get("ref", ""),
        params.get("project_code", ""),
        params.get("by", ""),
        params.get("note", ""),
        found["created_at"],
    )


def decision_notices(ctx: ServiceContext, since: datetime | None = None) -> list[DecisionNotice]:
    """Approvals and refusals received (and decisions held) by syncs, since ``since``."""
    with ctx.db.unit_of_work() as session:
        found = local.notices(session.connection(), since=since)
    return [_decision_notice(n) for n in found if n["kind"] in DECISION_KINDS]


def team_news(ctx: ServiceContext) -> list[DecisionNotice]:
    """What Home shows an engineer: approvals and refusals received and not yet dismissed there."""
    with ctx.db.unit_of_work() as session:
        found = local.notices(session.connection(), undismissed=True)
    return [_decision_notice(n) for n in found if n["kind"] in DECISION_KINDS]


def dismiss_news(ctx: ServiceContext, ids: Sequence[int]) -> None:
    with ctx.db.unit_of_work() as session:
        local.dismiss_notices(session.connection(), ids)


@dataclass(frozen=True)
class HeldDecision:
    """A decision held for a manager's approval (the manager's inbox)."""

    request_id: str
    project_id: str
    project_code: str
    ref: str
    title: str
    proposed: str | None  # approved_billable | approved_goodwill
    effort_hours: float
    cost_cents: int
    currency: str
    decided_by: str
    decided_on: date | None
    rationale: str


def _value(member: Any) -> str | None:
    return None if member is None else str(getattr(member, "value", member))


def held_decisions(ctx: ServiceContext, limit: int = 500) -> list[HeldDecision]:
    with ctx.db.unit_of_work() as session:
        rows = local.held_requests(session.connection(), limit)
    return [
        HeldDecision(
            request_id=r["id"],
            project_id=r["project_id"],
            project_code=r["project_code"],
            ref=r["ref"],
            title=r["title"],
            proposed=_value(r["proposed_decision"]),
            effort_hours=float(r["effort_hours"]),
            cost_cents=int(r["cost_cents"]),
            currency=r["currency"],
            decided_by=r["decided_by"],
            decided_on=r["decided_on"],
            rationale=r["rationale"],
        )
        for r in rows
    ]


# --- connecting from the window and the command line ------------------------------------------------


def stored_transport(ctx: ServiceContext, token_folder: Path) -> HttpTransport | None:
    """The transport to this database's team server with the token kept on this computer (None when
    it has not joined one, or no token is kept here)."""
    from deliverydesk.services.sync.credentials import TokenStore
    from deliverydesk.services.sync.transport import HttpTransport

    with ctx.db.unit_of_work() as session:
        status = sync_status_in(session)
    if not status.joined:
        return None
    token = TokenStore(token_folder).load(status.server_url)
    return HttpTransport(status.server_url, token) if token else None


def join_with_token(
    ctx: ServiceContext, url: str, token: str, token_folder: Path
) -> tuple[JoinResult, Message | None]:
    """Join the team server at ``url`` with a device token and keep the token; returns the result and
    a warning when the token went to a file (no keyring), else None."""
    from deliverydesk.services.sync.credentials import TokenStore
    from deliverydesk.services.sync.transport import HttpTransport

    transport = HttpTransport(url.strip(), token.strip())
    try:
        me, roster = transport.me(), transport.roster()  # the token is checked before anything is kept
    finally:
        transport.close()
    with ctx.db.unit_of_work() as session:
        joined = _join_in(ctx, session, transport.url, me, roster)
    ctx.db.team = True
    return joined, TokenStore(token_folder).save(url.strip(), token.strip())


# --- conflicts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldView:
    field: str
    base: Any
    mine: Any  # the local value now
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str  # conflict | refused
    project_code: str
    record_label: str  # CR-7, the project's code, a name...
    entity: str
    record_id: str
    fields: tuple[FieldView, ...]
    message: Message  # why the server refused it (refused only)
    created_at: datetime
    open_fields: tuple[str, ...] = ()  # fields still without a choice (the conflict is still open)

    def line(self) -> str:
        """One line, beginning with the project code and the record's reference."""
        kind = self.entity.replace("_", " ")
        start = " ".join(p for p in (self.project_code, self.record_label) if p) or kind
        if self.kind == "refused":
            return f"{start} {kind}: refused by the team server: {self.message} [{self.id}]"
        parts = "; ".join(
            f"{f.field} (base {_shown(f.base)} | mine {_shown(f.mine)} | theirs {_shown(f.theirs)})"
            for f in self.fields
        )
        return f"{start} {kind}: {parts} [{self.id}]"


def _shown(value: Any) -> str:
    text = "empty" if value is None or value == "" else repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _label(row: Mapping[str, Any] | None, entity: str) -> str:
    if row is None:
        return ""
    for name in ("ref", "code", "name", "title", "summary", "filename", "name_en"):
        if row.get(name):
            return str(row[name])[:40]
    return ""


def list_conflicts(ctx: ServiceContext) -> list[ConflictView]:
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        return [_view(connection, c) for c in local.conflicts(connection)]


def _view(connection: Any, conflict: Mapping[str, Any]) -> ConflictView:
    row = current_row(connection, conflict["entity"], conflict["record_id"])
    fields = tuple(
        FieldView(f["field"], f.get("base"), (row or {}).get(f["field"], f.get("mine")), f.get("theirs"))
        for f in _fields(conflict)
    )
    return ConflictView(
        id=conflict["id"],
        kind=conflict["kind"],
        project_code=local.project_code(connection, conflict["project_id"]),
        record_label=_label(row, conflict["entity"]),
        entity=conflict["entity"],
        record_id=conflict["record_id"],
        fields=fields,
        message=read_message(conflict["message"]),
        created_at=conflict["created_at"],
    )


def _find(connection: Any, conflict_id: str) -> dict[str, Any]:
    matches = [
        c for c in local.conflicts(connection) if c["id"] == conflict_id or c["id"].startswith(conflict_id)
    ]
    if len(matches) != 1:
        raise NotFoundError(
            msg("There is no open sync conflict {id}.", id=conflict_id)
            if not matches
            else msg("{id} names several conflicts.", id=conflict_id),
            hint=msg("`deliverydesk conflicts` lists them with their ids."),
        )
    return matches[0]


MINE, THEIRS, VALUE = "mine", "theirs", "value"


@dataclass(frozen=True)
class Choice:
    """How to settle one field: keep ``mine`` or ``theirs``, or ``value`` (canonical, typed by the user)."""

    keep: str = MINE  # mine | theirs | value
    value: Any = None


def resolve_conflict(
    ctx: ServiceContext, conflict_id: str, choices: Mapping[str, Choice], *, default: Choice | None = None
) -> ConflictView:
    """Settle a conflict field by field (choices are kept until every field has one; ``default`` gives
    one to the rest). Then the local record gets the chosen values (an audited change), and once every
    conflict of its group is settled the group goes up again as a new group carrying them (see
    docs/sync.md, *Conflicts*). The view returned names the fields still without a choice."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        conflict = _find(connection, conflict_id)
        if conflict["kind"] != "conflict":
            raise RuleError(
                msg("The team server refused this change: it can only be undone (keep theirs) or retried.")
            )
        fields = _with_choices(conflict, choices, default)
        view = _view(connection, conflict)
        still = tuple(f["field"] for f in fields if "choice" not in f)
        if still:
            local.update_conflict(connection, conflict["id"], {"fields": canonical(fields)})
            return replace(view, open_fields=still)
        chosen = _chosen(view, fields)
        _write_chosen(ctx, connection, conflict, chosen)
        fields = [{**f, "chosen": chosen[f["field"]]} for f in fields]
        local.update_conflict(
            connection,
            conflict["id"],
            {"status": "resolved", "resolved_at": ctx.now(), "fields": canonical(fields)},
        )
        if not any(c["status"] == "open" for c in local.conflicts_of_group(connection, conflict["group_id"])):
            _resend(ctx, connection, conflict["group_id"])
        return view


def _with_choices(
    conflict: Mapping[str, Any], choices: Mapping[str, Choice], default: Choice | None
) -> list[dict[str, Any]]:
    fields = _fields(conflict)
    names = {f["field"] for f in fields}
    unknown = set(choices) - names
    if unknown:
        raise ValidationError({sorted(unknown)[0]: msg("This field is not in the conflict.")})
    columns = {c.name: c for c in specs()[conflict["entity"]].columns}
    for item in fields:
        choice = choices.get(item["field"]) or (default if "choice" not in item else None)
        if choice is None:
            continue
        if choice.keep not in (MINE, THEIRS, VALUE):
            raise ValidationError({item["field"]: msg("Choose mine, theirs, or a value.")})
        if choice.keep == VALUE:
            try:
                decode_value(columns[item["field"]], choice.value)
            except ValueError as exc:
                raise ValidationError(
                    {item["field"]: msg("This value {problem}.", problem=str(exc))}
                ) from None
        item["choice"] = {"keep": choice.keep, "value": choice.value}
    return fields


def _chosen(view: ConflictView, fields: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    by_name = {f.field: f for f in view.fields}
    chosen = {}
    for item in fields:
        keep, value = item["choice"]["keep"], item["choice"]["value"]
        shown = by_name[item["field"]]
        chosen[item["field"]] = shown.mine if keep == MINE else shown.theirs if keep == THEIRS else value
    return chosen


def value_from_text(entity: str, field_name: str, text: str) -> Any:
    """A value typed on the command line, in the field's canonical form (ValidationError if wrong)."""
    columns = {c.name: c for c in specs()[entity].columns} if entity in specs() else {}
    column = columns.get(field_name)
    if column is None:
        raise ValidationError({field_name: msg("This field is not in the conflict.")})
    value: Any = text
    try:
        if column.kind == "integer":
            value = int(text)
        elif column.kind == "number":
            value = float(text)
        elif column.kind == "boolean":
            value = {"true": True, "yes": True, "false": False, "no": False}[text.strip().lower()]
        elif text == "" and column.nullable and column.kind not in ("string",):
            value = None
        decode_value(column, value)
    except (ValueError, KeyError) as exc:
        raise ValidationError(
            {
                field_name: msg(
                    "{value} does not fit this field ({problem}).", value=repr(text), problem=str(exc)
                )
            }
        ) from None
    return value


def _write_chosen(
    ctx: ServiceContext,
    connection: Any,
    conflict: Mapping[str, Any],
    chosen: Mapping[str, Any],
) -> None:
    entity, record_id = conflict["entity"], conflict["record_id"]
    now_row = current_row(connection, entity, record_id)
    if now_row is None:
        return
    changes = {name: value for name, value in chosen.items() if now_row.get(name) != value}
    if not changes:
        return
    local.write_fields(connection, entity, record_id, changes)
    state = local.read_state(connection) or {}
    actor = (
        f"{state.get('display_name') or state.get('user_name') or 'this laptop'} (resolving a sync conflict)"
    )
    typed_old = local.typed_fields(entity, {k: now_row[k] for k in changes})
    typed_new = local.typed_fields(entity, changes)
    change = edited(
        entity, record_id, {**now_row, **typed_new}, {k: (typed_old[k], typed_new[k]) for k in changes}
    )
    if change is not None:
        draft: EventDraft = change.draft(ctx.now(), actor)
        append_events(connection, [draft])


def _resend(ctx: ServiceContext, connection: Any, group_id: str) -> None:
    """Replace the conflicted group by one carrying the chosen values, based on the version the conflict
    showed as theirs, with the changes that waited behind it folded in."""
    group = local.group(connection, group_id)
    if group is None:
        return
    settled = {(c["entity"], c["record_id"]): c for c in local.conflicts_of_group(connection, group_id)}
    later = local.waiting_changes(connection, settled)
    changes: list[local.OutboxChange] = []
    for change in group.changes:
        key = (change.entity, change.record_id)
        if key not in settled:
            changes.append(change)
            continue
        folded = [c for c in later.get(key, []) if c.group_id != group_id]
        local.delete_changes(connection, [c.id for c in folded])
        merged = _folded(connection, change, folded, settled[key])
        if merged is not None:
            changes.append(merged)
    _supersede_emptied(connection)
    if not changes:
        first = group.changes[0]
        row = current_row(connection, first.entity, first.record_id) or {}
        stamp = row.get("updated_at")
        changes.append(
            local.OutboxChange(
                0,
                "",
                0,
                first.entity,
                first.record_id,
                first.project_id,
                "update",
                0,
                {"updated_at": [stamp, stamp]},
            )
        )
    replacement = local.OutboxGroup(
        new_id(),
        group.ord,
        ctx.now(),
        GroupStatus.PENDING.value,
        group.event_hashes,
        tuple(c["id"] for c in settled.values()),
        tuple(changes),
    )
    local.move_group(connection, group_id, -group.ord)
    local.set_group_status(connection, group_id, GroupStatus.SUPERSEDED.value)
    local.insert_group(connection, replacement)


def _folded(
    connection: Any,
    change: local.OutboxChange,
    later: Sequence[local.OutboxChange],
    conflict: Mapping[str, Any],
) -> local.OutboxChange | None:
    now_row = current_row(connection, change.entity, change.record_id)
    if now_row is None:
        return None
    theirs = {f["field"]: f.get("theirs") for f in _fields(conflict)}
    old: dict[str, Any] = {}
    for item in (change, *later):
        pairs = (
            item.payload.items()
            if item.op == ChangeOp.UPDATE
            else ((k, [None, v]) for k, v in item.payload.items())
        )
        for name, pair in pairs:
            old.setdefault(name, pair[0])
    fields = {}
    for name in (n for n in old if n not in IDENTITY):
        base = theirs.get(name, old[name])
        if name in theirs and now_row.get(name) == theirs[name]:
            continue  # kept theirs: nothing to send for it
        fields[name] = [base, now_row.get(name)]
    if not fields:
        return None
    return local.OutboxChange(
        0,
        "",
        0,
        change.entity,
        change.record_id,
        change.project_id,
        "update",
        int(conflict["theirs_version"]),
        fields,
    )


def _supersede_emptied(connection: Any) -> None:
    for group in local.groups_with_status(connection, [GroupStatus.PENDING.value]):
        if not group.changes:
            local.set_group_status(connection, group.group_id, GroupStatus.SUPERSEDED.value)


def undo_refused(ctx: ServiceContext, transport: Transport, conflict_id: str) -> ConflictView:
    """Keep theirs for a change the server refused: put the server's rows back (a record the server
    does not have is archived here), and drop the refused group."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        conflict = _find(connection, conflict_id)
        view = _view(connection, conflict)
        group = local.group(connection, conflict["group_id"])
        keys = [(c.entity, c.record_id) for c in group.changes] if group else []
    answer = transport.records(keys)
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        apply_page(ctx, connection, {"rows": answer.get("rows", []), "cursors": {}}, {})
        found = {(r["entity"], r["row"]["id"]) for r in answer.get("rows", [])}
        for entity, record_id in keys:
            if (entity, record_id) not in found:
                local.archive_locally(connection, entity, record_id, ctx.now())
        local.set_group_status(connection, conflict["group_id"], GroupStatus.SUPERSEDED.value)
        local.update_conflict(connection, conflict["id"], {"status": "resolved", "resolved_at": ctx.now()})
    return view


def retry_refused(ctx: ServiceContext, conflict_id: str) -> ConflictView:
    """Send a refused change again (say, once the administrator granted the project)."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        conflict = _find(connection, conflict_id)
        view = _view(connection, conflict)
        group = local.group(connection, conflict["group_id"])
        if group is None:
            raise NotFoundError(msg("The refused change is gone."))
        again = local.OutboxGroup(
            new_id(), group.ord, ctx.now(), GroupStatus.PENDING.value, group.event_hashes, (), group.changes
        )
        local.move_group(connection, group.group_id, -group.ord)
        local.set_group_status(connection, group.group_id, GroupStatus.SUPERSEDED.value)
        local.insert_group(connection, again)
        local.update_conflict(connection, conflict["id"], {"status": "resolved", "resolved_at": ctx.now()})
    return view


# --- issuing letters in a team -----------------------------------------------------------------------


def synced_for_issuing(ctx: ServiceContext, transport: Transport, project_id: str) -> None:
    """Sync, so that what a letter prints has its final numbers; refused while the project's changes
    wait behind a conflict."""
    sync_now(ctx, transport)
    with ctx.db.unit_of_work() as session:
        if project_id in local.projects_with_waiting_changes(session.connection()):
            raise RuleError(
                msg(
                    "Changes of this project still wait behind a sync conflict: a letter cannot be issued "
                    "yet."
                ),
                msg("Resolve the sync conflicts first (Team ▸ Sync conflicts, or deliverydesk conflicts)."),
            )


def reserve_letter(
    ctx: ServiceContext, transport: Transport, project_id: str, ref: str, version: int
) -> None:
    """Sync, then reserve the letter's reference and version on the team server (issuing needs it)."""
    synced_for_issuing(ctx, transport, project_id)
    chosen = transport.reserve(project_id, ref, version)
    if chosen != version:
        raise RuleError(
            msg("Someone else is issuing {ref} version {version} right now.", ref=ref, version=version),
            msg("Sync again in a moment, then issue."),
        )
    with ctx.db.unit_of_work() as session:
        local.add_reservation(session.connection(), project_id, ref, version, ctx.now())


def issue_in_team(ctx: ServiceContext, transport: Transport, request: DocumentRequest) -> IssuedDocument:
    """Issue a letter of a team project: sync, reserve its reference and version, then issue it and
    push it at once."""
    from deliverydesk.services.documents.letters import issue_document, issuing_number

    number = issuing_number(ctx, request)
    if number.translates:  # keeps the issued version's number: nothing to reserve
        synced_for_issuing(ctx, transport, request.project_id)
    else:
        reserve_letter(ctx, transport, request.project_id, number.reference, number.version)
    issued = issue_document(ctx, request)
    try:
        sync_now(ctx, transport)
    except SyncError as exc:  # issued and reserved: it goes up with the next sync
        log.info("the issued letter waits for the next sync: %s", exc)
    return issued


@dataclass(frozen=True)
class TeamCategoryCount:
    """A category across every client of the team (counts only: the server names no record)."""

    category_id: str
    name_en: str
    name_zh: str
    clients: int
    issues: int


def team_recurring(
    ctx: ServiceContext, transport: Any, since: date, until: date, min_clients: int = 1
) -> list[TeamCategoryCount] | None:
    """For a manager of a team: issue categories met at ``min_clients`` or more of the team's clients
    in the period; None for anyone else (the server refuses them)."""
    with ctx.db.unit_of_work() as session:
        identity = gate.team_identity(session)
    if identity is None or identity[1] not in ("manager", "admin") or transport is None:
        return None
    answer = transport.recurring(since, until)
    return [
        TeamCategoryCount(c["category_id"], c["name_en"], c["name_zh"], int(c["clients"]), int(c["issues"]))
        for c in answer.get("categories", [])
        if int(c["clients"]) >= min_clients
    ]


def team_identity(ctx: ServiceContext) -> tuple[str, str] | None:
    """(display name, role) of the team user of this database, None when it is not in a team."""
    with ctx.db.unit_of_work() as session:
        return gate.team_identity(session)
