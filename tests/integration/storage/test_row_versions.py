"""Every record counts its writes (``row_version``): the ORM adds one on each update and refuses an
update based on a version that is no longer the stored one; migration 0006 starts existing rows at 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.orm.exc import StaleDataError

from deliverydesk.domain.drafts import ClientDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import archive_client, create_client, update_client
from deliverydesk.store.migrate import alembic_config
from deliverydesk.store.tables import ClientRow


def test_each_write_of_a_record_counts_one_more_version(ctx: ServiceContext) -> None:
    created = create_client(ctx, ClientDraft(name="Acme"))
    updated = update_client(ctx, ClientDraft(id=created.id, name="Acme GmbH"))
    archived = archive_client(ctx, created.id)

    assert (created.row_version, updated.row_version, archived.row_version) == (1, 2, 3)


def test_an_update_based_on_an_older_version_is_refused(ctx: ServiceContext) -> None:
    client_id = create_client(ctx, ClientDraft(name="Acme")).id
    with ctx.db.unit_of_work() as session:
        old_copy = session.get(ClientRow, client_id)
        assert old_copy is not None
        session.expunge(old_copy)  # kept, detached, at version 1
    update_client(ctx, ClientDraft(id=client_id, name="Acme GmbH"))  # version 2

    with pytest.raises(StaleDataError), ctx.db.unit_of_work() as session:
        stale = session.merge(old_copy, load=False)
        stale.name = "Acme AG"
        session.flush()

    with ctx.db.unit_of_work() as session:
        stored = session.get(ClientRow, client_id)
        assert stored is not None
        assert (stored.name, stored.row_version) == ("Acme GmbH", 2)


def test_migration_0006_starts_existing_rows_at_version_1_and_keeps_the_search_triggers(
    db_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{db_path}")

    def migrate(verb: str, revision: str) -> None:
        with engine.begin() as connection:
            getattr(command, verb)(alembic_config(connection), revision)

    def triggers() -> list[str]:
        with engine.connect() as connection:
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            return list(connection.scalars(text(query)))

    migrate("upgrade", "0005")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, name, address, industry, notes, created_at, updated_at) "
                "VALUES ('00000000-0000-4000-8000-000000000001', 'Acme', '', '', '', "
                "'2026-01-05 09:00:00', '2026-01-05 09:00:00')"
            )
        )
    before = triggers()

    migrate("upgrade", "0006")
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT row_version FROM client")) == 1
    assert triggers() == before

    migrate("downgrade", "0005")
    with engine.connect() as connection:
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(client)"))]
    assert "row_version" not in columns
    assert triggers() == before
    engine.dispose()
