"""Working days: slip of a milestone in working days, under a per-project holiday calendar; and
calendar months on from a day (``months_later``).

A calendar is a plain value (weekend days, public holidays, make-up working days) so the arithmetic is
pure. ``calendar_for`` builds one from the maintained ``holidays`` package, which publishes China's
official holidays and its make-up working days (调休上班日, e.g. Saturday 2026-02-14) each year.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Protocol

NO_HOLIDAYS = ""  # calendar code meaning "weekends only"
CalendarEntry = dict[str, list[Any]]  # a kept calendar: ISO days of "holidays" and "make_up", "weekend"
SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are worked: weekdays minus holidays, plus make-up working days on weekends."""

    code: str = NO_HOLIDAYS
    holidays: frozenset[date] = frozenset()
    make_up_workdays: frozenset[date] = frozenset()
    weekend: frozenset[int] = frozenset({SATURDAY, SUNDAY})

    def is_working_day(self, day: date) -> bool:
        if day in self.make_up_workdays:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays


def is_supported_calendar(code: str) -> bool:
    import holidays  # loaded when first needed: the window's start does not wait for it

    return code == NO_HOLIDAYS or code in holidays.list_supported_countries()


class KeptCalendars(Protocol):
    """Calendars kept between processes (``store.calendar_cache``): computing the first one imports
    the ``holidays`` package, about 0.1 s."""

    def get(self, key: str) -> CalendarEntry | None: ...

    def put(self, key: str, entry: CalendarEntry) -> None: ...


_kept_calendars: KeptCalendars | None = None


def keep_calendars_in(kept: KeptCalendars | None) -> None:
    """Where ``calendar_for`` looks first and keeps what it computes (None: compute every time)."""
    global _kept_calendars
    _kept_calendars = kept
    calendar_for.cache_clear()


@lru_cache(maxsize=64)
def calendar_for(code: str, first_year: int, last_year: int) -> WorkCalendar:
    """The calendar of country ``code`` (ISO 3166 alpha-2, e.g. "CN", "DE", "US") for those years."""
    if code == NO_HOLIDAYS:
        return WorkCalendar()
    key, store = f"{code}:{first_year}:{last_year}", _kept_calendars
    kept = store.get(key) if store is not None else None  # kept by an earlier process: no import
    if kept is not None:
        return WorkCalendar(
            code=code,
            holidays=frozenset(map(date.fromisoformat, kept["holidays"])),
            make_up_workdays=frozenset(map(date.fromisoformat, kept["make_up"])),
            weekend=frozenset(kept["weekend"]),
        )
    calendar = computed_calendar(code, first_year, last_year)
    if store is not None:
        store.put(
            key,
            {
                "holidays": sorted(day.isoformat() for day in calendar.holidays),
                "make_up": sorted(day.isoformat() for day in calendar.make_up_workdays),
                "weekend": sorted(calendar.weekend),
            },
        )
    return calendar


def computed_calendar(code: str, first_year: int, last_year: int) -> WorkCalendar:
    """``calendar_for`` computed by the ``holidays`` package (``calendar_cache`` keeps the result)."""
    import holidays

    country = holidays.country_holidays(code, years=range(first_year, last_year + 1))
    in_range = range(first_year, last_year + 1)
    make_up: set[date] = getattr(country, "weekend_workdays", set())
    return WorkCalendar(
        code=code,
        holidays=frozenset(country.keys()),
        make_up_workdays=frozenset(d for d in make_up if d.year in in_range),
        weekend=frozenset(country.weekend),
    )


def calendar_covering(code: str, first: date, *more: date | None) -> WorkCalendar:
    """A calendar for ``code`` spanning every given day (None ignored)."""
    years = [first.year] + [d.year for d in more if d is not None]
    return calendar_for(code, min(years), max(years))


def with_extra_days(calendar: WorkCalendar, days: frozenset[date]) -> WorkCalendar:
    """The calendar with a project's own extra non-working days (a site shutdown, an imported plan's
    calendar exceptions) counted like public holidays."""
    return replace(calendar, holidays=calendar.holidays | days) if days else calendar


def working_days_between(start: date, end: date, calendar: WorkCalendar) -> int:
    """Working days in (start, end]; negative when end is before start; 0 when equal.

    Counts whole weeks arithmetically, then corrects for the calendar's special days (found by
    bisection in their sorted lists), so a milestone overdue for years costs no more than one overdue
    for a week, whatever the calendar holds."""
    if end < start:
        return -working_days_between(end, start, calendar)
    full_weeks, rest = divmod((end - start).days, 7)
    count = full_weeks * (7 - len(calendar.weekend))
    weekday = (start.weekday() + full_weeks * 7) % 7
    for _ in range(rest):
        weekday = (weekday + 1) % 7
        count += weekday not in calendar.weekend
    days_off, days_on = _special_days(calendar)
    count -= bisect_right(days_off, end) - bisect_right(days_off, start)
    count += bisect_right(days_on, end) - bisect_right(days_on, start)
    return count


@lru_cache(maxsize=256)
def _special_days(calendar: WorkCalendar) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The calendar's holidays that fall on a working weekday (not made up), and its make-up working
    days that fall on a weekend: what the week arithmetic must subtract and add, each sorted."""
    weekend, made_up = calendar.weekend, calendar.make_up_workdays
    off = sorted(h for h in calendar.holidays if h.weekday() not in weekend and h not in made_up)
    on = sorted(m for m in made_up if m.weekday() in weekend)
    return tuple(off), tuple(on)


def slip_working_days(
    baseline: date, forecast: date | None, actual: date | None, calendar: WorkCalendar
) -> int:
    """Slip = (actual, else forecast, else baseline) − baseline, in working days; negative = ahead."""
    target = actual or forecast or baseline
    return working_days_between(baseline, target, calendar)


def add_working_days(start: date, days: int, calendar: WorkCalendar) -> date:
    """The date ``days`` working days after ``start`` (``days`` ≥ 0; 0 gives ``start``)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        left -= calendar.is_working_day(day)
    return day


def months_later(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on (back when negative), its day of the month clamped
    to the month's end: 31 January plus one month is 28 or 29 February (as dateutil's relativedelta)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    first_of_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return date(year, month + 1, min(day.day, (first_of_next - timedelta(days=1)).day))
