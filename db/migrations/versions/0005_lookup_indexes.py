"""Lookup indexes: a record's attachments, and issues by report date (similar issues, recurrence).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 02:45:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0005, released together.
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

ATTACHMENT_LINKS = ("log_entry_id", "letter_id", "change_request_id")


def upgrade() -> None:
    for column in ATTACHMENT_LINKS:
        op.create_index(f"ix_attachment_{column}", "attachment", [column])
    op.create_index("ix_issue_reported_on", "issue", ["reported_on", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_issue_reported_on", table_name="issue")
    for column in reversed(ATTACHMENT_LINKS):
        op.drop_index(f"ix_attachment_{column}", table_name="attachment")
