"""Read side of the scope guard: the project meters (goodwill budget, scope-creep ratio), deferred
B-items and their return once the main milestone is accepted, and work done without a decision.

Shared with ``services.scope_guard``: the engineer's authority limits and a project's frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from deliverydesk.domain.enums import (
    Decision,
    Triage,
)
from deliverydesk.domain.metrics import ChangeEffort, Meter
from deliverydesk.domain.scope_guard import (
    AuthorityLimits,
    ProjectFrame,
    RequestFacts,
    done_without_decision,
    is_waiting_b_item,
    main_goal_met,
    meters_after,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import get_row
from deliverydesk.store.attention_queries import projects_with_deferred_b_items
from deliverydesk.store.overview_queries import RequestMeterFacts, request_meter_facts
from deliverydesk.store.plain import reader
from deliverydesk.store.project_tables import change_decision_letter_issued
from deliverydesk.store.queries import change_efforts
from deliverydesk.store.records import Session, list_rows, settings_row
from deliverydesk.store.tables import (
    ChangeRequestRow,
    LogEntryRow,
    MilestoneRow,
    PersonRow,
    ProjectRow,
)

MAX_ROWS = 1000  # per project: tens of requests and milestones; the bound guards against damage


@dataclass(frozen=True, kw_only=True)
class ProjectMeters:
    """Goodwill budget (hours used / allowed) and scope-creep ratio (accepted out-of-scope hours /
    contracted hours), each with its threshold level; plus the counts the Overview flags."""

    project_id: str
    goodwill: Meter
    scope_creep: Meter
    done_without_decision: int  # undecided requests with work logged against them
    deferred_b_items: int  # B-items waiting for the main milestone


@dataclass(frozen=True, kw_only=True)
class DeferredItem:
    request_id: str
    ref: str
    title: str
    requested_on: date
    decided_on: date | None
    rationale: str
    effort_hours: float


@dataclass(frozen=True, kw_only=True)
class DeferredBItems:
    """A project's deferred B-items and whether their time has come (main milestone accepted)."""

    project_id: str
    project_code: str
    project_name: str
    main_milestones: tuple[str, ...]  # names of the project's main milestones ("" none marked)
    main_goal_met: bool
    items: tuple[DeferredItem, ...]

    @property
    def due(self) -> bool:
        """Now is the time: the main goal is met and B-items are waiting."""
        return self.main_goal_met and bool(self.items)


@dataclass(frozen=True, kw_only=True)
class UndecidedWork:
    """A change request with log entries against it but no (approved) decision yet."""

    request_id: str
    ref: str
    title: str
    decision: Decision
    log_entries: int
    last_logged_at: datetime  # when the newest linked entry happened


# --- shared helpers (used by services.scope_guard too) --------------------------------------------


def authority_limits(session: Session) -> AuthorityLimits:
    """Your limits (the roster's person who uses this machine); the defaults before there is one."""
    settings = settings_row(session)
    you = session.get(PersonRow, settings.person_id) if settings and settings.person_id else None
    if you is None:
        return AuthorityLimits()
    return AuthorityLimits(you.hours_per_change, you.cost_cents_per_change, you.goodwill_hours_per_project)


def project_frame(
    session: Session, project: ProjectRow, without: ChangeRequestRow | None = None
) -> ProjectFrame:
    """The project's budgets and its live change requests' efforts, ``without`` one of them."""
    efforts = [ChangeEffort(*row) for row in change_efforts(session, project.id)]
    if without is not None and without.archived_at is None:
        efforts.remove(ChangeEffort(without.decision, without.scope_check, without.effort_hours))
    return ProjectFrame(project.goodwill_budget_hours, project.contracted_effort_hours, tuple(efforts))


def request_facts(session: Session, row: ChangeRequestRow) -> RequestFacts:
    return RequestFacts(
        row.ref, row.decision, row.scope_check, change_decision_letter_issued(session, row.id)
    )


def main_milestones(session: Session, project_id: str) -> list[MilestoneRow]:
    rows, _ = list_rows(
        session, MilestoneRow, where={"project_id": project_id, "is_main": True}, limit=MAX_ROWS
    )
    return rows


