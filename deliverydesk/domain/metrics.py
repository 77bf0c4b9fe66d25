"""Overview arithmetic: milestone health, goodwill used against budget, scope-creep ratio."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from deliverydesk.domain.enums import Decision, MilestoneStatus, ScopeCheck

CLOSED_MILESTONE = frozenset({MilestoneStatus.DONE, MilestoneStatus.ACCEPTED})
OPEN_DECISIONS = frozenset({Decision.PENDING, Decision.PENDING_APPROVAL})
ACCEPTED_DECISIONS = frozenset({Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL})


class MilestoneHealth(StrEnum):
    """Computed, never stored."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"  # forecast later than baseline, or waiting on the client
    OVERDUE = "overdue"  # not done and its date has passed


def milestone_health(
    status: MilestoneStatus, effective_date: date, slip_days: int, today: date
) -> MilestoneHealth:
    if status in CLOSED_MILESTONE:
        return MilestoneHealth.DONE
    if effective_date < today:
        return MilestoneHealth.OVERDUE
    if slip_days > 0 or status is MilestoneStatus.WAITING_ON_CLIENT:
        return MilestoneHealth.AT_RISK
    return MilestoneHealth.ON_TRACK


@dataclass(frozen=True)
class ChangeEffort:
    """What the meters need from one change request."""

    decision: Decision
    scope_check: ScopeCheck
    effort_hours: float


def goodwill_hours_used(changes: Iterable[ChangeEffort]) -> float:
    """Hours given away: the effort of every change approved as goodwill."""
    return sum(c.effort_hours for c in changes if c.decision is Decision.APPROVED_GOODWILL)


def accepted_out_of_scope_hours(changes: Iterable[ChangeEffort]) -> float:
    """Effort of accepted changes (billable or goodwill) that are not part of the contracted scope."""
    return sum(
        c.effort_hours
        for c in changes
        if c.decision in ACCEPTED_DECISIONS and c.scope_check is not ScopeCheck.IN_SCOPE
    )


def ratio(part: float, whole: float) -> float | None:
    """part / whole, or None when whole is 0 (no meaningful ratio: show "n/a", not infinity)."""
    return None if whole <= 0 else part / whole


def scope_creep_ratio(out_of_scope_hours: float, contracted_hours: float) -> float | None:
    return ratio(out_of_scope_hours, contracted_hours)


def goodwill_ratio(used_hours: float, budget_hours: float) -> float | None:
    return ratio(used_hours, budget_hours)
