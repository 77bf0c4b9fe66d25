"""Typed dates: every accepted form, what is refused, and stepping one part without carries."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.date_entry import DateForm, DatePart, part_at, read_date, step_part

TODAY = date(2026, 3, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected", "form"),
    [
        ("2027-01-15", date(2027, 1, 15), DateForm.ISO),
        ("2027-1-5", date(2027, 1, 5), DateForm.ISO),
        ("2027/1/15", date(2027, 1, 15), DateForm.ISO),
        ("2027.01.15", date(2027, 1, 15), DateForm.ISO),
        ("２０２７／１／１５", date(2027, 1, 15), DateForm.ISO),  # full-width, as a Chinese IME types it
        ("2027年1月15日", date(2027, 1, 15), DateForm.CHINESE),
        ("2027 年 1 月 15 日", date(2027, 1, 15), DateForm.CHINESE),
        ("2027年01月15号", date(2027, 1, 15), DateForm.CHINESE),
        ("15 Jan 2027", date(2027, 1, 15), DateForm.MONTH_NAME),  # not 15 Dec 2027
        ("15 january 2027", date(2027, 1, 15), DateForm.MONTH_NAME),
        ("15-JAN-27", date(2027, 1, 15), DateForm.MONTH_NAME),
        ("Jan 15, 2027", date(2027, 1, 15), DateForm.MONTH_NAME),
        ("2027 Jan 15", date(2027, 1, 15), DateForm.MONTH_NAME),
        ("15 Sept 2027", date(2027, 9, 15), DateForm.MONTH_NAME),
        ("1/15/2027", date(2027, 1, 15), DateForm.NUMBERS),
        ("15/1/2027", date(2027, 1, 15), DateForm.NUMBERS),  # 15 cannot be a month
        ("15.1.2027", date(2027, 1, 15), DateForm.NUMBERS),  # dots: day first
        ("3.4.2027", date(2027, 4, 3), DateForm.NUMBERS),
        ("3/4/2027", date(2027, 3, 4), DateForm.NUMBERS),  # slashes: month first
        ("15/1/27", date(2027, 1, 15), DateForm.NUMBERS),
    ],
)
def test_every_written_form_with_a_year(text: str, expected: date, form: DateForm) -> None:
    reading = read_date(text, TODAY)
    assert reading is not None, text
    assert (reading.value, reading.form, reading.assumed_year) == (expected, form, False)


@pytest.mark.parametrize(
    ("text", "expected", "form"),
    [
        ("1/15", date(2026, 1, 15), DateForm.NUMBERS),  # the current year
        ("15/1", date(2026, 1, 15), DateForm.NUMBERS),
        ("15.1.", date(2026, 1, 15), DateForm.NUMBERS),
        ("1月15日", date(2026, 1, 15), DateForm.CHINESE),
        ("15 Jan", date(2026, 1, 15), DateForm.MONTH_NAME),
        ("jan 15", date(2026, 1, 15), DateForm.MONTH_NAME),
        ("20", date(2026, 3, 20), DateForm.DAY_OF_MONTH),  # the 20th of this month
    ],
)
def test_forms_without_a_year_take_the_current_one(text: str, expected: date, form: DateForm) -> None:
    reading = read_date(text, TODAY)
    assert reading is not None, text
    assert (reading.value, reading.form, reading.assumed_year) == (expected, form, True)


@pytest.mark.parametrize(
    ("text", "expected", "offset"),
    [
        ("+5", date(2026, 3, 21), 5),
        ("+ 5", date(2026, 3, 21), 5),
        ("-3", date(2026, 3, 13), -3),
        ("+2w", date(2026, 3, 30), 14),
        ("+1m", date(2026, 4, 16), 31),
        ("+5天", date(2026, 3, 21), 5),
        ("today", TODAY, 0),
        ("Today", TODAY, 0),
        ("今天", TODAY, 0),
        ("tomorrow", date(2026, 3, 17), 1),
        ("明天", date(2026, 3, 17), 1),
        ("yesterday", date(2026, 3, 15), -1),
        ("昨天", date(2026, 3, 15), -1),
    ],
)
def test_relative_forms_count_from_today(text: str, expected: date, offset: int) -> None:
    reading = read_date(text, TODAY)
    assert reading is not None, text
    assert (reading.value, reading.form, reading.offset_days) == (expected, DateForm.RELATIVE, offset)


def test_a_month_later_stays_in_a_short_month() -> None:
    reading = read_date("+1m", date(2026, 1, 31))
    assert reading is not None and reading.value == date(2026, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "30 Feb 2027",
        "2027-02-30",
        "2027-13-01",
        "13/13/2027",
        "15 Foo 2027",
        "15 Jan 2027 x",
        "Jan Feb 2027",
        "2027",
        "123",
        "1/2/3/4",
        "15 Jan 20277",
        "1/15/999",
        "+",
        "2027年13月1日",
        "3000-01-01",  # outside the years a project can have
        "2027-01-15 10:00",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert read_date(text, TODAY) is None


def test_spans_point_at_each_part_as_typed() -> None:
    reading = read_date("15 Jan 2027", TODAY)
    assert reading is not None
    assert reading.spans == {DatePart.DAY: (0, 2), DatePart.MONTH: (3, 6), DatePart.YEAR: (7, 11)}
    chinese = read_date("2027/1/15", TODAY)
    assert chinese is not None
    assert chinese.spans == {DatePart.YEAR: (0, 4), DatePart.MONTH: (5, 6), DatePart.DAY: (7, 9)}


@pytest.mark.parametrize(
    ("position", "part"),
    [(0, DatePart.DAY), (2, DatePart.DAY), (4, DatePart.MONTH), (8, DatePart.YEAR), (11, DatePart.YEAR)],
)
def test_the_part_under_the_cursor(position: int, part: DatePart) -> None:
    reading = read_date("15 Jan 2027", TODAY)
    assert reading is not None
    assert part_at(reading, position) is part


def test_relative_forms_step_the_day() -> None:
    reading = read_date("+5", TODAY)
    assert reading is not None and part_at(reading, 1) is DatePart.DAY


@pytest.mark.parametrize(
    ("value", "part", "delta", "expected"),
    [
        (date(2026, 3, 31), DatePart.DAY, 1, date(2026, 3, 1)),  # wraps in its month, no carry
        (date(2026, 3, 1), DatePart.DAY, -1, date(2026, 3, 31)),
        (date(2026, 12, 31), DatePart.DAY, 1, date(2026, 12, 1)),  # the year never changes
        (date(2026, 12, 15), DatePart.MONTH, 1, date(2026, 1, 15)),
        (date(2026, 1, 15), DatePart.MONTH, -1, date(2026, 12, 15)),
        (date(2026, 1, 31), DatePart.MONTH, 1, date(2026, 2, 28)),  # the day fits the new month
        (date(2024, 2, 29), DatePart.YEAR, 1, date(2025, 2, 28)),
        (date(2026, 3, 16), DatePart.YEAR, -1, date(2025, 3, 16)),
        (date(2026, 3, 16), DatePart.DAY, 1, date(2026, 3, 17)),
    ],
)
def test_stepping_changes_one_part_only(value: date, part: DatePart, delta: int, expected: date) -> None:
    assert step_part(value, part, delta) == expected
