"""Plain SQL for reads on the paths users feel (a project switch, the navigator, search).

SQLAlchemy costs about 1 ms per unit of work and per statement around SQL that often takes a tenth
of that: building and compiling the statement, a ``Row`` per result row, a type processor per value.
A read that runs on every keystroke or switch is written here as SQL text instead and run through a
``Reader``: on SQLite straight on the DBAPI connection of the open transaction (the same snapshot as
the ORM's statements around it), elsewhere (PostgreSQL) through ``text()`` on the same connection.
The typed functions that map the rows to the domain's dataclasses live next to their SQL in the
``*_reads`` / ``*_queries`` modules; the values come back as the driver gives them, so the converters
below accept both SQLite's text and the server's native types.

Rules for the SQL here: named parameters only (``:name``, which both drivers understand), lists
through ``in_list``, no dialect-specific syntax except what ``Reader.like`` names. Writes never go
through a Reader: they stay with the ORM (row versions, the audit trail, the sync outbox).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:  # imported without SQLAlchemy: the command line's export reads through sqlite_reader
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


class NestedUnitOfWorkError(RuntimeError):
    """A unit of work was opened while another was open on the same thread and database: a bug.

    One user action is one transaction: a service calls helpers that take the open session, never
    another public service function (which would open, and commit, a unit of work of its own)."""


E = TypeVar("E", bound=enum.Enum)
Params = Mapping[str, Any]


class Rows(Protocol):
    """Run one statement (named parameters, none when not given) and fetch every row as a tuple."""

    def __call__(self, sql: str, params: Params | None = None, /) -> Sequence[Sequence[Any]]: ...


@dataclass(frozen=True)
class Reader:
    """Run plain SQL in an open transaction and fetch every row as a tuple. ``rows`` is the driver's
    own function (a field, not a method passing the call on: a Python call fewer a statement, a
    project switch runs five or six)."""

    rows: Rows
    sqlite: bool
    connection: Connection | None = None  # the SQLAlchemy connection, for what a server needs built (search)

    def first(self, sql: str, params: Params | None = None) -> Sequence[Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        row = self.first(sql, params)
        return None if row is None else row[0]

    def day(self, value: date) -> Any:
        """A date as a parameter: SQLite compares the ISO text it stores, a server its DATE type."""
        return value.isoformat() if self.sqlite else value

    @property
    def like(self) -> str:
        """Case-insensitive LIKE: SQLite's own LIKE already ignores ASCII case (``lower()`` would
        only cost time on every row), PostgreSQL needs ILIKE."""
        return "LIKE" if self.sqlite else "ILIKE"


def sqlite_reader(raw: sqlite3.Connection) -> Reader:
    """A Reader on a plain ``sqlite3`` connection (the command line's read-only export: ``readonly``).
    Its statements run on one cursor it keeps: ``Connection.execute`` makes a cursor per statement
    (~1 µs each, a project switch runs seven). Each fetches all its rows, so none is left open."""
    run = raw.cursor().execute

    def run_raw(sql: str, params: Params | None = None, /) -> Sequence[Sequence[Any]]:
        return run(sql, () if params is None else params).fetchall()

    return Reader(run_raw, sqlite=True)


class SqliteSnapshot:
    """A Reader (``reader``, or a new one) in one read transaction on ``raw`` (one snapshot of the
    file for everything read through it), rolled back afterwards; then ``done`` is told, whatever
    happened (``ReadConnections`` takes the connection back). A class, not a generator context
    manager: entering and leaving a generator one costs ~10k instructions, a tenth of what a project
    switch spends beyond its six statements. Used by one unit at a time, and again by the next one
    (``ReadConnections`` keeps one with each connection)."""

    __slots__ = ("_control", "_done", "_raw", "_reader")

    def __init__(
        self,
        raw: sqlite3.Connection,
        reader: Reader | None = None,
        done: Callable[[SqliteSnapshot], None] | None = None,
    ) -> None:
        self._raw, self._reader, self._done = raw, sqlite_reader(raw) if reader is None else reader, done
        self._control = raw.cursor().execute  # BEGIN and ROLLBACK, on a cursor kept as sqlite_reader's

    @property
    def connection(self) -> sqlite3.Connection:
        return self._raw

    def __enter__(self) -> Reader:
        try:
            self._control("BEGIN")
        except BaseException:
            self.__exit__()
            raise
        return self._reader

    def __exit__(self, *_exc_info: object) -> None:
        # The end written out here, not in a helper both paths call: ~1k instructions a unit.
        raw = self._raw
        try:
            if raw.in_transaction:
                self._control("ROLLBACK")
        finally:
            if self._done is not None:
                self._done(self)


class ReadConnections:
    """Plain read-only ``sqlite3`` connections kept open for ``Database.reading``: taking SQLAlchemy's
    pooled connection and giving it back (its queue, lock, events and reset) cost more than a third of
    a project switch's six statements. A free list: a unit takes an idle connection (with its
    ``SqliteSnapshot``, kept too: building one per unit cost ~2k instructions) or opens one and gives
    it back afterwards (at most ``kept`` stay open), so reads on different threads never wait for
    each other. Connections are opened by ``connect`` (read-only, ``query_only``)."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], kept: int = 4) -> None:
        self._connect, self._kept = connect, kept
        self._idle: list[SqliteSnapshot] = []  # pop and append are atomic: no lock
        self._trace: Callable[[str], None] | None = None
        self._closed = False

    def snapshot(self) -> SqliteSnapshot:
        """A ``SqliteSnapshot`` on a kept connection."""
        try:
            return self._idle.pop()
        except IndexError:
            raw = self._connect()
            raw.set_trace_callback(self._trace)
            return SqliteSnapshot(raw, done=self._give_back)

    def _give_back(self, snapshot: SqliteSnapshot) -> None:
        # One whose rollback failed, or beyond what is kept, is closed.
        raw = snapshot.connection
        if raw.in_transaction or self._closed or len(self._idle) >= self._kept:
            raw.close()
        else:
            self._idle.append(snapshot)

    def trace(self, callback: Callable[[str], None] | None) -> None:
        """SQLite's trace of every statement read from now on (None: stop), as
        ``sqlite3.Connection.set_trace_callback``; call it while no unit of work is open."""
        self._trace = callback
        for snapshot in self._idle:
            snapshot.connection.set_trace_callback(callback)

    def close(self) -> None:
        """Close the idle connections; one still in use is closed when its unit ends."""
        self._closed = True
        self.close_idle()

    def close_idle(self) -> None:
        """Close the idle connections and keep going (the next read opens one): before a fork, as no
        SQLite connection may be used on both sides of one."""
        while self._idle:
            self._idle.pop().connection.close()


