"""Revision 0004 on a file written with free-text categories: each distinct text becomes a category of
the shared taxonomy ("中文 / English" split into both names, matched to the seeded defaults without
case), links filled, the search triggers of 0003 kept, and a real downgrade back to texts."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Boolean, Connection, Date, DateTime, Engine, Enum, Float, Integer, create_engine, text
from sqlalchemy import MetaData as Reflected

from deliverydesk.domain.taxonomy import DEFAULT_TAXONOMY, SEEDED_AT, converted_category_id
from deliverydesk.store.migrate import alembic_config, current_revision, head_revision

_ids = (f"00000000-0000-4000-8000-{n:012d}" for n in itertools.count(1))


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """Foreign keys off, as the app upgrades (a batch rebuild would otherwise cascade on the drop)."""
    engine = create_engine(f"sqlite:///{db_path}")
    yield engine
    engine.dispose()


def migrate(engine: Engine, verb: str, revision: str) -> None:
    with engine.begin() as connection:
        getattr(command, verb)(alembic_config(connection), revision)


def insert(connection: Connection, table: str, **values: Any) -> str:
    """A row with ``values``; every other required column gets a plain value of its type."""
    reflected = Reflected()
    reflected.reflect(connection, only=[table])
    row: dict[str, Any] = {"id": next(_ids)}
    for column in reflected.tables[table].columns:
        if column.nullable or column.name in row:
            continue
        kind = column.type
        row[column.name] = (
            kind.enums[0]
            if isinstance(kind, Enum)
            else datetime(2026, 1, 5, 9, 0)
            if isinstance(kind, DateTime)
            else date(2026, 1, 5)
            if isinstance(kind, Date)
            else False
            if isinstance(kind, Boolean)
            else 0
            if isinstance(kind, Integer | Float)
            else ""
        )
    row.update(values)
    connection.execute(reflected.tables[table].insert().values(row))
    return str(row["id"])


def old_file(engine: Engine) -> dict[str, str]:
    """Revision 0003 with issues and change requests carrying free-text categories at two clients."""
    migrate(engine, "upgrade", "0003")
    ids: dict[str, str] = {}
    with engine.begin() as connection:
        for n in (1, 2):
            client = insert(connection, "client", name=f"Client {n}")
            ids[f"project{n}"] = insert(connection, "project", code=f"DD-{n}", name="P", client_id=client)
        p1, p2 = ids["project1"], ids["project2"]
        ids["split"] = insert(
            connection,
            "issue",
            project_id=p1,
            ref="I-1",
            title="字段错位",
            category="数据迁移/data migration",
        )
        ids["spaced"] = insert(
            connection, "issue", project_id=p2, ref="I-1", title="Gateway", category="现场网络 / Site network"
        )
        ids["plain"] = insert(connection, "issue", project_id=p2, ref="I-2", title="x", category="sensors")
        ids["none"] = insert(connection, "issue", project_id=p2, ref="I-3", title="y", category="")
        ids["ask"] = insert(
            connection,
            "change_request",
            project_id=p1,
            ref="CR-1",
            title="More reports",
            category="二期范围外 / out of phase-2 scope",
        )
        ids["entry"] = insert(
            connection,
            "log_entry",
            project_id=p1,
            summary="Call",
            issue_id=ids["split"],
            occurred_at=datetime.now(),
        )
    return ids


def triggers(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        query = (
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'trigger' AND tbl_name IN ('issue', 'change_request')"
        )
        return sorted((row[0], row[1]) for row in connection.execute(text(query)))


def names(engine: Engine, table: str, record_id: str) -> tuple[str, str] | None:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                f"SELECT c.name_en, c.name_zh FROM {table} t"
                " JOIN category c ON c.id = t.category_id WHERE t.id = :id"
            ),
            {"id": record_id},
        ).first()
    return None if found is None else (found[0], found[1])


def test_old_category_texts_become_linked_categories(engine: Engine) -> None:
    ids = old_file(engine)

    migrate(engine, "upgrade", "head")

    assert names(engine, "issue", ids["split"]) == ("Data migration", "数据迁移")  # the seeded default
    assert names(engine, "issue", ids["spaced"]) == ("Site network", "现场网络")
    assert names(engine, "issue", ids["plain"]) == ("sensors", "sensors")  # not split: both names
    assert names(engine, "issue", ids["none"]) is None
    assert names(engine, "change_request", ids["ask"]) == ("out of phase-2 scope", "二期范围外")
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.execute(text("SELECT count(*) FROM category")).scalar() == 9 + 2  # defaults + new
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        assert connection.execute(text("SELECT issue_id FROM log_entry")).scalar() == ids["split"]
        assert connection.execute(text("SELECT title FROM review")).all() == []
        plain = connection.execute(text("SELECT category_id FROM issue WHERE id = :id"), {"id": ids["plain"]})
        assert plain.scalar() == converted_category_id("sensors", "sensors")  # as a v1 bundle converts it


def test_the_upgrade_binds_no_value_through_sqlite3s_deprecated_default_adapters(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deprecated since Python 3.12 (a DeprecationWarning per value); here they are gone altogether,
    so any date or datetime the revision binds through them fails with 'unsupported type'."""
    ids = old_file(engine)
    for kind in (date, datetime):
        monkeypatch.delitem(sqlite3.adapters, (kind, sqlite3.PrepareProtocol))

    migrate(engine, "upgrade", "head")

    assert names(engine, "issue", ids["plain"]) == ("sensors", "sensors")  # a category made on upgrade
    with engine.connect() as connection:
        stamps = connection.execute(text("SELECT created_at FROM category WHERE name_en = 'sensors'"))
        assert datetime.fromisoformat(stamps.scalar_one()).tzinfo is None  # naive UTC, as before


