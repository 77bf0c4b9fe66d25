"""When a review's follow-up actions are looked at again: short, mid and long horizons (pure).

The horizons are calendar steps from the review date: one month (~30 days), three months (~90 days)
and one year (~365 days). A calendar step keeps the day of the month people expect ("the 15th, three
months on") and clamps at month ends: 31 January plus one month is 28 February (29 in a leap year),
29 February 2028 plus one year is 28 February 2029 (``workdays.months_later``, as dateutil's
``relativedelta``: Today's report imports this module, and dateutil with ``six``, ``calendar`` and
``locale`` took ~6 ms of its worker's CPU at start).

An action is due once its revisit date has come and it is not done; overdue when that date has passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from deliverydesk.domain.workdays import months_later


class Horizon(StrEnum):
    SHORT = "short"  # was it fixed fast and with certainty?
    MID = "mid"  # what do we owe the client; which process failed?
    LONG = "long"  # what does it say about the relationship and the client's changing needs?


HORIZON_MONTHS = {Horizon.SHORT: 1, Horizon.MID: 3, Horizon.LONG: 12}


class RevisitState(StrEnum):
    SCHEDULED = "scheduled"  # its date is still ahead
    DUE = "due"  # its date is today
    OVERDUE = "overdue"  # its date has passed
    DONE = "done"
    UNSCHEDULED = "unscheduled"  # no revisit date


class Revisitable(Protocol):
    """Anything with a revisit date and a done date (a review's follow-up action)."""

    @property
    def revisit_on(self) -> date | None: ...

    @property
    def done_on(self) -> date | None: ...


R = TypeVar("R", bound=Revisitable)


def revisit_date(held_on: date, horizon: Horizon) -> date:
    """The revisit date ``horizon`` after a review held on ``held_on`` (month ends clamped)."""
    return months_later(held_on, HORIZON_MONTHS[horizon])


def suggest_revisit_dates(held_on: date) -> dict[Horizon, date]:
    """The three standard revisit dates of a review held on ``held_on``, short to long."""
    return {horizon: revisit_date(held_on, horizon) for horizon in Horizon}


def revisit_state(revisit_on: date | None, done_on: date | None, today: date) -> RevisitState:
    if done_on is not None:
        return RevisitState.DONE
    if revisit_on is None:
        return RevisitState.UNSCHEDULED
    if revisit_on > today:
        return RevisitState.SCHEDULED
    return RevisitState.DUE if revisit_on == today else RevisitState.OVERDUE


def is_due(revisit_on: date | None, done_on: date | None, today: date) -> bool:
    """Its revisit date has come (today or earlier) and it is not done."""
    return revisit_state(revisit_on, done_on, today) in (RevisitState.DUE, RevisitState.OVERDUE)


def days_overdue(revisit_on: date, today: date) -> int:
    """Calendar days since the revisit date (0 on the day itself or before it)."""
    return max((today - revisit_on).days, 0)


def due_on(actions: Iterable[R], today: date) -> list[R]:
    """The actions due on ``today`` (overdue included), oldest revisit date first."""
    due = [action for action in actions if is_due(action.revisit_on, action.done_on, today)]
    return sorted(due, key=lambda action: action.revisit_on or today)
