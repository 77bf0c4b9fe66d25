"""The team server's use cases: push (one group, one transaction), pull (one page), files, letter
reservations, who am I, the roster, and the team's recurring-problem counts.

The server enforces, it does not trust: each group is checked against access grants, the
write-once and append-only rules, frozen decisions and the pushing user's authority, then merged
field by field (``domain.sync.merge_update``). docs/sync.md is the contract.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from deliverydesk.domain.audit import AuditAction, EventDraft, changes_json, event_template
from deliverydesk.domain.enums import Decision, ScopeCheck
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.metrics import ChangeEffort
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.domain.scope_guard import AuthorityLimits, ProjectFrame, ProposedChange, approval_reasons
from deliverydesk.domain.sync import (
    INSERT_ONLY_TABLES,
    SETTLED_TABLES,
    SHARED_SCOPE,
    FieldConflict,
    FieldVersion,
    GroupLink,
    GroupStatus,
    Role,
    approval_rule,
    check_frozen_request,
    check_letter_change,
    check_new_letter,
    client_scope,
    frozen_fields_altered,
    group_link_hash,
    group_link_template,
    merge_update,
    payload_digest,
    project_scope,
)
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import NP_, Message, msg, msg_p, verbatim
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.sync.protocol import Change, Group, message_json
from deliverydesk.store import sync_server as store
from deliverydesk.store.database import Transactions
from deliverydesk.store.sync_capture import canonical
from deliverydesk.store.sync_server import Access, DeviceIdentity, Head, RecordState

log = logging.getLogger(__name__)
# What every issued PDF carries in its metadata (reports.page): its version and fingerprint.
SEAL = re.compile(rb"DeliveryDesk version=(\d{1,6}) fingerprint=([0-9a-f]{64})")
MAX_ATTEMPTS = 4
# The fields a decision's authority depends on (a change of a title needs no ruling).
AUTHORITY_FIELDS = frozenset(
    {
        "refused_by",
        "refused_on",
        "refusal_reason",
        "decision",
        "proposed_decision",
        "effort_hours",
        "cost_cents",
        "scope_check",
        "approved_by",
        "approved_on",
    }
)
_REF_TABLES = frozenset({"scope_item", "exclusion", "milestone", "expectation", "change_request", "issue"})
FaultHook = Callable[[str], None]  # tests: called at named points ("before-commit", ...)


@dataclass
class TailClock:
    """How long a push's groups waited for the tail lock and held it (seconds, summed over the
    groups; the server logs them per request as ``tail_wait_ms`` / ``tail_hold_ms``). Waiting runs
    from sending the lock's statement until its answer is read; holding, from then until the commit
    has returned."""

    groups: int = 0
    waited: float = 0.0
    held: float = 0.0


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def actor_of(identity: DeviceIdentity, group_id: str) -> str:
    return f"{identity.user.name} on {identity.device_name} (sync group {group_id})"


# --- push ----------------------------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


_PARTIES = {"client": NP_("signing party", "client"), "vendor": NP_("signing party", "vendor")}


@dataclass
class _Record:
    """One record as the group leaves it (in memory until the group is accepted)."""

    entity: str
    record_id: str
    scope: str
    before: dict[str, Any] | None  # the server's row (None: created by this group)
    after: dict[str, Any]
    state: RecordState | None
    applied: set[str] = field(default_factory=set)  # fields this group set
    merged: bool = False


@dataclass
class _Work:
    identity: DeviceIdentity
    access: Access
    group: Group
    records: dict[tuple[str, str], _Record] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    renumbered: list[dict[str, Any]] = field(default_factory=list)
    held: list[dict[str, Any]] = field(default_factory=list)
    settled: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    new_projects: list[str] = field(default_factory=list)
    fault: FaultHook | None = None  # tests: "before-commit" is called with the tail lock held
    clock: TailClock | None = None

    @property
    def device_id(self) -> str:
        return self.identity.device_id

    @property
    def writer(self) -> str:
        """Who wrote, for telling one's own earlier changes from others': the device and the copy on
        it (two laptops wrongly sharing a token still conflict with each other)."""
        return f"{self.identity.device_id}/{self.group.replica}" if self.group.replica else self.device_id


def push_groups(
    ctx: ServiceContext,
    identity: DeviceIdentity,
    groups: Sequence[Group],
    fault: FaultHook | None = None,
    clock: TailClock | None = None,
) -> list[dict[str, Any]]:
    """Each group in its own transaction, in order; stops after the first one not accepted. The
    request's groups share one pooled connection (``Database.transactions``), and the stored answers
    of groups seen before are read for all of them in one statement first. What the user may read is
    looked up once per request, again only after a group that made a project or a client. ``clock``
    adds up the groups' time waiting for and holding the tail lock."""
    results: list[dict[str, Any]] = []
    access = _AccessCache()
    with ctx.db.transactions() as run:
        with run.transaction() as connection:
            known = store.stored_answers(connection, [g.group_id for g in groups])
        for group in groups:
            # A group id repeated in this request may have been answered since ``known`` was read.
            repeated = any(r["group_id"] == group.group_id for r in results)
            answer = push_group(ctx, run, identity, group, None if repeated else known, fault, access, clock)
            results.append(answer)
            if answer["status"] != GroupStatus.ACCEPTED:
                break
            if any(c.entity in ("project", "client") and c.row is not None for c in group.changes):
                access.value = None
    return results


@dataclass
class _AccessCache:
    value: Access | None = None


