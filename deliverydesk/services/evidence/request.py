"""A change request in its evidence pack: what it costs and moves, how it was decided (its decision,
proposal, approval or refusal as the audit trail recorded each change), the milestone dates it moved;
and, for a date range, every ask captured in it, whether or not a log entry is about it. Part of
``services.evidence.pack``."""

from __future__ import annotations

import json
from datetime import date, tzinfo
from decimal import Decimal

from deliverydesk.domain.audit import parse_changes
from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.reports.evidence.data import (
    EvidenceAskData,
    EvidenceDecisionEventData,
    EvidenceFieldChangeData,
    EvidenceMilestoneMoveData,
    EvidenceTopicData,
    EvidenceTopicKind,
)
from deliverydesk.store.audit import record_events
from deliverydesk.store.evidence_queries import asks_requested_between, milestone_moves_of
from deliverydesk.store.records import Session, contact_names

# the fields whose changes tell how a request was decided: the decision, the proposal held for a
# manager, the approval (or its refusal: the approver and note cleared, the decision back to pending)
DECISION_FIELDS = (
    "decision",
    "proposed_decision",
    "decided_by",
    "decided_on",
    "approved_by",
    "approved_on",
    "approval_note",
)
HISTORY_LIMIT = 200  # audit events of one request read at most


def change_request_topic(
    session: Session, request: ChangeRequestItem, currency: str, zone: tzinfo
) -> EvidenceTopicData:
    asker = contact_names(session, [request.requested_by_id] if request.requested_by_id else [])
    return EvidenceTopicData(
        EvidenceTopicKind.CHANGE_REQUEST,
        ref=request.ref,
        title=request.title,
        description=request.description,
        requested_by=asker.get(request.requested_by_id or "", request.requested_by_name),
        requested_on=request.requested_on,
        decision=request.decision,
        decided_by=request.decided_by,
        decided_on=request.decided_on,
        effort_hours=Decimal(str(request.effort_hours)),
        cost=Decimal(request.cost_cents) / 100 if request.cost_cents else None,
        currency=currency,
        schedule_days=request.schedule_days,
        risk=request.risk,
        rationale=request.rationale,
        approved_by=request.approved_by,
        approved_on=request.approved_on,
        approval_note=request.approval_note,
        history=decision_history(session, request.id, zone),
        milestone_moves=tuple(
            EvidenceMilestoneMoveData(
                name, move.field, move.old_date, move.new_date, move.created_at.astimezone(zone), move.reason
            )
            for move, name in milestone_moves_of(session, request.id)
        ),
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def decision_history(
    session: Session, request_id: str, zone: tzinfo
) -> tuple[EvidenceDecisionEventData, ...]:
    """Every recorded change to how the request was decided, oldest first."""
    events = []
    for event in reversed(record_events(session, request_id, HISTORY_LIMIT)):
        changes = tuple(
            EvidenceFieldChangeData(change.field, _text(change.before), _text(change.after))
            for change in parse_changes(event.changes)
            if change.field in DECISION_FIELDS and _text(change.before) != _text(change.after)
        )
        if changes:
            events.append(EvidenceDecisionEventData(event.occurred_at.astimezone(zone), event.actor, changes))
    return tuple(events)


def asks_in_period(session: Session, project_id: str, first: date, last: date) -> tuple[EvidenceAskData, ...]:
    """The asks captured in the range: those nobody logged an entry about are evidence too."""
    rows = asks_requested_between(session, project_id, first, last)
    names = contact_names(session, [r.requested_by_id for r, _count in rows if r.requested_by_id])
    return tuple(
        EvidenceAskData(
            ref=row.ref,
            title=row.title,
            requested_on=row.requested_on,
            requested_by=names.get(row.requested_by_id or "", row.requested_by_name),
            channel=row.channel,
            decision=row.decision,
            logged=count > 0,
        )
        for row, count in rows
    )
