"""Letters: who issued them and on which machine, and translations of the same version.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:00:00

SCHEMA_GENERATION 3 (deliverydesk/store/identity.py) covers this revision, like every revision of
this release (0006 and later).

``issued_by`` and ``issued_host`` say who issued a letter and on which machine (the completion
certificate of a signed letter prints them); letters issued before are left empty (the certificate
falls back on the audit trail's name). A translation is the same reference and version in another
language, pointing at the version it translates (``translation_of_id``): the unique key of a letter
becomes (project, reference, version, language). The key change rebuilds the table (batch mode; the
letter table has no search triggers).
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_by', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('issued_host', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('translation_of_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_letter_translation_of_id_letter'), 'letter', ['translation_of_id'], ['id'],
            ondelete='SET NULL',
        )
        batch_op.drop_constraint('uq_letter_project_id_ref_version', type_='unique')
        batch_op.create_unique_constraint(
            batch_op.f('uq_letter_project_id_ref_version_language'), ['project_id', 'ref', 'version', 'language']
        )


def downgrade() -> None:
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_constraint('uq_letter_project_id_ref_version_language', type_='unique')
        batch_op.create_unique_constraint('uq_letter_project_id_ref_version', ['project_id', 'ref', 'version'])
        batch_op.drop_constraint('fk_letter_translation_of_id_letter', type_='foreignkey')
        batch_op.drop_column('translation_of_id')
        batch_op.drop_column('issued_host')
        batch_op.drop_column('issued_by')
