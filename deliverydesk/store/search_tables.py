"""The search index's tables and triggers as they are now (SQLite; created by migration 0003).

``search_doc`` (one row per searchable record, the text worth searching in ``body``) and
``search_fts`` (an external-content FTS5 trigram index over that body) are not models: the FTS5
virtual table and its shadow tables cannot be, and nothing but SQL reads them. Triggers keep them in
step with the source tables. A batch migration that rebuilds a source table drops its triggers:
``missing_search_triggers`` finds that (``deliverydesk check``), ``create_search_triggers`` repairs
it outside a migration (migrations keep their own frozen copy of this SQL), and a test checks that a
migrated file carries exactly ``SEARCH_TRIGGERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

SEARCH_DOC = "search_doc"
SEARCH_FTS = "search_fts"
# The FTS5 table and its shadow tables (external content: no _content table).
SEARCH_TABLES = frozenset(
    {SEARCH_DOC, SEARCH_FTS, *(f"{SEARCH_FTS}_{s}" for s in ("data", "idx", "docsize", "config"))}
)

# The tables, as migration 0003 creates them. detail=none: the index keeps which rows hold a trigram, not
# where; LIKE checks the text (a third of detail=full's size, no phrase MATCH; benchmarks/README.md).
SEARCH_DDL = {
    SEARCH_DOC: "CREATE TABLE search_doc ("
    " id INTEGER PRIMARY KEY,"
    " kind VARCHAR(32) NOT NULL,"
    " record_id VARCHAR(36) NOT NULL,"
    " project_id VARCHAR(36) NOT NULL,"
    " archived BOOLEAN NOT NULL DEFAULT 0,"
    " body TEXT NOT NULL DEFAULT '')",
    "ix_search_doc_record_id": "CREATE INDEX ix_search_doc_record_id ON search_doc (record_id)",
    "ix_search_doc_project_id": "CREATE INDEX ix_search_doc_project_id ON search_doc (project_id)",
    SEARCH_FTS: "CREATE VIRTUAL TABLE search_fts USING fts5("
    "body, content='search_doc', content_rowid='id', tokenize='trigram', detail='none')",
}

# The text worth searching, per source table ("{r}" is NEW in a trigger).
BODIES = {
    "log_entry": "{r}.summary || char(10) || {r}.participants || char(10) || {r}.details",
    "change_request": (
        "{r}.ref || ' ' || {r}.title || char(10) || {r}.description || char(10) || {r}.requested_by_name"
        " || char(10) || {r}.client_benefit || char(10) || {r}.client_cost || char(10) || {r}.risks"
        " || char(10) || {r}.alternatives || char(10) || {r}.recommendation || char(10) || {r}.rationale"
        " || char(10) || {r}.approval_note"
    ),
    "expectation": "{r}.ref || ' ' || {r}.statement || char(10) || {r}.measure",
    "issue": (
        "{r}.ref || ' ' || {r}.title || char(10) || {r}.symptoms || char(10) || {r}.root_cause"
        " || char(10) || {r}.resolution"
    ),
}
_COLUMNS = {
    "log_entry": "summary, participants, details",
    "change_request": (
        "ref, title, description, requested_by_name, client_benefit, client_cost, risks,"
        " alternatives, recommendation, rationale, approval_note"
    ),
    "expectation": "ref, statement, measure",
    "issue": "ref, title, symptoms, root_cause, resolution",
}


def _source_triggers(table: str) -> dict[str, str]:
    body = BODIES[table].format(r="new")
    return {
        f"search_{table}_insert": f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN"
        " INSERT INTO search_doc (kind, record_id, project_id, archived, body)"
        f" VALUES ('{table}', new.id, new.project_id, new.archived_at IS NOT NULL, {body}); END",
        f"search_{table}_update": f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF project_id,"
        f" archived_at, {_COLUMNS[table]} ON {table} BEGIN"
        " UPDATE search_doc SET project_id = new.project_id, archived = new.archived_at IS NOT NULL,"
        f" body = {body} WHERE record_id = old.id AND kind = '{table}'; END",
        f"search_{table}_delete": f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN"
        f" DELETE FROM search_doc WHERE record_id = old.id AND kind = '{table}'; END",
    }


_INDEX_TRIGGERS = {
    "search_doc_insert": "CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc BEGIN"
    " INSERT INTO search_fts (rowid, body) VALUES (new.id, new.body); END",
    "search_doc_delete": "CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "search_doc_update": "CREATE TRIGGER search_doc_update AFTER UPDATE OF body ON search_doc BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.id, old.body);"
    " INSERT INTO search_fts (rowid, body) VALUES (new.id, new.body); END",
}

# name -> CREATE TRIGGER statement, for every trigger the index depends on
SEARCH_TRIGGERS: dict[str, str] = {
    **_INDEX_TRIGGERS,
    **{name: sql for table in BODIES for name, sql in _source_triggers(table).items()},
}

Execute = Callable[[str], Any]  # sqlite3.Connection.execute or SQLAlchemy's exec_driver_sql


def _names(rows: Iterable[Any]) -> set[str]:
    return {str(row[0]) for row in rows}


def has_search_index(execute: Execute) -> bool:
    """Whether the file has the search tables (SQLite files migrated to 0003 or later)."""
    query = f"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{SEARCH_DOC}'"
    return bool(_names(execute(query).fetchall()))


def missing_search_triggers(execute: Execute) -> list[str]:
    """The names of the index's triggers this file lacks (empty when complete, or no index at all:
    a file not yet upgraded to 0003)."""
    if not has_search_index(execute):
        return []
    present = _names(execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall())
    return sorted(set(SEARCH_TRIGGERS) - present)


def search_index_line(execute: Execute) -> tuple[bool, str]:
    """The ``deliverydesk check`` line: (healthy, text). Missing triggers mean the index goes stale."""
    missing = missing_search_triggers(execute)
    if missing:
        return (
            False,
            f"search index: {len(missing)} trigger(s) MISSING ({', '.join(missing)}): searches miss changes",
        )
    return True, "search index: ok" if has_search_index(
        execute
    ) else "search index: none yet (created on upgrade)"


def create_search_triggers(execute: Execute) -> list[str]:
    """Create the missing triggers and rebuild the index (rows changed meanwhile were missed).

    Returns the names that were missing. Never call this from a migration: those keep frozen SQL."""
    missing = missing_search_triggers(execute)
    if missing:
        for name in _INDEX_TRIGGERS:  # rebuilt without them: no per-row FTS work on a stale index
            execute(f"DROP TRIGGER IF EXISTS {name}")
        _rebuild_documents(execute)
        for name in sorted(set(missing) | set(_INDEX_TRIGGERS)):
            execute(SEARCH_TRIGGERS[name])
    return missing


def build_search_index(execute: Execute) -> None:
    """Create the index in a file that has none (benchmarks, repairs): tables, backfill, triggers."""
    if not has_search_index(execute):
        for statement in SEARCH_DDL.values():
            execute(statement)
        create_search_triggers(execute)


def drop_search_index(execute: Execute) -> None:
    """Remove the index, its tables and triggers (what downgrading 0003 does)."""
    for name in SEARCH_TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")
    execute(f"DROP TABLE IF EXISTS {SEARCH_FTS}")
    execute(f"DROP TABLE IF EXISTS {SEARCH_DOC}")


def _rebuild_documents(execute: Execute) -> None:
    """search_doc from the source tables (ids renumbered, oldest first), then the FTS index."""
    execute(f"DELETE FROM {SEARCH_DOC}")
    selects = " UNION ALL ".join(
        f"SELECT '{table}' AS kind, {table}.id AS record_id, {table}.project_id AS project_id,"
        f" {table}.archived_at IS NOT NULL AS archived, {body.format(r=table)} AS body,"
        f" {table}.created_at AS created_at FROM {table}"
        for table, body in BODIES.items()
    )
    execute(
        "INSERT INTO search_doc (kind, record_id, project_id, archived, body)"
        f" SELECT kind, record_id, project_id, archived, body FROM ({selects}) ORDER BY created_at, record_id"
    )
    execute(f"INSERT INTO {SEARCH_FTS} ({SEARCH_FTS}) VALUES ('rebuild')")
