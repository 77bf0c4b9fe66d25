"""The window's quick way into a DeliveryDesk file: read it at once with plain ``sqlite3``, open it in
full (SQLAlchemy, the ORM, the audit hook) only when the first write or a worker asks.

``start_file`` takes the writer lock and makes the read-only checks the usual open makes before a
deferred integrity check (``store.opening``: the file is ours, in WAL mode, at this build's schema
revision, on a local disk, writable); anything else returns None and the caller opens the usual way,
which refuses, upgrades or asks exactly as it always has. The ``StartingDatabase`` it returns reads
through one ``mode=ro`` connection until the full ``Database`` is opened (``database()``): every unit
of work waits for that, and every write still waits for the integrity check (``WriteGate``), so a
damaged file is never written to. Importing this module does not import SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from deliverydesk.errors import DatabaseLockedError, DeliveryDeskError, StorageError
from deliverydesk.i18n import msg
from deliverydesk.store.backups import backup_due
from deliverydesk.store.filesystems import network_kind, writable
from deliverydesk.store.identity import (
    identify,
    in_wal_mode,
    readonly_uri,
    remove_empty_sidecars,
    sidecar_files,
)
from deliverydesk.store.lock import WriterLock
from deliverydesk.store.migrate import head_revision
from deliverydesk.store.plain import NestedUnitOfWorkError, Reader, SqliteSnapshot
from deliverydesk.store.write_gate import WriteGate

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from deliverydesk.store.audit import AuditContext
    from deliverydesk.store.database import Database, Transactions

BUSY_TIMEOUT_S = 5.0


class DatabaseHandle(Protocol):
    """What the services use of an open database (``ServiceContext.db``): a ``Database``, or a
    ``StartingDatabase`` that becomes one on first need."""

    team: bool | None

    @property
    def url(self) -> str: ...
    @property
    def readonly(self) -> bool: ...
    @property
    def gate(self) -> WriteGate | None: ...
    @property
    def audit(self) -> AuditContext: ...
    @property
    def is_sqlite(self) -> bool: ...
    @property
    def engine(self) -> Engine: ...
    def unit_of_work(self) -> AbstractContextManager[Session]: ...
    def reading(self) -> AbstractContextManager[Reader]: ...
    def transactions(self, *, snapshot: bool = False) -> AbstractContextManager[Transactions]: ...
    def holding(self) -> AbstractContextManager[None]: ...
    def close(self) -> None: ...


class StartingDatabase:
    """A checked, locked file read with plain SQL while its full open is still to come.

    ``opener`` opens the full ``Database`` (with this lock and this gate); it runs once, in the
    first thread that needs it (``database()``: a unit of work, the audit context, the team flag),
    the others wait for it. A failed open is kept: every later need raises the same error."""

    def __init__(
        self, url: str, path: Path, lock: WriterLock, gate: WriteGate, opener: Callable[[], Database]
    ) -> None:
        self.url, self.path, self.lock, self.gate = url, path, lock, gate
        self._opener: Callable[[], Database] | None = opener
        self._database: Database | None = None
        self._error: DeliveryDeskError | None = None
        self._opening = threading.Lock()  # one full open; close waits for it
        self._guard = threading.Lock()  # one plain read at a time on the one connection
        self._open = threading.local()  # per thread: is a plain read open
        self._created = [side for side in sidecar_files(path) if not side.exists()]
        self._connection: sqlite3.Connection | None = None
        self._closed = False
        self._team: bool | None = None
        # Connected now, before the integrity check's own probe: that probe then finds the -wal/-shm
        # in use and leaves them (it removes only the ones it made). Raises ``sqlite3.Error``.
        try:
            self._plain_connection().execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            self._close_plain(tidy=True)
            raise

    readonly = False
    is_sqlite = True

    @property
    def opened(self) -> bool:
        """The full database is open (reads and writes go to it)."""
        return self._database is not None

    def database(self) -> Database:
        """The full database, opened now if it is not yet (in this thread; others wait)."""
        database = self._database
        if database is not None:
            return database
        with self._opening:
            database = self._database
            if database is None:
                if self._error is not None:
                    raise self._error
                if self._closed or self._opener is None:
                    raise StorageError(msg("The database was closed."))
                try:
                    database = self._database = self._opener()
                except DeliveryDeskError as exc:
                    self._failed(exc)
                    raise
                except BaseException as exc:
                    self._failed(
                        StorageError(msg("The database could not be opened: {problem}", problem=str(exc)))
                    )
                    raise
                finally:
                    self._opener = None
                if self._team is not None:
                    database.team = self._team
        # The full database reads from now on (outside the open's lock: a reader never waits for it
        # while holding the connection this waits for).
        self._close_plain(tidy=False)
        return database

    def _failed(self, error: DeliveryDeskError) -> None:
        self._error = error
        if self.gate.pending:
            self.gate.fail(error)  # nothing is ever written through this handle

    @property
    def audit(self) -> AuditContext:
        return self.database().audit

    @property
    def engine(self) -> Engine:
        return self.database().engine

    @property
    def team(self) -> bool | None:
        return self._team if self._database is None else self._database.team

    @team.setter
    def team(self, value: bool | None) -> None:
        self._team = value
        if self._database is not None:
            self._database.team = value

    def unit_of_work(self) -> AbstractContextManager[Session]:
        if getattr(self._open, "reading", False):
            raise NestedUnitOfWorkError(
                "a unit of work is already open on this thread: pass its session to a helper instead"
            )
        return self.database().unit_of_work()

    def transactions(self, *, snapshot: bool = False) -> AbstractContextManager[Transactions]:
        return self.database().transactions(snapshot=snapshot)

    def holding(self) -> AbstractContextManager[None]:
        return self.database().holding()

    @contextmanager
    def reading(self) -> Iterator[Reader]:
        """``Database.reading``: through the full database once it is open, before that through the
        one read-only connection (one snapshot per call, rolled back at the end)."""
        if self._database is None and getattr(self._open, "reading", False):
            raise NestedUnitOfWorkError(
                "a unit of work is already open on this thread: pass its session to a helper instead"
            )
        self._guard.acquire()
        database = self._database
        if database is not None:  # opened in full (perhaps while this thread waited for the guard)
            self._guard.release()
            with database.reading() as reader:
                yield reader
            return
        self._open.reading = True
        try:
            with SqliteSnapshot(self._plain_connection()) as reader:
                yield reader
        except sqlite3.Error as exc:
            from deliverydesk.store.database import raise_storage_error  # SQLAlchemy only on failure

            raise_storage_error(exc)
        finally:
            self._open.reading = False
            self._guard.release()

    def _plain_connection(self) -> sqlite3.Connection:
        if self._closed:
            raise StorageError(msg("The database was closed."))
        if self._connection is None:
            connection = sqlite3.connect(
                readonly_uri(self.path),
                uri=True,
                isolation_level=None,
                check_same_thread=False,  # read by the workers, one at a time (``_guard``)
                timeout=BUSY_TIMEOUT_S,
            )
            connection.execute("PRAGMA query_only = ON")
            self._connection = connection
        return self._connection

    def _close_plain(self, *, tidy: bool) -> None:
        with self._guard:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            if tidy:  # nobody else uses the file: the lock is still held
                remove_empty_sidecars(self.path, self._created)

    def close(self) -> None:
        """Close the full database (which releases the lock) or, before it was opened, the plain
        connection, then the lock."""
        with self._opening:
            self._closed = True
            database, self._database = self._database, None
        if database is not None:
            database.close()
            return
        self._close_plain(tidy=True)
        self.lock.release()


def starting_database(
    url: str, path: Path, lock: WriterLock, gate: WriteGate, opener: Callable[[], Database]
) -> StartingDatabase | None:
    """A ``StartingDatabase`` on the file ``start_file`` locked, or None (the lock released) when SQLite
    cannot read it: the usual open then says what is wrong."""
    try:
        return StartingDatabase(url, path, lock, gate, opener)
    except sqlite3.Error:
        lock.release()
        return None


def start_file(
    url: str, path: Path, backups: Path, clock: Callable[[], datetime], migrations_dir: Path | None = None
) -> tuple[WriterLock, bool] | None:
    """Lock ``path`` and check it can be read before its full open, with the integrity check left to
    the caller: a local, writable file in WAL mode, ours and at this build's revision. Returns the
    held lock and whether the day's backup is due, or None (nothing held) when the file needs the
    usual open: missing, foreign, damaged header, older or newer, locked by another DeliveryDesk,
    read-only, on a network share, not in WAL mode."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size == 0:
            return None
        if network_kind(path) is not None or not (writable(path) and writable(path.parent)):
            return None
        if not in_wal_mode(path):
            return None
    except OSError:
        return None
    try:
        lock = WriterLock.acquire(path, clock)
        lock.hold(path)
    except (DatabaseLockedError, StorageError):
        return None  # the usual open says who holds it, or why it cannot be taken
    try:
        identity = identify(path, tidy=True)
        if identity.revision != head_revision(migrations_dir):
            lock.release()
            return None
        return lock, backup_due(backups, clock())
    except (DeliveryDeskError, OSError, sqlite3.Error):
        lock.release()
        return None
    except BaseException:
        lock.release()
        raise