def test_the_seeded_taxonomy_is_the_domain_default_in_every_database(engine: Engine) -> None:
    migrate(engine, "upgrade", "head")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, name_en, name_zh, created_at, updated_at FROM category"))
        seeded = {(r[0], r[1], r[2], r[3], r[4]) for r in rows}
    stamp = SEEDED_AT.replace(tzinfo=None).isoformat(sep=" ")
    assert seeded == {(c.id, c.name_en, c.name_zh, stamp, stamp) for c in DEFAULT_TAXONOMY}


def test_the_search_triggers_survive_the_rebuild_and_keep_indexing(engine: Engine) -> None:
    ids = old_file(engine)
    before = triggers(engine)
    assert {name for name, _sql in before} >= {"search_issue_insert", "search_change_request_update"}

    migrate(engine, "upgrade", "head")

    assert triggers(engine) == before  # exactly the SQL 0003 wrote
    with engine.begin() as connection:
        insert(connection, "issue", project_id=ids["project1"], ref="I-9", title="扫码枪固件 firmware")
        connection.execute(
            text("UPDATE issue SET title = '网关掉线 gateway' WHERE id = :id"), {"id": ids["plain"]}
        )
        found = connection.execute(text("SELECT record_id, body FROM search_doc WHERE kind = 'issue'"))
        bodies = {row[0]: row[1] for row in found}
    assert "扫码枪固件" in " ".join(bodies.values())
    assert "网关掉线" in bodies[ids["plain"]]


def test_downgrade_restores_the_category_texts(engine: Engine) -> None:
    ids = old_file(engine)
    before = triggers(engine)
    migrate(engine, "upgrade", "head")

    migrate(engine, "downgrade", "0003")

    with engine.connect() as connection:
        texts = {row[0]: row[1] for row in connection.execute(text("SELECT id, category FROM issue"))}
        ask = connection.execute(text("SELECT category FROM change_request")).scalar()
        tables = {
            row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
    assert texts == {
        ids["split"]: "数据迁移 / Data migration",
        ids["spaced"]: "现场网络 / Site network",
        ids["plain"]: "sensors",
        ids["none"]: "",
    }
    assert ask == "二期范围外 / out of phase-2 scope"
    assert not {"category", "review_action"} & tables
    assert triggers(engine) == before
