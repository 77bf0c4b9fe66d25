"""Team sync rules with no I/O: field-level merge against the common base, what append-only and
write-once records allow, scopes, and the server's chain of groups (docs/sync.md).

Values here are in the bundle's canonical JSON form (strings, numbers, booleans, None), so equality
is plain ``==`` on both sides of the wire.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from deliverydesk.domain.audit import GENESIS_HASH
from deliverydesk.domain.fingerprint import canonical_json, fingerprint
from deliverydesk.i18n import NP_, Message, msg, msg_p, verbatim

# Records that are only ever created: the server refuses any update of them.
INSERT_ONLY_TABLES = frozenset({"log_entry", "milestone_change", "signature"})
# Records that are created, then only closed, archived or restored: they never conflict; a same-field
# clash is settled by keeping the value the server accepted first (the other stays in the group chain).
SETTLED_TABLES = frozenset({"attachment", "review_action"})
APPEND_ONLY_TABLES = INSERT_ONLY_TABLES | SETTLED_TABLES
# Fields a change never merges: identity and the server's own counter. ``updated_at`` merges without
# ever conflicting (it only says when; the laptop's clock may be days off).
IDENTITY_FIELDS = frozenset({"id", "created_at", "row_version"})
QUIET_FIELDS = frozenset({"updated_at"})
ARCHIVED = "archived_at"

# Letters: what an issue seals (never changes afterwards) and what a signature sets (once).
LETTER_SEALED_FIELDS = frozenset(
    {
        "project_id",
        "kind",
        "ref",
        "version",
        "language",
        "change_request_id",
        "content_json",
        "fingerprint",
        "pdf_sha256",
        "issued_at",
    }
)
# A signature is an event of its own (``signature`` rows, append-only); on the letter it sets the
# status and the signed PDF, once: a second, different signed PDF is a conflict.
LETTER_SIGNATURE_FIELDS = frozenset({"signed_pdf_sha256"})
SIGNED_METHODS = frozenset({"on_screen", "on_paper", "by_email"})  # "refused" is not a signature
LETTER_NEXT_STATUS = {
    "draft": frozenset({"draft", "issued"}),
    "issued": frozenset({"issued", "signed", "superseded"}),
    "signed": frozenset({"signed", "superseded"}),
    "superseded": frozenset({"superseded"}),
}
# A change request whose change-decision letter is issued keeps these.
FROZEN_REQUEST_FIELDS = frozenset(
    {
        "decision",
        "proposed_decision",
        "decided_by",
        "decided_on",
        "rationale",
        "effort_hours",
        "cost_cents",
        "schedule_days",
        "escalation_needed",
        "approved_by",
        "approved_on",
        "approval_note",
        "scope_check",
        "triage",
    }
)
ACCEPTED_DECISIONS = frozenset({"approved_billable", "approved_goodwill"})
PENDING_APPROVAL = "pending_approval"
SHARED_SCOPE = "shared"


class Role(enum.StrEnum):
    ENGINEER = "engineer"
    MANAGER = "manager"
    ADMIN = "admin"


class ChangeOp(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"


class GroupStatus(enum.StrEnum):
    PENDING = "pending"  # laptop: waiting to be pushed
    ACCEPTED = "accepted"
    CONFLICT = "conflict"
    REFUSED = "refused"
    SUPERSEDED = "superseded"  # laptop: replaced by the group resolving its conflict
    MISSING_FILES = "missing_files"  # an answer only, never stored


FINAL_STATUSES = frozenset({GroupStatus.ACCEPTED, GroupStatus.CONFLICT, GroupStatus.REFUSED})


def project_scope(project_id: str) -> str:
    return f"p:{project_id}"


def client_scope(client_id: str) -> str:
    return f"c:{client_id}"


def scope_project_id(scope: str) -> str | None:
    return scope[2:] if scope.startswith("p:") else None


def scope_client_id(scope: str) -> str | None:
    return scope[2:] if scope.startswith("c:") else None


# --- merging -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldVersion:
    """Who last changed a field on the server: at which record version, from which device and group."""

    version: int
    device_id: str
    group_seq: int

    def as_json(self) -> list[Any]:
        return [self.version, self.device_id, self.group_seq]

    @classmethod
    def from_json(cls, value: Any) -> FieldVersion:
        version, device_id, group_seq = value
        return cls(int(version), str(device_id), int(group_seq))


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any  # what the laptop saw before its change
    mine: Any  # the laptop's new value
    theirs: Any  # the server's value now

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "base": self.base, "mine": self.mine, "theirs": self.theirs}


@dataclass(frozen=True)
class MergeResult:
    apply: dict[str, Any]  # field -> value to write
    conflicts: tuple[FieldConflict, ...] = ()
    settled: tuple[FieldConflict, ...] = ()  # append-only records: the server's value stayed
    merged: bool = False  # another device's changes to other fields were kept next to these


def changed_by_others(
    field_versions: Mapping[str, FieldVersion], base_version: int, device_id: str
) -> frozenset[str]:
    """Fields another device changed on the server after ``base_version``."""
    return frozenset(
        name
        for name, fv in field_versions.items()
        if fv.version > base_version and fv.device_id != device_id and name not in QUIET_FIELDS
    )


def merge_update(
    changes: Mapping[str, tuple[Any, Any]],
    current: Mapping[str, Any],
    field_versions: Mapping[str, FieldVersion],
    base_version: int,
    device_id: str,
    *,
    settle: bool = False,
) -> MergeResult:
    """Merge one record's change ``{field: (old, new)}`` into the server's ``current`` row.

    A field another device changed since ``base_version`` to something else than this change's new
    value is a conflict (``settle``: the server's value stays and the clash is reported as settled);
    every other field takes the new value. Archiving or restoring against another device's edit (or
    editing against its archive) is a conflict on ``archived_at``, never "the archive wins"."""
    others = changed_by_others(field_versions, base_version, device_id)
    apply: dict[str, Any] = {}
    clashes: list[FieldConflict] = []
    for name, (old, new) in changes.items():
        if name in IDENTITY_FIELDS:
            continue
        if name in others and current.get(name) != new and name not in QUIET_FIELDS:
            clashes.append(FieldConflict(name, old, new, current.get(name)))
        elif current.get(name) != new:
            apply[name] = new
    edits = set(changes) - IDENTITY_FIELDS - QUIET_FIELDS - {ARCHIVED}
    archive_clash = (ARCHIVED in changes and bool(others - {ARCHIVED})) or (
        ARCHIVED in others and bool(edits) and ARCHIVED not in changes
    )
    if archive_clash and not any(c.field == ARCHIVED for c in clashes):
        old, new = changes.get(ARCHIVED, (current.get(ARCHIVED), current.get(ARCHIVED)))
        if ARCHIVED not in changes:  # an edit of a record archived since: the laptop saw it live
            old = new = None
        clashes.append(FieldConflict(ARCHIVED, old, new, current.get(ARCHIVED)))
        apply.pop(ARCHIVED, None)
    merged = bool(others - set(changes))
    if settle:
        return MergeResult(apply, (), tuple(clashes), merged)
    return MergeResult(apply, tuple(clashes), (), merged)


# --- write-once letters and frozen requests ----------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What a rule says about a change: refused (with why), or conflicting fields, or fine."""

    refusal: Message | None = None
    conflicts: tuple[FieldConflict, ...] = ()

    @property
    def ok(self) -> bool:
        return self.refusal is None and not self.conflicts