# --- meters ------------------------------------------------------------------------------------------


def project_meters(ctx: ServiceContext, project_id: str) -> ProjectMeters:
    with ctx.db.unit_of_work() as session:
        return _meters(session, get_row(session, ProjectRow, project_id, "project"))


def project_meters_many(ctx: ServiceContext, project_ids: Iterable[str]) -> dict[str, ProjectMeters]:
    """Meters of several projects in one unit of work (a project list's column); unknown ids skipped."""
    found: dict[str, ProjectMeters] = {}
    with ctx.db.unit_of_work() as session:
        for project_id in dict.fromkeys(project_ids):
            project = session.get(ProjectRow, project_id)
            if project is not None:
                found[project_id] = _meters(session, project)
    return found


def _meters(session: Session, project: ProjectRow) -> ProjectMeters:
    facts = request_meter_facts(reader(session), project.id)
    return meters_of(project.id, project.goodwill_budget_hours, project.contracted_effort_hours, facts)


def meters_of(
    project_id: str,
    goodwill_budget_hours: float,
    contracted_effort_hours: float,
    facts: list[RequestMeterFacts],
) -> ProjectMeters:
    """From one read of the project's live requests (the Overview shows these on every switch): the
    same rules as ``project_frame``, ``_undecided_work`` and ``_deferred`` apply to the same rows."""
    efforts = tuple(ChangeEffort(decision, check, hours) for decision, check, hours, _t, _n in facts)
    goodwill, creep = meters_after(
        None, ProjectFrame(goodwill_budget_hours, contracted_effort_hours, efforts)
    )
    return ProjectMeters(
        project_id=project_id,
        goodwill=goodwill,
        scope_creep=creep,
        done_without_decision=sum(done_without_decision(d, logged) for d, _c, _h, _t, logged in facts),
        deferred_b_items=sum(is_waiting_b_item(triage, d) for d, _c, _h, triage, _n in facts),
    )


# --- deferred B-items -------------------------------------------------------------------------------


def deferred_b_items(ctx: ServiceContext, project_id: str) -> DeferredBItems:
    """The project's deferred B-items (for the handover checklist and report, and for Home)."""
    with ctx.db.unit_of_work() as session:
        return _deferred_items(session, get_row(session, ProjectRow, project_id, "project"))


def deferred_b_items_due(ctx: ServiceContext, *, limit: int = 50) -> tuple[DeferredBItems, ...]:
    """For Home: live projects whose main milestone is accepted and which still have deferred
    B-items waiting ("now is the time"), by project code, at most ``limit`` projects."""
    with ctx.db.unit_of_work() as session:
        return deferred_b_items_due_in(session, limit=limit)


def deferred_b_items_due_in(session: Session, *, limit: int = 50) -> tuple[DeferredBItems, ...]:
    due = []
    for project_id in projects_with_deferred_b_items(session, limit):
        found = _deferred_items(session, get_row(session, ProjectRow, project_id, "project"))
        if found.due:  # the SQL told the same rule; the domain's word is final
            due.append(found)
    return tuple(due)


def _deferred_items(session: Session, project: ProjectRow) -> DeferredBItems:
    mains = main_milestones(session, project.id)
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


# --- work without decision ---------------------------------------------------------------------------


def work_without_decision(ctx: ServiceContext, project_id: str) -> tuple[UndecidedWork, ...]:
    """Change requests flagged "done without decision": log entries point at them, no decision yet."""
    with ctx.db.unit_of_work() as session:
        get_row(session, ProjectRow, project_id, "project")
        return tuple(_undecided_work(session, project_id))


def _undecided_work(session: Session, project_id: str) -> list[UndecidedWork]:
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
    newest, count = list_rows(
        session,
        LogEntryRow,
        where={"change_request_id": request.id},
        order_by=("occurred_at",),
        descending=True,
        limit=1,
    )
    if not done_without_decision(request.decision, count):
        return None
    return UndecidedWork(
        request_id=request.id,
        ref=request.ref,
        title=request.title,
        decision=request.decision,
        log_entries=count,
        last_logged_at=newest[0].occurred_at,
    )
