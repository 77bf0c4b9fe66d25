"""Plausibility of dates: warnings, never refusals (the engineer may keep the date with one click).

A date can be valid and still surely wrong: a baseline a year before the contract started, a slip
of 502 working days on a three-month project, a meeting in 2207. Each rule returns ``DateWarning``s
(a concern and the numbers to show); the window words them next to the field. Only the services'
validation refuses (a date that cannot be, e.g. an actual date in the future)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from deliverydesk.domain.workdays import NO_HOLIDAYS, calendar_covering, working_days_between

FAR_FROM_TODAY = timedelta(days=5 * 365)  # a year typed wrong: 2207, 2002
LATE_AFTER_END_MIN = timedelta(days=30)  # "long after the end": a month at least...
LATE_AFTER_END_SHARE = 0.25  # ...or a quarter of the contract's length, whichever is longer
LONG_SLIP_WITHOUT_CONTRACT = 250  # working days (a working year) when the contract's dates are unknown


class DateConcern(StrEnum):
    FAR_FROM_TODAY = "far_from_today"  # days: how far (negative = in the past)
    BEFORE_CONTRACT_START = "before_contract_start"  # days before the start
    AFTER_CONTRACT_END = "after_contract_end"  # days after the end
    SLIP_LONGER_THAN_PROJECT = "slip_longer_than_project"  # days: the slip; limit: the project's length
    LONG_SLIP = "long_slip"  # days: the slip (no contract dates to compare with)
    IN_THE_FUTURE = "in_the_future"  # days ahead, for a date that records what already happened


@dataclass(frozen=True)
class DateWarning:
    concern: DateConcern
    days: int  # the number the message shows (calendar days; working days for slips)
    limit: int = 0  # what it was compared with, when the message shows that too


@dataclass(frozen=True)
class ContractFrame:
    """What a project's dates are judged against."""

    start: date | None
    end: date | None
    calendar_code: str = NO_HOLIDAYS  # the project's holiday calendar (ISO 3166 code; "" = weekends)

    def working_days(self) -> int | None:
        if self.start is None or self.end is None or self.end < self.start:
            return None
        return working_days_between(
            self.start, self.end, calendar_covering(self.calendar_code, self.start, self.end)
        )


NO_CONTRACT = ContractFrame(None, None)  # no contract dates known: only the general rules apply


def far_from_today(value: date | None, today: date) -> tuple[DateWarning, ...]:
    """Any date more than five years away from today: the year was probably mistyped."""
    if value is None or abs(value - today) <= FAR_FROM_TODAY:
        return ()
    return (DateWarning(DateConcern.FAR_FROM_TODAY, (value - today).days),)


def already_happened(value: date | None, today: date) -> tuple[DateWarning, ...]:
    """A date that records an event (asked on, reported on, held on) lies ahead of today."""
    if value is None or value <= today:
        return far_from_today(value, today)
    return (DateWarning(DateConcern.IN_THE_FUTURE, (value - today).days),)


def baseline_warnings(baseline: date | None, frame: ContractFrame, today: date) -> tuple[DateWarning, ...]:
    """A baseline before the contract's start, or long after its end (a month, or a quarter of the
    contract's length when that is longer)."""
    if baseline is None:
        return ()
    if frame.start is not None and baseline < frame.start:
        return (DateWarning(DateConcern.BEFORE_CONTRACT_START, (frame.start - baseline).days),)
    if frame.end is not None and baseline > frame.end + _late_margin(frame):
        return (DateWarning(DateConcern.AFTER_CONTRACT_END, (baseline - frame.end).days),)
    return far_from_today(baseline, today)


def _late_margin(frame: ContractFrame) -> timedelta:
    if frame.start is None or frame.end is None or frame.end < frame.start:
        return LATE_AFTER_END_MIN
    return max(LATE_AFTER_END_MIN, (frame.end - frame.start) * LATE_AFTER_END_SHARE)


def slip_warnings(
    baseline: date | None, moved_to: date | None, frame: ContractFrame, today: date
) -> tuple[DateWarning, ...]:
    """A forecast (or actual) date that slips the milestone by more working days than the whole
    contract has; without contract dates, by more than a working year."""
    if baseline is None or moved_to is None:
        return ()
    slip = working_days_between(
        baseline, moved_to, calendar_covering(frame.calendar_code, baseline, moved_to)
    )
    length = frame.working_days()
    if length is not None and length > 0 and abs(slip) > length:
        return (DateWarning(DateConcern.SLIP_LONGER_THAN_PROJECT, slip, length),)
    if length is None and abs(slip) > LONG_SLIP_WITHOUT_CONTRACT:
        return (DateWarning(DateConcern.LONG_SLIP, slip, LONG_SLIP_WITHOUT_CONTRACT),)
    return far_from_today(moved_to, today)


def contract_warnings(
    start: date | None, end: date | None, today: date
) -> dict[str, tuple[DateWarning, ...]]:
    """A project's own dates: each far from today is suspicious (the order is validation's, it refuses)."""
    return {"start_date": far_from_today(start, today), "end_date": far_from_today(end, today)}
