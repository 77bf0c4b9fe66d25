"""Search: FTS5 trigram index over the log, change requests, expectations and issues (issue 6).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0005: older builds
refuse a file written by this one instead of misreading it.

SQLite only (a PostgreSQL server searches its tables with ILIKE; see deliverydesk/store/search.py).
``search_doc`` holds one row per searchable record with the text worth searching in ``body``; its
INTEGER PRIMARY KEY gives the index stable rowids (the source tables are keyed by UUID, and their
implicit rowids may change on VACUUM or a batch rebuild). ``search_fts`` is an external-content
FTS5 index over ``search_doc.body`` with the trigram tokenizer (Chinese has no spaces; trigrams find
any substring of 3+ characters) and ``detail=none`` (rows only, no positions: queries use LIKE,
which checks the text; 29 MB instead of 85 MB over 360,000 records). Triggers keep both in step
with the source tables, so the app, bundle imports, demo data and raw SQL all stay in sync.

Frozen SQL: ``deliverydesk/store/search_tables.py`` holds the current definitions and a test checks
that a migrated file carries exactly those triggers. A later batch migration that rebuilds one of
the four source tables drops its triggers and must create them again with the same SQL.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The text worth searching, per source table ("{r}" is NEW in a trigger, the table in the backfill).
# Free text a dispute turns on; not enums, dates, amounts or the category (issue 7 reworks it).
_BODIES = {
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
# An update re-indexes only when one of these is in its SET clause (not for a decision or a date).
_COLUMNS = {
    "log_entry": "summary, participants, details",
    "change_request": (
        "ref, title, description, requested_by_name, client_benefit, client_cost, risks,"
        " alternatives, recommendation, rationale, approval_note"
    ),
    "expectation": "ref, statement, measure",
    "issue": "ref, title, symptoms, root_cause, resolution",
}


def _source_triggers(table: str) -> list[str]:
    body = _BODIES[table].format(r="new")
    return [
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN"
        " INSERT INTO search_doc (kind, record_id, project_id, archived, body)"
        f" VALUES ('{table}', new.id, new.project_id, new.archived_at IS NOT NULL, {body}); END",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF project_id, archived_at, {_COLUMNS[table]}"
        f" ON {table} BEGIN"
        " UPDATE search_doc SET project_id = new.project_id, archived = new.archived_at IS NOT NULL,"
        f" body = {body} WHERE record_id = old.id AND kind = '{table}'; END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN"
        f" DELETE FROM search_doc WHERE record_id = old.id AND kind = '{table}'; END",
    ]


_INDEX_TRIGGERS = [
    "CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc BEGIN"
    " INSERT INTO search_fts (rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER search_doc_update AFTER UPDATE OF body ON search_doc BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.id, old.body);"
    " INSERT INTO search_fts (rowid, body) VALUES (new.id, new.body); END",
]


def _backfill() -> str:
    """Every existing record, oldest first, so ids follow the order records were written."""
    selects = " UNION ALL ".join(
        f"SELECT '{table}' AS kind, {table}.id AS record_id, {table}.project_id AS project_id,"
        f" {table}.archived_at IS NOT NULL AS archived, {body.format(r=table)} AS body,"
        f" {table}.created_at AS created_at FROM {table}"
        for table, body in _BODIES.items()
    )
    return (
        "INSERT INTO search_doc (kind, record_id, project_id, archived, body)"
        f" SELECT kind, record_id, project_id, archived, body FROM ({selects}) ORDER BY created_at, record_id"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_doc ("
        " id INTEGER PRIMARY KEY,"
        " kind VARCHAR(32) NOT NULL,"
        " record_id VARCHAR(36) NOT NULL,"
        " project_id VARCHAR(36) NOT NULL,"
        " archived BOOLEAN NOT NULL DEFAULT 0,"
        " body TEXT NOT NULL DEFAULT '')"
    )
    op.execute("CREATE INDEX ix_search_doc_record_id ON search_doc (record_id)")
    op.execute("CREATE INDEX ix_search_doc_project_id ON search_doc (project_id)")
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "body, content='search_doc', content_rowid='id', tokenize='trigram', detail='none')"
    )
    op.execute(_backfill())
    op.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    for statement in _INDEX_TRIGGERS:
        op.execute(statement)
    for table in _BODIES:
        for statement in _source_triggers(table):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _BODIES:
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{action}")
    for action in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_doc_{action}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_doc")