def push_group(
    ctx: ServiceContext,
    run: Transactions,
    identity: DeviceIdentity,
    group: Group,
    known: Mapping[str, str] | None = None,
    fault: FaultHook | None = None,
    access: _AccessCache | None = None,
    clock: TailClock | None = None,
) -> dict[str, Any]:
    """Apply one group in its own transaction, or answer why not; a group id seen before gets its
    stored answer. ``known``: the stored answers read for the request's groups just before (None: look
    this one up); a group id not among them is looked up again when its first attempt clashed (two
    copies of a group racing meet on its unique id, and the loser's retry finds the winner's answer)."""
    access = access or _AccessCache()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with run.transaction() as connection:
                if known is None or attempt > 1:
                    stored = store.stored_answer(connection, group.group_id)
                else:
                    stored = known.get(group.group_id)
                answer = _push(ctx, connection, identity, group, access, fault, clock, stored)
            _at(fault, "after-commit")
            return answer
        except store.DBAPIError as exc:
            if not store.is_retryable(exc) or attempt == MAX_ATTEMPTS:
                raise
            log.info(
                "group %s clashed with a concurrent push (attempt %d): %s", group.group_id, attempt, exc.orig
            )
    raise AssertionError("unreachable")


def _at(fault: FaultHook | None, where: str) -> None:
    if fault is not None:
        fault(where)


def _push(
    ctx: ServiceContext,
    connection: Any,
    identity: DeviceIdentity,
    group: Group,
    access: _AccessCache,
    fault: FaultHook | None,
    clock: TailClock | None = None,
    stored: str | None = None,
) -> dict[str, Any]:
    if stored is not None:
        _at(fault, "before-commit")
        return dict(json.loads(stored))
    missing = store.missing_blobs(connection, _digests(group))
    if missing:
        _at(fault, "before-commit")
        return {"group_id": group.group_id, "status": GroupStatus.MISSING_FILES.value, "files": missing}
    if access.value is None:
        access.value = store.access_of(connection, identity.user.id)
    work = _Work(identity, access.value, group, fault=fault, clock=clock)
    _load(connection, work)
    try:
        if group.adopt and store.device_has_pushed(connection, identity.device_id):
            work.group = replace(group, adopt=False)  # history is adopted only on a device's first sync
        for change in group.changes:
            _apply(connection, work, change)
        _check_references(connection, work)
    except _Refused as refusal:
        return _finish(ctx, connection, work, GroupStatus.REFUSED, message=refusal.message)
    if work.conflicts:
        return _finish(ctx, connection, work, GroupStatus.CONFLICT)
    return _finish(ctx, connection, work, GroupStatus.ACCEPTED)


def _digests(group: Group) -> list[str]:
    found: list[str] = []
    for change in group.changes:
        if change.row is not None:
            found += store.file_digests(change.entity, change.row)
        elif change.entity in ("attachment", "letter"):
            found += [new for name, (_old, new) in change.fields.items() if name.endswith("sha256") and new]
    return found


def _load(connection: Any, work: _Work) -> None:
    keys = [(c.entity, c.record_id) for c in work.group.changes]
    states, rows = store.records_for_update(connection, keys)
    by_entity: dict[str, set[str]] = {}
    for entity, record_id in keys:
        by_entity.setdefault(entity, set()).add(record_id)
    for entity, ids in by_entity.items():  # the order current_rows gave: the answer lists them so
        for record_id in sorted(ids):
            row = rows.get((entity, record_id))
            if row is None:
                continue
            state = states.get((entity, record_id))
            scope = state.scope if state is not None else _scope(connection, work, entity, row)
            work.records[(entity, record_id)] = _Record(entity, record_id, scope, row, dict(row), state)


def _unknown(change: Change) -> _Refused:
    # The same words whether the record does not exist or belongs to a project not granted: no leak.
    return _Refused(
        msg("This {kind} is not on the team server, or not yours to change.", kind=record_kind(change.entity))
    )


def _apply(connection: Any, work: _Work, change: Change) -> None:
    record = work.records.get((change.entity, change.record_id))
    if record is not None and not work.access.can_read(record.scope):
        raise _unknown(change)
    if change.row is not None:
        if record is None:
            _create(connection, work, change)
        else:
            _create_existing(work, record, change)
        return
    if record is None:
        raise _unknown(change)
    _update(connection, work, record, change)


def _create(connection: Any, work: _Work, change: Change) -> None:
    row = dict(change.row or {})
    entity = change.entity
    scope = _scope(connection, work, entity, row)
    if entity == "project":
        work.new_projects.append(row["id"])
        _fresh_code(connection, work, row)
    elif entity == "client":
        pass  # a new client opens its own scope (its creator reads it until a project is granted)
    elif not _may_write(work, scope):
        raise _unknown(change)
    if entity in _REF_TABLES:
        _fresh_ref(connection, work, entity, row)
    if entity == "letter":
        _check_new_letter(connection, work, row)
    if entity == "signature":
        _check_second_signature(connection, work, row)
    same = _same_facts(connection, work, entity, row)
    if same is not None:  # the same fact, recorded offline on two laptops: kept once
        work.duplicates.append({"entity": entity, "id": change.record_id, "same_as": same})
        return
    record = _Record(entity, change.record_id, scope, None, row, None, set(row))
    work.records[(entity, change.record_id)] = record
    if entity == "change_request" and not work.group.adopt:  # history is kept as it was recorded
        _authority(connection, work, record)


def _check_second_signature(connection: Any, work: _Work, row: Mapping[str, Any]) -> None:
    """A letter's block is signed once: a second signature of the same party (made offline on another
    laptop) is refused and shown, never added silently next to the first."""
    if row.get("method") == "refused":
        return
    holder = store.signer_of(connection, str(row["letter_id"]), str(row["party"]))
    if holder is not None and holder[0] != row["id"]:
        party = str(row["party"])
        raise _Refused(
            msg(
                "The letter was already signed by {signer} for the {party}: a second signature is not added.",
                signer=holder[1],
                party=msg_p("signing party", _PARTIES[party]) if party in _PARTIES else verbatim(party),
            )
        )


