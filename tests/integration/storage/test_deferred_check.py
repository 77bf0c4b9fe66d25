"""The window's open with the integrity check deferred: the file is read at once, written only after
the check has passed, and never when it fails (issue 16, item 2)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from deliverydesk.errors import CorruptDatabaseError
from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import OpenOptions, backup_now, finish_check, list_backups, open_workspace
from deliverydesk.store.tables import ClientRow
from tests.integration.storage.helpers import SteppingClock, add_client, sha256
from tests.integration.storage.test_refusals import damage_a_table_page

WAIT_S = 30.0  # generous: only a hung test waits this long


def deferred(paths: DataPaths) -> OpenOptions:
    return OpenOptions(data_dir=paths.root, defer_daily_backup=True, defer_integrity_check=True)


def clients(workspace: object) -> list[str]:
    with workspace.ctx.db.unit_of_work() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(ClientRow.name)))


def test_the_file_is_read_before_the_check_and_a_write_waits_for_it(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    workspace = open_workspace(deferred(paths), clock)
    try:
        assert workspace.check_pending
        assert clients(workspace) == ["Acme 甲方"]  # shown at once
        written = threading.Event()

        def write() -> None:
            add_client(workspace, "Written once checked")
            written.set()

        writer = threading.Thread(target=write)
        writer.start()
        assert not written.wait(0.5), "a write went through before the check"
        finish_check(workspace)
        assert written.wait(WAIT_S)
        writer.join()
        assert not workspace.check_pending
        assert sorted(clients(workspace)) == ["Acme 甲方", "Written once checked"]
    finally:
        workspace.close()


def test_sqlite_itself_refuses_a_write_by_another_road_before_the_check(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    workspace = open_workspace(deferred(paths), clock)
    try:
        with pytest.raises(OperationalError, match="readonly"), workspace.ctx.db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE client SET name = 'raw'")
        finish_check(workspace)
        with workspace.ctx.db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE client SET name = 'raw, after the check'")
    finally:
        workspace.close()
    reopened = open_workspace(deferred(paths), clock)
    try:
        assert clients(reopened) == ["raw, after the check"]
    finally:
        reopened.close()


def test_a_damaged_file_opens_for_reading_but_is_never_written_to(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    damage_a_table_page(paths.database)
    before = sha256(paths.database)
    workspace = open_workspace(deferred(paths), clock)
    try:
        assert workspace.check_pending
        with pytest.raises(CorruptDatabaseError):
            finish_check(workspace)
        for attempt in (lambda: add_client(workspace, "never"), lambda: backup_now(workspace)):
            with pytest.raises(CorruptDatabaseError):
                attempt()
        with pytest.raises(CorruptDatabaseError):
            finish_check(workspace)  # asked again: the same answer, not a second look
    finally:
        workspace.close()
    assert sha256(paths.database) == before
    assert list_backups(paths) == []


def test_an_upgrade_or_a_backup_taken_while_opening_is_checked_first(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    damage_a_table_page(paths.database)
    options = OpenOptions(data_dir=paths.root, defer_integrity_check=True)  # the day's backup is due
    with pytest.raises(CorruptDatabaseError):
        open_workspace(options, clock)
    assert list_backups(paths) == []
