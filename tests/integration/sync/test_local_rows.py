"""A pulled page's local rows (``store.sync_local.local_rows``), read on SQLite through the driver with
each column's result processor: the canonical form must be what SQLAlchemy's typed rows give, for
every bundled table and every kind of column (text, numbers, dates, UTC timestamps, enums, booleans,
bytes, cleared values)."""

from __future__ import annotations

from sqlalchemy import select

from deliverydesk.services.context import ServiceContext
from deliverydesk.store.bundle_rows import TABLES, encode_row
from deliverydesk.store.sync_capture import specs
from deliverydesk.store.sync_local import local_rows


def test_local_rows_through_the_driver_are_sqlalchemys_rows_canonical(
    demo_ctx: ServiceContext,
) -> None:
    compared: dict[str, int] = {}
    with demo_ctx.db.engine.connect() as connection:
        for entity in specs():
            table = TABLES[entity]
            expected = {
                row["id"]: encode_row(specs()[entity], row)
                for row in connection.execute(select(table)).mappings()
            }
            found = local_rows(connection, entity, [*expected, "no-such-id"])
            assert found == expected, entity
            compared[entity] = len(found)
    kinds = {c.kind for entity, n in compared.items() if n for c in specs()[entity].columns}
    assert {"string", "number", "date", "datetime", "enum", "boolean", "integer"} <= kinds
    assert sum(compared.values()) > 100
