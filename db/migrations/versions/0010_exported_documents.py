"""Exported documents: a kept copy of every exported evidence pack and review report.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:30:00

``deliverydesk verify`` checks a PDF against the stored copy; evidence packs and review reports are not
issued letters, so until now nothing of them was kept and a copy could not be checked.
SCHEMA_GENERATION 3 covers it (a new table older builds of this release never read).
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'exported_document',
        sa.Column('project_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
        sa.Column('exported_at', sa.DateTime(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('archived_at', sa.DateTime(), nullable=True),
        sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['pdf_sha256'], ['blob.sha256'], name=op.f('fk_exported_document_pdf_sha256_blob'), ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_exported_document_project_id_project'), ondelete='RESTRICT'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_exported_document')),
    )
    with op.batch_alter_table('exported_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exported_document_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_exported_document_pdf_sha256'), ['pdf_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_exported_document_project_id'), ['project_id'], unique=False)


def downgrade() -> None:
    op.drop_table('exported_document')
