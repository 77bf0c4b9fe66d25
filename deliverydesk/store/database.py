"""Engine, connection pragmas and the unit of work.

This is the minimal core; identity checks, locking, backups and fault translation build on it
(see the sibling modules)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def _sqlite_connect_hook(readonly: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 does not wrap DDL in a transaction: take over BEGIN ourselves
        # (SQLAlchemy's documented pysqlite recipe) so a failed migration leaves nothing half-done.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # NORMAL can lose committed rows on power loss
        cursor.close()

    return on_connect


def _emit_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An engine with DeliveryDesk's connection rules applied (SQLite or PostgreSQL)."""
    if url.startswith("sqlite"):
        connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        if readonly:
            path = url.split("///", 1)[1]
            url = f"sqlite:///file:{Path(path).resolve()}?mode=ro&uri=true"
            connect_args["uri"] = True
        engine = create_engine(url, connect_args=connect_args)
        event.listen(engine, "connect", _sqlite_connect_hook(readonly))
        event.listen(engine, "begin", _emit_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Database:
    """An open database: hand out one session per user action through ``unit_of_work``."""

    url: str
    engine: Engine
    readonly: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
