"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

If this revision changes the schema, bump SCHEMA_GENERATION in deliverydesk/store/identity.py
(PRAGMA user_version): older builds then refuse the file instead of misreading it.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
