"""Authority limits: the currency of the cost limit.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 10:00:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.

A cost limit was a bare number, compared with a change's cost in whatever currency its project is in:
a EUR 490.00 change passed a limit of 500.00 meant as CNY. ``cost_currency`` says what the limit is in
(a person of a laptop's roster, a user of the team server); a cost in another currency is held for a
manager (no exchange rate is assumed). Existing limits become CNY, the currency every new project
started in and the demo's: what they were judged as, for CNY projects, all along.
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

TABLES = ('person', 'server_user')


def upgrade() -> None:
    # A plain ADD COLUMN, not batch mode: batch would copy the person table on SQLite (for a default
    # given as SQL), dropping the roster triggers of 0016 and cascading to the rows that name a person.
    for table in TABLES:
        op.add_column(
            table, sa.Column('cost_currency', sa.String(length=3), nullable=False, server_default='CNY')
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, 'cost_currency')  # SQLite 3.35+ drops a column in place
