"""The search index in the file: migration 0003 (backfill, downgrade), its triggers, their repair,
and the index-free search used off SQLite giving the same answers."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection

from deliverydesk.domain.search import SearchKind, parse_query
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.search import search_records
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import alembic_config, upgrade
from deliverydesk.store.plain import reader
from deliverydesk.store.search import SearchScope, search_documents, search_source_tables
from deliverydesk.store.search_tables import (
    SEARCH_DDL,
    SEARCH_TABLES,
    SEARCH_TRIGGERS,
    build_search_index,
    create_search_triggers,
    drop_search_index,
    missing_search_triggers,
    search_index_line,
)
from tests.conftest import fixed_clock
from tests.integration.search.conftest import Records


def _triggers(connection: Connection) -> dict[str, str]:
    rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return {name: sql for name, sql in rows if name.startswith("search_")}


def test_a_migrated_file_has_exactly_the_index_triggers_of_the_store(migrated_db: Database) -> None:
    """A later batch migration that rebuilds a source table drops its triggers: this fails then."""
    with migrated_db.engine.connect() as connection:
        assert _triggers(connection) == SEARCH_TRIGGERS
        assert missing_search_triggers(connection.exec_driver_sql) == []
        names = ", ".join(f"'{name}'" for name in SEARCH_DDL)
        found = connection.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE name IN ({names})")
        assert dict(found.all()) == SEARCH_DDL  # the tables too: the store's copy has not drifted


def test_an_index_dropped_and_built_again_finds_the_same(ctx: ServiceContext, records: Records) -> None:
    with ctx.db.engine.begin() as connection:
        drop_search_index(connection.exec_driver_sql)
        assert missing_search_triggers(connection.exec_driver_sql) == []  # no index: nothing to miss
        build_search_index(connection.exec_driver_sql)
        assert _triggers(connection) == SEARCH_TRIGGERS
    assert search_records(ctx, "现场培训").total == 2
    assert {hit.record_id for hit in search_records(ctx, "合同").rows} == {
        records.log_id,
        records.change_request_id,
    }


def test_missing_triggers_are_found_and_recreated_with_the_rows_missed_meanwhile(
    ctx: ServiceContext, records: Records, db_path: Path
) -> None:
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER search_issue_update")
        connection.exec_driver_sql(
            "UPDATE issue SET title = 'Label printer jams' WHERE id = ?", (records.issue_id,)
        )
        assert missing_search_triggers(connection.exec_driver_sql) == ["search_issue_update"]
    assert search_records(ctx, "printer").total == 0  # the index missed the change
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as reader:  # as 'check' reads
        assert search_index_line(reader.execute) == (
            False,
            "search index: 1 trigger(s) MISSING (search_issue_update): searches miss changes",
        )
    with ctx.db.engine.begin() as connection:
        assert create_search_triggers(connection.exec_driver_sql) == ["search_issue_update"]
        assert missing_search_triggers(connection.exec_driver_sql) == []
        assert create_search_triggers(connection.exec_driver_sql) == []  # nothing to do twice
        assert _triggers(connection) == SEARCH_TRIGGERS
    assert {hit.record_id for hit in search_records(ctx, "printer").rows} == {records.issue_id}
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as reader:
        assert search_index_line(reader.execute) == (True, "search index: ok")
    assert search_records(ctx, "现场培训").total == 2  # everything else is still there


def _raw_row(connection: Connection, table: str, **values: Any) -> None:
    """A row written with plain SQL (as an older version would have): blanks for required columns."""
    blanks = {
        "INTEGER": 0,
        "FLOAT": 0.0,
        "BOOLEAN": 0,
        "DATE": "2026-01-05",
        "DATETIME": "2026-01-05 08:00:00",
    }
    for _cid, name, kind, notnull, default, _pk in connection.exec_driver_sql(f"PRAGMA table_info({table})"):
        if notnull and default is None and name not in values:
            values[name] = blanks.get(kind, "")
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    connection.exec_driver_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))


def test_the_upgrade_indexes_the_records_already_there(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    database = Database(url=url, engine=make_engine(url))
    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        _raw_row(connection, "client", id="c1", name="Old client")
        _raw_row(connection, "project", id="p1", code="DD-2020-001", name="Old", client_id="c1")
        _raw_row(
            connection, "log_entry", id="l1", project_id="p1", summary="旧的验收会议纪要", details="Sign-off"
        )
        _raw_row(connection, "issue", id="i1", project_id="p1", ref="I-1", title="Old issue", symptoms="掉线")
    with database.engine.begin() as connection:
        upgrade(connection)
    ctx = ServiceContext(db=database, clock=fixed_clock)
    try:
        assert [hit.record_id for hit in search_records(ctx, "验收会议").rows] == ["l1"]
        assert [hit.record_id for hit in search_records(ctx, "sign-off").rows] == ["l1"]
        assert [hit.record_id for hit in search_records(ctx, "掉线").rows] == ["i1"]
    finally:
        database.close()


def test_the_downgrade_removes_the_index_and_its_triggers(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
        command.downgrade(alembic_config(connection), "0002")
        names = {name for (name,) in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not names & SEARCH_TABLES
        assert not any(name.startswith("search_") for name in names)
        assert search_index_line(connection.exec_driver_sql) == (
            True,
            "search index: none yet (created on upgrade)",
        )
        _raw_row(connection, "client", id="c1", name="Still writable")  # no trigger left dangling
    engine.dispose()


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("现场培训", {}),
        ("合同", {}),
        ("on-site TRAINING", {}),
        ("培训", {"project_id": "project"}),
        ("合同", {"kinds": ("change_request",)}),
        ('"*" AND (', {}),
        ('"CR-1 报表导出"', {}),  # ref and title, one space apart in both
    ],
)
def test_the_index_free_search_finds_the_same_records(
    ctx: ServiceContext, records: Records, text: str, options: dict[str, Any]
) -> None:
    """The PostgreSQL path (ILIKE over the source tables), run on SQLite, agrees with the index."""
    if options.get("project_id") == "project":
        options = {**options, "project_id": records.project_id}
    scope = SearchScope(**options)
    query = parse_query(text)
    with ctx.db.unit_of_work() as session:
        indexed, indexed_total = search_documents(reader(session), query, scope)
        scanned, scanned_total = search_source_tables(session, query, scope)
    assert {row["record_id"] for row in scanned} == {row["record_id"] for row in indexed}
    assert scanned_total == indexed_total
    assert all(SearchKind(row["kind"]) for row in scanned)
