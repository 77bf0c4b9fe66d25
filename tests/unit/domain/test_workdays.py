"""Working days and slip under real holiday calendars (China's 调休 included)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from deliverydesk.domain.workdays import (
    WorkCalendar,
    calendar_covering,
    calendar_for,
    is_supported_calendar,
    months_later,
    slip_working_days,
    working_days_between,
)

CN_2026 = calendar_for("CN", 2026, 2026)
CN_2025 = calendar_for("CN", 2025, 2025)
WEEKENDS_ONLY = WorkCalendar()


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 14),  # Saturday before Spring Festival: 调休上班日
        date(2026, 2, 28),  # Saturday after Spring Festival
        date(2026, 1, 4),  # Sunday after New Year
        date(2026, 5, 9),  # Saturday after Labour Day
        date(2026, 9, 20),  # Sunday before National Day
        date(2026, 10, 10),  # Saturday after National Day
    ],
)
def test_china_2026_make_up_weekend_days_are_working_days(day: date) -> None:
    assert day.weekday() >= 5
    assert CN_2026.is_working_day(day)


def test_china_2025_make_up_days_are_working_days() -> None:
    for day in (
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    ):
        assert CN_2025.is_working_day(day), day


def test_spring_festival_2026_is_nine_days_off() -> None:
    off = [date(2026, 2, d) for d in range(15, 24)]  # Sun 15 .. Mon 23
    assert not any(CN_2026.is_working_day(d) for d in off)
    assert CN_2026.is_working_day(date(2026, 2, 24))


def test_national_day_2026_weekdays_are_off() -> None:
    assert not any(CN_2026.is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert CN_2026.is_working_day(date(2026, 10, 9))


def test_plain_weekends_are_off_and_weekdays_on_without_holidays() -> None:
    assert not WEEKENDS_ONLY.is_working_day(date(2026, 2, 14))
    assert WEEKENDS_ONLY.is_working_day(date(2026, 2, 17))


def test_slip_across_spring_festival_counts_the_make_up_saturday() -> None:
    # Fri 13 Feb -> Tue 24 Feb: Sat 14 (worked) and Tue 24 are the only working days.
    assert slip_working_days(date(2026, 2, 13), date(2026, 2, 24), None, CN_2026) == 2
    assert slip_working_days(date(2026, 2, 13), date(2026, 2, 24), None, WEEKENDS_ONLY) == 7


def test_slip_is_negative_when_ahead_and_zero_on_time() -> None:
    assert slip_working_days(date(2026, 3, 20), date(2026, 3, 16), None, CN_2026) == -4
    assert slip_working_days(date(2026, 3, 20), None, None, CN_2026) == 0
    assert slip_working_days(date(2026, 3, 20), date(2026, 3, 20), None, CN_2026) == 0


def test_actual_date_wins_over_forecast() -> None:
    assert slip_working_days(date(2026, 3, 16), date(2026, 3, 30), date(2026, 3, 17), CN_2026) == 1


def test_moving_onto_a_holiday_adds_no_working_day() -> None:
    # Thu 30 Apr -> Tue 5 May 2026: 1-5 May off (and Sat 9 May is the make-up day, outside the range).
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 5), CN_2026) == 0
    assert working_days_between(date(2026, 4, 30), date(2026, 5, 6), CN_2026) == 1


def test_working_days_between_is_antisymmetric() -> None:
    a, b = date(2026, 1, 28), date(2026, 3, 3)
    assert working_days_between(a, b, CN_2026) == -working_days_between(b, a, CN_2026)


def test_other_countries_use_their_own_holidays() -> None:
    germany = calendar_covering("DE", date(2026, 12, 24), date(2026, 12, 28))
    assert not germany.is_working_day(date(2026, 12, 25))
    assert not germany.make_up_workdays
    usa = calendar_covering("US", date(2026, 7, 3))
    assert not usa.is_working_day(date(2026, 7, 3))  # Independence Day observed (the 4th is a Saturday)


def test_calendar_spans_every_year_asked_for() -> None:
    both = calendar_covering("CN", date(2025, 12, 30), None, date(2026, 2, 20))
    assert date(2025, 10, 1) in both.holidays and date(2026, 2, 17) in both.holidays


def test_supported_calendars() -> None:
    assert is_supported_calendar("CN") and is_supported_calendar("")
    assert not is_supported_calendar("XX")


def _count_day_by_day(start: date, end: date, calendar: WorkCalendar) -> int:
    days = (end - start).days
    return sum(calendar.is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))


@pytest.mark.parametrize("code", ["CN", "DE", "US", ""])
def test_week_arithmetic_matches_counting_day_by_day(code: str) -> None:
    calendar = calendar_for(code, 2024, 2027)
    rng = random.Random(code)
    for _ in range(300):
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 1200))
        end = start + timedelta(days=rng.randrange(0, 200))
        assert working_days_between(start, end, calendar) == _count_day_by_day(start, end, calendar)


def test_months_later_is_dateutil_s_calendar_month_step() -> None:
    """Month ends clamped, leap years, year ends, steps back: as relativedelta(months=n), every day."""
    from dateutil.relativedelta import relativedelta

    day = date(2027, 1, 1)
    while day < date(2029, 1, 1):
        for months in (-13, -1, 0, 1, 2, 3, 11, 12, 25):
            assert months_later(day, months) == day + relativedelta(months=months), (day, months)
        day += timedelta(days=1)
