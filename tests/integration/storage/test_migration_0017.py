"""Revision 0017 on a file written before the cost limit had a currency: every person of the roster and
every user of a (SQLite) server table gets CNY, what their limits were judged as for CNY projects;
the other limits are kept; a real downgrade drops the column again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.integration.learning.test_migration_0004 import insert, migrate


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{db_path}")
    yield engine
    engine.dispose()


def test_existing_limits_become_cny_and_keep_their_amounts(engine: Engine) -> None:
    migrate(engine, "upgrade", "0016")
    with engine.begin() as connection:
        person = insert(
            connection, "person", name="张浩", hours_per_change=12.0, cost_cents_per_change=900_00
        )
        user = insert(
            connection,
            "server_user",
            name="li.na",
            display_name="Li Na",
            role="engineer",
            cost_cents_per_change=700_00,
            created_at=datetime(2026, 3, 2, 8, 0),
        )
    migrate(engine, "upgrade", "0017")
    with engine.begin() as connection:
        people = connection.execute(
            text("SELECT cost_cents_per_change, hours_per_change, cost_currency FROM person WHERE id = :id"),
            {"id": person},
        ).one()
        users = connection.execute(
            text("SELECT cost_cents_per_change, cost_currency FROM server_user WHERE id = :id"), {"id": user}
        ).one()
        assert tuple(people) == (900_00, 12.0, "CNY")
        triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
        assert "roster_forgotten_person_update" in set(triggers), "the table was altered, not copied"
        assert tuple(users) == (700_00, "CNY")
    migrate(engine, "downgrade", "0016")
    with engine.begin() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(person)"))}
        assert "cost_currency" not in columns and "cost_cents_per_change" in columns
        assert connection.execute(text("SELECT cost_cents_per_change FROM person")).scalar() == 900_00
