"""The migrated schema equals the models: a forgotten migration fails here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.schema import CreateIndex

from deliverydesk.store.database import Database
from deliverydesk.store.migrate import VERSION_TABLE, current_revision, head_revision
from deliverydesk.store.schema import metadata
from deliverydesk.store.search_tables import SEARCH_TABLES
from deliverydesk.store.sync_tables import LAPTOP_TABLES, SERVER_TABLES


def _modelled(name: str | None, type_: str, _parents: object) -> bool:
    # The search index (migration 0003) is SQL, not models: an FTS5 virtual table, its shadow tables
    # and the plain table it indexes. tests/integration/search checks it (tables and triggers).
    return not (type_ == "table" and name in SEARCH_TABLES)


# Neither SQLAlchemy nor Alembic compares expression indexes (ix_milestone_due): the next test does.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrated_schema_matches_models(migrated_db: Database) -> None:
    with migrated_db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": _modelled}
        )
        assert compare_metadata(context, metadata) == []
        assert current_revision(connection) == head_revision()


def test_the_whole_schema_has_every_migrated_table_in_a_fresh_process(migrated_db: Database) -> None:
    """``store.schema`` (the migrations' metadata: env.py) registers the team's tables itself, since
    ``store.tables`` no longer does; in this process other imports would have registered them anyway."""
    probe = "from deliverydesk.store.schema import metadata; print(' '.join(sorted(metadata.tables)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with migrated_db.engine.connect() as connection:
        migrated = set(inspect(connection).get_table_names()) - SEARCH_TABLES - {VERSION_TABLE}
    assert set(done.stdout.split()) == migrated
    assert set(LAPTOP_TABLES) | set(SERVER_TABLES) <= migrated


def test_expression_index_is_migrated(migrated_db: Database) -> None:
    """The migrated milestone table has the date index of the models, expression and all."""
    with migrated_db.engine.connect() as connection:
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_milestone_due'"
        ).scalar()
    model = next(index for index in metadata.tables["milestone"].indexes if index.name == "ix_milestone_due")
    created = str(CreateIndex(model).compile(dialect=migrated_db.engine.dialect))
    assert " ".join(str(sql).split()) == " ".join(created.split())


def test_every_connection_has_foreign_keys_and_wal(migrated_db: Database) -> None:
    with migrated_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


# Tables without UUID, timestamps and tombstone, and why.
NOT_RECORDS = {
    "blob",  # content-addressed, immutable
    "audit_event",  # numbered in chain order, never updated or archived; its own time is occurred_at
    "audit_head",  # the audit chain's single anchor row
}
# The team server's and the laptop's sync bookkeeping (store/sync_tables.py): never records, never synced.
NOT_RECORDS |= set(LAPTOP_TABLES) | set(SERVER_TABLES)


def test_every_table_has_identity_timestamps_and_tombstone() -> None:
    for table in metadata.sorted_tables:
        if table.name in NOT_RECORDS:
            continue
        assert {"id", "created_at", "updated_at", "archived_at"} <= set(table.columns.keys()), table.name
