"""Audit trail: every change to every record, hash-chained (issue 6).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:00:00

SCHEMA_GENERATION 2 (deliverydesk/store/identity.py) covers revisions 0002-0005: older builds
refuse a file written by this one instead of misreading it.

Existing records get no back-filled history: the trail starts with the first change after this
upgrade. The anchor row (audit_head, id 1) starts empty: sequence 0 and the genesis hash.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64  # deliverydesk.domain.audit.GENESIS_HASH, written out: revisions stay frozen


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('occurred_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_event'))
    )
    op.create_index('ix_audit_event_record', 'audit_event', ['record_id', 'seq'], unique=False)
    head = op.create_table('audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.bulk_insert(head, [{"id": 1, "last_seq": 0, "last_hash": GENESIS_HASH}])


def downgrade() -> None:
    op.drop_table('audit_head')
    op.drop_index('ix_audit_event_record', table_name='audit_event')
    op.drop_table('audit_event')
