"""Opening a database safely: identify, check, lock, back up, migrate, then hand out a Database.

SQLite, for writing:  writable? -> lock -> identity (read-only probe) -> quick_check -> known revision
-> verified backup (when a day old, or before any upgrade) -> upgrade in one transaction with foreign
keys off and a foreign_key_check before commit -> engine. With ``defer_daily_backup`` the day's backup
(never the one before an upgrade) is left to the caller, who takes it with ``backup_open_database``
once the file is in use: the window opens about a second sooner on the day's first start. With
``defer_integrity_check`` (a file in WAL mode that needs no upgrade) the quick_check is left to the
caller too (``finish_integrity_check``, on a worker while the window already reads the file): the
database's ``WriteGate`` makes every write wait for it, and a failed check refuses them all.
Nothing is written to a file before it has been identified as ours and found healthy.
PostgreSQL (any non-sqlite URL): no file identity, lock or backups; Alembic still upgrades it (the
``alembic_version`` table is its identity: an unknown revision means a newer DeliveryDesk).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import (
    CorruptDatabaseError,
    DeliveryDeskError,
    ForeignFileError,
    NewerVersionError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.i18n import Message, msg
from deliverydesk.store.backups import (
    BackupInfo,
    backup_due,
    corrupt_error,
    newest_good_backup,
    prune_backups,
    take_backup,
)
from deliverydesk.store.database import Database, make_engine, storage_error_from
from deliverydesk.store.filesystems import network_kind, network_warning, writable
from deliverydesk.store.health import foreign_key_problems, sqlite_problem
from deliverydesk.store.identity import FileIdentity, identify, in_wal_mode, probe, sidecar_files, sqlite_path
from deliverydesk.store.lock import WriterLock
from deliverydesk.store.migrate import current_revision, head_revision, known_revisions, upgrade
from deliverydesk.store.write_gate import WriteGate, check_integrity

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class OpenedDatabase:
    db: Database
    notices: tuple[Message, ...] = ()  # things the user should know that did not stop the open
    backup_due: bool = False  # deferred: the day's backup is still to be taken (backup_open_database)


@dataclass(frozen=True)
class OpenSettings:
    backups: Path  # where rotating backups go (SQLite only)
    clock: Clock
    readonly: bool = False
    create: bool = False
    migrations_dir: Path | None = None  # tests point this at a copy with throw-away revisions
    defer_daily_backup: bool = False  # the caller backs up a checked, current file once it is open
    # The caller runs the integrity check (``finish_integrity_check``) while the file is already read;
    # writes wait for it (``Database.gate``). Not for a file to upgrade or not in WAL mode: checked first.
    defer_integrity_check: bool = False
    # The window's quick start (``store.starting``): the writer lock it already holds (kept, not
    # released, when the open fails) and the gate its integrity check decides.
    held_lock: WriterLock | None = None
    gate: WriteGate | None = None


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def open_database(url: str, settings: OpenSettings) -> OpenedDatabase:
    """Open ``url`` for use, or raise a ``StorageError`` subclass saying why not."""
    if not is_sqlite_url(url):
        return OpenedDatabase(_open_server(url, settings))
    path = sqlite_path(url)
    if path.is_symlink() and not path.exists():
        raise StorageError(
            msg(
                "{path} is a link to {path2}, which does not exist; the link was left alone.",
                path=path,
                path2=os.readlink(path),
            ),
            hint=msg("Restore the file it points to, or remove the link to create a new database here."),
        )
    if path.exists() and not path.is_file():
        raise ForeignFileError(
            msg(
                "{path} is not a file (a folder, a pipe or a device), so it is not a DeliveryDesk database.",
                path=path,
            ),
            hint=msg("It was left untouched; choose another data folder."),
        )
    if not path.exists():
        if not settings.create or settings.readonly:
            raise StorageError(
                msg("There is no DeliveryDesk database at {path}.", path=path),
                hint=msg("Create a new one (for example 'deliverydesk demo') or choose another data folder."),
            )
        return _with_network_notice(OpenedDatabase(_create(url, path, settings)), path)
    if settings.readonly:
        return _with_network_notice(OpenedDatabase(_open_readonly(url, path, settings)), path)
    return _with_network_notice(_open_for_writing(url, path, settings), path)


def _with_network_notice(opened: OpenedDatabase, path: Path) -> OpenedDatabase:
    kind = network_kind(path)
    if kind is None:
        return opened
    return replace(opened, notices=(*opened.notices, network_warning(path, kind)))


def inspect_file(
    path: Path, backups: Path, migrations_dir: Path | None, *, locked: bool, check: bool = True
) -> FileIdentity:
    """Identity, quick_check (unless not ``check``) and a known Alembic revision, read-only; raises
    when unusable.

    ``locked``: the caller holds the writer lock (the probes may then tidy up after themselves)."""
    try:
        identity = identify(path, tidy=locked)
    except CorruptDatabaseError as exc:  # damaged before the header could be read: still name a backup
        detail = sqlite_problem(exc.__cause__) if exc.__cause__ else exc.message
        raise corrupt_error(path, detail, newest_good_backup(backups)) from exc
    if check:
        check_integrity(path, backups, locked=locked)
    if identity.revision is None:
        raise ForeignFileError(
            msg("{path} has DeliveryDesk's mark but no schema revision; it was left untouched.", path=path)
        )
    if identity.revision not in known_revisions(migrations_dir):
        raise _newer_revision_error(str(path), identity.revision)
    return identity


def _newer_revision_error(where: str, revision: str) -> NewerVersionError:
    return NewerVersionError(
        msg(
            "{where} was written by a newer DeliveryDesk (schema revision {revision} is unknown to this"
            " version).",
            where=where,
            revision=revision,
        ),
        hint=msg("Update DeliveryDesk to open it. It was left untouched."),
    )


def _open_readonly(url: str, path: Path, settings: OpenSettings) -> Database:
    identity = inspect_file(path, settings.backups, settings.migrations_dir, locked=False)
    if identity.revision != head_revision(settings.migrations_dir):
        raise StorageError(
            msg(
                "{path} was made by an older DeliveryDesk and must be upgraded before it can be shown.",
                path=path,
            ),
            hint=msg("Open it once for writing (not read-only); a backup is taken before the upgrade."),
        )
    return Database(url=url, engine=make_engine(url, readonly=True), readonly=True)


def _open_for_writing(url: str, path: Path, settings: OpenSettings) -> OpenedDatabase:
    _require_writable(path, folder=False)
    _require_writable(path.parent, folder=True)
    lock = settings.held_lock
    if lock is None:
        lock = WriterLock.acquire(path, settings.clock)
        lock.hold(path)  # the file itself: a second writer through a hard link is refused too
    try:
        notices, backup_due, unchecked = _prepare_for_writing(url, path, settings)
        gate = settings.gate or (WriteGate() if unchecked else None)  # a given gate: its check decides
        database = Database(url=url, engine=make_engine(url), lock=lock, gate=gate)
        return OpenedDatabase(database, notices, backup_due)
    except BaseException:
        if settings.held_lock is None:
            lock.release()
        raise


def _prepare_for_writing(
    url: str, path: Path, settings: OpenSettings
) -> tuple[tuple[Message, ...], bool, bool]:
    """Check, back up, upgrade; returns the notices, whether the day's backup was left to the caller
    and whether the integrity check was (``defer_integrity_check``: the caller runs it)."""
    deferred = settings.defer_integrity_check and in_wal_mode(path)
    identity = inspect_file(path, settings.backups, settings.migrations_dir, locked=True, check=not deferred)
    needs_upgrade = identity.revision != head_revision(settings.migrations_dir)
    if deferred and needs_upgrade:  # an upgrade writes: the file is checked first, as always
        check_integrity(path, settings.backups, locked=True)
        deferred = False
    now = settings.clock()
    if not needs_upgrade and not backup_due(settings.backups, now):
        return (), False, deferred
    if not needs_upgrade and settings.defer_daily_backup:
        return (), True, deferred  # nothing has been written yet; the caller's backup waits for the check
    if deferred:  # a backup of a damaged file is no backup
        check_integrity(path, settings.backups, locked=True)
        deferred = False
    try:
        with probe(path, tidy=True) as source:
            backup = take_backup(source, path, settings.backups, now)
    except DeliveryDeskError as exc:
        if needs_upgrade:
            raise  # never upgrade without a verified backup
        return (
            (msg("The daily backup could not be taken: {problem}", problem=exc.as_message()),),
            False,
            False,
        )
    prune_backups(settings.backups)
    if needs_upgrade:
        migrate_file(url, path, settings.migrations_dir, backup.path)
    return (), False, False


def _require_writable(target: Path, *, folder: bool) -> None:
    if not writable(target):
        raise ReadOnlyStorageError(
            msg(
                "The folder {target} is read-only, so the database cannot be opened for writing.",
                target=target,
            )
            if folder
            else msg(
                "The file {target} is read-only, so the database cannot be opened for writing.", target=target
            ),
            hint=msg("Open it read-only to look at it, or make it writable (or copy it somewhere writable)."),
        )


class BrokenLinksError(RuntimeError):
    """The upgraded data fails ``PRAGMA foreign_key_check``: a defect of the revision."""


def migrate_file(url: str, path: Path, migrations_dir: Path | None, backup: Path | None) -> None:
    """Upgrade to head in one transaction, foreign keys off, links checked before commit."""
    engine = make_engine(url)
    try:
        _upgrade_without_foreign_keys(engine, migrations_dir)
    except Exception as exc:
        error = storage_error_from(exc) if isinstance(exc, DBAPIError) else None
        raise error or _upgrade_failed(path, exc, backup) from exc
    finally:
        engine.dispose()


def _upgrade_without_foreign_keys(engine: Engine, migrations_dir: Path | None) -> None:
    with engine.connect() as connection:
        # Batch table rebuilds drop and rename tables: with foreign keys on, dropping a parent would
        # fail (RESTRICT) or silently empty the children's links (SET NULL, CASCADE).
        # The pragma is a no-op inside a transaction, so it is set before BEGIN.
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                upgrade(connection, migrations_dir)
                broken = foreign_key_problems(raw)
                if broken:
                    raise BrokenLinksError("it would break links between records: " + "; ".join(broken))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _upgrade_failed(path: Path, exc: Exception, backup: Path | None) -> StorageError:
    hint = (
        msg(
            "Keep using the previous version and report this problem. A backup was taken first: {backup}.",
            backup=backup,
        )
        if backup
        else msg("Keep using the previous version and report this problem.")
    )
    return StorageError(
        msg(
            "Upgrading {path} to this version of DeliveryDesk failed ({problem}); the file was left as it"
            " was.",
            path=path,
            problem=str(exc),
        ),
        hint=hint,
    )


def _create(url: str, path: Path, settings: OpenSettings) -> Database:
    """A new database, made under a temporary name and renamed into place only when complete: a
    creation killed half-way leaves no half-made file where the next start would find it."""
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = msg(
                "The folder {parent} cannot be created: {reason}.", parent=path.parent, reason=exc.strerror
            )
            raise ReadOnlyStorageError(message) from exc
    _require_writable(path.parent, folder=True)
    lock = WriterLock.acquire(path, settings.clock)
    try:
        if path.exists() or path.is_symlink():
            raise StorageError(
                msg("{path} appeared while it was being created; it was left untouched.", path=path)
            )
        _remove_dead_creations(path)  # we hold the lock: no other creation is running
        temporary = path.with_name(f"{CREATING_PREFIX}{path.name}.{os.getpid()}")
        try:
            migrate_file(sqlite_url_of(temporary), temporary, settings.migrations_dir, backup=None)
            _settle(temporary)
            _move_into_place(temporary, path)
            lock.hold(path)
        except BaseException:
            _remove_new_database(temporary)
            raise
        return Database(url=url, engine=make_engine(url), lock=lock)
    except BaseException:
        lock.release()
        raise


CREATING_PREFIX = "."  # ".deliverydesk.db.<pid>": hidden, and never taken for the database


def sqlite_url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def _remove_new_database(path: Path) -> None:
    """Remove a database this process has just created and failed to set up (never anything else)."""
    for file in (path, *sidecar_files(path)):
        with suppress(FileNotFoundError):
            file.unlink()


def _dead_creations(path: Path) -> list[Path]:
    prefix = f"{CREATING_PREFIX}{path.name}."
    return [p for p in path.parent.iterdir() if p.name.startswith(prefix)]


def _remove_dead_creations(path: Path) -> None:
    for leftover in _dead_creations(path):
        with suppress(OSError):
            leftover.unlink()


def _settle(temporary: Path) -> None:
    """Everything in the one file (WAL checkpointed and removed), on disk, before the rename."""
    with closing(sqlite3.connect(temporary)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    descriptor = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    for sidecar in sidecar_files(temporary):
        with suppress(FileNotFoundError):
            if sidecar.stat().st_size == 0:
                sidecar.unlink()


def _move_into_place(temporary: Path, path: Path) -> None:
    """Rename without ever replacing a file that appeared meanwhile (a hard link refuses to)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise StorageError(
            msg("{path} appeared while it was being created; it was left untouched.", path=path)
        ) from None
    except OSError:  # no hard links on this file system (FAT, some shares)
        if path.exists() or path.is_symlink():
            raise StorageError(
                msg("{path} appeared while it was being created; it was left untouched.", path=path)
            ) from None
        os.replace(temporary, path)
    else:
        temporary.unlink()
    if os.name != "nt":
        descriptor = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _server_engine(url: str, *, readonly: bool) -> Engine:
    """The engine for a server URL, or a plain refusal (the URL is not echoed: it may hold a password)."""
    try:
        return make_engine(url, readonly=readonly)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StorageError(
            msg("The database URL cannot be used ({problem}).", problem=type(exc).__name__),
            hint=msg(
                "Use sqlite:///PATH, or postgresql+psycopg://USER@HOST/NAME once the PostgreSQL driver is"
                " installed in DeliveryDesk's Python environment (pip install 'psycopg[binary]'); the"
                " desktop bundle has none."
            ),
        ) from exc


