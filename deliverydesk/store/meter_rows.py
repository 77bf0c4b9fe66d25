"""The scope guard's read side in rows: a project's budgets, its deferred B-items with its main
milestones, and the undecided change requests with work logged against them, as the domain's records
(``domain.scope_meters``). The rules that pick them are the domain's (``domain.scope_guard``)."""

from __future__ import annotations

from collections.abc import Iterable

from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.domain.scope_guard import done_without_decision, is_waiting_b_item, main_goal_met
from deliverydesk.domain.scope_meters import DeferredBItems, DeferredItem, UndecidedWork
from deliverydesk.store import kinds
from deliverydesk.store.meter_sql import WORK_LOGGED
from deliverydesk.store.plain import reader, to_moment
from deliverydesk.store.project_tables import MAX_ROWS
from deliverydesk.store.record_rows import get_row
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ChangeRequestRow, MilestoneRow, ProjectRow

Budgets = tuple[float, float]  # goodwill budget hours, contracted effort hours


def project_budgets(session: Session, project_id: str) -> Budgets:
    """The project's goodwill budget and contracted hours (archived or not), or NotFoundError."""
    project = get_row(session, kinds.PROJECT, project_id)
    return project.goodwill_budget_hours, project.contracted_effort_hours


def project_budgets_many(session: Session, project_ids: Iterable[str]) -> dict[str, Budgets]:
    """Budgets of the projects found among ``project_ids``, in their order; unknown ids skipped."""
    found: dict[str, Budgets] = {}
    for project_id in dict.fromkeys(project_ids):
        project = session.get(ProjectRow, project_id)
        if project is not None:
            found[project_id] = (project.goodwill_budget_hours, project.contracted_effort_hours)
    return found


def deferred_b_items(session: Session, project_id: str) -> DeferredBItems:
    """The project's deferred B-items by ref and its live main milestones, or NotFoundError."""
    project = get_row(session, kinds.PROJECT, project_id)
    mains, _ = list_rows(
        session, MilestoneRow, where={"project_id": project.id, "is_main": True}, limit=MAX_ROWS
    )
    return DeferredBItems(
        project_id=project.id,
        project_code=project.code,
        project_name=project.name,
        main_milestones=tuple(m.name for m in mains),
        main_goal_met=main_goal_met([m.status for m in mains]),
        items=tuple(_deferred(session, project.id)),
    )


def _deferred(session: Session, project_id: str) -> list[DeferredItem]:
    rows, _ = list_rows(
        session,
        ChangeRequestRow,
        where={"project_id": project_id, "triage": Triage.B, "decision": Decision.DEFERRED},
        order_by=("ref",),
        limit=MAX_ROWS,
    )
    return [
        DeferredItem(
            request_id=r.id,
            ref=r.ref,
            title=r.title,
            requested_on=r.requested_on,
            decided_on=r.decided_on,
            rationale=r.rationale,
            effort_hours=r.effort_hours,
        )
        for r in rows
        if is_waiting_b_item(r.triage, r.decision)
    ]


def undecided_work(session: Session, project_id: str) -> list[UndecidedWork]:
    """The project's live undecided requests with live log entries against them, by ref; NotFoundError
    for an unknown project."""
    get_row(session, kinds.PROJECT, project_id)
    flagged = []
    for decision in (Decision.PENDING, Decision.PENDING_APPROVAL):
        requests, _ = list_rows(
            session,
            ChangeRequestRow,
            where={"project_id": project_id, "decision": decision},
            order_by=("ref",),
            limit=MAX_ROWS,
        )
        flagged += [work for work in (_logged_work(session, r) for r in requests) if work is not None]
    return sorted(flagged, key=lambda w: (len(w.ref), w.ref))


def _logged_work(session: Session, request: ChangeRequestRow) -> UndecidedWork | None:
    count, newest = reader(session).rows(
        f"SELECT count(*), max(le.occurred_at) FROM log_entry le WHERE le.change_request_id = :id"
        f" AND {WORK_LOGGED}",
        {"id": request.id},
    )[0]
    if not done_without_decision(request.decision, count):
        return None
    return UndecidedWork(
        request_id=request.id,
        ref=request.ref,
        title=request.title,
        decision=request.decision,
        log_entries=count,
        last_logged_at=to_moment(newest),
    )