def _same_facts(connection: Any, work: _Work, entity: str, row: Mapping[str, Any]) -> str | None:
    """The record already holding the unique values of a new one (beyond refs, codes and letter
    versions, which are renumbered or reserved): e.g. the same non-working day of a project."""
    for columns in store.plain_unique_sets(entity):
        values = {name: row.get(name) for name in columns}
        holder = store.unique_holder(connection, entity, values)
        if holder is None:
            holder = next(
                (
                    r.record_id
                    for r in work.records.values()
                    if r.entity == entity and all(r.after.get(k) == v for k, v in values.items())
                ),
                None,
            )
        if holder is not None and holder != row["id"]:
            return holder
    return None


def _create_existing(work: _Work, record: _Record, change: Change) -> None:
    """A create of a record the server has (a laptop joining with data the team already holds):
    identical is fine; different fields conflict (there is no common base)."""
    quiet = {"row_version", "updated_at", "created_at"}
    row = change.row or {}
    differing = [name for name, value in row.items() if name not in quiet and record.after.get(name) != value]
    for name in differing:
        _conflict(work, record, FieldConflict(name, None, row[name], record.after.get(name)))


def _update(connection: Any, work: _Work, record: _Record, change: Change) -> None:
    entity = change.entity
    if entity in INSERT_ONLY_TABLES:
        raise _Refused(
            msg("A {kind} is append-only: it is never changed, only added to.", kind=record_kind(entity))
        )
    owner = {"contact": "client_id", "milestone_change": "milestone_id"}.get(entity, "project_id")
    if owner in change.fields and change.fields[owner][1] != record.after.get(owner):
        raise _Refused(msg("A {kind} cannot move to another project or client.", kind=record_kind(entity)))
    versions = record.state.field_versions if record.state is not None else {}
    base = change.base_version
    result = merge_update(
        change.fields, record.after, versions, base, work.writer, settle=entity in SETTLED_TABLES
    )
    conflicts = list(result.conflicts)
    if entity == "letter":
        verdict = check_letter_change(record.after, change.fields, record.before or {})
        if verdict.refusal is not None:
            raise _Refused(verdict.refusal)
        conflicts += [c for c in verdict.conflicts if c.field not in {x.field for x in conflicts}]
    if entity == "change_request" and frozen_fields_altered(record.after, change.fields):
        frozen = check_frozen_request(
            record.after, change.fields, store.live_change_decision_letter(connection, record.record_id)
        )
        if frozen is not None:
            raise _Refused(frozen)
    for clash in conflicts:
        _conflict(work, record, clash)
    for clash in result.settled:
        work.settled.append({"entity": entity, "id": record.record_id, **clash.as_json()})
    if conflicts:
        return
    if "code" in result.apply and entity == "project":
        holder = store.code_holder(connection, result.apply["code"])
        if holder not in (None, record.record_id):
            raise _Refused(
                msg("The project code {code} is taken on the team server.", code=result.apply["code"])
            )
    for columns in store.plain_unique_sets(entity):
        if set(columns) & set(result.apply):
            values = {name: result.apply.get(name, record.after.get(name)) for name in columns}
            if store.unique_holder(connection, entity, values) not in (None, record.record_id):
                raise _Refused(
                    msg("The same {kind} is already on the team server.", kind=record_kind(entity))
                )
    record.after.update(result.apply)
    record.applied |= set(result.apply)
    record.merged = record.merged or result.merged
    if entity == "change_request" and set(result.apply) & AUTHORITY_FIELDS:
        _authority(connection, work, record)


def _conflict(work: _Work, record: _Record, clash: FieldConflict) -> None:
    for existing in work.conflicts:
        if existing["entity"] == record.entity and existing["id"] == record.record_id:
            if clash.field not in {f["field"] for f in existing["fields"]}:
                existing["fields"].append(clash.as_json())
            return
    version = record.state.version if record.state is not None else 1
    work.conflicts.append(
        {
            "conflict_id": store.new_id(),
            "entity": record.entity,
            "id": record.record_id,
            "scope": record.scope,
            "theirs_version": version,
            "fields": [clash.as_json()],
        }
    )


def _may_write(work: _Work, scope: str) -> bool:
    if work.access.can_read(scope):
        return True
    created = {project_scope(p) for p in work.new_projects}
    created |= {
        client_scope(r.record_id) for r in work.records.values() if r.entity == "client" and r.before is None
    }
    return scope in created


def _scope(connection: Any, work: _Work, entity: str, row: Mapping[str, Any]) -> str:
    if entity == "category":
        return SHARED_SCOPE
    if entity == "client":
        return client_scope(str(row["id"]))
    if entity == "contact":
        return client_scope(str(row["client_id"]))
    if entity == "project":
        return project_scope(str(row["id"]))
    if entity == "milestone_change":
        milestone = work.records.get(("milestone", str(row["milestone_id"])))
        project_id = (
            milestone.after["project_id"]
            if milestone
            else store.milestone_project(connection, row["milestone_id"])
        )
        return project_scope(str(project_id)) if project_id else "p:unknown"
    return project_scope(str(row["project_id"]))


def _group_refs(work: _Work, entity: str, project_id: str) -> set[str]:
    return {
        str(r.after.get("ref"))
        for r in work.records.values()
        if r.entity == entity and r.after.get("project_id") == project_id and r.before is None
    }


