"""What may never be rewritten once written (pure): the rules a bundle import (and the team server)
applies to a record that already exists here, and how a copy's row version compares with ours.

* An issued or signed letter keeps every field it was issued (and signed) with. The only changes that
  can arrive from its source are the ones its own database could make: a signature recorded on an
  issued letter (status issued -> signed, and the signed copy's SHA-256 filled in where it was empty)
  and its withdrawal (issued or signed -> superseded).
* A log entry, a milestone date-change entry and a signature event never change (a correction, a new
  signature or a refusal is a new record). The one exception is what its own database may do to a log
  entry written by mistake: void it with a reason, or bring it back (Undo / Redo in the window); the
  entry itself stays as written.
* The decision of a change request whose change-decision letter is issued (and stays issued) never
  changes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.i18n import Message, joined, msg, msg_n

# A write bumps these; they say nothing about the content.
BOOKKEEPING = frozenset({"updated_at", "row_version"})
# What signing sets on the letter itself (who signed, how and when are ``signature`` events).
SIGNING_FIELDS = frozenset({"signed_pdf_sha256"})
# The fields that an issued change-decision letter freezes on its change request.
DECISION_FIELDS = (
    "decision",
    "decided_by",
    "decided_on",
    "rationale",
    "escalation_needed",
    "approved_by",
    "approved_on",
    "approval_note",
)
APPEND_ONLY_TABLES = frozenset({"log_entry", "milestone_change", "signature"})
# What voiding (and bringing back) a log entry sets: the only fields of an append-only record that change.
VOID_FIELDS = frozenset({"voided_at", "void_reason"})
_FORWARD = {("issued", "signed"), ("issued", "superseded"), ("signed", "superseded")}


class Standing(enum.StrEnum):
    """How a copy of a record compares with the one here."""

    SAME = "same"  # nothing but bookkeeping differs
    NEWER = "newer"  # written after ours: it may replace ours (if nothing here is write-once)
    STALE = "stale"  # an older version than ours: replacing ours would silently revert it
    DIVERGED = "diverged"  # the same version, changed differently on both sides


def _text(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def changed_fields(stored: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[str]:
    """The content fields (not bookkeeping) whose values differ, sorted."""
    return sorted(
        name for name in incoming if name not in BOOKKEEPING and _text(stored[name]) != _text(incoming[name])
    )


def standing(stored: Mapping[str, Any], incoming: Mapping[str, Any]) -> Standing:
    if not changed_fields(stored, incoming):
        return Standing.SAME
    ours, theirs = int(stored["row_version"]), int(incoming["row_version"])
    if theirs > ours:
        return Standing.NEWER
    return Standing.STALE if theirs < ours else Standing.DIVERGED


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == b""


def letter_rewrites(stored: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[str]:
    """The fields of an issued or signed letter that ``incoming`` would rewrite (empty: none)."""
    status = _text(stored["status"])
    if status == "draft":
        return []
    bad = []
    for name in changed_fields(stored, incoming):
        if name == "status":
            ok = (status, _text(incoming["status"])) in _FORWARD
        elif name in SIGNING_FIELDS:
            ok = status == "issued" and _empty(stored[name])
        else:
            ok = False
        if not ok:
            bad.append(name)
    return bad


def append_only_rewrites(
    stored: Mapping[str, Any], incoming: Mapping[str, Any], table: str = ""
) -> list[str]:
    """Any content change of a log entry, milestone date-change entry or signature event is a rewrite,
    except a log entry voided or brought back (``VOID_FIELDS``)."""
    allowed = VOID_FIELDS if table == "log_entry" else frozenset()
    return [name for name in changed_fields(stored, incoming) if name not in allowed]


def decision_rewrites(stored: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[str]:
    """The decision fields of a change request frozen by its issued change-decision letter."""
    return [name for name in changed_fields(stored, incoming) if name in DECISION_FIELDS]


@dataclass(frozen=True)
class Rewrite:
    """A record that an import would rewrite although it is write-once here."""

    table: str
    record_id: str
    name: Message  # how a person names it (ref and version, summary, ...)
    fields: tuple[str, ...]

    def describe(self) -> Message:
        return msg(
            "{kind} {name} ({fields})",
            kind=record_kind(self.table),
            name=self.name,
            fields=", ".join(self.fields),
        )


def listing(items: Sequence[Message], limit: int = 10) -> Message:
    """The first ``limit`` items joined by "; ", and how many more there are."""
    shown = joined(items[:limit])
    more = len(items) - limit
    if more <= 0:
        return shown
    return msg_n("{items}; and {count} more", "{items}; and {count} more", more, items=shown)


def describe_rewrites(rewrites: Sequence[Rewrite], limit: int = 10) -> Message:
    return msg_n(
        "The bundle would change {count} record that can never change once written (issued or signed"
        " letters, log entries, milestone date changes, signatures, decisions of an issued change"
        " decision): {records}.",
        "The bundle would change {count} records that can never change once written (issued or signed"
        " letters, log entries, milestone date changes, signatures, decisions of an issued change"
        " decision): {records}.",
        len(rewrites),
        records=listing([r.describe() for r in rewrites], limit),
    )
