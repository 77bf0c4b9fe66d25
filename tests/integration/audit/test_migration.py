"""Revision 0002 on a file written before the audit trail existed: tables and anchor added, nothing
back-filled, and a real downgrade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from deliverydesk.domain.audit import GENESIS_HASH
from deliverydesk.store.audit import trail_lines
from deliverydesk.store.audit_state import UPGRADE_ACTOR, record_lines
from deliverydesk.store.database import make_engine
from deliverydesk.store.migrate import alembic_config, current_revision

AUDIT_TABLES = {"audit_event", "audit_head"}


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{db_path}")
    yield engine
    engine.dispose()


def migrate(engine: Engine, verb: str, revision: str) -> None:
    with engine.begin() as connection:
        getattr(command, verb)(alembic_config(connection), revision)


def tables(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_upgrading_a_file_with_records_starts_an_empty_trail_and_downgrade_removes_it(engine: Engine) -> None:
    migrate(engine, "upgrade", "0001")
    with engine.begin() as connection:  # a record written before the audit trail existed
        connection.execute(
            text(
                "INSERT INTO client (id, name, address, industry, notes, created_at, updated_at)"
                " VALUES ('c-1', 'Acme 甲方', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    assert not AUDIT_TABLES & tables(engine)

    migrate(engine, "upgrade", "0002")

    assert tables(engine) >= AUDIT_TABLES
    with engine.connect() as connection:
        assert current_revision(connection) == "0002"
        assert connection.execute(text("SELECT id, last_seq, last_hash FROM audit_head")).all() == [
            (1, 0, GENESIS_HASH)
        ]
        assert connection.execute(text("SELECT count(*) FROM audit_event")).scalar() == 0  # no back-fill
        assert trail_lines(connection) == (True, ["audit trail: ok (0 events)"])

    migrate(engine, "downgrade", "0001")

    assert not AUDIT_TABLES & tables(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM client")).all() == [("Acme 甲方",)]
        assert trail_lines(connection, expected=False)[0]  # before the upgrade there is nothing to check


def test_the_baseline_revision_records_every_record_written_before_the_trail(engine: Engine) -> None:
    """Revision 0009 covers records the trail never saw, so that check can compare every record."""
    migrate(engine, "upgrade", "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, name, address, industry, notes, created_at, updated_at)"
                " VALUES ('c-1', 'Acme 甲方', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    migrate(engine, "upgrade", "head")
    with engine.connect() as connection:
        assert record_lines(connection, lambda table, record_id: f"{table} {record_id}")[0]
        actors = connection.execute(text("SELECT DISTINCT actor FROM audit_event WHERE record_id = 'c-1'"))
        assert actors.scalars().all() == [UPGRADE_ACTOR]
