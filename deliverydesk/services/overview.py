"""Opening a project (the workspace after a switch) and its Overview page: milestone health,
expectation and decision tallies, meters, the client and its contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.domain.enums import MilestoneStatus
from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.metrics import MilestoneHealth, milestone_health
from deliverydesk.domain.models import ClientItem, ContactItem, ProjectItem, ProjectOverview
from deliverydesk.domain.scope_guard import tally_request_groups
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import not_found
from deliverydesk.services.scope_guard.meters import ProjectMeters, meters_of
from deliverydesk.store.overview_queries import (
    expectations_by_status,
    milestone_health_tallies,
    non_working_days_of,
    project_client_contacts,
    project_item,
    request_groups,
)
from deliverydesk.store.plain import Reader


def health_of(
    holiday_calendar: str,
    status: MilestoneStatus,
    dates: tuple[date, date | None, date | None],
    today: date,
    extra_days: frozenset[date] = frozenset(),
) -> MilestoneHealth:
    """The health ``services.records.milestones.milestone_item`` gives a milestone with these facts.

    The slip (working days under the project's calendar) is worked out only where it can change the
    answer: a milestone that is done, overdue or waiting on the client, or whose date has not moved
    from its baseline, has the same health whatever its slip."""
    baseline, forecast, actual = dates
    effective = actual or forecast or baseline
    health = milestone_health(status, effective, 0, today)
    if health is not MilestoneHealth.ON_TRACK or effective == baseline:
        return health
    calendar = with_extra_days(calendar_covering(holiday_calendar, *dates), extra_days)
    return milestone_health(status, effective, slip_working_days(*dates, calendar), today)


def _by_health(r: Reader, project: ProjectItem, today: date) -> dict[MilestoneHealth, int]:
    """Milestones per health. The database counts those whose slip cannot change their health
    (``overview_queries.milestone_health_tallies``); the rest, one tally per combination of facts, go
    ``health_of``'s long way, with the project's extra non-working days read only for them."""
    health, slipping = milestone_health_tallies(r, project.id, today)
    if slipping:
        extra_days = non_working_days_of(r, project.id)
        for status, baseline, forecast, actual, count in slipping:
            found = health_of(
                project.holiday_calendar, status, (baseline, forecast, actual), today, extra_days
            )
            health[found] = health.get(found, 0) + count
    return health


@dataclass(frozen=True, kw_only=True)
class OpenedProject:
    """Everything the workspace shows when a project is opened: the header's project, the Overview's
    tallies and meters, the client and its contacts (archived ones too)."""

    overview: ProjectOverview
    client: ClientItem
    contacts: tuple[ContactItem, ...]
    meters: ProjectMeters


def open_project(ctx: ServiceContext, project_id: str) -> OpenedProject:
    """A project switch: one read-only unit of work, five short statements (six when a milestone's
    slip decides its health: the project's non-working days)."""
    with ctx.db.reading() as r:
        found = project_client_contacts(r, project_id)
        if found is None:
            raise not_found("project")
        project, client, contacts = found
        overview, meters = _overview_in(ctx, r, project)
    return frozen_record(
        OpenedProject, {"overview": overview, "client": client, "contacts": contacts, "meters": meters}
    )


def get_project_overview(ctx: ServiceContext, project_id: str) -> ProjectOverview:
    with ctx.db.reading() as r:
        project = project_item(r, project_id)
        if project is None:
            raise not_found("project")
        return _overview_in(ctx, r, project)[0]


def _overview_in(
    ctx: ServiceContext, r: Reader, project: ProjectItem
) -> tuple[ProjectOverview, ProjectMeters]:
    """The Overview's counts and the project's meters, from one read of its change requests. The
    Overview's two ratios are its meters' (``metrics.ratio`` of the same hours, as ``goodwill_ratio``
    and ``scope_creep_ratio`` give them): worked out once."""
    health = _by_health(r, project, ctx.today())
    expectations = expectations_by_status(r, project.id)
    tally = tally_request_groups(request_groups(r, project.id))
    budget, contracted = project.goodwill_budget_hours, project.contracted_effort_hours
    meters = meters_of(project.id, budget, contracted, tally)
    overview = frozen_record(
        ProjectOverview,
        {
            "project": project,
            "milestones_by_health": health,
            "expectations_by_status": expectations,
            "change_requests_by_decision": tally.by_decision,
            "goodwill_hours_used": tally.goodwill_hours_used,
            "goodwill_budget_hours": budget,
            "goodwill_ratio": meters.goodwill.ratio,
            "out_of_scope_hours_accepted": tally.out_of_scope_hours_accepted,
            "contracted_effort_hours": contracted,
            "scope_creep_ratio": meters.scope_creep.ratio,
        },
    )
    return overview, meters
