"""The window's quick start (``storage.open_started``): the file is read at once with plain sqlite3, opened
in full on first need, written only after its integrity check, never when the check fails; whatever
needs the usual open (missing, locked, older, read-only) is left to it (issue 16, item 2)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from deliverydesk.errors import CorruptDatabaseError
from deliverydesk.paths import DataPaths
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.storage import (
    OpenOptions,
    Workspace,
    backup_now,
    finish_check,
    finish_open,
    list_backups,
    open_started,
    open_workspace,
)
from deliverydesk.store.lock import WriterLock, lock_path_for
from deliverydesk.store.migrate import head_revision, revision_graph
from deliverydesk.store.starting import StartingDatabase
from tests.integration.storage.helpers import SteppingClock, add_client, sha256
from tests.integration.storage.test_deferred_check import clients, deferred
from tests.integration.storage.test_refusals import damage_a_table_page

WAIT_S = 30.0  # generous: only a hung test waits this long


def started(paths: DataPaths, clock: SteppingClock) -> Workspace:
    workspace = open_started(deferred(paths), clock)
    assert workspace is not None
    return workspace


def client_names(workspace: Workspace) -> list[str]:
    with workspace.ctx.db.reading() as r:
        return [row[0] for row in r.rows("SELECT name FROM client ORDER BY name")]


def test_the_file_is_read_at_once_opened_in_full_on_the_first_write_and_written_after_the_check(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    workspace = started(paths, clock)
    try:
        assert isinstance(workspace.ctx.db, StartingDatabase)
        assert workspace.open_pending and workspace.check_pending
        assert client_names(workspace) == ["Acme 甲方"]  # read before the full open
        assert workspace.open_pending
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
        assert not workspace.open_pending and not workspace.check_pending
        assert client_names(workspace) == ["Acme 甲方", "Written once checked"]  # now through the full open
    finally:
        workspace.close()
    reopened = open_workspace(deferred(paths), clock)  # the lock was released
    try:
        assert sorted(clients(reopened)) == ["Acme 甲方", "Written once checked"]
    finally:
        reopened.close()


def test_a_damaged_file_is_read_but_never_written_to(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    damage_a_table_page(paths.database)
    before = sha256(paths.database)
    workspace = started(paths, clock)  # its header is sound: read at once, checked behind
    try:
        with pytest.raises(CorruptDatabaseError):
            finish_check(workspace)
        for attempt in (lambda: add_client(workspace, "never"), lambda: backup_now(workspace)):
            with pytest.raises(CorruptDatabaseError):
                attempt()
    finally:
        workspace.close()
    assert sha256(paths.database) == before
    assert list_backups(paths) == []
    assert not lock_path_for(paths.database).exists()


def test_closing_before_the_full_open_releases_the_file(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    before = sha256(paths.database)
    workspace = started(paths, clock)
    assert client_names(workspace) == ["Acme 甲方"]
    workspace.close()
    assert sha256(paths.database) == before
    assert not lock_path_for(paths.database).exists()
    assert [side.name for side in paths.root.iterdir() if side.name.startswith("deliverydesk.db-")] == []
    again = started(paths, clock)
    finish_open(again)  # opened in full, then closed
    again.close()
    assert not lock_path_for(paths.database).exists()


def test_a_file_held_by_another_deliverydesk_is_left_to_the_usual_open(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    other = WriterLock.acquire(paths.database, clock)
    try:
        assert open_started(deferred(paths), clock) is None
        assert lock_path_for(paths.database).exists()  # still the other's
    finally:
        other.release()


def test_missing_read_only_and_older_files_are_left_to_the_usual_open(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    assert open_started(OpenOptions(data_dir=paths.root, readonly=True), clock) is None
    assert open_started(OpenOptions(data_dir=paths.root), clock) is None  # the check is not deferred
    older = next(revision for revision in revision_graph(None) if revision != head_revision())
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (older,))
    connection.close()
    before = sha256(paths.database)
    assert open_started(deferred(paths), clock) is None  # an upgrade goes the usual, checked way
    assert sha256(paths.database) == before and not lock_path_for(paths.database).exists()
    paths.database.unlink()
    assert open_started(deferred(paths), clock) is None


FIRST_PAINT_READS = """
import sys
from datetime import datetime
from pathlib import Path
from deliverydesk.services.attention import get_attention
from deliverydesk.services.storage import OpenOptions, finish_check, open_started
options = OpenOptions(data_dir=Path(sys.argv[1]), defer_daily_backup=True, defer_integrity_check=True)
workspace = open_started(options, clock=lambda: datetime.fromisoformat(sys.argv[2]))
print(repr(get_attention(workspace.ctx)))
finish_check(workspace)  # the integrity check the window runs beside it
print("sqlalchemy" in sys.modules)
workspace.close()
"""


def test_today_and_the_integrity_check_run_without_sqlalchemy_and_today_is_the_same_report(
    demo_ctx: ServiceContext, tmp_path: Path
) -> None:
    from deliverydesk.services.attention import get_attention

    folder = tmp_path / "data"
    folder.mkdir()
    source = sqlite3.connect(demo_ctx.db.url.split("///", 1)[1])
    target = sqlite3.connect(folder / "deliverydesk.db")
    source.backup(target)  # a copy in the data folder, in WAL mode like the original
    source.close()
    target.close()
    found = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_READS, str(folder), demo_ctx.now().isoformat()],
        capture_output=True,
        text=True,
        check=True,
    )
    report, loaded = found.stdout.splitlines()
    assert loaded == "False"
    assert report == repr(get_attention(demo_ctx))
    assert "AttentionItem(" in report  # the demo has something for Today
