"""A window that forgives mistakes (issue 17): voided log entries, entries that record a letter,
the client's country and a contact's language.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 12:00:00

SCHEMA_GENERATION 3 (deliverydesk/store/identity.py) covers revisions 0006 and later of this release.

- ``log_entry.voided_at`` / ``void_reason``: an entry written by mistake is voided (Undo within a few
  minutes), kept and shown as voided, never deleted.
- ``log_entry.letter_id``: the letter an automatic entry records ("Expectation letter v2 sent"); a plain
  column, not a foreign key (letters already point at log entries: a key back would be a cycle).
- ``client.country`` (ISO 3166 alpha-2) and ``contact.language``: where a new project's document
  language and holiday calendar come from.

Plain ADD COLUMN (no batch rebuild), as 0006 and 0007: a rebuild would drop the search triggers.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

EMPTY = sa.text("''")
LANGUAGE = sa.Enum('en', 'zh_CN', name='language', native_enum=False, create_constraint=False, length=32)


def upgrade() -> None:
    op.add_column('log_entry', sa.Column('letter_id', sa.String(length=36), nullable=True))
    op.add_column('log_entry', sa.Column('voided_at', deliverydesk.store.tables.UTCDateTime(), nullable=True))
    op.add_column('log_entry', sa.Column('void_reason', sa.Text(), nullable=False, server_default=EMPTY))
    op.add_column('client', sa.Column('country', sa.String(length=2), nullable=False, server_default=EMPTY))
    op.add_column('contact', sa.Column('language', LANGUAGE, nullable=True))


def downgrade() -> None:
    op.drop_column('contact', 'language')
    op.drop_column('client', 'country')
    op.drop_column('log_entry', 'void_reason')
    op.drop_column('log_entry', 'voided_at')
    op.drop_column('log_entry', 'letter_id')
