"""Engine, connection pragmas and the unit of work.

The unit of work is the one place a user action commits: every public service call opens exactly one
(``Database.unit_of_work``), and a second one opened while the first is still open on the same thread
raises ``NestedUnitOfWorkError`` (a bug: the inner one would commit on its own). Whatever must travel
with a user action's changes (the audit events today, a sync outbox later) belongs in that one
transaction. The unit of work turns storage failures (disk full, read-only, I/O errors) into the plain-words
``StorageError`` family after rolling back, so the next action starts from a clean session.
Identity checks, locking, backups and the open sequence live in the sibling modules
(``identity``, ``lock``, ``backups``, ``opening``)."""

from __future__ import annotations

import select
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, QueuePool, create_engine, event
from sqlalchemy.exc import DBAPIError, InvalidatePoolError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from deliverydesk.domain.audit import AuditEvent
from deliverydesk.errors import (
    CorruptDatabaseError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.i18n import msg
from deliverydesk.store.audit import AFTER_EVENTS, AuditContext, RecordChange, install_audit
from deliverydesk.store.filesystems import network_kind
from deliverydesk.store.health import sqlite_problem
from deliverydesk.store.identity import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    readonly_uri,
    sqlite_code,
    sqlite_path,
)
from deliverydesk.store.lock import WriterLock
from deliverydesk.store.plain import NestedUnitOfWorkError, ReadConnections, Reader, connection_reader
from deliverydesk.store.sync_state import GROUP_ID, team_member
from deliverydesk.store.tables import new_id
from deliverydesk.store.write_gate import WriteGate

BUSY_TIMEOUT_MS = 5000
_READING = object()  # what ``Database._open.session`` holds while a read-only unit is open


def _sqlite_connect_hook(readonly: bool, journal: str = "WAL") -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 does not wrap DDL in a transaction: take over BEGIN ourselves
        # (SQLAlchemy's documented pysqlite recipe) so a failed migration leaves nothing half-done.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            cursor.execute(f"PRAGMA journal_mode={journal}")  # DELETE in a network folder (filesystems)
        cursor.execute("PRAGMA synchronous=FULL")  # NORMAL can lose committed rows on power loss
        cursor.close()

    return on_connect


def _emit_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _readonly_engine(url: str) -> Engine:
    # A proper file: URI (percent-encoded path, immutable in a read-only folder) through a creator.
    uri = readonly_uri(sqlite_path(url))

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    return create_engine("sqlite://", creator=connect, poolclass=QueuePool)


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An engine with DeliveryDesk's connection rules applied (SQLite or PostgreSQL)."""
    if url.startswith("sqlite"):
        if readonly:
            engine = _readonly_engine(url)
        else:
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        journal = "DELETE" if network_kind(sqlite_path(url)) else "WAL"
        event.listen(engine, "connect", _sqlite_connect_hook(readonly, journal))
        event.listen(engine, "begin", _emit_begin)
        return engine
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
    _check_on_checkout(engine)
    # Read-only: every transaction is READ ONLY, the server refuses writes (SQLSTATE 25006).
    return engine.execution_options(postgresql_readonly=True) if readonly else engine


# PostgreSQL connections the pool keeps once opened (it opens them as they are needed): at least one
# for each of a server process's worker threads (``server.app.WORKER_THREADS``). With SQLAlchemy's
# default of 5, a server busy on 8 threads closed a connection whenever more than 5 were idle and
# opened another moments later: a new backend each time, its start-up, catalog caches, prepared
# statements and the tail function's plans made anew (~6 backends a round of 50 laptops at once).
POOL_SIZE = 10
POOL_OVERFLOW = 5  # beyond them, closed when given back

# A pooled PostgreSQL connection idle longer than this is pinged (a round trip) before it is used.
IDLE_PING_S = 10.0


