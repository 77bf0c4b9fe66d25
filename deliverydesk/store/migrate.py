"""Schema upgrades with Alembic, run inside the caller's transaction.

``migrations_dir`` defaults to the project's ``db/migrations``; tests point it at a temporary copy
holding throw-away revisions. On SQLite, ``upgrade`` also stamps the file's identity
(``application_id`` and ``user_version``, see ``store.identity``) in the same transaction.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from deliverydesk.paths import MIGRATIONS_DIR
from deliverydesk.store.identity import stamp_identity


def alembic_config(connection: Connection | None = None, migrations_dir: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir or MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _scripts(migrations_dir: Path | None) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(migrations_dir=migrations_dir))


def head_revision(migrations_dir: Path | None = None) -> str:
    head = _scripts(migrations_dir).get_current_head()
    assert head is not None
    return head


def known_revisions(migrations_dir: Path | None = None) -> set[str]:
    return {script.revision for script in _scripts(migrations_dir).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, migrations_dir: Path | None = None) -> None:
    command.upgrade(alembic_config(connection, migrations_dir), "head")
    if connection.dialect.name == "sqlite":
        stamp_identity(connection.exec_driver_sql)
