"""Opening the team server's database: PostgreSQL (the same Alembic history as every laptop).

SQLite is refused for a real server (one writer, no concurrent processes). The test suite may open
a SQLite file as a stand-in (``allow_sqlite``) when no PostgreSQL is at hand: every transaction then
starts with ``BEGIN IMMEDIATE``, so pushes are serialised by SQLite's write lock as they are by the
tail lock on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event

from deliverydesk.domain.sync import GroupLink, StoredLink
from deliverydesk.errors import StorageError
from deliverydesk.i18n import msg
from deliverydesk.store.audit import trail_lines
from deliverydesk.store.bundle_rows import BUNDLED_TABLES
from deliverydesk.store.checkup import check_trail
from deliverydesk.store.database import BUSY_TIMEOUT_MS, Database
from deliverydesk.store.identity import sqlite_path
from deliverydesk.store.migrate import current_revision, head_revision, upgrade
from deliverydesk.store.opening import OpenSettings, is_sqlite_url, open_database
from deliverydesk.store.sync_server import (
    group_links,
    read_head,
    record_scope_rows,
    register_existing,
    take_tail_lock,
    unregistered_or_stale,
    write_head,
)

Clock = Callable[[], datetime]


def open_team_store(url: str, clock: Clock, *, create: bool = False, allow_sqlite: bool = False) -> Database:
    """The server's database, upgraded to this version's schema."""
    if is_sqlite_url(url):
        if not allow_sqlite:
            raise StorageError(
                msg("The team server needs PostgreSQL: a SQLite file takes one writer at a time."),
                hint=msg("Use --db-url postgresql+psycopg://USER@HOST/NAME (or DELIVERYDESK_SERVER_DB_URL)."),
            )
        return _sqlite_stand_in(url, clock, create)
    opened = open_database(url, OpenSettings(backups=Path("."), clock=clock, create=create))
    opened.db.audit.clock = clock
    opened.db.team = False
    return opened.db


def _sqlite_stand_in(url: str, clock: Clock, create: bool) -> Database:
    path = sqlite_path(url)
    if not path.exists() and not create:
        raise StorageError(msg("There is no team database at {path}.", path=str(path)))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        for pragma in (f"busy_timeout={BUSY_TIMEOUT_MS}", "foreign_keys=ON", "journal_mode=WAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    with engine.begin() as connection:
        if current_revision(connection) != head_revision():
            upgrade(connection)
    database = Database(url=url, engine=engine)
    database.audit.clock = clock
    database.team = False
    return database


def register_outside_writes(connection: Connection) -> int:
    """Give every record written outside the server (before ``init``, or by a direct connection) a
    position, so laptops pull it; returns how many were registered. Takes the tail lock."""
    head = take_tail_lock(connection).group
    count = 0
    for entity in BUNDLED_TABLES:
        rows = unregistered_or_stale(connection, entity)
        if rows:
            scopes = record_scope_rows(connection, entity, [record_id for record_id, _ in rows])
            head = register_existing(connection, entity, rows, scopes, head)
            count += len(rows)
    write_head(connection, head)
    return count


def stale_records(connection: Connection) -> dict[str, int]:
    """Per table, how many records the server's bookkeeping does not match (written outside it)."""
    found = {entity: len(unregistered_or_stale(connection, entity)) for entity in BUNDLED_TABLES}
    return {entity: n for entity, n in found.items() if n}


def _links(connection: Connection) -> Iterable[StoredLink]:
    from deliverydesk.domain.fingerprint import sha256_hex

    for row in group_links(connection):
        link = GroupLink(
            seq=row["seq"],
            group_id=row["group_id"],
            user_id=row["user_id"],
            device_id=row["device_id"],
            received_at=row["received_at"].strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            status=row["status"],
            payload_sha256=row["payload_sha256"],
            event_hashes=row["event_hashes"],
            answer_sha256=sha256_hex(row["answer"].encode()),
            prev_hash=row["prev_hash"],
        )
        yield StoredLink(link, row["hash"])


def check_lines(connection: Connection, url: str = "") -> tuple[bool, list[str]]:
    """``deliverydesk-server check``: schema, the audit trail (with ``url``: every record against the
    trail's newest state of it and the stored files against their SHA-256, as ``deliverydesk check``),
    the chain of groups, the bookkeeping."""
    from deliverydesk.domain.sync import verify_group_chain

    revision, head_rev = current_revision(connection), head_revision()
    ok = revision == head_rev
    lines = [f"schema revision: {revision}" + (" (current)" if ok else f" (this server expects {head_rev})")]
    trail_ok, trail = check_trail(url) if url else trail_lines(connection)
    head = read_head(connection)
    problems = verify_group_chain(_links(connection), head.last_group_seq, head.last_group_hash)
    if problems:
        lines += ["chain of groups: TAMPERED", *(f"  {p}" for p in problems)]
    else:
        lines.append(f"chain of groups: ok ({head.last_group_seq} groups, position {head.last_position})")
    stale = stale_records(connection)
    if stale:
        detail = ", ".join(f"{n} {entity}" for entity, n in sorted(stale.items()))
        lines.append(f"records: {sum(stale.values())} changed outside the server ({detail}); run init again")
    else:
        lines.append("records: every record is registered at its current version")
    return ok and trail_ok and not problems and not stale, [*lines, *trail]
