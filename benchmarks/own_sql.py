"""The app's own SQL through raw sqlite3: a floor that does exactly the database work the app does.

``record`` runs a service call once and keeps every statement SQLAlchemy sent to the driver, with its
parameters as the driver got them (dates and enums already converted); ``replay`` sends the same
statements through a plain ``sqlite3`` connection and fetches every row. The ratio app / replay is
then what the app's layers cost on top of its queries: SQLAlchemy (compiling, result rows, the ORM's
identity map), the services' Python and their frozen dataclasses. What the floor leaves out: nothing
of the database's work; the cost of better queries (a floor of the app's own SQL cannot tell that a
query reads more than it needs: the GUI benchmark's bare-window floor can).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from deliverydesk.store.database import Database

Statement = tuple[str, Any]
_TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def record(db: Database, action: Callable[[], object]) -> list[Statement]:
    """Run ``action`` once (after one untimed run that warms the connections); the statements it sent
    (transaction control left out).

    Statements SQLAlchemy sent are kept with their parameters as the driver got them. Reads the app
    runs as plain SQL (``deliverydesk.store.plain``: on the DBAPI connection of a session, or on the
    database's kept read connections, ``Database.reading``) never pass SQLAlchemy: SQLite's trace of
    each connection catches them, with their parameters written into
    the text as literals (``sqlite3`` traces the expanded SQL), which SQLite runs the same way. What
    SQLite runs inside a statement (an FTS5 index's own lookups, triggers: traced as ``-- ...``) and
    what it traces while SQLAlchemy's statement runs belong to that statement: not kept again."""
    action()  # the full-text index reads its configuration on a connection's first search
    seen: list[Statement] = []
    inside = [False]  # a SQLAlchemy statement is running: its trace is already kept

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        inside[0] = True
        if not _is_transaction(statement):
            seen.append((statement, parameters))

    def after(*_args: Any) -> None:
        inside[0] = False

    def traced(statement: str) -> None:
        if not inside[0] and not statement.startswith("--") and not _is_transaction(statement):
            seen.append((statement, ()))

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.set_trace_callback(traced)

    def checkin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(None)

    listeners = (
        ("before_cursor_execute", before),
        ("after_cursor_execute", after),
        ("handle_error", after),
        ("checkout", checkout),
        ("checkin", checkin),
    )
    engine = db.engine
    for name, listener in listeners:
        event.listen(engine, name, listener)
    if db.plain_reads is not None:
        db.plain_reads.trace(traced)
    try:
        action()
    finally:
        if db.plain_reads is not None:
            db.plain_reads.trace(None)
        for name, listener in listeners:
            event.remove(engine, name, listener)
    return seen


def _is_transaction(statement: str) -> bool:
    return statement.lstrip().upper().startswith(_TRANSACTION)


def replay(db: sqlite3.Connection, statements: list[Statement]) -> int:
    """Run the statements with their parameters and fetch everything; the number of rows read."""
    rows = 0
    for statement, parameters in statements:
        rows += len(db.execute(statement, parameters).fetchall())
    return rows


def connect(path: str) -> sqlite3.Connection:
    """Read-only, with the app's per-connection settings that change what queries cost (none do for
    reads besides foreign keys, which reads ignore): a plain connection."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
