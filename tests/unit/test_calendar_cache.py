"""Holiday calendars kept in the cache folder (store/calendar_cache.py): read back equal to what
``holidays`` computes, without importing it; a damaged file or an unnamed release only means computing
again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.domain import workdays
from deliverydesk.domain.workdays import calendar_for, computed_calendar, keep_calendars_in
from deliverydesk.paths import CACHE_DIR_ENV
from deliverydesk.store import calendar_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    keep_calendars_in(calendar_cache.CalendarFile())
    fresh()
    yield tmp_path
    keep_calendars_in(None)
    fresh()


def fresh() -> None:
    """As a new process: nothing read, nothing remembered."""
    calendar_cache.forget_read_entries()
    calendar_for.cache_clear()


def no_holidays_package(*_args: object) -> workdays.WorkCalendar:
    raise AssertionError("computed again instead of read from the cache")


SPANS = [("CN", 2021, 2026), ("DE", 2025, 2025), ("US", 2024, 2027)]


@pytest.mark.parametrize(("code", "first", "last"), SPANS)
def test_a_kept_calendar_reads_back_equal_without_the_holidays_package(
    cache: Path, monkeypatch: pytest.MonkeyPatch, code: str, first: int, last: int
) -> None:
    computed = calendar_for(code, first, last)
    assert computed == computed_calendar(code, first, last)
    assert calendar_cache.holidays_release() is not None
    assert calendar_cache.cache_file(str(calendar_cache.holidays_release())).is_file()
    fresh()
    monkeypatch.setattr(workdays, "computed_calendar", no_holidays_package)
    assert calendar_for(code, first, last) == computed


def test_every_span_is_its_own_entry(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    both = calendar_for("CN", 2025, 2026)
    one = calendar_for("CN", 2026, 2026)
    fresh()
    monkeypatch.setattr(workdays, "computed_calendar", no_holidays_package)
    assert calendar_for("CN", 2025, 2026) == both
    assert calendar_for("CN", 2026, 2026) == one
    assert one != both


@pytest.mark.parametrize("content", ["not json", '{"CN:2026:2026": {"holidays": ["2026-13-01"]}}', "[]"])
def test_a_damaged_file_means_computing_again(cache: Path, content: str) -> None:
    target = calendar_cache.cache_file(str(calendar_cache.holidays_release()))
    target.parent.mkdir(parents=True)
    target.write_text(content, encoding="utf-8")
    assert calendar_for("CN", 2026, 2026) == computed_calendar("CN", 2026, 2026)
    assert "CN:2026:2026" in json.loads(target.read_text(encoding="utf-8"))  # written again


def test_a_release_without_a_name_is_not_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_cache, "holidays_release", lambda: None)
    assert calendar_for("CN", 2026, 2026) == computed_calendar("CN", 2026, 2026)
    assert not (cache / "calendars").exists()
