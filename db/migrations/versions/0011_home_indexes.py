"""Indexes for Home (Today's report): overdue and at-risk milestones, requests awaiting a decision,
main milestones (deferred B-items), high-severity issues (blocked handovers); the pending-decisions
index also covers the meters' sums of hours.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 11:30:00

Milestones and requests are read in date order and only the first page is needed: SQLite now reads
~50 entries instead of sorting every open one; the other tests stay inside indexes (issue 16: Today's
report took ~0.5 s on 5,000 projects and grew faster than the data). SCHEMA_GENERATION 3 covers it (indexes only; older builds of this release ignore them).
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        batch_op.drop_index('ix_change_request_open')
        batch_op.create_index(
            'ix_change_request_open',
            ['project_id', 'archived_at', 'decision', 'scope_check', 'effort_hours'],
            unique=False,
        )
        batch_op.create_index(
            'ix_change_request_waiting', ['decision', 'archived_at', 'requested_on', 'project_id'], unique=False
        )
    op.create_index(
        'ix_milestone_due',
        'milestone',
        [
            sa.text('coalesce(actual_date, forecast_date, baseline_date)'),
            'archived_at',
            'status',
            'forecast_date',
            'baseline_date',
            'project_id',
        ],
        unique=False,
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index('ix_milestone_main', ['is_main', 'project_id', 'archived_at', 'status'], unique=False)
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.create_index('ix_issue_severity', ['project_id', 'archived_at', 'severity'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.drop_index('ix_issue_severity')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index('ix_milestone_main')
    op.drop_index('ix_milestone_due', table_name='milestone')
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        batch_op.drop_index('ix_change_request_waiting')
        batch_op.drop_index('ix_change_request_open')
        batch_op.create_index('ix_change_request_open', ['project_id', 'archived_at', 'decision'], unique=False)