_LETTER_STATUSES = {
    "draft": NP_("letter status", "draft"),
    "issued": NP_("letter status", "issued"),
    "signed": NP_("letter status", "signed"),
    "superseded": NP_("letter status", "superseded"),
}


def _letter_status(status: str) -> Message:
    return (
        msg_p("letter status", _LETTER_STATUSES[status]) if status in _LETTER_STATUSES else verbatim(status)
    )


def check_new_letter(row: Mapping[str, Any]) -> Message | None:
    """Why an arriving letter cannot be accepted as it is (None when it can)."""
    if row.get("status") == "draft":
        return None
    if not row.get("content_json") or fingerprint(row["content_json"]) != row.get("fingerprint"):
        return msg(
            "The letter {ref} version {version} does not match its fingerprint: "
            "its content was changed after it was sealed.",
            ref=row.get("ref"),
            version=row.get("version"),
        )
    if not row.get("pdf_sha256"):
        return msg(
            "The letter {ref} version {version} was issued without its PDF.",
            ref=row.get("ref"),
            version=row.get("version"),
        )
    return None


def check_letter_change(
    current: Mapping[str, Any],
    changes: Mapping[str, tuple[Any, Any]],
    before: Mapping[str, Any] | None = None,
) -> Verdict:
    """An issued letter is write-once: its sealed content never changes, its status only moves on,
    and a signature is set once (a second, different signature is a conflict). ``current``: the
    letter as the group has left it so far; ``before``: as the server held it before the group (a
    group is one user action: signing moves the status and fills in the signed copy together)."""
    status = str(current.get("status"))
    ref, version = current.get("ref"), current.get("version")
    if status != "draft":
        altered = sorted(f for f in changes if f in LETTER_SEALED_FIELDS and current.get(f) != changes[f][1])
        if altered:
            return Verdict(
                refusal=msg(
                    "The issued letter {ref} version {version} cannot change ({fields}).",
                    ref=ref,
                    version=version,
                    fields=", ".join(altered),
                )
            )
    if "status" in changes and changes["status"][1] not in LETTER_NEXT_STATUS.get(status, frozenset()):
        return Verdict(
            refusal=msg(
                "The letter {ref} version {version} cannot go from {status} back to {to}.",
                ref=ref,
                version=version,
                status=_letter_status(status),
                to=_letter_status(str(changes["status"][1])),
            )
        )
    if (current if before is None else before).get("status") == "signed":
        clashes = tuple(
            FieldConflict(f, old, new, current.get(f))
            for f, (old, new) in sorted(changes.items())
            if f in LETTER_SIGNATURE_FIELDS and current.get(f) != new
        )
        return Verdict(conflicts=clashes)
    return Verdict()


