"""Verified rotating backups through the backup API, and restore from any of them."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.domain.retention import backups_to_keep
from deliverydesk.errors import CorruptDatabaseError, ForeignFileError, StorageError
from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import (
    OpenOptions,
    Workspace,
    backup_now,
    list_backups,
    open_workspace,
    restore_backup,
)
from deliverydesk.store.identity import APPLICATION_ID
from tests.integration.storage.helpers import (
    SteppingClock,
    add_client,
    client_names,
    sha256,
    sidecars_left,
)


def names_in(backup: Path) -> list[str]:
    with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as reader:
        return sorted(row[0] for row in reader.execute("SELECT name FROM client"))


def open_again(paths: DataPaths, clock: SteppingClock) -> Workspace:
    return open_workspace(OpenOptions(data_dir=paths.root), clock)


def test_backup_of_an_open_database_holds_its_latest_commit_and_is_self_contained(
    workspace: Workspace,
) -> None:
    add_client(workspace, "Committed just now")  # still in the -wal: a file copy would miss it

    backup = backup_now(workspace)

    assert names_in(backup.path) == ["Committed just now"]
    assert sidecars_left(backup.path) == []
    assert backup.size == backup.path.stat().st_size
    with closing(sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)) as reader:
        assert reader.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert reader.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_opening_takes_a_backup_when_the_newest_is_a_day_old(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    assert list_backups(paths) == []  # creating a database takes none
    open_again(paths, clock).close()
    assert len(list_backups(paths)) == 1  # none yet: due

    clock.advance(hours=23)
    open_again(paths, clock).close()
    assert len(list_backups(paths)) == 1  # less than a day old: not due

    clock.advance(hours=1)
    open_again(paths, clock).close()
    backups = list_backups(paths)
    assert len(backups) == 2
    assert backups[0].taken_at == clock.now


def test_backups_rotate_by_the_retention_rule_and_sort_by_name(
    workspace: Workspace, paths: DataPaths, clock: SteppingClock
) -> None:
    taken = []
    for _day in range(45):
        taken.append(backup_now(workspace).taken_at)
        clock.advance(days=1, hours=1)

    remaining = list_backups(paths)
    assert {backup.taken_at for backup in remaining} == backups_to_keep(taken)
    assert len(remaining) < len(taken)
    assert [backup.taken_at for backup in remaining] == sorted(backups_to_keep(taken), reverse=True)
    by_name = sorted(remaining, key=lambda backup: backup.path.name, reverse=True)
    assert by_name == remaining


def test_two_backups_in_the_same_second_never_overwrite_each_other(workspace: Workspace) -> None:
    add_client(workspace, "first")
    first = backup_now(workspace)
    add_client(workspace, "second")
    second = backup_now(workspace)

    assert first.path != second.path
    assert names_in(first.path) == ["first"]
    assert list_backups(workspace.paths)[0].path == second.path


def test_restore_brings_back_the_backup_and_keeps_a_safety_backup(
    workspace: Workspace, paths: DataPaths, clock: SteppingClock
) -> None:
    add_client(workspace, "before")
    backup = backup_now(workspace)
    add_client(workspace, "after")
    workspace.close()
    clock.advance(minutes=5)

    safety = restore_backup(OpenOptions(data_dir=paths.root), backup.path, clock)

    assert safety is not None
    assert names_in(safety.path) == ["after", "before"]
    reopened = open_again(paths, clock)
    try:
        assert client_names(reopened) == ["before"]
        add_client(reopened, "written after the restore")
    finally:
        reopened.close()
    assert names_in(backup.path) == ["before"]


def test_restore_over_a_damaged_file_moves_it_aside(
    workspace: Workspace, paths: DataPaths, clock: SteppingClock
) -> None:
    add_client(workspace, "good")
    backup = backup_now(workspace)
    workspace.close()
    paths.database.write_bytes(b"garbage" * 1000)

    safety = restore_backup(OpenOptions(data_dir=paths.root), backup.path, clock)

    assert safety is None
    kept_aside = list(paths.root.glob("deliverydesk.db.damaged-*"))
    assert [path.read_bytes()[:7] for path in kept_aside] == [b"garbage"]
    reopened = open_again(paths, clock)
    try:
        assert client_names(reopened) == ["good"]
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"not a database" * 100, ForeignFileError), (None, CorruptDatabaseError)],
    ids=["foreign", "truncated"],
)
def test_restore_refuses_a_bad_backup_and_leaves_the_database_alone(
    workspace: Workspace,
    paths: DataPaths,
    clock: SteppingClock,
    tmp_path: Path,
    content: bytes | None,
    error: type[Exception],
) -> None:
    add_client(workspace, "current")
    good = backup_now(workspace)
    workspace.close()
    bad = tmp_path / "bad-backup.db"
    bad.write_bytes(content if content is not None else good.path.read_bytes()[:20000])
    before = sha256(paths.database)

    with pytest.raises(error):
        restore_backup(OpenOptions(data_dir=paths.root), bad, clock)

    assert sha256(paths.database) == before
    assert list_backups(paths) == [good]


def test_restore_is_refused_while_the_database_is_open_read_only(
    workspace: Workspace, paths: DataPaths, clock: SteppingClock
) -> None:
    add_client(workspace, "current")
    backup = backup_now(workspace)
    workspace.close()
    reader = open_workspace(OpenOptions(data_dir=paths.root, readonly=True), clock)
    try:
        assert client_names(reader) == ["current"]  # holds a pooled connection to the file

        with pytest.raises(StorageError, match="in use"):
            restore_backup(OpenOptions(data_dir=paths.root), backup.path, clock)

        assert client_names(reader) == ["current"]
    finally:
        reader.close()


def test_an_abandoned_partial_backup_is_removed_but_one_in_progress_is_kept(
    workspace: Workspace, paths: DataPaths
) -> None:
    backup_now(workspace)
    abandoned = paths.backups / "deliverydesk-20260101T000000Z.db.partial"
    in_progress = paths.backups / "deliverydesk-20260316T092959Z.db.partial"
    for partial in (abandoned, in_progress):
        partial.write_bytes(b"half a copy")
    two_hours_ago = time.time() - 7200
    os.utime(abandoned, (two_hours_ago, two_hours_ago))

    backup_now(workspace)

    assert not abandoned.exists()
    assert in_progress.exists()