def _check_on_checkout(engine: Engine) -> None:
    """Hand out only live PostgreSQL connections, without a round trip for a recently used one.

    ``pool_pre_ping`` pinged on every checkout: a round trip and ~0.1 ms of the server's CPU, six
    times per sync (two checkouts per request). A server that stopped or restarted, or ended the
    backend (``pg_terminate_backend``), has said so on the socket: an idle connection has nothing to
    read unless the server hung up, so a readable socket (a FATAL message or the end of the stream)
    is a dead connection, seen with one ``poll``. Only a connection idle for ``IDLE_PING_S`` (a
    peer that vanished without a word, a firewall that dropped the flow) is pinged. A dead one
    invalidates the pool (the others date from before the restart too) and the pool connects anew."""

    def on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None:  # a fresh connection
            return
        if dbapi_connection.closed or _hung_up(dbapi_connection.pgconn.socket):
            raise InvalidatePoolError("the server closed this connection")
        if time.monotonic() - since > IDLE_PING_S:
            try:
                engine.dialect.do_ping(dbapi_connection)
            except engine.dialect.loaded_dbapi.Error as exc:
                raise InvalidatePoolError(f"no answer to a ping: {exc}") from exc

    event.listen(engine, "checkin", on_checkin)
    event.listen(engine, "checkout", on_checkout)


def _hung_up(socket_fd: int) -> bool:
    """Whether an idle connection's socket has something to read: the server's goodbye."""
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(socket_fd, select.POLLIN)
        return bool(poller.poll(0))
    return bool(select.select([socket_fd], [], [], 0)[0])  # Windows


# PostgreSQL SQLSTATEs that mean "the environment", not "a bug" (SQLite's codes: store.identity).
_PG_DISK_FULL, _PG_READ_ONLY, _PG_IO_ERROR = "53100", "25006", "58030"
_NOT_SAVED = msg("This change was not saved; everything saved before is intact.")


def storage_error_from(exc: DBAPIError) -> StorageError | None:
    """The user-facing error for a database failure caused by the environment, else None (a bug)."""
    return None if exc.orig is None else driver_storage_error(exc.orig)


def raise_storage_error(exc: sqlite3.Error) -> NoReturn:
    """Re-raise a plain ``sqlite3`` failure as the user-facing ``StorageError`` when the environment
    caused it (disk full, read-only, damaged file), else as it is (a bug): for reads on a plain
    connection, outside SQLAlchemy's exception wrapping."""
    _raise_as_storage_error(exc)
    raise exc


def driver_storage_error(orig: BaseException) -> StorageError | None:
    """``storage_error_from`` for the driver's own exception (a read on the DBAPI connection)."""
    primary = sqlite_code(orig) if isinstance(orig, sqlite3.Error) else None
    state = getattr(orig, "sqlstate", None)
    if primary == SQLITE_FULL or state == _PG_DISK_FULL:
        return DiskFullError(
            msg("The disk is full. {not_saved}", not_saved=_NOT_SAVED),
            hint=msg("Free some space, then try again."),
        )
    if primary == SQLITE_READONLY or state == _PG_READ_ONLY:
        return ReadOnlyStorageError(
            msg("The database is read-only. {not_saved}", not_saved=_NOT_SAVED),
            hint=msg("Open it for writing (check the file and folder permissions) to make changes."),
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptDatabaseError(
            msg(
                "The database file is damaged ({problem}). {not_saved}",
                problem=sqlite_problem(orig),
                not_saved=_NOT_SAVED,
            ),
            hint=msg("Close DeliveryDesk, run 'deliverydesk check' and restore the newest good backup."),
        )
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN) or state == _PG_IO_ERROR:
        return StorageError(
            msg(
                "The disk reported an error ({problem}). {not_saved}",
                problem=sqlite_problem(orig),
                not_saved=_NOT_SAVED,
            ),
            hint=msg("Try again."),
        )
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(
            msg("The database is busy in another program. {not_saved}", not_saved=_NOT_SAVED),
            hint=msg("Try again."),
        )
    return None


def checkpoint(engine: Engine) -> None:
    """Move the write-ahead log into the database and empty it; a failure (busy, disk) is no reason to
    fail the close: the log stays and SQLite replays it on the next open."""
    try:
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except (DBAPIError, sqlite3.Error):
        return


