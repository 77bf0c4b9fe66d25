"""Interchange with Microsoft Project, calendars and spreadsheets (issue 18).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 10:00:00

SCHEMA_GENERATION 3 (deliverydesk/store/identity.py) covers revisions 0006 and later of this release:
older builds refuse a file written by this one.

Milestones and scope items remember where an import took them from (``external_ref``, e.g. an MS
Project task UID), so importing the same plan again updates them instead of adding copies. Projects
gain extra non-working days (``non_working_day``: an imported plan's calendar exceptions), and
clients the spreadsheet columns last mapped for their scope lists (``import_columns``).
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

EMPTY = sa.text("''")


def upgrade() -> None:
    op.create_table('non_working_day',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('external_ref', sa.String(length=96), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_non_working_day_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_non_working_day')),
    sa.UniqueConstraint('project_id', 'day', name=op.f('uq_non_working_day_project_id_day'))
    )
    # Plain ADD COLUMN (no batch rebuild): a rebuild would drop the tables' search triggers and, with
    # foreign keys on, could not drop ``client`` under its contacts.
    for table in ('milestone', 'scope_item'):
        op.add_column(table, sa.Column('external_ref', sa.String(length=96), nullable=False, server_default=EMPTY))
    op.add_column('client', sa.Column('import_columns', sa.Text(), nullable=False, server_default=EMPTY))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in 0006: a batch rebuild would drop the search triggers.
    op.drop_column('client', 'import_columns')
    for table in ('scope_item', 'milestone'):
        op.drop_column(table, 'external_ref')
    op.drop_table('non_working_day')