def _fresh_ref(connection: Any, work: _Work, entity: str, row: dict[str, Any]) -> None:
    """A ref made offline is provisional: when it is taken, the next free one is given."""
    project_id, ref = str(row["project_id"]), str(row["ref"])
    taken = store.ref_holder(connection, entity, project_id, ref) is not None or ref in _group_refs(
        work, entity, project_id
    )
    if not taken:
        return
    head = ref.rsplit("-", 1)[0]
    prefix = RefPrefix(head) if head in {p.value for p in RefPrefix} else None
    if prefix is None:
        raise _Refused(msg("The reference {ref} is taken in this project.", ref=ref))
    existing = store.refs_in_project(connection, entity, project_id) + sorted(
        _group_refs(work, entity, project_id)
    )
    row["ref"] = next_ref(prefix, existing)
    work.renumbered.append({"entity": entity, "id": row["id"], "from": ref, "to": row["ref"]})


def _fresh_code(connection: Any, work: _Work, row: dict[str, Any]) -> None:
    code = str(row["code"])
    if store.code_holder(connection, code) is None:
        return
    for n in range(2, 1000):
        candidate = f"{code[: 32 - len(str(n)) - 1]}-{n}"
        if store.code_holder(connection, candidate) is None:
            row["code"] = candidate
            work.renumbered.append({"entity": "project", "id": row["id"], "from": code, "to": candidate})
            return
    raise _Refused(msg("The project code {code} is taken on the team server.", code=code))


def _check_translation(connection: Any, row: Mapping[str, Any]) -> None:
    """A translation keeps the number of the issued version it translates, which never changes: it needs
    no reservation, only that version here and no other translation of it into the same language (two
    devices translating the same version at once: the first to push keeps it)."""
    project_id, ref, version = str(row["project_id"]), str(row["ref"]), int(row["version"])
    if store.letter_version_of(connection, str(row["translation_of_id"])) != (project_id, ref, version):
        raise _Refused(
            msg(
                "The letter {ref} version {version} is a translation of a version the team server does "
                "not hold.",
                ref=ref,
                version=version,
            )
        )
    holder = store.letter_in_language(connection, project_id, ref, version, str(row["language"]))
    if holder not in (None, row["id"]):
        raise _Refused(
            msg(
                "The letter {ref} version {version} was already translated into this language by someone "
                "else: sync to receive it.",
                ref=ref,
                version=version,
            )
        )


def _check_new_letter(connection: Any, work: _Work, row: Mapping[str, Any]) -> None:
    problem = check_new_letter(row)
    if problem is not None:
        raise _Refused(problem)
    if row.get("status") == "draft":
        return
    pdf = store.blob(connection, str(row["pdf_sha256"])) or b""
    seal = SEAL.search(pdf)
    if seal is None or seal.group(2).decode() != row["fingerprint"] or int(seal.group(1)) != row["version"]:
        raise _Refused(
            msg(
                "The PDF of the letter {ref} version {version} does not carry its fingerprint.",
                ref=row["ref"],
                version=row["version"],
            )
        )
    project_id, ref, version = str(row["project_id"]), str(row["ref"]), int(row["version"])
    if work.group.adopt:
        return  # issued before this laptop joined: no reservation was possible (its project is new here)
    if row.get("translation_of_id"):
        _check_translation(connection, row)
        return
    holder = store.reservation_holder(connection, project_id, ref, version)
    if holder not in (None, work.device_id):
        raise _Refused(
            msg(
                "The letter {ref} version {version} was reserved by another device: issue it again.",
                ref=ref,
                version=version,
            )
        )
    if version in store.letter_versions_taken(connection, project_id, ref) and holder is None:
        raise _Refused(
            msg(
                "The letter {ref} version {version} was issued by someone else: issue it again.",
                ref=ref,
                version=version,
            )
        )


def _authority(connection: Any, work: _Work, record: _Record) -> None:
    """Hold a decision above the pushing user's limits; stamp a manager's approval with their name."""
    user = work.identity.user
    after = record.after
    needs = _needs_approval(connection, user, after)
    touched = frozenset(record.applied)
    is_manager = user.role in (Role.MANAGER, Role.ADMIN)
    ruling = approval_rule(
        record.before,
        after,
        touched,
        needs_approval=needs,
        is_manager=is_manager,
        manager_name=user.display_name,
    )
    if ruling.refusal is not None:
        raise _Refused(ruling.refusal)
    after.update(ruling.values)
    record.applied |= set(ruling.values)
    if ruling.held:
        work.held.append({"entity": "change_request", "id": record.record_id, "ref": after.get("ref")})


def _needs_approval(connection: Any, user: store.ServerUser, row: Mapping[str, Any]) -> bool:
    try:
        outcome = Decision(str(row.get("decision")))
        scope_check = ScopeCheck(str(row.get("scope_check")))
    except ValueError:
        return False
    budget, contracted, others, currency = store.goodwill_frame(
        connection, str(row["project_id"]), str(row["id"])
    )
    efforts = tuple(ChangeEffort(Decision(d), ScopeCheck(s), float(e)) for d, s, e in others)
    frame = ProjectFrame(budget, contracted, efforts, currency)
    limits = AuthorityLimits(
        user.hours_per_change, user.cost_cents_per_change, user.goodwill_hours_per_project, user.cost_currency
    )
    change = ProposedChange(
        outcome, float(row.get("effort_hours") or 0), int(row.get("cost_cents") or 0), scope_check
    )
    return bool(approval_reasons(change, frame, limits))


def _check_references(connection: Any, work: _Work) -> None:
    """Every link must point at a record on the server (or in this group) that the user may read."""
    targets: set[tuple[str, str]] = set()
    for record in work.records.values():
        if record.applied:
            linked = {name: record.after.get(name) for name in record.applied}
            targets |= set(store.reference_targets(record.entity, linked))
    unknown = [t for t in targets if t not in work.records]
    scopes = store.scopes_of_ids(connection, [record_id for _, record_id in unknown])
    for _entity, record_id in unknown:
        scope = scopes.get(record_id)
        if scope is None or not _may_write(work, scope):
            raise _Refused(
                msg("A change refers to a record that is not on the team server, or not yours to see.")
            )


