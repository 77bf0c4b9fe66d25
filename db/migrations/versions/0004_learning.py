"""Learning across projects: category taxonomy, review follow-up actions (issue 7).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0004: older builds
refuse a file written by this one instead of misreading it.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
