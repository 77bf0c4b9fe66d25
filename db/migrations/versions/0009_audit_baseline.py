"""Audit baseline: the trail covers every record as it is now, so ``check`` can compare them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 10:00:00

Records written before the trail began (revision 0002), categories seeded by revision 0004 and columns
filled in by later revisions were never recorded as events. This revision records them once, as events
of the actor "DeliveryDesk upgrade (baseline)": afterwards every difference between a record and the
trail's newest state of it is an edit made outside DeliveryDesk, and ``deliverydesk check`` says so.
A later revision that changes data must record its changes the same way (``baseline``).
SCHEMA_GENERATION 3 covers it (no schema change). Downgrade leaves the events (the chain cannot drop them without breaking).
"""
from datetime import UTC, datetime

from alembic import op

from deliverydesk.store.audit_state import baseline

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    baseline(op.get_bind(), datetime.now(UTC))


def downgrade() -> None:
    pass