def _finish(
    ctx: ServiceContext, connection: Any, work: _Work, status: GroupStatus, message: Message | None = None
) -> dict[str, Any]:
    """The group's answer, its bookkeeping and the next link of the chain of groups.

    Everything that does not depend on the head is done first, in parallel with other pushes (row
    locks only): the records, the audit events' content, conflicts, grants, the payload's digest
    (on PostgreSQL the writes among them travel with the tail's call, ``_tail_in_database``).
    Then the tail lock (one statement that also reads the heads), the positions and hashes computed
    in memory, the tail's writes and the commit sent together (``store.batched``): the lock is held
    for two round trips, whatever the group holds (the unit of work's own commit then has nothing
    left to do)."""
    now = ctx.now()
    drafts: list[EventDraft] = []
    if status is GroupStatus.ACCEPTED:
        drafts = [d for d in (_event(work, r, now) for r in _touched(work)) if d is not None]
    elif status is GroupStatus.CONFLICT:
        store.insert_conflicts(connection, [_conflict_row(work, c, now) for c in work.conflicts])
    payload = work.group.as_json()
    payload_text = canonical(payload)
    payload_sha256 = payload_digest(payload_text)
    if store.tail_in_database(connection):
        return _tail_in_database(
            connection, work, status, message, drafts, now, (payload_text, payload_sha256)
        )
    if status is GroupStatus.ACCEPTED:
        _write_group(connection, work, now)
    asked = time.perf_counter()
    heads = store.take_tail_lock(connection)
    locked = time.perf_counter()
    head = heads.group
    seq = head.last_group_seq + 1
    position = head.last_position
    _at(work.fault, "before-commit")
    with store.batched(connection, commit=True):
        if status is GroupStatus.ACCEPTED:
            position = _register(connection, work, seq, head)
            store.write_server_events(connection, heads, drafts)
        answer = _answer(work, status, message, position)
        _chain(connection, work, status, answer, seq, head, position, now, (payload_text, payload_sha256))
    if work.clock is not None:
        work.clock.groups += 1
        work.clock.waited += locked - asked
        work.clock.held += time.perf_counter() - locked
    return answer


def _answer(work: _Work, status: GroupStatus, message: Message | None, position: int | str) -> dict[str, Any]:
    answer: dict[str, Any] = {"group_id": work.group.group_id, "status": status.value}
    if status is GroupStatus.ACCEPTED:
        answer.update(_accepted_answer(work, position))
    elif status is GroupStatus.CONFLICT:
        answer["conflicts"] = [
            {k: v for k, v in c.items() if k != "scope"} | {"project_id": _project_of_scope(c["scope"])}
            for c in work.conflicts
        ]
    else:
        refusal = message if message is not None else msg("The team server refused this change.")
        answer["message"], answer["msg"] = str(refusal), message_json(refusal)
    return answer


def _tail_in_database(
    connection: Any,
    work: _Work,
    status: GroupStatus,
    message: Message | None,
    drafts: Sequence[EventDraft],
    now: datetime,
    payload: tuple[str, str],
) -> dict[str, Any]:
    """The tail as ``_finish`` does it, in one call of the database's ``deliverydesk_tail``
    (migration 0015): what depends on the heads (numbers, positions, previous hashes, the digest of
    the stored answer) is left as tokens in texts made here, before the lock; the function takes the
    lock, fills them in, hashes and writes, and the COMMIT goes in the same round trip; the group's
    own writes (its records' fields and rows, ``_write_group``) go just before the call, in that
    round trip too. No Python runs while the lock is held (with a test's fault hook,
    "before-commit" is called holding it)."""
    token = uuid.uuid4().hex  # no text a user typed can hold it
    seq_token, prev_token, answer_token = f"{token}:seq", f"{token}:prev", f"{token}:answer"
    records = []
    if status is GroupStatus.ACCEPTED:
        for record in _touched(work):
            state = record.state
            version = state.version + 1 if state is not None else 1
            versions: dict[str, Any] = {}
            if state is not None:
                versions = {name: v.as_json() for name, v in state.field_versions.items()}
                versions |= {name: [version, work.writer, seq_token] for name in record.applied}
            records.append(
                store.TailRecord(
                    record.entity,
                    record.record_id,
                    state is None,
                    record.scope if state is None else state.scope,
                    version,
                    work.identity.user.id if state is None else None,
                    canonical(dict(sorted(versions.items()))),
                )
            )
    events = [store.TailEvent(d, event_template(d, seq_token, prev_token)) for d in drafts]
    answer_text = canonical(_answer(work, status, message, f"{token}:pos"))
    payload_text, payload_sha256 = payload
    link = GroupLink(
        seq=0,
        group_id=work.group.group_id,
        user_id=work.identity.user.id,
        device_id=work.device_id,
        received_at=_iso(now),
        status=status.value,
        payload_sha256=payload_sha256,
        event_hashes=canonical(list(work.group.event_hashes)),
        answer_sha256=answer_token,
        prev_hash=prev_token,
    )
    group = store.TailGroup(
        group_id=link.group_id,
        user_id=link.user_id,
        device_id=link.device_id,
        received_at=now,
        status=link.status,
        adopt=work.group.adopt,
        payload_sha256=payload_sha256,
        payload=payload_text,
        event_hashes=link.event_hashes,
        answer=answer_text,
        link=group_link_template(link, seq_token),
    )
    writes = None
    if status is GroupStatus.ACCEPTED and _grants(work):
        _write_group(connection, work, now)  # a grant's INSERT reads its new id back: not pipelined
    elif status is GroupStatus.ACCEPTED:
        writes = lambda: _write_group(connection, work, now)  # noqa: E731
    done = store.run_tail(connection, token, records, events, group, commit=work.fault is None, before=writes)
    _at(work.fault, "before-commit")
    if work.clock is not None:
        work.clock.groups += 1
        work.clock.waited += done.lock_wait_s
        work.clock.held += done.lock_hold_s
    return dict(json.loads(done.answer))