def frozen_fields_altered(current: Mapping[str, Any], changes: Mapping[str, tuple[Any, Any]]) -> list[str]:
    """The fields an issued change decision freezes that these changes would alter (the server asks
    whether such a letter is live only when there are some)."""
    return sorted(f for f in changes if f in FROZEN_REQUEST_FIELDS and current.get(f) != changes[f][1])


def check_frozen_request(
    current: Mapping[str, Any], changes: Mapping[str, tuple[Any, Any]], letter_issued: bool
) -> Message | None:
    """A change request whose change-decision letter is issued keeps its decision and figures."""
    if not letter_issued:
        return None
    altered = frozen_fields_altered(current, changes)
    if not altered:
        return None
    return msg(
        "The change decision letter of {ref} is issued: its decision can no longer change ({fields}). "
        "Supersede the letter first.",
        ref=current.get("ref"),
        fields=", ".join(altered),
    )


# --- authority -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """What the server does with a change request's decision fields in an arriving change."""

    values: dict[str, Any] = field(default_factory=dict)  # fields the server sets (identity, hold)
    refusal: Message | None = None
    held: bool = False


def approval_rule(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    touched: frozenset[str],
    *,
    needs_approval: bool,
    is_manager: bool,
    manager_name: str,
) -> Approval:
    """A decision above the deciding user's limits is held; only a manager approves a held one, and
    an approval carries the manager's name from their token, never typed text.

    ``before``: the server's row (None for a new request); ``after``: the row once the change is
    merged; ``touched``: the fields the change set; ``needs_approval``: the pushing user's limits
    (on the server) say the decision in ``after`` needs a manager."""
    decision = after.get("decision")
    was = before.get("decision") if before is not None else None
    sets_approval = bool(touched & {"approved_by", "approved_on"}) and bool(after.get("approved_by"))
    sets_refusal = bool(touched & {"refused_by", "refused_on", "refusal_reason"}) and bool(
        after.get("refused_by")
    )
    if sets_refusal:  # a refusal, like an approval, carries the manager's name from their token
        if not is_manager:
            return Approval(refusal=msg("Only a manager can refuse a decision held for approval."))
        return Approval(values={"refused_by": manager_name})
    if was == PENDING_APPROVAL and decision in ACCEPTED_DECISIONS:
        if not is_manager:
            return Approval(refusal=msg("Only a manager can approve a decision held for approval."))
        return Approval(values={"approved_by": manager_name})
    if sets_approval and not is_manager:
        return Approval(refusal=msg("Only a manager's own device can record a manager's approval."))
    decisive = touched & {"decision", "effort_hours", "cost_cents", "scope_check"}
    if decision in ACCEPTED_DECISIONS and decisive and needs_approval and not after.get("approved_by"):
        return _hold(after)
    if sets_approval:
        return Approval(values={"approved_by": manager_name})
    return Approval()


