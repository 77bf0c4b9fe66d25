"""Rows of a project's client documents, for ``services.documents``: the records a document prints
as the domain's items, the handover gate's facts, and saving what signing a letter confirms. The
rules are the domain's and the services'; here rows become items and items go back onto rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.handover import HandoverFacts, IssueFact, OpenItemFact, ScopeFact
from deliverydesk.domain.models import ExpectationItem, MilestoneItem
from deliverydesk.store import kinds
from deliverydesk.store.milestone_rows import milestone_item
from deliverydesk.store.project_tables import EXPECTATIONS
from deliverydesk.store.record_rows import find_row, get_row
from deliverydesk.store.record_tables import RecordTable
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import (
    HandoverItemRow,
    IssueRow,
    MilestoneChangeRow,
    MilestoneRow,
    ScopeItemRow,
)

ItemT = TypeVar("ItemT")
MAX_ROWS = 1000  # per project and table: a project has tens; the bound guards against damage


def handover_facts(session: Session, project_id: str) -> HandoverFacts:
    """What the handover gate (``domain.handover``) reads of the project's live records."""
    where: dict[str, object] = {"project_id": project_id}
    scope, _ = list_rows(session, ScopeItemRow, where=where, order_by=("ref",), limit=MAX_ROWS)
    entries, _ = list_rows(
        session, HandoverItemRow, where=where, order_by=("item_date", "created_at"), limit=MAX_ROWS
    )
    issues, _ = list_rows(session, IssueRow, where=where, order_by=("ref",), limit=MAX_ROWS)

    def of(kind: HandoverKind) -> list[HandoverItemRow]:
        return [e for e in entries if e.kind is kind]

    return HandoverFacts(
        scope_items=tuple(ScopeFact(s.id, s.ref, s.title, s.status) for s in scope),
        trainings=tuple((t.id, t.title) for t in of(HandoverKind.TRAINING)),
        documents_for=tuple(d.training_id for d in of(HandoverKind.DOCUMENT)),
        open_items=tuple(
            OpenItemFact(o.scope_item_id, o.owner, o.item_date) for o in of(HandoverKind.OPEN_ITEM)
        ),
        issues=tuple(IssueFact(i.id, i.ref, i.title, i.severity) for i in issues),
        cautioned_issue_ids=tuple(r.issue_id for r in of(HandoverKind.RISK)),
    )


def project_expectations(session: Session, project_id: str) -> list[ExpectationItem]:
    """The project's live expectations (at most ``MAX_ROWS``), oldest first."""
    items, _ = EXPECTATIONS.page(
        session,
        {"project_id": project_id},
        include_archived=False,
        offset=0,
        limit=MAX_ROWS,
        order_by=("created_at",),
    )
    return items


def save_confirmation(now: datetime, session: Session, expectation: ExpectationItem) -> None:
    """Save what a signed letter leaves ``expectation`` as: its status and the letter that confirmed
    it. Written in the signing's next flush, with the rest of what signing does."""
    row = get_row(session, kinds.EXPECTATION, expectation.id)
    row.status = expectation.status
    row.confirmed_by_letter_id, row.updated_at = expectation.confirmed_by_letter_id, now


def project_records(
    session: Session,
    table: RecordTable[Any, Any, ItemT],
    project_id: str,
    order_by: Sequence[str],
    limit: int,
    **match: object,
) -> list[ItemT]:
    """The project's live records of one kind as items (``match``: only those whose columns have these
    values), in ``order_by`` order (a document prints them all)."""
    where = {"project_id": project_id, **match}
    items, _ = table.page(session, where, include_archived=False, offset=0, limit=limit, order_by=order_by)
    return items


def project_milestones(
    session: Session, project_id: str, today: date, extra_days: frozenset[date], limit: int
) -> list[MilestoneItem]:
    """The project's live milestones by baseline date (then ref), with their slip (the project's extra
    non-working days given) and health on ``today``."""
    rows, _ = list_rows(
        session,
        MilestoneRow,
        where={"project_id": project_id},
        order_by=("baseline_date", "ref"),
        limit=limit,
    )
    return [milestone_item(session, row, today, extra_days) for row in rows]


class MilestoneMove(NamedTuple):
    """A date of a milestone that a change request moved (its milestone history, oldest first)."""

    milestone_name: str
    field: str  # baseline | forecast | actual
    old_date: date | None
    new_date: date | None


def milestone_moves(session: Session, change_request_id: str, limit: int = 100) -> list[MilestoneMove]:
    """The milestone dates the change request moved, oldest first (milestones no longer there left out)."""
    changes, _total = list_rows(
        session,
        MilestoneChangeRow,
        where={"change_request_id": change_request_id},
        order_by=("created_at",),
        limit=limit,
    )
    moves = []
    for change in changes:
        milestone = find_row(session, kinds.MILESTONE, change.milestone_id)
        if milestone is not None:
            moves.append(MilestoneMove(milestone.name, change.field, change.old_date, change.new_date))
    return moves
