"""Many new rows into one table, with less SQLAlchemy around each row (SQLite).

``connection.execute(insert(table), rows)`` spends about as much Python per row as SQLite spends
storing it: parameters built per row from the compiled statement, each value's type processor looked
up per row. A first sync inserts tens of thousands of pulled records, their audit events and known
versions. Here the statement is compiled once per table and set of columns, each column's bind
processor (``store.binds``: a value is stored exactly as ``execute`` stores it) is applied in one
pass over the rows, and the rows go to the driver's ``executemany`` through ``exec_driver_sql``: in
the caller's transaction, with the engine's statement events, as any statement. Elsewhere than
SQLite (the team server's PostgreSQL), ``execute`` as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

from deliverydesk.store.binds import Processor, bind_processors

_Prepared = tuple[str, tuple[str, ...], tuple[Processor, ...]]
_prepared: dict[tuple[Table, str, tuple[str, ...]], _Prepared] = {}


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys: column names) into ``table``."""
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        connection.execute(insert(table), list(rows))
        return
    sql, names, processors = _prepare(table, dialect, tuple(rows[0]))
    pairs = tuple(zip(names, processors, strict=True))
    values = [tuple([row[n] if p is None else p(row[n]) for n, p in pairs]) for row in rows]
    connection.exec_driver_sql(sql, values)


def _prepare(table: Table, dialect: Dialect, keys: tuple[str, ...]) -> _Prepared:
    key = (table, dialect.name, keys)
    found = _prepared.get(key)
    if found is None:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        names = tuple(compiled.positiontup or ())
        if sorted(names) != sorted(keys):  # a default or an expression the compiler added: not here
            raise ValueError(f"insert_rows cannot insert {table.name} with columns {keys}")
        found = _prepared[key] = (str(compiled), names, bind_processors(table, names, dialect))
    return found
