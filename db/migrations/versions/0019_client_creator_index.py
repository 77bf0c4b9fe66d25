"""Team server: an index for the clients a user made, which every push and pull page asks for.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 00:30:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.

Why: ``store.sync_server.access_of`` reads the clients a user created (``server_record`` rows with
``entity = 'client'`` and ``created_by`` = the user) for each push and each pull page. The primary key
``(entity, record_id)`` found every client's row and the user was filtered from them: with the team's
800 clients, ~0.7 ms of PostgreSQL's time per call (EXPLAIN ANALYZE, session 14). A partial index on
``created_by`` over the clients' rows alone finds the few a user made. Both dialects get it (a laptop's
file has the server's tables too, empty).
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

CLIENTS_ONLY = sa.text("entity = 'client'")


def upgrade() -> None:
    with op.batch_alter_table('server_record', schema=None) as batch_op:
        batch_op.create_index(
            'ix_server_record_client_creator',
            ['created_by'],
            unique=False,
            postgresql_where=CLIENTS_ONLY,
            sqlite_where=CLIENTS_ONLY,
        )


def downgrade() -> None:
    with op.batch_alter_table('server_record', schema=None) as batch_op:
        batch_op.drop_index('ix_server_record_client_creator')
