"""One user action, one transaction: make an action fail in its middle, then check nothing of it stayed.

``fail_writes`` installs a SQLite trigger that aborts one chosen write (as a full disk or an I/O
error would, halfway through the action's statements); ``database_state`` is every row of every
table (records, history, audit events, search index, blobs), to compare before and after."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from deliverydesk.store.database import Database, sqlite_path

INJECTED = "injected failure"


def _connect(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(sqlite_path(db.url), isolation_level=None)


@contextmanager
def fail_writes(db: Database, event: str, table: str, when: str = "1") -> Iterator[None]:
    """While in the block, ``event`` (INSERT, UPDATE, DELETE) on ``table`` fails when the SQL
    condition ``when`` holds (it may name NEW. or OLD. columns); the trigger is gone afterwards."""
    connection = _connect(db)
    try:
        connection.execute(
            f"CREATE TRIGGER test_fail_writes BEFORE {event} ON {table} WHEN {when} "
            f"BEGIN SELECT RAISE(ABORT, '{INJECTED}'); END"
        )
        yield
    finally:
        connection.execute("DROP TRIGGER IF EXISTS test_fail_writes")
        connection.close()


def database_state(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (sorted: the comparison is of contents, not of storage order)."""
    connection = _connect(db)
    try:
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        tables = [name for (name,) in connection.execute(query + " ORDER BY name")]
        return {name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr) for name in tables}
    finally:
        connection.close()
