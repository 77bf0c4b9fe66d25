"""Overview arithmetic: milestone health, goodwill used against budget, scope-creep ratio."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from deliverydesk.domain.enums import Decision, MilestoneStatus, ScopeCheck
from deliverydesk.domain.frozen import frozen_record

CLOSED_MILESTONE = frozenset({MilestoneStatus.DONE, MilestoneStatus.ACCEPTED})
OPEN_DECISIONS = frozenset({Decision.PENDING, Decision.PENDING_APPROVAL})
ACCEPTED_DECISIONS = frozenset({Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL})


class MilestoneHealth(StrEnum):
    """Computed, never stored."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"  # forecast later than baseline, or waiting on the client
    OVERDUE = "overdue"  # not done and its date has passed


# Read per milestone on a project switch (enums.py says why not through the class).
_DONE, _OVERDUE, _AT_RISK, _ON_TRACK = (
    MilestoneHealth.DONE,
    MilestoneHealth.OVERDUE,
    MilestoneHealth.AT_RISK,
    MilestoneHealth.ON_TRACK,
)
_WAITING_ON_CLIENT = MilestoneStatus.WAITING_ON_CLIENT


Day = TypeVar("Day", date, str)  # a date, or its ISO text (YYYY-MM-DD): both order as the days do


def milestone_health(
    status: MilestoneStatus, effective_date: Day, slip_days: int, today: Day
) -> MilestoneHealth:
    """The rule on dates, or on their ISO text as stored (a project switch tallies SQLite's text)."""
    if status in CLOSED_MILESTONE:
        return _DONE
    if effective_date < today:
        return _OVERDUE
    if slip_days > 0 or status is _WAITING_ON_CLIENT:
        return _AT_RISK
    return _ON_TRACK


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


class MeterLevel(StrEnum):
    """How full a meter (goodwill budget, scope creep) is, against its thresholds."""

    NOT_APPLICABLE = "not_applicable"  # nothing to measure against (budget or contracted effort 0)
    OK = "ok"
    WARNING = "warning"  # at or above the warning threshold (80 %)
    LIMIT = "limit"  # at or above the limit (100 %): used up, or over


WARNING_AT = 0.8
LIMIT_AT = 1.0
HOURS_EPSILON = 1e-6  # hours are floats: 0.1 + 0.2 must still count as 0.3 at a boundary


@dataclass(frozen=True)
class Thresholds:
    warning: float = WARNING_AT
    limit: float = LIMIT_AT


@dataclass(frozen=True)
class Meter:
    """``used`` of ``allowed`` hours, their ratio (None when nothing is allowed) and its level."""

    used: float
    allowed: float
    ratio: float | None
    level: MeterLevel

    @property
    def over(self) -> bool:
        """Strictly beyond what is allowed (exactly 100 % is not over)."""
        return self.used > self.allowed + HOURS_EPSILON


# Read by every meter (two per project switch; enums.py says why not through the class).
_NOT_APPLICABLE, _LIMIT, _WARNING, _OK = (
    MeterLevel.NOT_APPLICABLE,
    MeterLevel.LIMIT,
    MeterLevel.WARNING,
    MeterLevel.OK,
)


def meter(used: float, allowed: float, thresholds: Thresholds = Thresholds()) -> Meter:
    """The meter reading; levels compare hours with a small tolerance so 12.8 of 16 is 80 %."""
    share = ratio(used, allowed)
    if share is None:
        level = _NOT_APPLICABLE
    elif used >= thresholds.limit * allowed - HOURS_EPSILON:
        level = _LIMIT
    elif used >= thresholds.warning * allowed - HOURS_EPSILON:
        level = _WARNING
    else:
        level = _OK
    return frozen_record(
        Meter, {"used": float(used), "allowed": float(allowed), "ratio": share, "level": level}
    )
