"""``local_today``: the user's local date of the clock's moment, the date ``astimezone()`` gives, in
time zones east and west of UTC, with half-hour offsets and daylight saving, a microsecond either
side of local midnight."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from deliverydesk.services.context import local_today

ZONES = (
    "UTC",
    "Asia/Shanghai",
    "America/New_York",
    "Europe/Berlin",
    "America/St_Johns",
    "Pacific/Kiritimati",
)
DAYS = (date(2026, 1, 1), date(2026, 3, 8), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1))
NEAR = (timedelta(0), timedelta(microseconds=1), -timedelta(microseconds=1), timedelta(hours=12))


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The computer's time zone, back to the old one afterwards."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def local_midnights() -> Iterator[datetime]:
    for day in DAYS:
        naive = datetime.combine(day, datetime.min.time())
        yield naive.astimezone()  # local midnight of that day, aware


def test_the_local_date_is_astimezones_near_local_midnight(zone: str) -> None:
    for midnight in local_midnights():
        for step in NEAR:
            for moment in (midnight + step, (midnight + step).astimezone(UTC)):
                expected = moment.astimezone().date()
                assert local_today(lambda m=moment: m) == expected, (zone, moment)


def test_a_clock_in_another_offset_gives_the_users_date(zone: str) -> None:
    moment = datetime(2026, 6, 30, 23, 30, tzinfo=timezone(timedelta(hours=-9)))  # 08:30 UTC, July 1st
    assert local_today(lambda: moment) == moment.astimezone().date() == date(2026, 7, 1)


def test_a_naive_clock_is_read_as_local_time(zone: str) -> None:
    moment = datetime(2026, 3, 8, 23, 59, 59, 999999)
    assert local_today(lambda: moment) == date(2026, 3, 8) == moment.astimezone().date()


def test_the_time_zone_changing_changes_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # 04:00 next day in Shanghai
    try:
        for name, day in (("UTC", 6), ("Asia/Shanghai", 7), ("America/New_York", 6)):
            monkeypatch.setenv("TZ", name)
            time.tzset()
            assert local_today(lambda: moment) == date(2026, 12, day), name
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_computers_own_clock_gives_its_local_date(zone: str) -> None:
    before = datetime.now(UTC).astimezone().date()
    today = local_today()  # system_clock: read as date.today()
    after = datetime.now(UTC).astimezone().date()
    assert today in (before, after), zone  # local midnight may pass between the three