def connection_reader(connection: Connection) -> Reader:
    """A Reader on an open SQLAlchemy connection (its transaction)."""
    if connection.dialect.name == "sqlite":
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        return sqlite_reader(raw)

    from sqlalchemy import text

    def run_text(sql: str, params: Params | None = None, /) -> Sequence[Sequence[Any]]:
        return [tuple(row) for row in connection.execute(text(sql), dict(params or {}))]

    return Reader(run_text, sqlite=False, connection=connection)


def reader(session: Session) -> Reader:
    """A Reader in the session's own transaction (a unit of work that also writes or uses the ORM).
    Pending changes are flushed first, as the ORM's autoflush does before a query: take a new Reader
    after changing rows."""
    session.flush()
    return connection_reader(session.connection())


def quoted(*values: enum.Enum) -> str:
    """Our own enum constants as SQL literals, for an IN list written into the SQL (never user input:
    that goes in as parameters, ``in_list``)."""
    return ", ".join(f"'{value.value}'" for value in values)


def in_list(name: str, values: Iterable[Any], params: dict[str, Any]) -> str:
    """``(:name0, :name1, ...)`` for an IN test, the values added to ``params``; ``(NULL)`` when empty
    (an IN that matches nothing, valid in both dialects)."""
    names = []
    for number, value in enumerate(values):
        params[f"{name}{number}"] = value
        names.append(f":{name}{number}")
    return f"({', '.join(names)})" if names else "(NULL)"


# --- values as the drivers give them ----------------------------------------------------------------
_from_iso = datetime.fromisoformat
_AS_UTC = "+00:00"  # appended to SQLite's naive UTC text: parsed as UTC at once


def to_date(value: Any) -> date | None:
    """A DATE column: SQLite's ISO text or the server's date (``to_day``'s test written out here: a
    call fewer for every date a project switch reads)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def to_day(value: Any) -> date:
    """A NOT NULL DATE column."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def to_datetime(value: Any) -> datetime | None:
    """A UTC timestamp column (stored naive, see ``tables.UTCDateTime``) as an aware UTC datetime."""
    return None if value is None else to_moment(value)


def to_moments(created: Any, updated: Any) -> tuple[datetime, datetime]:
    """``to_moment`` of the two timestamps every record has (``created_at``, ``updated_at``), in one
    call: a project switch reads four (the project's and its client's)."""
    if type(created) is str and type(updated) is str:
        try:  # to_moment's quick way for both
            first, second = _from_iso(created + _AS_UTC), _from_iso(updated + _AS_UTC)
            if first.tzinfo is UTC and second.tzinfo is UTC:
                return first, second
        except ValueError:
            pass
    return to_moment(created), to_moment(updated)


def to_moment(value: Any) -> datetime:
    """A NOT NULL UTC timestamp column (``created_at``, ``updated_at``) as an aware UTC datetime."""
    if isinstance(value, str):
        # SQLite's naive UTC text read as UTC: a fifth of the time ``replace(tzinfo=...)`` takes. Text
        # with an offset of its own (refused) or a bare date (read naive) goes the long way.
        try:
            moment = _from_iso(value + _AS_UTC)
            if moment.tzinfo is UTC:
                return moment
        except ValueError:
            pass
        value = datetime.fromisoformat(value)
    return cast(datetime, value).replace(tzinfo=UTC)


def to_enum(enum_class: type[E], value: Any) -> E:
    """A member from its stored value (enums are stored by value, ``tables._enum_type``)."""
    member = enum_class._value2member_map_.get(value)
    return enum_class(value) if member is None else cast(E, member)  # the map holds enum_class's members


def to_optional_enum(enum_class: type[E], value: Any) -> E | None:
    return None if value is None else to_enum(enum_class, value)


class Members(dict[Any, E]):
    """Stored value -> member of one enum, for mapping many rows (``members[value]``: a dict lookup
    where ``to_enum`` is a call); an unknown value raises ``ValueError`` as ``to_enum`` does."""

    def __init__(self, enum_class: type[E]) -> None:
        super().__init__((member.value, member) for member in enum_class)
        self.enum_class = enum_class

    def __missing__(self, value: Any) -> E:
        return self.enum_class(value)
