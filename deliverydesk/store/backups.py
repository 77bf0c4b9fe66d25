"""Verified, rotating backups through SQLite's backup API, and restore from them.

A backup is written to ``*.partial``, switched to a self-contained rollback journal, checked with
``quick_check`` and only then renamed to its final, time-sortable name
(``deliverydesk-20260316T093000Z.db``). A damaged source therefore never produces a backup, and an
existing backup is never overwritten: good backups cannot be replaced by a bad one. Pruning follows
``deliverydesk.domain.retention`` and runs only after a new backup was verified.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import time
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.domain.retention import DEFAULT_POLICY, RetentionPolicy, backups_to_keep
from deliverydesk.errors import (
    CorruptDatabaseError,
    DeliveryDeskError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.i18n import Message, msg
from deliverydesk.store.health import quick_check, sqlite_problem
from deliverydesk.store.identity import (
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_READONLY,
    FileIdentity,
    identify,
    probe,
    sqlite_code,
    storage_error_for,
)

BACKUP_INTERVAL = timedelta(days=1)
ABANDONED_PARTIAL_AGE_S = 3600.0
_NAME = re.compile(r"^deliverydesk-(\d{8}T\d{6}Z)(?:_(\d{2}))?\.db$")
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def corrupt_error(database: Path, detail: str | Message, newest_backup: Path | None) -> CorruptDatabaseError:
    """The refusal for a damaged file, carrying the newest good backup (``newest_backup``)."""
    hint = (
        msg(
            "Nothing was written to it. The newest good backup is {backup}: restore it to continue.",
            backup=newest_backup,
        )
        if newest_backup is not None
        else msg("Nothing was written to it. No good backup was found.")
    )
    return CorruptDatabaseError(
        msg("{database} is damaged ({detail}).", database=database, detail=detail),
        hint=hint,
        newest_backup=newest_backup,
    )


def _parse(path: Path) -> tuple[datetime, int] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    taken_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    return taken_at, int(match.group(2) or 0)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (unfinished ``.partial`` files are not backups)."""
    if not folder.is_dir():
        return []
    found = [(key, path) for path in folder.iterdir() if (key := _parse(path)) is not None]
    found.sort(reverse=True)
    return [BackupInfo(path, key[0], path.stat().st_size) for key, path in found]


def backup_due(folder: Path, now: datetime) -> bool:
    backups = list_backups(folder)
    return not backups or now - backups[0].taken_at >= BACKUP_INTERVAL


def _free_name(folder: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime(_STAMP)
    for sequence in range(100):
        name = f"deliverydesk-{stamp}.db" if sequence == 0 else f"deliverydesk-{stamp}_{sequence:02d}.db"
        if not (folder / name).exists():
            return folder / name
    raise StorageError(msg("Too many backups taken at {stamp} in {folder}.", stamp=stamp, folder=folder))


def verify_backup(path: Path) -> FileIdentity:
    """Refuse ``path`` unless it is a healthy DeliveryDesk database this build can read."""
    identity = identify(path)
    try:
        with probe(path) as connection:
            problems = quick_check(connection)
    except sqlite3.DatabaseError as exc:
        raise storage_error_for(path, exc) from exc
    if problems:
        raise CorruptDatabaseError(
            msg("The backup {path} is damaged ({problem}).", path=path, problem=problems[0])
        )
    return identity


def newest_good_backup(folder: Path) -> Path | None:
    for backup in list_backups(folder):
        try:
            verify_backup(backup.path)
        except DeliveryDeskError:
            continue
        return backup.path
    return None


BACKUP_STEP_PAGES = 1024  # pages copied between two progress reports (4 MB with 4 kB pages)


def _copy_and_verify(source: sqlite3.Connection, target: Path, progress: Progress = NO_PROGRESS) -> list[str]:
    def report(_status: int, remaining: int, total: int) -> None:
        progress.step(total - remaining, total)  # raising here stops the copy; the partial is removed

    with closing(sqlite3.connect(target, isolation_level=None)) as copy:
        source.backup(copy, pages=BACKUP_STEP_PAGES, progress=report)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal to lose
        problems = quick_check(copy)
    with open(target, "rb+") as stream:  # a finished backup file, never the live database
        os.fsync(stream.fileno())
    return problems


def take_backup(
    source: sqlite3.Connection, database: Path, folder: Path, now: datetime, progress: Progress = NO_PROGRESS
) -> BackupInfo:
    """Copy the open ``source`` database into ``folder`` and verify the copy before naming it; stopped
    (``progress``) before it is named, no file of it is left."""
    _make_folder(folder)
    final = _free_name(folder, now)
    partial = final.with_name(final.name + ".partial")
    try:
        problems = _copy_and_verify(source, partial, progress)
        if problems:
            raise corrupt_error(database, problems[0], newest_good_backup(folder))
        os.replace(partial, final)
        _sync_folder(folder)
    except sqlite3.DatabaseError as exc:
        raise _backup_failure(database, folder, exc) from exc
    except OSError as exc:
        raise _os_failure(folder, exc) from exc
    finally:
        with suppress(FileNotFoundError):
            partial.unlink()
    return BackupInfo(final, now.astimezone(UTC).replace(microsecond=0), final.stat().st_size)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_failure(folder, exc) from exc


def _backup_failure(database: Path, folder: Path, exc: sqlite3.DatabaseError) -> StorageError:
    code = sqlite_code(exc)
    if code == SQLITE_FULL:
        return DiskFullError(
            msg("The disk holding {folder} is full: the backup was not taken.", folder=folder)
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return ReadOnlyStorageError(
            msg("The backup folder {folder} cannot be written: the backup was not taken.", folder=folder)
        )
    error = storage_error_for(database, exc)
    if isinstance(error, CorruptDatabaseError):
        return corrupt_error(database, sqlite_problem(exc), newest_good_backup(folder))
    return error


def _os_failure(folder: Path, exc: OSError) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return DiskFullError(
            msg("The disk holding {folder} is full: the backup was not taken.", folder=folder)
        )
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return ReadOnlyStorageError(
            msg("The backup folder {folder} is read-only: the backup was not taken.", folder=folder)
        )
    return StorageError(
        msg("The backup could not be written to {folder}: {reason}.", folder=folder, reason=exc.strerror)
    )


def _remove_abandoned_partials(folder: Path) -> None:
    """A backup interrupted by a crash leaves a ``.partial`` file; one an hour old is not in progress."""
    newest_allowed = time.time() - ABANDONED_PARTIAL_AGE_S
    for partial in folder.glob("deliverydesk-*.db.partial"):
        with suppress(FileNotFoundError):
            if partial.stat().st_mtime < newest_allowed:
                partial.unlink()


def prune_backups(folder: Path, policy: RetentionPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete backups the retention rule no longer keeps (and abandoned partial copies)."""
    _remove_abandoned_partials(folder)
    backups = list_backups(folder)
    keep = backups_to_keep((backup.taken_at for backup in backups), policy)
    removed = [backup.path for backup in backups if backup.taken_at not in keep]
    for path in removed:
        with suppress(FileNotFoundError):
            path.unlink()
    return removed


def copy_database(backup: Path, target: sqlite3.Connection) -> None:
    """Replace the content of ``target`` by ``backup`` through the backup API (safe for live WAL files)."""
    with closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as source:
        source.backup(target)
