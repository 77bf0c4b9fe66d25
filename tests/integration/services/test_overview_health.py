"""The Overview's milestone health (counted in SQL where the slip cannot change it, the rest from the
slip under the project's calendar) agrees with each milestone's own health."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from deliverydesk.domain.drafts import MilestoneDraft
from deliverydesk.domain.enums import MilestoneStatus
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.overview import get_project_overview
from deliverydesk.services.records import milestones
from deliverydesk.store.tables import NonWorkingDayRow
from tests.integration.services.conftest import Setup, day, make_project

# (baseline, forecast, actual, status) as days from today (a Monday); two identical rows share a tally.
MILESTONES: list[tuple[int, int | None, int | None, MilestoneStatus]] = [
    (-10, None, -9, MilestoneStatus.DONE),
    (-20, None, None, MilestoneStatus.ACCEPTED),
    (-3, None, None, MilestoneStatus.PLANNED),  # overdue
    (-3, None, None, MilestoneStatus.PLANNED),  # the same facts again
    (0, None, None, MilestoneStatus.PLANNED),  # due today: not late yet (compared as ISO text)
    (5, 6, None, MilestoneStatus.PLANNED),  # Saturday -> Sunday: no working day lost, on track
    (45, 46, None, MilestoneStatus.IN_PROGRESS),  # 30 April -> 1 May: a holiday in China only
    (30, 25, None, MilestoneStatus.PLANNED),  # ahead of its baseline
    (12, None, None, MilestoneStatus.WAITING_ON_CLIENT),
    (9, 16, None, MilestoneStatus.PLANNED),  # slipping a week
]
H = MilestoneHealth


def add_milestones(ctx: ServiceContext, project_id: str) -> None:
    for baseline, forecast, actual, status in MILESTONES:
        draft = MilestoneDraft(
            project_id=project_id,
            name=f"{status} {baseline}",
            baseline_date=day(baseline),
            forecast_date=None if forecast is None else day(forecast),
            actual_date=None if actual is None else day(actual),
            status=status,
        )
        milestones.create_milestone(ctx, draft)
    archived = MilestoneDraft(project_id=project_id, name="archived", baseline_date=day(-40))
    milestones.archive_milestone(ctx, milestones.create_milestone(ctx, archived).id)


@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        ("CN", {H.DONE: 2, H.OVERDUE: 2, H.ON_TRACK: 4, H.AT_RISK: 2}),
        ("", {H.DONE: 2, H.OVERDUE: 2, H.ON_TRACK: 3, H.AT_RISK: 3}),
    ],
    ids=["china", "weekends-only"],
)
def test_overview_health_matches_each_milestones_health(
    ctx: ServiceContext, setup: Setup, calendar: str, expected: dict[MilestoneHealth, int]
) -> None:
    project_id = make_project(ctx, setup.client_id, f"CAL-{calendar or 'NONE'}", holiday_calendar=calendar)
    add_milestones(ctx, project_id)

    overview = get_project_overview(ctx, project_id)

    one_by_one = Counter(m.health for m in milestones.list_milestones(ctx, project_id).rows)
    assert overview.milestones_by_health == dict(one_by_one)
    assert overview.milestones_by_health == expected


def test_overview_of_a_project_without_milestones_counts_none(ctx: ServiceContext, setup: Setup) -> None:
    assert get_project_overview(ctx, setup.project_id).milestones_by_health == {}


def add_non_working_day(ctx: ServiceContext, project_id: str, offset: int, *, archived: bool = False) -> None:
    """A project's own day off (a site shutdown), written as an import of a plan's calendar would."""
    with ctx.db.unit_of_work() as session:
        row = NonWorkingDayRow(project_id=project_id, day=day(offset), name="site shutdown")
        row.archived_at = datetime.now(UTC) if archived else None
        session.add(row)


def test_the_projects_own_days_off_count_in_the_slip_and_archived_ones_do_not(
    ctx: ServiceContext, setup: Setup
) -> None:
    project_id = make_project(ctx, setup.client_id, "CAL-SHUTDOWN", holiday_calendar="")
    for baseline, forecast in ((8, 9), (15, 16), (22, 22)):  # Tuesday -> Wednesday; unmoved
        draft = MilestoneDraft(
            project_id=project_id,
            name=f"M {baseline}",
            baseline_date=day(baseline),
            forecast_date=day(forecast),
        )
        milestones.create_milestone(ctx, draft)
    before = get_project_overview(ctx, project_id).milestones_by_health
    add_non_working_day(ctx, project_id, 9)  # the first one's only lost day is a day off: no slip
    add_non_working_day(ctx, project_id, 16, archived=True)  # a day off no longer: still a slip

    overview = get_project_overview(ctx, project_id)

    one_by_one = Counter(m.health for m in milestones.list_milestones(ctx, project_id).rows)
    assert before == {H.AT_RISK: 2, H.ON_TRACK: 1}
    assert overview.milestones_by_health == dict(one_by_one) == {H.AT_RISK: 1, H.ON_TRACK: 2}