def _open_server(url: str, settings: OpenSettings) -> Database:
    engine = _server_engine(url, readonly=settings.readonly)
    try:
        _prepare_server(engine, settings)
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error_from(exc) or StorageError(
            msg("The database server cannot be used: {problem}", problem=str(exc.orig))
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, readonly=settings.readonly)


def _prepare_server(engine: Engine, settings: OpenSettings) -> None:
    """Upgrade a server database in one transaction (PostgreSQL DDL is transactional)."""
    where = engine.url.render_as_string(hide_password=True)
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is not None and revision not in known_revisions(settings.migrations_dir):
        raise _newer_revision_error(where, revision)
    if revision is None and not settings.create:
        raise StorageError(
            msg("There is no DeliveryDesk database at {where}.", where=where), hint=msg("Create it first.")
        )
    if revision == head_revision(settings.migrations_dir):
        return
    if settings.readonly:
        raise StorageError(
            msg("{where} must be upgraded before it can be shown; open it for writing once.", where=where)
        )
    with engine.begin() as connection:
        upgrade(connection, settings.migrations_dir)


def database_exists(url: str) -> bool:
    if is_sqlite_url(url):
        return sqlite_path(url).exists()
    engine = _server_engine(url, readonly=True)
    try:
        with engine.connect() as connection:
            return current_revision(connection) is not None
    except DBAPIError:
        return False
    finally:
        engine.dispose()


def backup_open_database(
    db: Database, folder: Path, now: datetime, progress: Progress = NO_PROGRESS
) -> BackupInfo:
    """A verified backup of an open SQLite database (read through its own engine), then rotation."""
    if not db.is_sqlite:
        raise StorageError(msg("Backups apply to the local database file, not to a server database."))
    if db.gate is not None:
        db.gate.wait()  # a file still being checked is backed up once found healthy, a damaged one never
    with db.engine.connect() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        info = take_backup(source, sqlite_path(db.url), folder, now, progress)
    prune_backups(folder)
    return info
