"""Row versions: every record carries a row version counter (``row_version``), incremented on each write.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 09:00:00

SCHEMA_GENERATION 3 (deliverydesk/store/identity.py) starts here: older builds refuse a file written
by this one instead of writing rows without bumping their row version.

Bundles and the team server's sync compare row versions to tell a newer row from an older one (an older
row is a conflict, never a silent revert). Existing rows start at 1. (A letter's ``version`` column is its document version, v1, v2, ...) ``ADD COLUMN`` with a constant
default needs no table rebuild in SQLite, so the search-index triggers stay in place.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Frozen list of the tables that had RecordMixin at this revision (a test compares with the models).
VERSIONED_TABLES = (
    "settings", "client", "contact", "project", "scope_item", "exclusion", "milestone",
    "milestone_change", "expectation", "change_request", "letter", "log_entry", "commitment",
    "issue", "category", "review", "review_action", "handover_item", "attachment",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), not batch mode: a table rebuild would drop the search triggers.
    for table in reversed(VERSIONED_TABLES):
        op.drop_column(table, "row_version")
