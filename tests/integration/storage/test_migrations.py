"""Upgrades on open: only after a verified backup, in one transaction, foreign keys off, links checked.

Each test adds a throw-away revision to a temporary copy of db/migrations (never to the real one)."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.errors import StorageError
from deliverydesk.paths import MIGRATIONS_DIR, DataPaths, sqlite_url
from deliverydesk.services.storage import list_backups
from deliverydesk.store.identity import APPLICATION_ID, SCHEMA_GENERATION
from deliverydesk.store.lock import lock_path_for
from deliverydesk.store.migrate import head_revision
from deliverydesk.store.opening import OpenSettings, open_database
from tests.integration.storage.helpers import SteppingClock, sha256, sidecars_left

REBUILD_CLIENT = """
    with op.batch_alter_table("client", recreate="always") as batch:
        batch.add_column(sa.Column("vip", sa.Boolean(), nullable=False, server_default="0"))
"""
FAIL_HALF_WAY = (
    """
    op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE client SET name = 'changed by a failed upgrade'")
"""
    + REBUILD_CLIENT
    + """
    raise RuntimeError("boom in the middle of the upgrade")
"""
)
BREAK_LINKS = """
    op.execute("DELETE FROM client")
"""


def migrations_with(tmp_path: Path, body: str) -> Path:
    """A copy of db/migrations with one more revision whose upgrade() runs ``body``."""
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    revision = textwrap.dedent(
        f'''
        """throw-away test revision"""
        from alembic import op
        import sqlalchemy as sa

        revision = "test_0002"
        down_revision = "{head_revision()}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
        '''
    )
    (copy / "versions" / "test_0002.py").write_text(revision + textwrap.indent(textwrap.dedent(body), "    "))
    return copy


def open_with(paths: DataPaths, clock: SteppingClock, migrations: Path, readonly: bool = False) -> None:
    settings = OpenSettings(backups=paths.backups, clock=clock, readonly=readonly, migrations_dir=migrations)
    open_database(sqlite_url(paths.database), settings).db.close()


def read(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as reader:
        return reader.execute(sql).fetchall()


def test_upgrade_rebuilds_a_parent_table_without_losing_its_children(
    existing_db: Path, paths: DataPaths, clock: SteppingClock, tmp_path: Path
) -> None:
    migrations = migrations_with(tmp_path, REBUILD_CLIENT)

    open_with(paths, clock, migrations)

    assert read(existing_db, "SELECT version_num FROM alembic_version") == [("test_0002",)]
    assert read(existing_db, "SELECT name, vip FROM client") == [("Acme 甲方", 0)]
    assert read(existing_db, "SELECT count(*) FROM contact") == [(1,)]  # a cascade would empty it
    assert read(existing_db, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert read(existing_db, "PRAGMA user_version") == [(SCHEMA_GENERATION,)]
    (backup,) = list_backups(paths)
    assert read(backup.path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


@pytest.mark.parametrize(
    ("body", "words"),
    [(FAIL_HALF_WAY, "boom in the middle"), (BREAK_LINKS, "break links")],
    ids=["exception", "broken-links"],
)
def test_failed_upgrade_leaves_the_file_exactly_as_it_was(
    existing_db: Path, paths: DataPaths, clock: SteppingClock, tmp_path: Path, body: str, words: str
) -> None:
    migrations = migrations_with(tmp_path, body)
    before = sha256(existing_db)

    with pytest.raises(StorageError, match=words) as refused:
        open_with(paths, clock, migrations)

    assert sha256(existing_db) == before
    assert sidecars_left(existing_db) == []
    assert not lock_path_for(existing_db).exists()
    (backup,) = list_backups(paths)  # the verified backup taken before trying
    assert str(backup.path) in str(refused.value)


def test_an_older_file_opened_read_only_is_not_upgraded(
    existing_db: Path, paths: DataPaths, clock: SteppingClock, tmp_path: Path
) -> None:
    migrations = migrations_with(tmp_path, REBUILD_CLIENT)
    before = sha256(existing_db)

    with pytest.raises(StorageError, match="must be upgraded"):
        open_with(paths, clock, migrations, readonly=True)

    assert sha256(existing_db) == before
    assert list_backups(paths) == []


def test_no_upgrade_and_no_backup_when_the_schema_is_current(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    open_with(paths, clock, MIGRATIONS_DIR)
    clock.advance(hours=1)
    before = sha256(existing_db)

    open_with(paths, clock, MIGRATIONS_DIR)

    assert sha256(existing_db) == before
    assert len(list_backups(paths)) == 1  # the first open's daily backup only
