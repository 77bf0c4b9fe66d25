"""Read side of the scope guard: the project meters (goodwill budget, scope-creep ratio), deferred
B-items and their return once the main milestone is accepted, and work done without a decision.

Shared with ``services.scope_guard``: the engineer's authority limits (read by ``store.roster_rows``)."""

from __future__ import annotations

from collections.abc import Iterable

from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.scope_guard import RequestTally, tallied_meters, tally_request_groups
from deliverydesk.domain.scope_meters import DeferredBItems, DeferredItem, ProjectMeters, UndecidedWork
from deliverydesk.services.context import ServiceContext
from deliverydesk.store import meter_rows
from deliverydesk.store.attention_queries import projects_with_deferred_b_items
from deliverydesk.store.overview_queries import request_groups
from deliverydesk.store.plain import reader
from deliverydesk.store.project_tables import MAX_ROWS
from deliverydesk.store.records import Session
from deliverydesk.store.roster_rows import authority_limits

__all__ = [  # the records are the domain's; shared with services.scope_guard: authority_limits, MAX_ROWS
    "MAX_ROWS",
    "DeferredBItems",
    "DeferredItem",
    "ProjectMeters",
    "UndecidedWork",
    "authority_limits",
    "deferred_b_items",
    "deferred_b_items_due",
    "deferred_b_items_due_in",
    "meters_of",
    "project_meters",
    "project_meters_many",
    "work_without_decision",
]


# --- meters ------------------------------------------------------------------------------------------


def project_meters(ctx: ServiceContext, project_id: str) -> ProjectMeters:
    with ctx.db.unit_of_work() as session:
        return _meters(session, project_id, meter_rows.project_budgets(session, project_id))


def project_meters_many(ctx: ServiceContext, project_ids: Iterable[str]) -> dict[str, ProjectMeters]:
    """Meters of several projects in one unit of work (a project list's column); unknown ids skipped."""
    with ctx.db.unit_of_work() as session:
        budgets = meter_rows.project_budgets_many(session, project_ids)
        return {project_id: _meters(session, project_id, found) for project_id, found in budgets.items()}


def _meters(session: Session, project_id: str, budgets: meter_rows.Budgets) -> ProjectMeters:
    goodwill_budget_hours, contracted_effort_hours = budgets
    tally = tally_request_groups(request_groups(reader(session), project_id))
    return meters_of(project_id, goodwill_budget_hours, contracted_effort_hours, tally)


def meters_of(
    project_id: str, goodwill_budget_hours: float, contracted_effort_hours: float, tally: RequestTally
) -> ProjectMeters:
    """From one read of the project's live requests (the Overview shows these on every switch)."""
    goodwill, creep = tallied_meters(tally, goodwill_budget_hours, contracted_effort_hours)
    fields = {
        "project_id": project_id,
        "goodwill": goodwill,
        "scope_creep": creep,
        "done_without_decision": tally.done_without_decision,
        "deferred_b_items": tally.deferred_b_items,
    }
    return frozen_record(ProjectMeters, fields)


# --- deferred B-items -------------------------------------------------------------------------------


def deferred_b_items(ctx: ServiceContext, project_id: str) -> DeferredBItems:
    """The project's deferred B-items (for the handover checklist and report, and for Home)."""
    with ctx.db.unit_of_work() as session:
        return meter_rows.deferred_b_items(session, project_id)


def deferred_b_items_due(ctx: ServiceContext, *, limit: int = 50) -> tuple[DeferredBItems, ...]:
    """For Home: live projects whose main milestone is accepted and which still have deferred
    B-items waiting ("now is the time"), by project code, at most ``limit`` projects."""
    with ctx.db.unit_of_work() as session:
        return deferred_b_items_due_in(session, limit=limit)


def deferred_b_items_due_in(session: Session, *, limit: int = 50) -> tuple[DeferredBItems, ...]:
    due = []
    for project_id in projects_with_deferred_b_items(session, limit):
        found = meter_rows.deferred_b_items(session, project_id)
        if found.due:  # the SQL told the same rule; the domain's word is final
            due.append(found)
    return tuple(due)


# --- work without decision ---------------------------------------------------------------------------


def work_without_decision(ctx: ServiceContext, project_id: str) -> tuple[UndecidedWork, ...]:
    """Change requests flagged "done without decision": log entries point at them, no decision yet."""
    with ctx.db.unit_of_work() as session:
        return tuple(meter_rows.undecided_work(session, project_id))
