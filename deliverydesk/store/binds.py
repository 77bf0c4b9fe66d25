"""Values bound (and fetched) as SQLAlchemy binds (and fetches) them, for statements sent through the
driver itself.

Two hot paths compile a statement once and hand it to the DBAPI, because SQLAlchemy's execute path
cost more CPU than the statement: a first sync's bulk inserts on SQLite (``store.bulk``) and the team
server's field UPDATEs on PostgreSQL (``store.sync_server``). A value must still be stored exactly as
``execute`` would store it, so each column's bind processor for the dialect (SQLAlchemy's own: a
Float's differs between dialects) is applied to it here, in one place. A laptop's pulled page reads
its local rows through the driver (``store.sync_local.local_rows``): each fetched value goes through
the column's result processor, as a SQLAlchemy result would give it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect

Processor = Callable[[Any], Any] | None  # None: the value is bound as it is


def bind_processors(table: Table, names: Sequence[str], dialect: Dialect) -> tuple[Processor, ...]:
    """The processor SQLAlchemy applies to a value of each named column of ``table`` on ``dialect``."""
    return tuple(table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names)


def result_processors(table: Table, names: Sequence[str], dialect: Dialect) -> tuple[Processor, ...]:
    """The processor SQLAlchemy applies to a fetched value of each named column of ``table`` on
    ``dialect`` (None: the driver's value as it is)."""
    return tuple(table.c[name].type.dialect_impl(dialect).result_processor(dialect, None) for name in names)
