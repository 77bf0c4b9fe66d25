"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 23:29:01

If this revision changes the schema, bump SCHEMA_GENERATION in deliverydesk/store/identity.py
(PRAGMA user_version): older builds then refuse the file instead of misreading it.
"""
from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blob'))
    )
    op.create_table('client',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('industry', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client'))
    )
    op.create_table('settings',
    sa.Column('company_name', sa.Text(), nullable=False),
    sa.Column('company_address', sa.Text(), nullable=False),
    sa.Column('logo_png', sa.LargeBinary(), nullable=True),
    sa.Column('engineer_name', sa.Text(), nullable=False),
    sa.Column('engineer_title', sa.Text(), nullable=False),
    sa.Column('authority_hours_per_change', sa.Float(), nullable=False),
    sa.Column('authority_cost_cents_per_change', sa.Integer(), nullable=False),
    sa.Column('goodwill_hours_per_project', sa.Float(), nullable=False),
    sa.Column('default_language', sa.Enum('en', 'zh_CN', name='language', native_enum=False, length=32), nullable=False),
    sa.Column('paper_size', sa.Enum('A4', 'Letter', name='papersize', native_enum=False, length=32), nullable=False),
    sa.Column('holiday_calendar', sa.String(length=16), nullable=False),
    sa.Column('ui_language', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings'))
    )
    op.create_table('contact',
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('phone', sa.Text(), nullable=False),
    sa.Column('email', sa.Text(), nullable=False),
    sa.Column('role', sa.Enum('decision_maker', 'coordinator', 'end_user', 'other', name='contactrole', native_enum=False, length=32), nullable=False),
    sa.Column('can_sign', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_contact_client_id_client'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_client_id'), ['client_id'], unique=False)

    op.create_table('project',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('contract_ref', sa.Text(), nullable=False),
    sa.Column('contract_value_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('planning', 'active', 'on_hold', 'handed_over', 'closed', name='projectstatus', native_enum=False, length=32), nullable=False),
    sa.Column('delivery_lead', sa.Text(), nullable=False),
    sa.Column('sales_owner', sa.Text(), nullable=False),
    sa.Column('contracted_effort_hours', sa.Float(), nullable=False),
    sa.Column('goodwill_budget_hours', sa.Float(), nullable=False),
    sa.Column('language', sa.Enum('en', 'zh_CN', name='language', native_enum=False, length=32), nullable=False),
    sa.Column('summary_rrule', sa.Text(), nullable=False),
    sa.Column('holiday_calendar', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_project_client_id_client'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('code', name=op.f('uq_project_code'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_client_id'), ['client_id'], unique=False)

    op.create_table('exclusion',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_exclusion_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exclusion')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_exclusion_project_id_ref'))
    )
    with op.batch_alter_table('exclusion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exclusion_project_id'), ['project_id'], unique=False)

    op.create_table('expectation',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('agreed_with_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.Enum('draft', 'confirmed', 'met', 'missed', 'withdrawn', name='expectationstatus', native_enum=False, length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agreed_with_id'], ['contact.id'], name=op.f('fk_expectation_agreed_with_id_contact'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_expectation_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expectation')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_expectation_project_id_ref'))
    )
    with op.batch_alter_table('expectation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expectation_project_id'), ['project_id'], unique=False)

    op.create_table('handover_item',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.Enum('document', 'training', 'risk', 'open_item', name='handoverkind', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('item_date', sa.Date(), nullable=True),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.Column('material_left', sa.Boolean(), nullable=False),
    sa.Column('recommendation', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_handover_item_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_item'))
    )
    with op.batch_alter_table('handover_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_item_project_id'), ['project_id'], unique=False)

    op.create_table('issue',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('severity', sa.Enum('low', 'medium', 'high', 'critical', name='severity', native_enum=False, length=32), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('symptoms', sa.Text(), nullable=False),
    sa.Column('root_cause', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_issue_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_issue_project_id_ref'))
    )
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_project_id'), ['project_id'], unique=False)

    op.create_table('milestone',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('baseline_date', sa.Date(), nullable=False),
    sa.Column('forecast_date', sa.Date(), nullable=True),
    sa.Column('actual_date', sa.Date(), nullable=True),
    sa.Column('owner_side', sa.Enum('vendor', 'client', name='ownerside', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'waiting_on_client', 'done', 'accepted', name='milestonestatus', native_enum=False, length=32), nullable=False),
    sa.Column('is_main', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_milestone_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_milestone_project_id_ref'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index('ix_milestone_open', ['project_id', 'archived_at', 'status', 'actual_date', 'forecast_date', 'baseline_date'], unique=False)

    op.create_table('scope_item',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('acceptance_criteria', sa.Text(), nullable=False),
    sa.Column('effort_hours', sa.Float(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'delivered', 'accepted', name='scopestatus', native_enum=False, length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_scope_item_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scope_item')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_scope_item_project_id_ref'))
    )
    with op.batch_alter_table('scope_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scope_item_project_id'), ['project_id'], unique=False)

    op.create_table('change_request',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('ref', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.Text(), nullable=False),
    sa.Column('requested_by_id', sa.String(length=36), nullable=True),
    sa.Column('requested_by_name', sa.Text(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('meeting', 'call', 'email', 'message', 'site_visit', 'other', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('triage', sa.Enum('untriaged', 'A', 'B', 'C', name='triage', native_enum=False, length=32), nullable=False),
    sa.Column('scope_check', sa.Enum('unchecked', 'in_scope', 'excluded', 'out_of_scope', name='scopecheck', native_enum=False, length=32), nullable=False),
    sa.Column('scope_item_id', sa.String(length=36), nullable=True),
    sa.Column('exclusion_id', sa.String(length=36), nullable=True),
    sa.Column('effort_hours', sa.Float(), nullable=False),
    sa.Column('cost_cents', sa.Integer(), nullable=False),
    sa.Column('schedule_days', sa.Integer(), nullable=False),
    sa.Column('risk', sa.Enum('low', 'medium', 'high', name='risklevel', native_enum=False, length=32), nullable=False),
    sa.Column('client_benefit', sa.Text(), nullable=False),
    sa.Column('client_cost', sa.Text(), nullable=False),
    sa.Column('risks', sa.Text(), nullable=False),
    sa.Column('alternatives', sa.Text(), nullable=False),
    sa.Column('recommendation', sa.Text(), nullable=False),
    sa.Column('decision', sa.Enum('pending', 'pending_approval', 'approved_billable', 'approved_goodwill', 'deferred', 'declined', 'withdrawn', name='decision', native_enum=False, length=32), nullable=False),
    sa.Column('proposed_decision', sa.Enum('pending', 'pending_approval', 'approved_billable', 'approved_goodwill', 'deferred', 'declined', 'withdrawn', name='decision', native_enum=False, length=32), nullable=True),
    sa.Column('decided_by', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('escalation_needed', sa.Boolean(), nullable=False),
    sa.Column('approved_by', sa.Text(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('approval_note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['exclusion_id'], ['exclusion.id'], name=op.f('fk_change_request_exclusion_id_exclusion'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_change_request_project_id_project'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['contact.id'], name=op.f('fk_change_request_requested_by_id_contact'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scope_item_id'], ['scope_item.id'], name=op.f('fk_change_request_scope_item_id_scope_item'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_request')),
    sa.UniqueConstraint('project_id', 'ref', name=op.f('uq_change_request_project_id_ref'))
    )
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        batch_op.create_index('ix_change_request_open', ['project_id', 'archived_at', 'decision'], unique=False)

    op.create_table('review',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('issue_id', sa.String(length=36), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('client_short', sa.Text(), nullable=False),
    sa.Column('client_mid', sa.Text(), nullable=False),
    sa.Column('client_long', sa.Text(), nullable=False),
    sa.Column('company_short', sa.Text(), nullable=False),
    sa.Column('company_mid', sa.Text(), nullable=False),
    sa.Column('company_long', sa.Text(), nullable=False),
    sa.Column('lessons', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['issue_id'], ['issue.id'], name=op.f('fk_review_issue_id_issue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_review_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_project_id'), ['project_id'], unique=False)

    op.create_table('log_entry',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('kind', sa.Enum('meeting', 'call', 'email', 'site_visit', 'message', 'decision', 'commitment', name='logkind', native_enum=False, length=32), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('change_request_id', sa.String(length=36), nullable=True),
    sa.Column('expectation_id', sa.String(length=36), nullable=True),
    sa.Column('milestone_id', sa.String(length=36), nullable=True),
    sa.Column('issue_id', sa.String(length=36), nullable=True),
    sa.Column('correction_of_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['change_request_id'], ['change_request.id'], name=op.f('fk_log_entry_change_request_id_change_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['correction_of_id'], ['log_entry.id'], name=op.f('fk_log_entry_correction_of_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['expectation_id'], ['expectation.id'], name=op.f('fk_log_entry_expectation_id_expectation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['issue_id'], ['issue.id'], name=op.f('fk_log_entry_issue_id_issue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestone.id'], name=op.f('fk_log_entry_milestone_id_milestone'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_log_entry_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_log_entry'))
    )
    with op.batch_alter_table('log_entry', schema=None) as batch_op:
        batch_op.create_index('ix_log_entry_change_request_id', ['change_request_id'], unique=False)
        batch_op.create_index('ix_log_entry_correction_of_id', ['correction_of_id'], unique=False)
        batch_op.create_index('ix_log_entry_project_occurred', ['project_id', 'archived_at', 'occurred_at', 'created_at', 'id'], unique=False)

    op.create_table('milestone_change',
    sa.Column('milestone_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=16), nullable=False),
    sa.Column('old_date', sa.Date(), nullable=True),
    sa.Column('new_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('change_request_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['change_request_id'], ['change_request.id'], name=op.f('fk_milestone_change_change_request_id_change_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['milestone_id'], ['milestone.id'], name=op.f('fk_milestone_change_milestone_id_milestone'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone_change'))
    )
    with op.batch_alter_table('milestone_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_change_milestone_id'), ['milestone_id'], unique=False)

    op.create_table('letter',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.Enum('expectation_confirmation', 'change_decision', 'progress_summary', 'handover', name='letterkind', native_enum=False, length=32), nullable=False),
    sa.Column('ref', sa.String(length=48), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('language', sa.Enum('en', 'zh_CN', name='language', native_enum=False, length=32), nullable=False),
    sa.Column('change_request_id', sa.String(length=36), nullable=True),
    sa.Column('content_json', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Enum('draft', 'issued', 'signed', 'superseded', name='letterstatus', native_enum=False, length=32), nullable=False),
    sa.Column('issued_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('signer_name', sa.Text(), nullable=False),
    sa.Column('signer_title', sa.Text(), nullable=False),
    sa.Column('signed_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('sign_place', sa.Text(), nullable=False),
    sa.Column('sign_method', sa.Enum('on_screen', 'on_paper', 'by_email', 'refused', name='signmethod', native_enum=False, length=32), nullable=True),
    sa.Column('sign_note', sa.Text(), nullable=False),
    sa.Column('sign_log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('signature_png', sa.LargeBinary(), nullable=True),
    sa.Column('signed_pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['change_request_id'], ['change_request.id'], name=op.f('fk_letter_change_request_id_change_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_letter_project_id_project'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sign_log_entry_id'], ['log_entry.id'], name=op.f('fk_letter_sign_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter')),
    sa.UniqueConstraint('project_id', 'ref', 'version', name=op.f('uq_letter_project_id_ref_version'))
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_pdf_sha256'), ['pdf_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letter_signed_pdf_sha256'), ['signed_pdf_sha256'], unique=False)

    op.create_table('attachment',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('media_type', sa.String(length=127), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('letter_id', sa.String(length=36), nullable=True),
    sa.Column('change_request_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['change_request_id'], ['change_request.id'], name=op.f('fk_attachment_change_request_id_change_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_attachment_letter_id_letter'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], name=op.f('fk_attachment_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_attachment_project_id_project'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sha256'], ['blob.sha256'], name=op.f('fk_attachment_sha256_blob'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('commitment',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('owner_side', sa.Enum('vendor', 'client', name='ownerside', native_enum=False, length=32), nullable=False),
    sa.Column('owner_name', sa.Text(), nullable=False),
    sa.Column('owed_to', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('confirm_in_writing', sa.Boolean(), nullable=False),
    sa.Column('confirmation_log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('confirmation_letter_id', sa.String(length=36), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_note', sa.Text(), nullable=False),
    sa.Column('closed_log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['closed_log_entry_id'], ['log_entry.id'], name=op.f('fk_commitment_closed_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['confirmation_letter_id'], ['letter.id'], name=op.f('fk_commitment_confirmation_letter_id_letter'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['confirmation_log_entry_id'], ['log_entry.id'], name=op.f('fk_commitment_confirmation_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], name=op.f('fk_commitment_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_commitment_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commitment'))
    )
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.create_index('ix_commitment_log_entry_id', ['log_entry_id'], unique=False)
        batch_op.create_index('ix_commitment_open_due', ['closed_on', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_commitment_project_id'), ['project_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commitment_project_id'))
        batch_op.drop_index('ix_commitment_open_due')
        batch_op.drop_index('ix_commitment_log_entry_id')

    op.drop_table('commitment')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_project_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_signed_pdf_sha256'))
        batch_op.drop_index(batch_op.f('ix_letter_project_id'))
        batch_op.drop_index(batch_op.f('ix_letter_pdf_sha256'))

    op.drop_table('letter')
    with op.batch_alter_table('milestone_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_change_milestone_id'))

    op.drop_table('milestone_change')
    with op.batch_alter_table('log_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_log_entry_project_occurred')
        batch_op.drop_index('ix_log_entry_correction_of_id')
        batch_op.drop_index('ix_log_entry_change_request_id')

    op.drop_table('log_entry')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_project_id'))

    op.drop_table('review')
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        batch_op.drop_index('ix_change_request_open')

    op.drop_table('change_request')
    with op.batch_alter_table('scope_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scope_item_project_id'))

    op.drop_table('scope_item')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index('ix_milestone_open')

    op.drop_table('milestone')
    with op.batch_alter_table('issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_project_id'))

    op.drop_table('issue')
    with op.batch_alter_table('handover_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_item_project_id'))

    op.drop_table('handover_item')
    with op.batch_alter_table('expectation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expectation_project_id'))

    op.drop_table('expectation')
    with op.batch_alter_table('exclusion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exclusion_project_id'))

    op.drop_table('exclusion')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_client_id'))

    op.drop_table('project')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_client_id'))

    op.drop_table('contact')
    op.drop_table('settings')
    op.drop_table('client')
    op.drop_table('blob')
