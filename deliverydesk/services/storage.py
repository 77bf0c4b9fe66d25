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
from typing import TYPE_CHECKING

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import StorageError
from deliverydesk.i18n import Message, msg
from deliverydesk.paths import DB_URL_ENV, DataPaths, data_paths, sqlite_url
from deliverydesk.services.context import SealOptions, ServiceContext, system_clock
from deliverydesk.store.backups import BackupInfo
from deliverydesk.store.backups import list_backups as _list_backup_files
from deliverydesk.store.starting import StartingDatabase, start_file, starting_database
from deliverydesk.store.write_gate import WriteGate, finish_integrity_check

if TYPE_CHECKING:  # the full open (SQLAlchemy, Alembic) loads when a database is opened in full
    from deliverydesk.store.database import Database
    from deliverydesk.store.opening import OpenSettings
    from deliverydesk.store.starting import DatabaseHandle

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
    "open_started",
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
        return self.db_url.startswith("sqlite")

    @property
    def check_pending(self) -> bool:
        """Opened with the integrity check deferred and not checked yet: call ``finish_check``."""
        gate = self.ctx.db.gate
        return gate is not None and gate.pending

    @property
    def open_pending(self) -> bool:
        """Started quickly (``open_started``) and not opened in full yet: call ``finish_open``."""
        db = self.ctx.db
        return isinstance(db, StartingDatabase) and not db.opened

    def close(self) -> None:
        """Close the database and release the writer lock."""
        self.ctx.db.close()


def _resolve(options: OpenOptions) -> tuple[DataPaths, str]:
    paths = data_paths(options.data_dir)
    url = options.db_url or os.environ.get(DB_URL_ENV) or sqlite_url(paths.database)
    return paths, url


def _settings(options: OpenOptions, paths: DataPaths, clock: Clock) -> OpenSettings:
    from deliverydesk.store.opening import OpenSettings

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
    from deliverydesk.store.opening import open_database

    paths, url = _resolve(options)
    opened = open_database(url, _settings(options, paths, clock))
    opened.db.audit.clock = clock  # audit events are stamped by the services' clock
    return Workspace(
        ctx=_context(opened.db, options, paths, clock),
        paths=paths,
        db_url=url,
        readonly=options.readonly,
        notices=opened.notices,
        backup_due=opened.backup_due,
    )


def _context(db: DatabaseHandle, options: OpenOptions, paths: DataPaths, clock: Clock) -> ServiceContext:
    seal = SealOptions(
        key_folder=paths.root / KEY_FOLDER,  # beside the database, never inside it (services.documents.seal)
        company_certificate=options.certificate,
        company_password=options.certificate_password,
    )
    return ServiceContext(db=db, clock=clock, seal=seal)


def open_started(options: OpenOptions, clock: Clock = system_clock) -> Workspace | None:
    """The window's quick start: the database file locked and read at once, without SQLAlchemy, with
    both the integrity check and the day's backup left to the caller (``finish_check``,
    ``backup_now``) and its full open to the first unit of work or ``finish_open``. Writes wait for
    the full open and for the check (``store.starting``). None when the file needs the usual open
    (``open_workspace``): missing, locked, foreign, damaged, to upgrade, read-only, on a server or a
    network share..."""
    from deliverydesk.store.readonly import NeedsFullOpen, local_file

    if (
        options.readonly
        or options.create
        or not options.defer_integrity_check
        or not options.defer_daily_backup
    ):
        return None
    paths, url = _resolve(options)
    try:
        path = local_file(url)
    except NeedsFullOpen:
        return None
    started = start_file(url, path, paths.backups, clock)
    if started is None:
        return None
    lock, due = started
    gate = WriteGate()

    def open_in_full() -> Database:
        from dataclasses import replace

        from deliverydesk.store.opening import open_database

        settings = replace(_settings(options, paths, clock), held_lock=lock, gate=gate)
        opened = open_database(url, settings)
        opened.db.audit.clock = clock
        return opened.db

    database = starting_database(url, path, lock, gate, open_in_full)
    if database is None:
        return None
    return Workspace(
        ctx=_context(database, options, paths, clock), paths=paths, db_url=url, readonly=False, backup_due=due
    )


def finish_open(workspace: Workspace) -> None:
    """Open a quickly started workspace's database in full now (slow: run it on a worker), so that the
    first write does not wait for it; a failure raises the usual open's ``StorageError``."""
    db = workspace.ctx.db
    if isinstance(db, StartingDatabase):
        db.database()


def database_exists(options: OpenOptions) -> bool:
    from deliverydesk.store.opening import database_exists as exists

    return exists(_resolve(options)[1])


def check_database(options: OpenOptions) -> CheckResult:
    """Identity, integrity, foreign keys, schema revision and the audit trail's hash chain; never
    modifies the file."""
    from deliverydesk.store.checkup import check_file, check_trail
    from deliverydesk.store.identity import sqlite_path
    from deliverydesk.store.opening import database_exists as exists

    paths, url = _resolve(options)
    if not url.startswith("sqlite"):
        if not exists(url):
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
    from deliverydesk.store.opening import backup_open_database

    return backup_open_database(
        full_database(workspace), workspace.paths.backups, workspace.ctx.now(), progress
    )


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    return _list_backup_files(paths.backups)


def restore_backup(options: OpenOptions, backup: Path, clock: Clock = system_clock) -> BackupInfo | None:
    """Replace the database by ``backup``; returns the safety backup of the file it replaced, if any.

    Refused (DatabaseLockedError) while another process holds the database."""
    from deliverydesk.store.identity import sqlite_path
    from deliverydesk.store.restore import restore_database

    paths, url = _resolve(options)
    if not url.startswith("sqlite"):
        raise StorageError(
            msg("Backups and restore apply to the local database file, not to a server database.")
        )
    return restore_database(sqlite_path(url), backup, paths.backups, clock)


def full_database(workspace: Workspace) -> Database:
    """The workspace's database opened in full (a quick start's is opened now)."""
    db = workspace.ctx.db
    if isinstance(db, StartingDatabase):
        return db.database()
    from deliverydesk.store.database import Database

    assert isinstance(db, Database)
    return db