def _rollback_quietly(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:
        session.invalidate()  # the connection is unusable: drop it, the pool opens a fresh one


def _install_gate(engine: Engine, sessions: sessionmaker[Session], gate: WriteGate) -> None:
    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.execute(f"PRAGMA query_only={0 if gate.writable else 1}")

    def writable(session: Session) -> None:
        if gate.writable:
            return
        gate.wait()  # raises when the check failed
        raw = session.connection().connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA query_only=0")  # checked out while the check still ran

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        writable(session)

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            writable(state.session)

    event.listen(engine, "checkout", on_checkout)
    event.listen(sessions, "before_flush", before_flush)
    event.listen(sessions, "do_orm_execute", on_execute)


@contextmanager
def _storage_errors() -> Iterator[None]:
    """Storage failures as ``StorageError`` (a bug's database error as it is)."""
    try:
        yield
    except DBAPIError as exc:
        error = storage_error_from(exc)
        if error is None:
            raise
        raise error from exc


class Transactions:
    """One connection of ``Database.transactions``: transactions one after another on it."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any error; storage failures
        come out as ``StorageError``, other database errors as they are (a caller may retry them)."""
        with _storage_errors(), self._connection.begin():
            yield self._connection


@dataclass
class Database:
    """An open database: hand out one session per user action through ``unit_of_work``.

    ``lock`` is the single-writer lock held while this database is open for writing; ``close``
    releases it. ``audit`` says who and when for the audit events every flush appends. ``team``:
    whether this database has joined a team server (read at the first flush that changes records);
    then each unit of work is one group of the sync outbox (``store.sync_capture``)."""

    url: str
    engine: Engine
    readonly: bool = False
    lock: WriterLock | None = None
    audit: AuditContext = field(default_factory=AuditContext)
    gate: WriteGate | None = None  # opened with the integrity check deferred: writes wait for it
    team: bool | None = None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if self.gate is not None:  # first: the check is passed before the audit hook writes its events
            _install_gate(self.engine, self._sessions, self.gate)
        install_audit(self._sessions, self.audit)
        self._open = threading.local()  # per thread: is a unit of work open (worker threads have their own)
        self.plain_reads = ReadConnections(self._read_connection) if self.is_sqlite else None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        Storage failures come out as ``StorageError`` subclasses; the session is rolled back first,
        so the next unit of work works (no ``PendingRollbackError``). Opening one inside another on
        the same thread raises ``NestedUnitOfWorkError`` before anything is done. This is the single
        commit point: on a team laptop, what the block changes becomes one sync group, committed with it."""
        if getattr(self._open, "session", None) is not None:
            raise NestedUnitOfWorkError(
                "a unit of work is already open on this thread: pass its session to a helper instead"
            )
        session = self._sessions()
        self._open.session = session
        session.info[GROUP_ID] = new_id()
        session.info[AFTER_EVENTS] = self._capture
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            _rollback_quietly(session)
            error = storage_error_from(exc)
            if error is None:
                raise
            raise error from exc
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            self._open.session = None
            session.close()

    def reading(self) -> AbstractContextManager[Reader]:
        """A read-only unit of work: one transaction (one snapshot) for a public service call that only
        reads, through plain SQL (``store.plain``) without an ORM session, whose machinery costs more
        than a project switch's queries; on SQLite on a kept read-only connection (``plain_reads``),
        not the engine's pool. Nothing is written through it: there is no flush, no audit
        and no sync group, and the transaction is rolled back at the end. Nested in another unit of
        work on the same thread it raises ``NestedUnitOfWorkError``, like ``unit_of_work``; storage
        failures come out as ``StorageError`` subclasses."""
        if self.plain_reads is not None:  # a kept read-only sqlite3 connection: no pool, no ORM
            return _PlainReading(self, self.plain_reads)
        return self._engine_reading()

    @contextmanager
    def _engine_reading(self) -> Iterator[Reader]:
        """``reading`` through the engine's pool (a server)."""
        self._enter_reading()
        try:
            with self.engine.connect() as connection, connection.begin() as transaction:
                yield connection_reader(connection)
                transaction.rollback()
        except (DBAPIError, sqlite3.Error) as exc:
            _raise_as_storage_error(exc)
            raise
        finally:
            self._open.session = None

    def _enter_reading(self) -> None:
        if getattr(self._open, "session", None) is not None:
            raise NestedUnitOfWorkError(
                "a unit of work is already open on this thread: pass its session to a helper instead"
            )
        self._open.session = _READING

    def _read_connection(self) -> sqlite3.Connection:
        """A read-only connection to the file for ``reading`` (the engine's rules for reads: busy
        timeout, foreign keys; ``query_only`` whatever the write gate says: a read never writes)."""
        connection = sqlite3.connect(
            readonly_uri(sqlite_path(self.url)),
            uri=True,
            isolation_level=None,  # BEGIN and ROLLBACK are ours (store.plain.SqliteSnapshot)
            check_same_thread=False,  # a kept connection serves one thread at a time, any thread
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA query_only=ON")
        return connection

    @contextmanager
    def transactions(self, *, snapshot: bool = False) -> Iterator[Transactions]:
        """One pooled connection for a run of short transactions, each committed on its own
        (``Transactions.transaction``): the team server's push takes each group in its own transaction
        as the protocol says, and a request's groups share the connection. Checking a connection out of
        the pool (then with ``pool_pre_ping``'s round trip), a session and its release cost the server more
        CPU than a group's own statements (~0.6 of ~1 ms per group, measured): once per request, not
        per group; and the server's reads (a token's device, a pull page, the roster) use it for their
        one transaction, without an ORM session's cost. No ORM session: nothing is flushed and no
        audit event is written through it; a unit of work opened inside it on the same thread raises
        ``NestedUnitOfWorkError``. ``snapshot``: on PostgreSQL each transaction sees one snapshot
        (REPEATABLE READ: a pull's head and the rows it reads agree); SQLite's always does."""
        if getattr(self._open, "session", None) is not None:
            raise NestedUnitOfWorkError(
                "a unit of work is already open on this thread: pass its session to a helper instead"
            )
        self._open.session = _READING
        try:
            held = getattr(self._open, "held", None)
            with (
                _storage_errors(),
                self.engine.connect() if held is None else nullcontext(held) as connection,
            ):
                if snapshot and not self.is_sqlite:  # reset when the connection goes back to the pool
                    connection.execution_options(isolation_level="REPEATABLE READ")
                yield Transactions(connection)
        finally:
            self._open.session = None

    @contextmanager
    def holding(self) -> Iterator[None]:
        """One pooled connection for every ``transactions`` this thread opens until the block ends:
        the team server's request looks its token up and does its work on one checkout instead of
        two. Nothing else shares it (``unit_of_work`` checks out its own); a snapshot run leaves it
        at REPEATABLE READ until the block ends, when the pool resets it."""
        with _storage_errors(), self.engine.connect() as connection:
            self._open.held = connection
            try:
                yield
            finally:
                self._open.held = None

    def _capture(
        self, session: Session, changes: Sequence[RecordChange], events: Sequence[AuditEvent]
    ) -> None:
        if self.team is None:
            self.team = team_member(session.connection())
        if self.team:  # the outbox's tables load here, on a team laptop only (store.sync_state says why)
            from deliverydesk.store.sync_capture import capture

            capture(self.audit.clock)(session, changes, events)

    def close(self) -> None:
        """Checkpoint the write-ahead log into the database file (one file at rest, whatever another
        program still holds open), close every connection, then release the writer lock."""
        if self.plain_reads is not None:  # first: a reader's connection never holds the checkpoint up
            self.plain_reads.close()
        if self.lock is not None and self.is_sqlite and (self.gate is None or self.gate.writable):
            checkpoint(self.engine)  # never into a file whose check failed or did not finish
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


class _PlainReading:
    """``Database.reading`` on SQLite's kept read connections, as a class: a generator context manager
    costs ~10k instructions to enter and leave, and a project switch opens one unit. Failures of the
    read (or of the block, when SQLite's) come out as ``StorageError`` as ``_engine_reading``'s do."""

    __slots__ = ("_database", "_reads", "_snapshot")

    def __init__(self, database: Database, reads: ReadConnections) -> None:
        self._database, self._reads = database, reads

    def __enter__(self) -> Reader:
        self._database._enter_reading()
        try:
            self._snapshot = self._reads.snapshot()
            return self._snapshot.__enter__()
        except BaseException as exc:
            self._database._open.session = None
            _raise_as_storage_error(exc)
            raise

    def __exit__(self, kind: object, exc: BaseException | None, _traceback: object) -> None:
        try:
            self._snapshot.__exit__(kind, exc, _traceback)
        except BaseException as failed:  # the rollback (the block's failure is its context)
            _raise_as_storage_error(failed)
            raise
        finally:
            self._database._open.session = None
        if exc is not None:
            _raise_as_storage_error(exc)  # else the block's failure goes on as it is


def _raise_as_storage_error(exc: BaseException) -> None:
    """Raise the user's ``StorageError`` for a failure the environment caused; else return."""
    if isinstance(exc, DBAPIError):
        error = storage_error_from(exc)
    elif isinstance(exc, sqlite3.Error):
        error = driver_storage_error(exc)
    else:
        return
    if error is not None:
        raise error from exc