def _hold(after: Mapping[str, Any]) -> Approval:
    values = {
        "decision": PENDING_APPROVAL,
        "proposed_decision": after.get("decision"),
        "escalation_needed": True,
        "approved_by": "",
        "approved_on": None,
    }
    return Approval(values=values, held=True)


# --- the chain of groups -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupLink:
    """One link of the server's chain of groups."""

    seq: int
    group_id: str
    user_id: str
    device_id: str
    received_at: str  # ISO UTC
    status: str
    payload_sha256: str
    event_hashes: str  # canonical JSON list
    answer_sha256: str
    prev_hash: str


def group_link_hash(link: GroupLink) -> str:
    return fingerprint(canonical_json(link.__dict__))


def group_link_template(link: GroupLink, seq_token: str) -> str:
    """The text ``group_link_hash`` hashes, with ``seq_token`` (a JSON string, quotes included in
    the text) where the link's number goes: the team server's tail fills it in, and whatever tokens
    ``link`` holds in its other fields, where the head is known (PostgreSQL)."""
    return canonical_json({**link.__dict__, "seq": seq_token})


def payload_digest(payload_text: str) -> str:
    """A group's payload's SHA-256, from its canonical JSON text (the text the server stores: made
    once, not walked again by ``canonical_json``, whose text is the same for JSON data)."""
    return fingerprint(payload_text)


@dataclass(frozen=True)
class StoredLink:
    """A stored link of the chain of groups, as ``check`` reads it back."""

    link: GroupLink
    hash: str


def verify_group_chain(links: Iterable[StoredLink], head_seq: int, head_hash: str) -> list[str]:
    """Problems of the chain of groups, in plain words (empty when intact); one pass."""
    problems: list[str] = []
    previous_hash, expected = GENESIS_HASH, 1
    for stored in links:
        link = stored.link
        if link.seq != expected:
            problems.append(f"group link {expected} is missing (the chain jumps to {link.seq})")
        if group_link_hash(link) != stored.hash:
            problems.append(f"group link {link.seq} ({link.group_id}) was altered")
        elif link.prev_hash != previous_hash:
            problems.append(f"group link {link.seq} does not follow link {link.seq - 1}")
        previous_hash, expected = stored.hash, link.seq + 1
        if len(problems) >= 10:
            return problems
    if head_seq != expected - 1 or head_hash != previous_hash:
        problems.append(f"the chain of groups ends at {expected - 1} but its head says {head_seq}")
    return problems
