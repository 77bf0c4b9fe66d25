"""Search: FTS5 trigram index over the log, change requests, expectations and issues (issue 6).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0004: older builds
refuse a file written by this one instead of misreading it.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
