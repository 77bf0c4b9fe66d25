"""The window's open: the day's backup is left to the caller, never the checks and never an upgrade's."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.errors import CorruptDatabaseError
from deliverydesk.paths import DataPaths, sqlite_url
from deliverydesk.services.storage import OpenOptions, backup_now, list_backups, open_workspace
from deliverydesk.store.migrate import head_revision
from deliverydesk.store.opening import OpenSettings, open_database
from tests.integration.storage.helpers import SteppingClock, add_client, sha256
from tests.integration.storage.test_migrations import REBUILD_CLIENT, migrations_with, read
from tests.integration.storage.test_refusals import truncate_to_half


def deferred(paths: DataPaths) -> OpenOptions:
    return OpenOptions(data_dir=paths.root, defer_daily_backup=True)


def test_the_day_s_backup_is_left_to_the_caller_who_takes_it_once(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    workspace = open_workspace(deferred(paths), clock)
    try:
        assert workspace.backup_due
        assert list_backups(paths) == []
        add_client(workspace, "Written before the backup ran")  # the file is in use meanwhile
        backup_now(workspace)
    finally:
        workspace.close()
    assert len(list_backups(paths)) == 1

    clock.advance(hours=2)
    again = open_workspace(deferred(paths), clock)
    again.close()
    assert not again.backup_due  # taken today already
    assert len(list_backups(paths)) == 1


def test_without_deferring_the_open_itself_takes_the_backup(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)
    workspace.close()
    assert not workspace.backup_due
    assert len(list_backups(paths)) == 1


def test_deferring_the_backup_never_skips_the_integrity_check(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    truncate_to_half(paths.database)
    before = sha256(paths.database)

    with pytest.raises(CorruptDatabaseError):
        open_workspace(deferred(paths), clock)

    assert sha256(paths.database) == before
    assert list_backups(paths) == []


def test_an_upgrade_is_still_preceded_by_its_own_backup(
    existing_db: Path, paths: DataPaths, clock: SteppingClock, tmp_path: Path
) -> None:
    migrations = migrations_with(tmp_path, REBUILD_CLIENT)
    settings = OpenSettings(
        backups=paths.backups, clock=clock, migrations_dir=migrations, defer_daily_backup=True
    )

    opened = open_database(sqlite_url(paths.database), settings)
    opened.db.close()

    assert not opened.backup_due
    (backup,) = list_backups(paths)
    assert read(backup.path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert read(existing_db, "SELECT version_num FROM alembic_version") == [("test_0002",)]