def _project_of_scope(scope: str) -> str | None:
    return scope[2:] if scope.startswith("p:") else None


def _conflict_row(work: _Work, conflict: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    return {
        "id": conflict["conflict_id"],
        "group_id": work.group.group_id,
        "user_id": work.identity.user.id,
        "device_id": work.device_id,
        "entity": conflict["entity"],
        "record_id": conflict["id"],
        "scope": conflict["scope"],
        "fields": canonical(conflict["fields"]),
        "theirs_version": conflict["theirs_version"],
        "status": "open",
        "created_at": now,
    }


def _accepted_answer(work: _Work, position: int | str) -> dict[str, Any]:
    touched = [r for r in work.records.values() if r.applied]
    return {
        "position": position,
        "records": [
            {
                "entity": r.entity,
                "id": r.record_id,
                "version": (r.state.version + 1) if r.state is not None else 1,
                "merged": r.merged,
            }
            for r in touched
        ],
        "renumbered": work.renumbered,
        "held": work.held,
        "settled": work.settled,
        "duplicates": work.duplicates,
    }


def _touched(work: _Work) -> list[_Record]:
    order = store.table_order()
    return sorted(
        (r for r in work.records.values() if r.applied), key=lambda r: (order[r.entity], r.record_id)
    )


def _grants(work: _Work) -> list[str]:
    """The projects the group made that its user needs a grant for (a user granted every project
    needs none)."""
    return [] if work.access.all_projects else list(work.new_projects)


def _write_group(connection: Any, work: _Work, now: datetime) -> None:
    """An accepted group's writes before its tail: its records, the conflicts it resolves, the grants
    of the projects it made."""
    _write_records(connection, work)
    store.resolve_conflicts(connection, list(work.group.resolves), work.group.group_id, now)
    for project_id in _grants(work):
        store.add_grant(connection, work.identity.user.id, project_id, now)


def _write_records(connection: Any, work: _Work) -> None:
    """Write the group's records: new ones parents first, then the changed fields of the others."""
    touched = _touched(work)
    order = store.table_order()
    for entity in sorted({r.entity for r in touched}, key=order.__getitem__):
        store.insert_records(
            connection, entity, [r.after for r in touched if r.entity == entity and r.before is None]
        )
    for record in touched:
        if record.before is not None and record.state is not None:
            changed = {name: record.after[name] for name in record.applied}
            store.update_record(
                connection, record.entity, record.record_id, changed, record.state.version + 1
            )


def _register(connection: Any, work: _Work, seq: int, head: Head) -> int:
    """Under the tail lock: positions and per-field versions of the records the group touched."""
    states, existing, position = [], set(), head.last_position
    for record in _touched(work):
        position += 1
        version = record.state.version + 1 if record.state is not None else 1
        if record.state is not None:
            existing.add((record.entity, record.record_id))
        states.append(_state_after(work, record, seq, position, version))
    store.register_records(connection, states, existing)
    return position


def _state_after(work: _Work, record: _Record, seq: int, position: int, version: int) -> RecordState:
    if record.state is None:
        return RecordState(
            record.entity, record.record_id, record.scope, position, version, {}, work.identity.user.id, seq
        )
    versions = dict(record.state.field_versions)
    for name in record.applied:
        versions[name] = FieldVersion(version, work.writer, seq)
    state = record.state
    return RecordState(
        state.entity,
        state.record_id,
        state.scope,
        position,
        version,
        versions,
        state.created_by,
        state.created_group,
    )


def _event(work: _Work, record: _Record, when: datetime) -> EventDraft | None:
    actor = actor_of(work.identity, work.group.group_id)
    quiet = {"id", "created_at", "updated_at", "row_version"}
    project_id = record.after.get("project_id") if record.entity != "project" else record.record_id
    # The events hold typed values in their JSON form (audit_value), as every copy's own events do:
    # ``check`` compares them with the rows. The group's rows are in the bundle's canonical form; an
    # update's event decodes only the fields it changed.
    if record.before is None:
        after = store.decode_fields(record.entity, {k: v for k, v in record.after.items() if k not in quiet})
        changes = {k: (None, v) for k, v in after.items() if v not in (None, "")}
        action = AuditAction.CREATE
    else:
        names = [k for k in record.applied if k not in quiet]
        if not names:
            return None
        before = store.decode_fields(record.entity, {k: record.before.get(k) for k in names})
        after = store.decode_fields(record.entity, {k: record.after.get(k) for k in names})
        changes = {k: (before[k], after[k]) for k in names}
        archived = changes.get("archived_at")
        action = AuditAction.UPDATE
        if archived is not None and (archived[0] is None) != (archived[1] is None):
            action = AuditAction.ARCHIVE if archived[1] is not None else AuditAction.RESTORE
    return EventDraft(when, actor, record.entity, record.record_id, project_id, action, changes_json(changes))


def _chain(
    connection: Any,
    work: _Work,
    status: GroupStatus,
    answer: Mapping[str, Any],
    seq: int,
    head: Head,
    position: int,
    now: datetime,
    payload: tuple[str, str],
) -> None:
    payload_text, payload_sha256 = payload
    answer_text = canonical(answer)
    link = GroupLink(
        seq=seq,
        group_id=work.group.group_id,
        user_id=work.identity.user.id,
        device_id=work.device_id,
        received_at=_iso(now),
        status=status.value,
        payload_sha256=payload_sha256,
        event_hashes=canonical(list(work.group.event_hashes)),
        answer_sha256=sha256_hex(answer_text.encode()),
        prev_hash=head.last_group_hash,
    )
    digest = group_link_hash(link)
    store.insert_group(
        connection,
        {
            "seq": seq,
            "group_id": link.group_id,
            "user_id": link.user_id,
            "device_id": link.device_id,
            "received_at": now,
            "status": link.status,
            "adopt": work.group.adopt,
            "payload_sha256": link.payload_sha256,
            "payload": payload_text,
            "event_hashes": link.event_hashes,
            "answer": answer_text,
            "prev_hash": link.prev_hash,
            "hash": digest,
        },
    )
    store.write_head(connection, Head(position, seq, digest))


# --- pull ------------------------------------------------------------------------------------------


def pull(
    ctx: ServiceContext, identity: DeviceIdentity, cursors: Mapping[str, int], limit: int
) -> dict[str, Any]:
    """One page of rows changed after the cursors, parents first, with the files they name, and the
    roster's validator (a laptop that holds it skips the roster's request: docs/sync.md)."""
    with ctx.db.transactions(snapshot=True) as run, run.transaction() as connection:
        access = store.access_of(connection, identity.user.id)
        head, roster_version = store.pull_heads(connection)
        visible = {scope: cursors.get(scope, 0) for scope in access.scopes()}
        changes = store.changes_after(connection, visible, head, limit)
        full = len(changes) >= limit
        upper = changes[-1].position if full and changes else head
        read: dict[tuple[str, str], dict[str, Any]] = {}  # the rows read for the closure, kept
        changes += _closure(connection, access, changes, upper, read)
        rows = _rows(connection, changes, read)
        removed = sorted(scope for scope in cursors if scope not in visible)
        return {
            "rows": rows,
            "cursors": {scope: max(after, upper) for scope, after in visible.items()},
            "files": sorted({d for r in rows for d in store.file_digests(r["entity"], r["row"])}),
            "more": full,
            "head": head,
            "me": me_of(identity),
            "scopes_removed": removed,
            "roster_etag": roster_validator(*roster_version),
        }


def _closure(
    connection: Any,
    access: Access,
    changes: list[Any],
    upper: int,
    read: dict[tuple[str, str], dict[str, Any]],
) -> list[Any]:
    """Rows the page links to that would only come in a later page (position beyond ``upper``).
    The current rows it reads to find the links are added to ``read`` (the page sends them: they
    are not read twice)."""
    have = {(c.entity, c.record_id) for c in changes}
    extra: list[Any] = []
    frontier = list(changes)
    for _ in range(8):
        rows = _current(connection, frontier)
        read.update(rows)
        targets = {
            t
            for c in frontier
            for t in store.reference_targets(c.entity, rows.get((c.entity, c.record_id), {}))
        }
        wanted = [t for t in targets if t not in have]
        found = [
            c for c in store.changes_of(connection, wanted) if c.position > upper and access.can_read(c.scope)
        ]
        if not found:
            break
        have |= {(c.entity, c.record_id) for c in found}
        extra += found
        frontier = found
    return extra


def _current(connection: Any, changes: Iterable[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    by_entity: dict[str, list[str]] = {}
    for change in changes:
        by_entity.setdefault(change.entity, []).append(change.record_id)
    found = {}
    for entity, ids in by_entity.items():
        found.update({(entity, i): row for i, row in store.current_rows(connection, entity, ids).items()})
    return found


def _rows(
    connection: Any, changes: Sequence[Any], read: Mapping[tuple[str, str], dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The page's rows; ``read``: current rows already read in this transaction (the same snapshot)."""
    read = read or {}
    rows = dict(read)
    rows.update(_current(connection, [c for c in changes if (c.entity, c.record_id) not in read]))
    seqs = {fv.group_seq for c in changes for fv in c.field_versions.values()}
    seqs |= {c.created_group for c in changes if c.created_group is not None}
    origins = store.group_origins(connection, seqs)
    order = store.table_order()
    result = []
    for change in sorted(changes, key=lambda c: (order[c.entity], c.position)):
        row = rows.get((change.entity, change.record_id))
        if row is None:
            continue
        result.append(
            {
                "entity": change.entity,
                "scope": change.scope,
                "position": change.position,
                "version": change.version,
                "row": row,
                "origins": _origins(change, origins),
            }
        )
    return result


def _origins(change: Any, origins: Mapping[int, tuple[str, str, str]]) -> list[dict[str, Any]]:
    by_group: dict[int | None, list[str]] = {}
    for name, fv in sorted(change.field_versions.items()):
        by_group.setdefault(fv.group_seq, []).append(name)
    found = []
    if change.created_group is not None:
        by_group.setdefault(change.created_group, [])
    for seq, names in sorted(by_group.items(), key=lambda item: item[0] or 0):
        origin = origins.get(seq) if seq is not None else None
        if origin is not None:
            group_id, user, device = origin
            found.append({"fields": names, "group_id": group_id, "user": user, "device": device})
    return found


def records(ctx: ServiceContext, identity: DeviceIdentity, keys: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The current rows of named records the user may read (others are left out, unnamed)."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        access = store.access_of(connection, identity.user.id)
        changes = [c for c in store.changes_of(connection, keys) if access.can_read(c.scope)]
        return {"rows": _rows(connection, changes)}


# --- files ---------------------------------------------------------------------------------------


def missing_files(ctx: ServiceContext, digests: Sequence[str]) -> list[str]:
    with ctx.db.unit_of_work() as session:
        return store.missing_blobs(session.connection(), digests)


def put_file(ctx: ServiceContext, digest: str, data: bytes) -> bool:
    """Store an uploaded file once; the caller checked its size. False: it was there already."""
    if sha256_hex(data) != digest:
        raise FileMismatchError("The file's bytes do not give the SHA-256 it was sent under.")
    with ctx.db.unit_of_work() as session:
        return store.put_blob(session.connection(), digest, data)


class FileMismatchError(ValueError):
    """An upload whose bytes do not hash to its name."""


def get_file(ctx: ServiceContext, identity: DeviceIdentity, digest: str) -> bytes:
    """A file a record the user may read names; NotFoundError otherwise (the same as a missing file)."""
    with ctx.db.unit_of_work() as session:
        connection = session.connection()
        access = store.access_of(connection, identity.user.id)
        if not any(access.can_read(scope) for scope in store.blob_scopes(connection, digest)):
            raise NotFoundError(msg("There is no such file on the team server."))
        data = store.blob(connection, digest)
    if data is None:
        raise NotFoundError(msg("There is no such file on the team server."))
    return data


# --- letters, identity, team -----------------------------------------------------------------------


def reserve_letter(
    ctx: ServiceContext, identity: DeviceIdentity, project_id: str, ref: str, version: int
) -> int:
    """Reserve the letter's reference and version for this device (the next free version when taken)."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with ctx.db.unit_of_work() as session:
                connection = session.connection()
                access = store.access_of(connection, identity.user.id)
                if not access.can_read(project_scope(project_id)):
                    raise NotFoundError(
                        msg("There is no such project on the team server, or it is not granted to you.")
                    )
                taken = store.letter_versions_taken(connection, project_id, ref)
                holder = store.reservation_holder(connection, project_id, ref, version)
                if holder == identity.device_id:
                    return version
                chosen = version
                while chosen in taken:
                    chosen += 1
                store.reserve_letter(
                    connection,
                    {
                        "project_id": project_id,
                        "ref": ref,
                        "version": chosen,
                        "device_id": identity.device_id,
                        "user_id": identity.user.id,
                        "reserved_at": ctx.now(),
                    },
                )
                return chosen
        except store.DBAPIError as exc:
            if not store.is_retryable(exc) or attempt == MAX_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def me_of(identity: DeviceIdentity) -> dict[str, Any]:
    user = identity.user
    return {
        "id": user.id,
        "user": user.name,
        "display_name": user.display_name,
        "role": user.role,
        "device": identity.device_name,
        "limits": {
            "hours_per_change": user.hours_per_change,
            "cost_cents_per_change": user.cost_cents_per_change,
            "goodwill_hours_per_project": user.goodwill_hours_per_project,
            "cost_currency": user.cost_currency,
        },
    }


def me(ctx: ServiceContext, identity: DeviceIdentity) -> dict[str, Any]:
    with ctx.db.transactions() as run, run.transaction() as connection:
        access = store.access_of(connection, identity.user.id)
    return {**me_of(identity), "all_projects": access.all_projects, "projects": len(access.project_ids)}


def roster_validator(tag: str, version: int) -> str:
    """The roster's ETag: its version and the server database's tag (a strong validator)."""
    return f'"{tag}.{version}"'


def roster(ctx: ServiceContext, known: str = "") -> tuple[str, list[dict[str, Any]] | None]:
    """The team: names, roles and authority limits (no records). Laptops make it their People.

    Returns the roster's validator and the roster, or None when ``known`` (the validator the laptop
    sent as If-None-Match) is still the current one: one primary-key read instead of the users."""
    with ctx.db.transactions() as run, run.transaction() as connection:
        validator = roster_validator(*store.roster_version(connection))
        if known == validator:
            return validator, None
        users = store.all_users(connection)
    return validator, [
        {
            "id": u.id,
            "user": u.name,
            "display_name": u.display_name,
            "role": u.role,
            "limits": {
                "hours_per_change": u.hours_per_change,
                "cost_cents_per_change": u.cost_cents_per_change,
                "goodwill_hours_per_project": u.goodwill_hours_per_project,
                "cost_currency": u.cost_currency,
            },
        }
        for u in users
        if not u.disabled
    ]


def team_recurring(
    ctx: ServiceContext, identity: DeviceIdentity, since: date, until: date
) -> list[dict[str, Any]]:
    """Managers: issue categories across every client of the team, as counts (no record is named)."""
    if identity.user.role not in (Role.MANAGER, Role.ADMIN):
        raise PermissionError("Only managers see the team's recurring problems.")
    with ctx.db.unit_of_work() as session:
        rows = store.team_category_counts(session.connection(), since, until)
    return [
        {
            "category_id": r["id"],
            "name_en": r["name_en"],
            "name_zh": r["name_zh"],
            "clients": int(r["clients"]),
            "issues": int(r["issues"]),
        }
        for r in rows
    ]


def authenticate(ctx: ServiceContext, token: str) -> DeviceIdentity | None:
    """The device a bearer token belongs to (None: unknown, revoked, or its user disabled)."""
    digest = sha256_hex(token.encode("utf-8"))
    with ctx.db.transactions() as run, run.transaction() as connection:
        return store.device_by_token(connection, digest)


def health(ctx: ServiceContext) -> dict[str, Any]:
    with ctx.db.unit_of_work() as session:
        revision = store.schema_revision(session.connection())
    return {"status": "ok", "schema": revision}


__all__ = [
    "FileMismatchError",
    "authenticate",
    "get_file",
    "health",
    "me",
    "missing_files",
    "pull",
    "push_group",
    "push_groups",
    "put_file",
    "records",
    "reserve_letter",
    "roster",
    "team_recurring",
]
