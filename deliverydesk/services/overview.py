"""The Overview page of a project: milestone health, expectation and decision tallies, meters."""

from __future__ import annotations

from collections import Counter
from datetime import date

from deliverydesk.domain.enums import MilestoneStatus
from deliverydesk.domain.metrics import (
    ChangeEffort,
    MilestoneHealth,
    accepted_out_of_scope_hours,
    goodwill_hours_used,
    goodwill_ratio,
    milestone_health,
    scope_creep_ratio,
)
from deliverydesk.domain.models import ProjectOverview
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import get_project_in
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.queries import change_efforts, expectations_by_status, milestone_date_tallies

# A project has tens of date combinations; the bound keeps a damaged database from stalling the page.
MAX_MILESTONE_COMBINATIONS = 1000

MilestoneTally = tuple[MilestoneStatus, date, date | None, date | None, int]


def health_of(
    holiday_calendar: str,
    status: MilestoneStatus,
    dates: tuple[date, date | None, date | None],
    today: date,
    extra_days: frozenset[date] = frozenset(),
) -> MilestoneHealth:
    """The health ``services.records.milestones.milestone_item`` gives a milestone with these facts."""
    calendar = with_extra_days(calendar_covering(holiday_calendar, *dates), extra_days)
    slip = slip_working_days(*dates, calendar)
    baseline, forecast, actual = dates
    return milestone_health(status, actual or forecast or baseline, slip, today)


def _by_health(
    holiday_calendar: str, tallies: list[MilestoneTally], today: date, extra_days: frozenset[date]
) -> dict[MilestoneHealth, int]:
    """Milestones per health; each tally is one combination of facts and how many milestones share it."""
    health: Counter[MilestoneHealth] = Counter()
    for status, baseline, forecast, actual, count in tallies:
        health[health_of(holiday_calendar, status, (baseline, forecast, actual), today, extra_days)] += count
    return dict(health)


def get_project_overview(ctx: ServiceContext, project_id: str) -> ProjectOverview:
    with ctx.db.unit_of_work() as session:
        project = get_project_in(session, project_id)
        tallies = milestone_date_tallies(session, project_id, limit=MAX_MILESTONE_COMBINATIONS)
        expectations = expectations_by_status(session, project_id)
        changes = [ChangeEffort(*row) for row in change_efforts(session, project_id)]
        extra = extra_non_working_days(session, [project_id]).get(project_id, frozenset())
    health = _by_health(project.holiday_calendar, tallies, ctx.today(), extra)
    decisions = Counter(c.decision for c in changes)
    used = goodwill_hours_used(changes)
    out_of_scope = accepted_out_of_scope_hours(changes)
    return ProjectOverview(
        project=project,
        milestones_by_health=health,
        expectations_by_status=expectations,
        change_requests_by_decision=dict(decisions),
        goodwill_hours_used=used,
        goodwill_budget_hours=project.goodwill_budget_hours,
        goodwill_ratio=goodwill_ratio(used, project.goodwill_budget_hours),
        out_of_scope_hours_accepted=out_of_scope,
        contracted_effort_hours=project.contracted_effort_hours,
        scope_creep_ratio=scope_creep_ratio(out_of_scope, project.contracted_effort_hours),
    )
