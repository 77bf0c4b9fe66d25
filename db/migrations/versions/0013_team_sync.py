"""Team server: the server's users, grants, device tokens, chain of groups and change positions, and the
laptop's sync bookkeeping (outbox of groups, known versions, cursors, conflicts, notices).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 09:00:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.
One history for both sides: every database gets both sets of tables, and each side uses its own
(docs/sync.md). The server's head row (id 1) starts at position 0 with the genesis hash.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64  # deliverydesk.domain.audit.GENESIS_HASH, written out: revisions stay frozen


def upgrade() -> None:
    op.create_table('server_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('scope', sa.String(length=48), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('theirs_version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('resolved_by_group', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_conflict'))
    )
    op.create_index(op.f('ix_server_conflict_group_id'), 'server_conflict', ['group_id'], unique=False)
    op.create_table('server_group',
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('adopt', sa.Boolean(), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('event_hashes', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_server_group')),
    sa.UniqueConstraint('group_id', name=op.f('uq_server_group_group_id'))
    )
    head = op.create_table('server_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_position', sa.BigInteger(), nullable=False),
    sa.Column('last_group_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_group_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_head'))
    )
    op.create_table('server_letter_reservation',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=48), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('reserved_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('project_id', 'ref', 'version', name=op.f('pk_server_letter_reservation'))
    )
    op.create_table('server_record',
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('scope', sa.String(length=48), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_group', sa.BigInteger(), nullable=True),
    sa.Column('created_by', sa.String(length=36), nullable=True),
    sa.Column('field_versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'record_id', name=op.f('pk_server_record'))
    )
    op.create_index('ix_server_record_scope_position', 'server_record', ['scope', 'position'], unique=False)
    op.create_table('server_user',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('hours_per_change', sa.Float(), nullable=False),
    sa.Column('cost_cents_per_change', sa.BigInteger(), nullable=False),
    sa.Column('goodwill_hours_per_project', sa.Float(), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('disabled_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_user')),
    sa.UniqueConstraint('name', name=op.f('uq_server_user_name'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('theirs_version', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index(op.f('ix_sync_conflict_group_id'), 'sync_conflict', ['group_id'], unique=False)
    op.create_table('sync_cursor',
    sa.Column('scope', sa.String(length=48), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_sync_cursor'))
    )
    op.create_table('sync_known',
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'record_id', name=op.f('pk_sync_known'))
    )
    op.create_table('sync_notice',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('shown', sa.Boolean(), nullable=False),
    sa.Column('dismissed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_notice'))
    )
    op.create_table('sync_outbox',
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('ord', sa.BigInteger(), nullable=False),
    sa.Column('made_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('event_hashes', sa.Text(), nullable=False),
    sa.Column('resolves', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('adopt', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('group_id', name=op.f('pk_sync_outbox')),
    sa.UniqueConstraint('ord', name=op.f('uq_sync_outbox_ord'))
    )
    op.create_index('ix_sync_outbox_status_ord', 'sync_outbox', ['status', 'ord'], unique=False)
    op.create_table('sync_reservation',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=48), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('reserved_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('project_id', 'ref', 'version', name=op.f('pk_sync_reservation'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('server_url', sa.Text(), nullable=False),
    sa.Column('user_name', sa.Text(), nullable=False),
    sa.Column('display_name', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('device_name', sa.Text(), nullable=False),
    sa.Column('replica_id', sa.String(length=36), nullable=False),
    sa.Column('configured_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('last_sync_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('last_attempt_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('server_device',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('last_seen_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['server_user.id'], name=op.f('fk_server_device_user_id_server_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_device')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_server_device_token_sha256'))
    )
    op.create_index(op.f('ix_server_device_user_id'), 'server_device', ['user_id'], unique=False)
    op.create_table('server_grant',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('granted_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['server_user.id'], name=op.f('fk_server_grant_user_id_server_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_grant')),
    sa.UniqueConstraint('user_id', 'project_id', name=op.f('uq_server_grant_user_id_project_id'))
    )
    op.create_index(op.f('ix_server_grant_project_id'), 'server_grant', ['project_id'], unique=False)
    op.create_table('sync_outbox_change',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['sync_outbox.group_id'], name=op.f('fk_sync_outbox_change_group_id_sync_outbox'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_outbox_change'))
    )
    op.create_index(op.f('ix_sync_outbox_change_group_id'), 'sync_outbox_change', ['group_id'], unique=False)
    op.create_index('ix_sync_outbox_change_record', 'sync_outbox_change', ['entity', 'record_id'], unique=False)
    op.bulk_insert(head, [{"id": 1, "last_position": 0, "last_group_seq": 0, "last_group_hash": GENESIS_HASH}])


def downgrade() -> None:
    op.drop_index('ix_sync_outbox_change_record', table_name='sync_outbox_change')
    op.drop_index(op.f('ix_sync_outbox_change_group_id'), table_name='sync_outbox_change')
    op.drop_table('sync_outbox_change')
    op.drop_index(op.f('ix_server_grant_project_id'), table_name='server_grant')
    op.drop_table('server_grant')
    op.drop_index(op.f('ix_server_device_user_id'), table_name='server_device')
    op.drop_table('server_device')
    op.drop_table('sync_state')
    op.drop_table('sync_reservation')
    op.drop_index('ix_sync_outbox_status_ord', table_name='sync_outbox')
    op.drop_table('sync_outbox')
    op.drop_table('sync_notice')
    op.drop_table('sync_known')
    op.drop_table('sync_cursor')
    op.drop_index(op.f('ix_sync_conflict_group_id'), table_name='sync_conflict')
    op.drop_table('sync_conflict')
    op.drop_table('server_user')
    op.drop_index('ix_server_record_scope_position', table_name='server_record')
    op.drop_table('server_record')
    op.drop_table('server_letter_reservation')
    op.drop_table('server_head')
    op.drop_table('server_group')
    op.drop_index(op.f('ix_server_conflict_group_id'), table_name='server_conflict')
    op.drop_table('server_conflict')
