"""The pure rules behind storage: backup retention and file identity (no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deliverydesk.domain.retention import RetentionPolicy, backups_to_keep
from deliverydesk.errors import ForeignFileError, NewerVersionError
from deliverydesk.store.identity import (
    APPLICATION_ID,
    SCHEMA_GENERATION,
    FileIdentity,
    require_deliverydesk_file,
)

DAY = timedelta(days=1)
START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)  # a Thursday


def daily_for(days: int) -> list[datetime]:
    return [START + n * DAY for n in range(days)]


def test_no_backups_keeps_nothing() -> None:
    assert backups_to_keep([]) == set()


def test_a_single_backup_is_always_kept() -> None:
    assert backups_to_keep([START], RetentionPolicy(daily=0, weekly=0, monthly=0)) == {START}


def test_seven_newest_days_are_kept_and_older_ones_in_the_same_week_go() -> None:
    taken = daily_for(14)  # 1..14 January 2026
    keep = backups_to_keep(taken, RetentionPolicy(daily=7, weekly=0, monthly=0))
    assert keep == set(taken[-7:])


def test_only_the_newest_backup_of_a_day_counts_for_that_day() -> None:
    morning, evening = START, START + timedelta(hours=8)
    keep = backups_to_keep([morning, evening], RetentionPolicy(daily=7, weekly=0, monthly=0))
    assert keep == {evening}


def test_weekly_keeps_the_newest_backup_of_each_of_the_last_four_iso_weeks() -> None:
    taken = daily_for(59)  # up to Saturday 28 February 2026
    keep = backups_to_keep(taken, RetentionPolicy(daily=0, weekly=4, monthly=0))
    at_noon = [datetime(2026, 2, day, 12, 0, tzinfo=UTC) for day in (28, 22, 15, 8)]
    assert keep == set(at_noon)  # the running week's newest, then the Sundays of three full weeks


def test_monthly_keeps_the_last_backup_of_each_of_six_months() -> None:
    taken = daily_for(365)
    keep = backups_to_keep(taken, RetentionPolicy(daily=0, weekly=0, monthly=6))
    assert len(keep) == 6
    assert {(moment.year, moment.month) for moment in keep} == {(2026, m) for m in range(7, 13)}
    assert all((moment + DAY).day == 1 or moment == taken[-1] for moment in keep)


def test_default_policy_after_a_year_of_daily_backups_keeps_at_most_17() -> None:
    taken = daily_for(365)
    keep = backups_to_keep(taken)
    assert set(taken[-7:]) <= keep
    assert 7 < len(keep) <= 7 + 4 + 6


def test_a_long_pause_does_not_delete_the_last_backups() -> None:
    """Counted in periods that have a backup, not in calendar days back from today."""
    taken = [*daily_for(10), START + 400 * DAY]
    keep = backups_to_keep(taken, RetentionPolicy(daily=7, weekly=0, monthly=0))
    assert keep == set(taken[-7:])


def identity(application_id: int = APPLICATION_ID, user_version: int = SCHEMA_GENERATION) -> FileIdentity:
    return FileIdentity(application_id, user_version, table_count=20, revision="0001")


def test_our_file_of_this_or_an_older_generation_is_accepted() -> None:
    require_deliverydesk_file(Path("x.db"), identity())
    require_deliverydesk_file(Path("x.db"), identity(user_version=SCHEMA_GENERATION - 1))


@pytest.mark.parametrize(
    ("found", "words"),
    [
        (FileIdentity(0, 0, table_count=0, revision=None), "empty SQLite database"),
        (FileIdentity(0, 0, table_count=3, revision=None), "another program's database"),
        (FileIdentity(0x12345678, 1, table_count=3, revision=None), "another program's database"),
    ],
)
def test_a_file_without_our_application_id_is_foreign(found: FileIdentity, words: str) -> None:
    with pytest.raises(ForeignFileError, match=words):
        require_deliverydesk_file(Path("x.db"), found)


def test_a_newer_schema_generation_is_refused_naming_both_generations() -> None:
    with pytest.raises(
        NewerVersionError, match=rf"generation {SCHEMA_GENERATION + 1}.*up to {SCHEMA_GENERATION}"
    ):
        require_deliverydesk_file(Path("x.db"), identity(user_version=SCHEMA_GENERATION + 1))


def test_application_id_spells_dds1() -> None:
    assert APPLICATION_ID.to_bytes(4, "big") == b"DDS1"
