"""Storage use cases for the command line and the window: open, check, back up, restore.

Everything that can go wrong comes out as a ``StorageError`` subclass with a plain message:
ForeignFileError, NewerVersionError, CorruptDatabaseError (``newest_backup``: the newest good backup,
or None), DatabaseLockedError, ReadOnlyStorageError, DiskFullError.
A new database gets its schema and identity here; the single settings row is left to the settings
service (created on first read/save), so this module never writes user data.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import StorageError
from deliverydesk.i18n import Message, msg
from deliverydesk.paths import DB_URL_ENV, DataPaths, data_paths, sqlite_url
from deliverydesk.services.context import SealOptions, ServiceContext, system_clock
from deliverydesk.store.backups import BackupInfo
from deliverydesk.store.backups import list_backups as _list_backup_files
from deliverydesk.store.checkup import check_file, check_trail
from deliverydesk.store.database import sqlite_path
from deliverydesk.store.opening import (
    OpenSettings,
    backup_open_database,
    finish_integrity_check,
    is_sqlite_url,
    open_database,
)
from deliverydesk.store.opening import database_exists as _database_exists
from deliverydesk.store.restore import restore_database

KEY_FOLDER = "signing"  # in the data folder: this database's own document seal

__all__ = [
    "BackupInfo",
    "CheckResult",
    "OpenOptions",
    "Workspace",
    "backup_now",
    "check_database",
    "database_exists",
    "finish_check",
    "list_backups",
    "open_workspace",
    "restore_backup",
]

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class OpenOptions:
    data_dir: Path | None = None  # None -> paths.default_data_dir()
    db_url: str | None = None  # overrides the file in data_dir (also env DELIVERYDESK_DB_URL)
    readonly: bool = False
    create: bool = False  # create + migrate a new empty database if the file does not exist
    defer_daily_backup: bool = False  # the window takes the day's backup (backup_now) once it shows
    defer_integrity_check: bool = False  # the window runs it (finish_check) while it reads; writes wait
    certificate: Path | None = None  # the company's PKCS#12 for the PAdES signature of issued PDFs
    certificate_password: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]


@dataclass
class Workspace:
    """An open database plus where its files live."""

    ctx: ServiceContext
    paths: DataPaths
    db_url: str
    readonly: bool
    notices: tuple[Message, ...] = field(default=())  # e.g. "the daily backup could not be taken"
    backup_due: bool = False  # opened with defer_daily_backup and the day's backup is still to be taken

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite_url(self.db_url)

    @property
    def check_pending(self) -> bool:
        """Opened with the integrity check deferred and not checked yet: call ``finish_check``."""
        gate = self.ctx.db.gate
        return gate is not None and gate.pending

    def close(self) -> None:
        """Close the database and release the writer lock."""
        self.ctx.db.close()


def _resolve(options: OpenOptions) -> tuple[DataPaths, str]:
    paths = data_paths(options.data_dir)
    url = options.db_url or os.environ.get(DB_URL_ENV) or sqlite_url(paths.database)
    return paths, url


def _settings(options: OpenOptions, paths: DataPaths, clock: Clock) -> OpenSettings:
    return OpenSettings(
        backups=paths.backups,
        clock=clock,
        readonly=options.readonly,
        create=options.create,
        defer_daily_backup=options.defer_daily_backup,
        defer_integrity_check=options.defer_integrity_check,
    )


def open_workspace(options: OpenOptions, clock: Clock = system_clock) -> Workspace:
    """Open (or, with ``create``, create) the database: identified, checked, backed up, upgraded."""
    paths, url = _resolve(options)
    opened = open_database(url, _settings(options, paths, clock))
    opened.db.audit.clock = clock  # audit events are stamped by the services' clock
    seal = SealOptions(
        key_folder=paths.root / KEY_FOLDER,  # beside the database, never inside it (services.documents.seal)
        company_certificate=options.certificate,
        company_password=options.certificate_password,
    )
    ctx = ServiceContext(db=opened.db, clock=clock, seal=seal)
    return Workspace(
        ctx=ctx,
        paths=paths,
        db_url=url,
        readonly=options.readonly,
        notices=opened.notices,
        backup_due=opened.backup_due,
    )


def database_exists(options: OpenOptions) -> bool:
    return _database_exists(_resolve(options)[1])


def check_database(options: OpenOptions) -> CheckResult:
    """Identity, integrity, foreign keys, schema revision and the audit trail's hash chain; never
    modifies the file."""
    paths, url = _resolve(options)
    if not is_sqlite_url(url):
        if not _database_exists(url):
            return CheckResult(ok=False, lines=("server database: NO SCHEMA",))
        trail_ok, trail = check_trail(url)
        return CheckResult(ok=trail_ok, lines=("server database: reachable, schema present", *trail))
    report = check_file(sqlite_path(url), paths.backups)
    return CheckResult(ok=report.ok, lines=report.lines)


def finish_check(workspace: Workspace) -> None:
    """The integrity check a workspace opened with ``defer_integrity_check`` still owes (slow on a large
    file: run it on a worker). Writes wait for it; a damaged file raises ``CorruptDatabaseError`` and
    every write is refused from then on (the file was never written to)."""
    finish_integrity_check(workspace.ctx.db, workspace.paths.backups)


def backup_now(workspace: Workspace, progress: Progress = NO_PROGRESS) -> BackupInfo:
    """A verified backup of the open database into the backups folder, then rotation (``progress``:
    pages copied; stopped, no backup file is left)."""
    return backup_open_database(workspace.ctx.db, workspace.paths.backups, workspace.ctx.now(), progress)


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    return _list_backup_files(paths.backups)


def restore_backup(options: OpenOptions, backup: Path, clock: Clock = system_clock) -> BackupInfo | None:
    """Replace the database by ``backup``; returns the safety backup of the file it replaced, if any.

    Refused (DatabaseLockedError) while another process holds the database."""
    paths, url = _resolve(options)
    if not is_sqlite_url(url):
        raise StorageError(
            msg("Backups and restore apply to the local database file, not to a server database.")
        )
    return restore_database(sqlite_path(url), backup, paths.backups, clock)
