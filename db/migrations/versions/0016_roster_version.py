"""Team server: the roster's version, so a laptop asks for the roster only when it changed.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 09:30:00

Covered by SCHEMA_GENERATION 3 (deliverydesk/store/identity.py), like every revision of this release.

Every sync ends with ``GET /v1/roster``; the roster (the server's users: names, roles, authority
limits) rarely changes. ``server_roster`` (one row, id 1) holds a counter that every change of a user
bumps in its own transaction, and a random tag made once per server database, so the validator the
server sends as the roster's ETag (``"<tag>.<version>"``) is read with one primary-key SELECT instead
of building the roster, and a fresh server at the same address never repeats an old validator. The
laptop keeps the validator it mirrored (``sync_state.roster_etag``) and sends it as If-None-Match; an
unchanged roster is answered 304 with no body (docs/sync.md).

On a laptop (SQLite), triggers forget the kept validator whenever the People or "you" change here by
any road — the settings dialog, a script, a file edited by hand — so the next sync mirrors the
server's roster over the change, as every sync did before the roster had a validator (a synced
laptop cannot keep limits of its own). The sync's own mirroring fires them too, then writes the new
validator in the same transaction. A later batch rebuild of ``person`` or ``settings`` must make them
again (SQLite drops a table's triggers with it).
"""
import uuid

from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


_FORGET = "BEGIN UPDATE sync_state SET roster_etag = ''; END"
TRIGGERS = {
    "roster_forgotten_person_insert": f"AFTER INSERT ON person {_FORGET}",
    "roster_forgotten_person_update": f"AFTER UPDATE ON person {_FORGET}",
    "roster_forgotten_person_delete": f"AFTER DELETE ON person {_FORGET}",
    "roster_forgotten_you": f"AFTER UPDATE OF person_id, engineer_name ON settings {_FORGET}",
}


def upgrade() -> None:
    roster = op.create_table('server_roster',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('tag', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_server_roster'))
    )
    if op.get_bind().dialect.name == "postgresql":
        # A server's row, with its random tag. A laptop (SQLite) is never a server: its server tables
        # stay empty, so two laptops' files hold the same rows (bundles, backups, tests compare them);
        # a server made without this row gets one with the first user (store._bump_roster).
        op.bulk_insert(roster, [{"id": 1, "version": 1, "tag": str(uuid.uuid4())}])
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roster_etag', sa.Text(), nullable=False, server_default=sa.text("''")))
    if op.get_bind().dialect.name == "sqlite":
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('roster_etag')
    op.drop_table('server_roster')
