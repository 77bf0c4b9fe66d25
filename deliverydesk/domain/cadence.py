"""Progress-summary cadence: when summaries fall due under a project's RFC 5545 RRULE (pure).

The rule (e.g. ``FREQ=WEEKLY;BYDAY=FR``) is counted from the project start. A summary is due at the
first occurrence after the last issued summary (or at the first occurrence on or after the start
when none was issued yet); occurrences missed since then are counted, not each owed separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # dateutil loads with the first rule read (Today's report, after the first paint)
    from dateutil.rrule import rrule

MAX_MISSED = 500  # counting stops here: a daily rule left alone for years must stay cheap


@dataclass(frozen=True)
class CadenceState:
    """Where a project stands: the next due date (None: no rule or no further occurrence), whether
    it has arrived, and how many occurrences passed since the last summary (today included)."""

    next_due: date | None
    is_due: bool
    missed: int


def parse_rule(rule: str, start: date) -> rrule | None:
    """The rule as a dateutil ``rrule``; None when empty or unreadable (a bad rule never breaks a page)."""
    from dateutil.rrule import rrule, rrulestr

    text = rule.strip().upper().removeprefix("RRULE:")
    if not text:
        return None
    try:
        parsed = rrulestr(text, dtstart=datetime.combine(start, time()))
    except (ValueError, TypeError):
        return None
    return parsed if isinstance(parsed, rrule) else None


def next_due(rule: str, start: date, last_summary: date | None) -> date | None:
    """The first occurrence after ``last_summary`` (exclusive), else the first on or after ``start``."""
    occurrences = parse_rule(rule, start)
    if occurrences is None:
        return None
    if last_summary is None:
        found = occurrences.after(datetime.combine(start, time()), inc=True)
    else:
        found = occurrences.after(datetime.combine(last_summary, time()), inc=False)
    return found.date() if found is not None else None


def cadence_state(rule: str, start: date, last_summary: date | None, today: date) -> CadenceState:
    due = next_due(rule, start, last_summary)
    if due is None or due > today:
        return CadenceState(next_due=due, is_due=False, missed=0)
    occurrences = parse_rule(rule, start)
    assert occurrences is not None
    missed = 0
    for occurrence in occurrences.xafter(datetime.combine(due, time()), inc=True):
        if occurrence.date() > today or missed >= MAX_MISSED:
            break
        missed += 1
    return CadenceState(next_due=due, is_due=True, missed=missed)


def summary_period(start: date, last_period: tuple[date, date] | None, today: date) -> tuple[date, date]:
    """The period a new summary covers by default: since the previous summary (the day after its
    period, else the project start) up to today. When the previous summary already reaches today,
    its own period: a summary issued again the same day is that summary again (a correction, or its
    translation), not an empty one-day period."""
    if last_period is None:
        return min(start, today), today
    last_start, last_end = last_period
    if last_end >= today:
        return last_start, last_end
    return last_end + timedelta(days=1), today
