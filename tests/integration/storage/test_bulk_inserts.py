"""``store.bulk.insert_rows`` (a pulled page's records, their audit events, known versions) stores
every value exactly as ``connection.execute(insert(table), rows)`` does: dates, UTC datetimes, enums,
booleans, numbers, nulls, and the search index its triggers fill."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text

from deliverydesk.services.context import ServiceContext
from deliverydesk.store.bulk import insert_rows
from deliverydesk.store.bundle_rows import BUNDLED_TABLES, TABLES
from deliverydesk.store.database import make_engine
from deliverydesk.store.migrate import upgrade


def _self_refs(name: str) -> list[str]:
    table = TABLES[name]
    return [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]


def _demo_rows(demo_ctx: ServiceContext) -> dict[str, list[dict[str, Any]]]:
    """Every bundled record of the demo, typed as SQLAlchemy reads it (self links left out)."""
    found = {}
    with demo_ctx.db.engine.connect() as connection:
        for name in BUNDLED_TABLES:
            if name == "category":  # the migrations made the taxonomy already
                continue
            rows = [dict(r) for r in connection.execute(select(TABLES[name])).mappings()]
            found[name] = [{**r, **dict.fromkeys(_self_refs(name))} for r in rows]
    return found


def _stored(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    names = [*BUNDLED_TABLES, "search_doc"]
    return {n: list(connection.execute(text(f"SELECT * FROM {n} ORDER BY 1, 2"))) for n in names}


def _filled(
    path: Path, rows: dict[str, list[dict[str, Any]]], bulk: bool
) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            upgrade(connection)
        with engine.begin() as connection:
            for name in rows:
                if not rows[name]:
                    continue
                if bulk:
                    insert_rows(connection, TABLES[name], rows[name])
                else:
                    connection.execute(insert(TABLES[name]), rows[name])
            return _stored(connection)
    finally:
        engine.dispose()


def test_bulk_inserts_store_what_core_inserts_store(demo_ctx: ServiceContext, tmp_path: Path) -> None:
    rows = _demo_rows(demo_ctx)
    kinds = {name for name, found in rows.items() if found}
    assert {"project", "milestone", "change_request", "log_entry", "contact"} <= kinds
    core, bulk = _filled(tmp_path / "core.db", rows, False), _filled(tmp_path / "bulk.db", rows, True)
    assert core["search_doc"] and core == bulk
