"""What a bundle may do to the records already here: add records, update the mutable ones it holds a
newer version of; never rewrite a write-once record, never revert a newer one.

* A write-once record (``domain.write_once``) the bundle would change: the whole bundle is refused,
  naming the records.
* A record whose copy in the bundle is older than ours (a smaller ``row_version``), or changed
  differently on both sides (the same ``row_version``): a conflict. The bundle is refused with the
  list, unless ``keep_newer``: then those records keep this database's version (they are skipped).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.write_once import (
    APPEND_ONLY_TABLES,
    Rewrite,
    Standing,
    append_only_rewrites,
    decision_rewrites,
    describe_rewrites,
    letter_rewrites,
    listing,
    standing,
)
from deliverydesk.errors import BundleError
from deliverydesk.i18n import Message, msg, msg_n, verbatim
from deliverydesk.services.bundle.check import NOTHING_DONE, shown
from deliverydesk.store.bundle_queries import requests_with_live_change_decision, stored_rows
from deliverydesk.store.records import Session

Records = Mapping[str, Sequence[Mapping[str, Any]]]
MAX_LISTED = 10


@dataclass(frozen=True)
class Conflict:
    table: str
    record_id: str
    name: Message
    standing: Standing
    ours: int  # row versions
    theirs: int

    def describe(self) -> Message:
        values = {
            "kind": record_kind(self.table),
            "name": self.name,
            "theirs": self.theirs,
            "ours": self.ours,
        }
        if self.standing is Standing.STALE:
            return msg(
                "{kind} {name} (older in the bundle: version {theirs} in the bundle, {ours} here)", **values
            )
        return msg(
            "{kind} {name} (changed on both sides: version {theirs} in the bundle, {ours} here)", **values
        )


@dataclass(frozen=True)
class ImportPlan:
    skip: frozenset[tuple[str, str]]  # (table, id): kept as they are here
    conflicts: tuple[Conflict, ...]


def record_name(table: str, row: Mapping[str, Any]) -> Message:
    """How a person names a bundled record in a message."""
    if table == "letter":
        return msg("{ref} version {version}", ref=shown(row["ref"]), version=row["version"])
    if table == "log_entry":
        day = row["occurred_at"].strftime("%Y-%m-%d")
        return msg("of {day} {summary!r}", day=day, summary=shown(row["summary"])[:60])
    if table == "milestone_change":
        return verbatim(f"{row['field']} {row['old_date']} -> {row['new_date']}")
    if table == "signature":
        return msg(
            "by {signer} ({party}, {method}, {signed_on})",
            signer=shown(row["signer_name"]),
            party=row["party"],
            method=row["method"],
            signed_on=row["signed_on"],
        )
    for column in ("ref", "code", "name", "title"):
        if row.get(column):
            return verbatim(shown(row[column]))
    return verbatim(str(row["id"]))


def plan_import(session: Session, records: Records, *, keep_newer: bool) -> ImportPlan:
    """Which bundled records to leave alone; raises BundleError when the bundle must be refused."""
    stored = stored_rows(session, records)
    conflicts: list[Conflict] = []
    updates: dict[str, dict[str, Mapping[str, Any]]] = {}
    for table, rows in records.items():
        for row in rows:
            ours = stored.get(table, {}).get(row["id"])
            if ours is None:
                continue
            place = standing(ours, row)
            if place is Standing.NEWER:
                updates.setdefault(table, {})[row["id"]] = row
            elif place is not Standing.SAME:
                name = record_name(table, row)
                conflicts.append(
                    Conflict(table, row["id"], name, place, int(ours["row_version"]), int(row["row_version"]))
                )
    rewrites = _rewrites(session, stored, updates, records)
    if rewrites:
        raise BundleError(describe_rewrites(rewrites), hint=NOTHING_DONE)
    if conflicts and not keep_newer:
        raise BundleError(_describe_conflicts(conflicts), hint=NOTHING_DONE)
    return ImportPlan(frozenset((c.table, c.record_id) for c in conflicts), tuple(conflicts))


def _rewrites(
    session: Session,
    stored: Mapping[str, Mapping[str, Mapping[str, Any]]],
    updates: Mapping[str, Mapping[str, Mapping[str, Any]]],
    records: Records,
) -> list[Rewrite]:
    found: list[Rewrite] = []
    for table, rows in updates.items():
        for record_id, row in rows.items():
            ours = stored[table][record_id]
            if table == "letter":
                fields = letter_rewrites(ours, row)
            elif table in APPEND_ONLY_TABLES:
                fields = append_only_rewrites(ours, row, table)
            else:
                continue
            if fields:
                found.append(Rewrite(table, record_id, record_name(table, row), tuple(fields)))
    found += _frozen_decisions(session, stored, updates.get("change_request", {}), records)
    return found


def _frozen_decisions(
    session: Session,
    stored: Mapping[str, Mapping[str, Mapping[str, Any]]],
    requests: Mapping[str, Mapping[str, Any]],
    records: Records,
) -> list[Rewrite]:
    """Decisions frozen here by a live change-decision letter that stays live after the import (the
    bundle may supersede it, as its own database did before the decision changed)."""
    live = requests_with_live_change_decision(session, list(requests))
    superseded = {
        row["id"] for row in records.get("letter", ()) if str(row["status"]) in ("superseded", "draft")
    }
    found = []
    for request_id, row in requests.items():
        still_live = live.get(request_id, set()) - superseded
        fields = decision_rewrites(stored["change_request"][request_id], row) if still_live else []
        if fields:
            found.append(
                Rewrite("change_request", request_id, record_name("change_request", row), tuple(fields))
            )
    return found


def _describe_conflicts(conflicts: Sequence[Conflict]) -> Message:
    return msg_n(
        "{count} record in the bundle is not newer than this database's: importing would undo changes"
        " made here: {records}. Import with --keep-newer to keep this database's version of it (the rest"
        " is imported).",
        "{count} records in the bundle are not newer than this database's: importing would undo changes"
        " made here: {records}. Import with --keep-newer to keep this database's version of them (the rest"
        " is imported).",
        len(conflicts),
        records=listing([c.describe() for c in conflicts], MAX_LISTED),
    )
