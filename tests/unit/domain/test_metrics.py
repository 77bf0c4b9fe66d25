from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.domain.enums import Decision, MilestoneStatus, ScopeCheck
from deliverydesk.domain.metrics import (
    ChangeEffort,
    MilestoneHealth,
    accepted_out_of_scope_hours,
    goodwill_hours_used,
    goodwill_ratio,
    milestone_health,
    scope_creep_ratio,
)

TODAY = date(2026, 3, 16)
CHANGES = [
    ChangeEffort(Decision.APPROVED_GOODWILL, ScopeCheck.OUT_OF_SCOPE, 4.0),
    ChangeEffort(Decision.APPROVED_GOODWILL, ScopeCheck.EXCLUDED, 12.0),
    ChangeEffort(Decision.APPROVED_BILLABLE, ScopeCheck.OUT_OF_SCOPE, 40.0),
    ChangeEffort(Decision.APPROVED_BILLABLE, ScopeCheck.IN_SCOPE, 100.0),  # not creep
    ChangeEffort(Decision.DECLINED, ScopeCheck.OUT_OF_SCOPE, 80.0),
    ChangeEffort(Decision.DEFERRED, ScopeCheck.OUT_OF_SCOPE, 8.0),
    ChangeEffort(Decision.PENDING_APPROVAL, ScopeCheck.OUT_OF_SCOPE, 30.0),
]


def test_goodwill_counts_only_goodwill_decisions() -> None:
    assert goodwill_hours_used(CHANGES) == 16.0


def test_exactly_full_goodwill_budget_is_ratio_one() -> None:
    assert goodwill_ratio(16.0, 16.0) == 1.0


def test_zero_goodwill_budget_has_no_ratio() -> None:
    assert goodwill_ratio(4.0, 0.0) is None


def test_scope_creep_counts_accepted_out_of_scope_effort() -> None:
    hours = accepted_out_of_scope_hours(CHANGES)
    assert hours == 56.0
    assert scope_creep_ratio(hours, 560.0) == pytest.approx(0.1)


def test_zero_contracted_effort_has_no_scope_creep_ratio() -> None:
    assert scope_creep_ratio(56.0, 0.0) is None
    assert scope_creep_ratio(0.0, 0.0) is None


@pytest.mark.parametrize(
    ("status", "effective", "slip", "expected"),
    [
        (MilestoneStatus.DONE, date(2026, 1, 1), 9, MilestoneHealth.DONE),
        (MilestoneStatus.ACCEPTED, date(2026, 9, 1), 0, MilestoneHealth.DONE),
        (MilestoneStatus.PLANNED, date(2026, 3, 15), 0, MilestoneHealth.OVERDUE),
        (MilestoneStatus.PLANNED, TODAY, 0, MilestoneHealth.ON_TRACK),  # due today is not late yet
        (MilestoneStatus.IN_PROGRESS, date(2026, 4, 1), 3, MilestoneHealth.AT_RISK),
        (MilestoneStatus.WAITING_ON_CLIENT, date(2026, 4, 1), 0, MilestoneHealth.AT_RISK),
        (MilestoneStatus.PLANNED, date(2026, 4, 1), -2, MilestoneHealth.ON_TRACK),
    ],
)
def test_milestone_health(
    status: MilestoneStatus, effective: date, slip: int, expected: MilestoneHealth
) -> None:
    assert milestone_health(status, effective, slip, TODAY) is expected
    # A project switch tallies SQLite's ISO text without parsing it: the same answer.
    assert milestone_health(status, effective.isoformat(), slip, TODAY.isoformat()) is expected


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2026, 9, 30), date(2026, 10, 1), date(2024, 2, 29)])
def test_milestone_health_on_iso_text_agrees_with_dates_across_month_and_year_ends(today: date) -> None:
    for offset in range(-400, 401, 1):
        effective = today + timedelta(days=offset)
        for status in MilestoneStatus:
            on_dates = milestone_health(status, effective, 0, today)
            assert milestone_health(status, effective.isoformat(), 0, today.isoformat()) is on_dates
