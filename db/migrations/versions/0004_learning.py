"""Learning across projects: category taxonomy, review follow-up actions (issue 7).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0005: older builds
refuse a file written by this one instead of misreading it.

The free-text ``category`` of issues and change requests becomes a link to one shared, bilingual
``category`` table (seeded with a default taxonomy); every distinct old text becomes a category
("中文 / English" is split into its two names). Change requests gain the issue that gave rise to
them, reviews a title, and reviews their follow-up actions (``review_action``).

Rebuilding ``issue`` and ``change_request`` in batch mode drops their triggers (the search index of
0003 keeps itself current with them), so the triggers found before are created again after.
"""
import re
import uuid
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Frozen copy of deliverydesk/domain/taxonomy.py (a test compares them): the default taxonomy has the
# same UUIDs in every database, so bundles carry it across.
_NAMESPACE = uuid.UUID("6f1c1d2e-8b4a-4f0e-9d1b-4c0e7a1d0c47")
DEFAULT_TAXONOMY = (
    ("Data migration", "数据迁移"),
    ("Site network", "现场网络"),
    ("Accounts and permissions", "权限与账号"),
    ("Integration interfaces", "集成接口"),
    ("Training and documentation", "培训与文档"),
    ("Performance", "性能"),
    ("Requirements understanding", "需求理解"),
    ("Hardware and environment", "硬件与环境"),
    ("Reports and dashboards", "报表与看板"),
)
SEEDED_AT = datetime(2026, 1, 1, tzinfo=UTC)  # identical rows in every database, like the ids
_TABLES = ("issue", "change_request")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def default_category_id(name_en: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, name_en.casefold()))


def split_names(text: str) -> tuple[str, str]:
    """(name_en, name_zh) of an old free-text category: "中文 / English" splits, else both = text."""
    text = text.strip()
    left, slash, right = text.partition("/")
    left, right = left.strip(), right.strip()
    if slash and left and right:
        if _CJK.search(left) and not _CJK.search(right):
            return right, left
        if _CJK.search(right) and not _CJK.search(left):
            return left, right
    return text, text


def _triggers(connection: sa.Connection) -> list[str]:
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.execute(
        sa.text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('issue', 'change_request')"
            " AND sql IS NOT NULL ORDER BY name"
        )
    )
    return [row.sql for row in rows]


def _create_tables() -> None:
    op.create_table('category',
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('name_zh', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category'))
    )
    op.create_table('review_action',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('revisit_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_review_action_project_id_project'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_review_action_review_id_review'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_action'))
    )
    with op.batch_alter_table('review_action', schema=None) as batch_op:
        batch_op.create_index('ix_review_action_due', ['done_on', 'revisit_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_action_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_action_review_id'), ['review_id'], unique=False)


def _category_ids(connection: sa.Connection) -> dict[str, str]:
    """Seed the default taxonomy, then one category per distinct old text: old text -> category id."""
    # Bound as text, exactly as sqlite3's default datetime adapter wrote them (deprecated since
    # Python 3.12): naive UTC, ISO 8601 with a space, which the UTCDateTime columns read back.
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    seeded = SEEDED_AT.replace(tzinfo=None).isoformat(" ")
    insert = sa.text(
        "INSERT INTO category (id, name_en, name_zh, description, created_at, updated_at)"
        " VALUES (:id, :en, :zh, '', :now, :now)"
    )
    by_name: dict[str, str] = {}
    for en, zh in DEFAULT_TAXONOMY:
        category_id = default_category_id(en)
        connection.execute(insert, {"id": category_id, "en": en, "zh": zh, "now": seeded})
        by_name[en.casefold()] = by_name[zh.casefold()] = category_id
    texts = connection.execute(
        sa.text(
            "SELECT DISTINCT category FROM issue WHERE trim(category) != ''"
            " UNION SELECT DISTINCT category FROM change_request WHERE trim(category) != ''"
        )
    ).scalars()
    ids = {}
    for text in sorted(texts):
        en, zh = split_names(text.strip())
        category_id = by_name.get(en.casefold()) or by_name.get(zh.casefold())
        if category_id is None:  # derived from the names, as a converted bundle derives it
            category_id = str(uuid.uuid5(_NAMESPACE, f"converted:{en.casefold()}|{zh.casefold()}"))
            connection.execute(insert, {"id": category_id, "en": en, "zh": zh, "now": now})
            by_name[en.casefold()] = by_name[zh.casefold()] = category_id
        ids[text] = category_id
    return ids


def upgrade() -> None:
    connection = op.get_bind()
    triggers = _triggers(connection)
    _create_tables()
    ids = _category_ids(connection)
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('category_id', sa.String(length=36), nullable=True))
            if table == "change_request":
                batch_op.add_column(sa.Column('issue_id', sa.String(length=36), nullable=True))
        update = sa.text(f"UPDATE {table} SET category_id = :id WHERE category = :text")
        for text, category_id in ids.items():
            connection.execute(update, {"id": category_id, "text": text})
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('category')
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_category_id_category'), 'category', ['category_id'], ['id'], ondelete='SET NULL')
            batch_op.create_index(batch_op.f(f'ix_{table}_category_id'), ['category_id'], unique=False)
            if table == "change_request":
                batch_op.create_foreign_key(batch_op.f('fk_change_request_issue_id_issue'), 'issue', ['issue_id'], ['id'], ondelete='SET NULL')
                batch_op.create_index(batch_op.f('ix_change_request_issue_id'), ['issue_id'], unique=False)
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.Text(), nullable=False, server_default=sa.text("''")))
    for sql in triggers:
        connection.execute(sa.text(sql))


def downgrade() -> None:
    connection = op.get_bind()
    triggers = _triggers(connection)
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_column('title')
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('category', sa.Text(), nullable=False, server_default=sa.text("''")))
        connection.execute(
            sa.text(
                f"UPDATE {table} SET category = (SELECT CASE WHEN c.name_zh = c.name_en THEN c.name_en"
                f" ELSE c.name_zh || ' / ' || c.name_en END FROM category c WHERE c.id = {table}.category_id)"
                " WHERE category_id IS NOT NULL"
            )
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_category_id'))
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_category_id_category'), type_='foreignkey')
            batch_op.drop_column('category_id')
            if table == "change_request":
                batch_op.drop_index(batch_op.f('ix_change_request_issue_id'))
                batch_op.drop_constraint(batch_op.f('fk_change_request_issue_id_issue'), type_='foreignkey')
                batch_op.drop_column('issue_id')
    op.drop_table('review_action')
    op.drop_table('category')
    for sql in triggers:
        connection.execute(sa.text(sql))
