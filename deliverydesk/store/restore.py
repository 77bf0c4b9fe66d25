"""Restore a backup over the database.

Restore: verify the backup -> take the writer lock (refused while another process has the database)
-> back up the current file if it is healthy (the safety backup), else move the damaged file aside
-> copy the backup in through SQLite's backup API (never a plain file copy of a live WAL database)
-> verify the result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from deliverydesk.errors import (
    CorruptDatabaseError,
    DeliveryDeskError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.i18n import msg
from deliverydesk.store.backups import BackupInfo, copy_database, take_backup, verify_backup
from deliverydesk.store.database import BUSY_TIMEOUT_MS
from deliverydesk.store.health import quick_check
from deliverydesk.store.identity import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    identify,
    probe,
    sidecar_files,
    sqlite_code,
    storage_error_for,
)
from deliverydesk.store.lock import WriterLock


def restore_database(
    database: Path, backup: Path, backups: Path, clock: Callable[[], datetime]
) -> BackupInfo | None:
    """Replace ``database`` by ``backup``; returns the safety backup of the replaced file, if any."""
    verify_backup(backup)
    if database.exists() and backup.resolve() == database.resolve():
        raise StorageError(msg("{backup} is the database itself, not a backup of it.", backup=backup))
    lock = WriterLock.acquire(database, clock)
    try:
        safety = _secure_current_file(database, backups, clock())
        fresh = not database.exists()  # nothing there, or the damaged file was moved aside
        try:
            _write_from_backup(database, backup)
        except BaseException:
            if fresh:
                _remove_new_database(database)
            raise
        return safety
    finally:
        lock.release()


def _remove_new_database(database: Path) -> None:
    for file in (database, *sidecar_files(database)):
        with suppress(FileNotFoundError):
            file.unlink()


def _is_healthy(database: Path) -> bool:
    try:
        identify(database, tidy=True)
        with probe(database, tidy=True) as connection:
            return not quick_check(connection)
    except (DeliveryDeskError, sqlite3.DatabaseError):
        return False


def _secure_current_file(database: Path, backups: Path, now: datetime) -> BackupInfo | None:
    if not database.exists():
        return None
    if _is_healthy(database):
        with probe(database, tidy=True) as source:
            return take_backup(source, database, backups, now)
    _move_aside(database, now)
    return None


def _move_aside(database: Path, now: datetime) -> None:
    """Keep a damaged or foreign file (and its -wal/-shm) under a new name instead of overwriting it."""
    suffix = f".damaged-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    for file in (database, *sidecar_files(database)):
        with suppress(FileNotFoundError):
            file.rename(file.with_name(file.name + suffix))


def _write_from_backup(database: Path, backup: Path) -> None:
    try:
        problems = _copy_in(database, backup)
    except sqlite3.DatabaseError as exc:
        raise _restore_failure(database, exc) from exc
    if problems:
        raise CorruptDatabaseError(
            msg("The restored database fails its check ({problem}).", problem=problems[0])
        )


def _restore_failure(database: Path, exc: sqlite3.DatabaseError) -> StorageError:
    code, unchanged = sqlite_code(exc), msg("The backup was not restored.")
    if code == SQLITE_FULL:
        return DiskFullError(
            msg("The disk holding {database} is full. {unchanged}", database=database, unchanged=unchanged),
            hint=msg("Free some space."),
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return ReadOnlyStorageError(
            msg("{database} or its folder is read-only. {unchanged}", database=database, unchanged=unchanged)
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(
            msg(
                "{database} is in use (perhaps open read-only in another window). {unchanged}",
                database=database,
                unchanged=unchanged,
            ),
            hint=msg("Close DeliveryDesk everywhere else, then restore again."),
        )
    return storage_error_for(database, exc)


def _copy_in(database: Path, backup: Path) -> list[str]:
    with closing(sqlite3.connect(database, isolation_level=None)) as target:
        target.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Rollback-journal mode during the copy: the backup API refuses a WAL target whose page
        # size differs from the source's. We hold the lock, so switching modes is safe.
        target.execute("PRAGMA journal_mode=DELETE")
        copy_database(backup, target)
        target.execute("PRAGMA journal_mode=WAL")
        return quick_check(target)
