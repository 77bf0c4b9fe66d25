"""Signed means signed (issue 12): the team roster, signature events, confirmed expectations, the
handover gate's links, and a manager's refusal.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:00:00

SCHEMA_GENERATION 3 (deliverydesk/store/identity.py) covers it, with 0006 and 0007 of this release.

* ``person``: the team roster (name, role engineer|manager, authority limits per person). The
  settings' authority limits move onto a person made from the settings' engineer ("you",
  ``settings.person_id``); the settings gain ``engineer_place`` (where the vendor signs on screen).
* ``signature``: one row per signature event on a letter (client or vendor block; method; signed on;
  recorded at and by; the evidence). The letter's own signer columns become one client event each
  (signed on = the local day it was recorded, as the signed copy printed it; recorded by unknown; the scan = the newest attachment of a
  paper-signed letter) and are dropped.
* ``expectation.confirmed_by_letter_id``: the signed letter version that confirmed it.
* ``handover_item``: a document's ``training_id`` (a training's written material), an open item's
  ``scope_item_id`` and ``owner``, a risk's ``issue_id``; ``material_left`` is dropped (a training's
  material is now the documents linked to it; nothing can say which ones were meant before).
* ``change_request.refused_by / refused_on / refusal_reason``: the last refusal by a manager.

Rebuilding ``expectation`` and ``change_request`` in batch mode drops their search triggers (0003):
the triggers found before are created again after, as in 0004.
"""
import uuid
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import deliverydesk.store.tables


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

LETTER_SIGN_COLUMNS = (
    'signer_name', 'signer_title', 'signed_at', 'sign_place', 'sign_method', 'sign_note',
    'sign_log_entry_id', 'signature_png',
)


def _triggers(connection: sa.Connection) -> list[str]:
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.execute(
        sa.text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name IN ('expectation', 'change_request') AND sql IS NOT NULL ORDER BY name"
        )
    )
    return [row.sql for row in rows]


def _restore_triggers(connection: sa.Connection, triggers: list[str]) -> None:
    """Create again the triggers a batch rebuild dropped (those still there are left alone)."""
    if connection.dialect.name != "sqlite":
        return  # the search triggers are SQLite's (PostgreSQL has none to restore)
    left = {
        name
        for (name,) in connection.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    for sql in triggers:
        name = sql.split()[2]  # CREATE TRIGGER <name> ...
        if name not in left:
            connection.execute(sa.text(sql))


def _now() -> str:
    """Naive UTC as text, as sqlite3's default datetime adapter (deprecated since Python 3.12) wrote it."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat(" ")


# --- the roster ------------------------------------------------------------------------------------


def _create_person() -> None:
    op.create_table('person',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.Enum('engineer', 'manager', name='personrole', native_enum=False, length=32), nullable=False),
    sa.Column('hours_per_change', sa.Float(), nullable=False),
    sa.Column('cost_cents_per_change', sa.Integer(), nullable=False),
    sa.Column('goodwill_hours_per_project', sa.Float(), nullable=False),
    sa.Column('limits_set_by_id', sa.String(length=36), nullable=True),
    sa.Column('limits_set_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['limits_set_by_id'], ['person.id'], name=op.f('fk_person_limits_set_by_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )


def _settings_to_roster(connection: sa.Connection) -> None:
    settings = connection.execute(
        sa.text(
            "SELECT id, engineer_name, authority_hours_per_change, authority_cost_cents_per_change,"
            " goodwill_hours_per_project FROM settings ORDER BY created_at"
        )
    ).all()
    with op.batch_alter_table('settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('engineer_place', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('person_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_settings_person_id_person'), 'person', ['person_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('authority_hours_per_change')
        batch_op.drop_column('goodwill_hours_per_project')
        batch_op.drop_column('authority_cost_cents_per_change')
    for row in settings:
        person_id, now = str(uuid.uuid4()), _now()
        connection.execute(
            sa.text(
                "INSERT INTO person (id, name, role, hours_per_change, cost_cents_per_change,"
                " goodwill_hours_per_project, created_at, updated_at)"
                " VALUES (:id, :name, 'engineer', :hours, :cost, :goodwill, :now, :now)"
            ),
            {"id": person_id, "name": row.engineer_name.strip(), "hours": row.authority_hours_per_change,
             "cost": row.authority_cost_cents_per_change, "goodwill": row.goodwill_hours_per_project,
             "now": now},
        )
        connection.execute(
            sa.text("UPDATE settings SET person_id = :person WHERE id = :id"), {"person": person_id, "id": row.id}
        )


# --- signature events ------------------------------------------------------------------------------


def _create_signature() -> None:
    op.create_table('signature',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('letter_id', sa.String(length=36), nullable=False),
    sa.Column('party', sa.Enum('client', 'vendor', name='signatureparty', native_enum=False, length=32), nullable=False),
    sa.Column('method', sa.Enum('on_screen', 'on_paper', 'by_email', 'refused', name='signmethod', native_enum=False, length=32), nullable=False),
    sa.Column('signer_name', sa.Text(), nullable=False),
    sa.Column('signer_title', sa.Text(), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('recorded_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('recorded_by', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('log_entry_id', sa.String(length=36), nullable=True),
    sa.Column('attachment_id', sa.String(length=36), nullable=True),
    sa.Column('signature_png', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('updated_at', deliverydesk.store.tables.UTCDateTime(), nullable=False),
    sa.Column('archived_at', deliverydesk.store.tables.UTCDateTime(), nullable=True),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachment.id'], name=op.f('fk_signature_attachment_id_attachment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_signature_contact_id_contact'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], name=op.f('fk_signature_letter_id_letter'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], name=op.f('fk_signature_log_entry_id_log_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_signature_project_id_project'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature'))
    )
    with op.batch_alter_table('signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signature_letter_id'), ['letter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signature_project_id'), ['project_id'], unique=False)


def _letters_to_signatures(connection: sa.Connection) -> None:
    """Each letter's recorded signature (or refusal) becomes one client event."""
    letters = connection.execute(
        sa.text(
            "SELECT id, project_id, signer_name, signer_title, signed_at, sign_place, sign_method, sign_note,"
            " sign_log_entry_id, signature_png, created_at FROM letter WHERE sign_method IS NOT NULL"
        )
    ).all()
    for letter in letters:
        recorded = letter.signed_at or letter.created_at  # stored as naive UTC
        moment = datetime.fromisoformat(recorded) if isinstance(recorded, str) else recorded
        # the local day, as the letter's signed copy printed it (and prints it again)
        day = moment.replace(tzinfo=UTC).astimezone().date().isoformat()
        scan = None
        if letter.sign_method == 'on_paper':
            scan = connection.execute(
                sa.text(
                    "SELECT id FROM attachment WHERE letter_id = :id AND archived_at IS NULL"
                    " ORDER BY created_at DESC, id LIMIT 1"
                ),
                {"id": letter.id},
            ).scalar()
        connection.execute(
            sa.text(
                "INSERT INTO signature (id, project_id, letter_id, party, method, signer_name, signer_title,"
                " signed_on, place, recorded_at, recorded_by, note, log_entry_id, attachment_id,"
                " signature_png, created_at, updated_at)"
                " VALUES (:id, :project, :letter, 'client', :method, :name, :title, :day, :place,"
                " :recorded, '', :note, :entry, :scan, :png, :recorded, :recorded)"
            ),
            {"id": str(uuid.uuid4()), "project": letter.project_id, "letter": letter.id,
             "method": letter.sign_method, "name": letter.signer_name, "title": letter.signer_title,
             "day": day, "place": letter.sign_place, "recorded": recorded,
             "note": letter.sign_note,
             "entry": letter.sign_log_entry_id if letter.sign_method == 'by_email' else None,
             "scan": scan, "png": letter.signature_png if letter.sign_method == 'on_screen' else None},
        )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_letter_sign_log_entry_id_log_entry'), type_='foreignkey')
        for column in LETTER_SIGN_COLUMNS:
            batch_op.drop_column(column)


def _signatures_to_letters(connection: sa.Connection) -> None:
    """Downgrade: the newest client event of each letter goes back onto the letter."""
    with op.batch_alter_table('letter', schema=None) as batch_op:
        for column in ('signer_name', 'signer_title', 'sign_place', 'sign_note'):
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('signed_at', deliverydesk.store.tables.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('sign_method', sa.Enum('on_screen', 'on_paper', 'by_email', 'refused', name='signmethod', native_enum=False, length=32), nullable=True))
        batch_op.add_column(sa.Column('sign_log_entry_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('signature_png', sa.LargeBinary(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_letter_sign_log_entry_id_log_entry'), 'log_entry', ['sign_log_entry_id'], ['id'], ondelete='SET NULL')
    events = connection.execute(
        sa.text("SELECT * FROM signature WHERE party = 'client' ORDER BY recorded_at, created_at, id")
    ).all()
    for event in events:  # later events overwrite earlier ones: the newest stays
        connection.execute(
            sa.text(
                "UPDATE letter SET signer_name = :name, signer_title = :title, signed_at = :at,"
                " sign_place = :place, sign_method = :method, sign_note = :note,"
                " sign_log_entry_id = :entry, signature_png = :png WHERE id = :letter"
            ),
            {"name": event.signer_name, "title": event.signer_title, "at": event.recorded_at,
             "place": event.place, "method": event.method, "note": event.note,
             "entry": event.log_entry_id, "png": event.signature_png, "letter": event.letter_id},
        )
    with op.batch_alter_table('signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signature_project_id'))
        batch_op.drop_index(batch_op.f('ix_signature_letter_id'))
    op.drop_table('signature')


# --- links ---------------------------------------------------------------------------------------


def _add_links() -> None:
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused_by', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('refused_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('refusal_reason', sa.Text(), nullable=False, server_default=sa.text("''")))
    with op.batch_alter_table('expectation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed_by_letter_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_expectation_confirmed_by_letter_id_letter'), 'letter', ['confirmed_by_letter_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('handover_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('training_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('scope_item_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('owner', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('issue_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_handover_item_scope_item_id_scope_item'), 'scope_item', ['scope_item_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_handover_item_issue_id_issue'), 'issue', ['issue_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_handover_item_training_id_handover_item'), 'handover_item', ['training_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('material_left')


def _drop_links() -> None:
    with op.batch_alter_table('handover_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('material_left', sa.Boolean(), nullable=False, server_default=sa.text('0')))
    op.execute(  # a training with a document handed over for it had material left
        "UPDATE handover_item SET material_left = 1 WHERE kind = 'training' AND EXISTS"
        " (SELECT 1 FROM handover_item d WHERE d.training_id = handover_item.id AND d.archived_at IS NULL)"
    )
    with op.batch_alter_table('handover_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_handover_item_training_id_handover_item'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_handover_item_issue_id_issue'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_handover_item_scope_item_id_scope_item'), type_='foreignkey')
        for column in ('issue_id', 'owner', 'scope_item_id', 'training_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('expectation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_expectation_confirmed_by_letter_id_letter'), type_='foreignkey')
        batch_op.drop_column('confirmed_by_letter_id')
    with op.batch_alter_table('change_request', schema=None) as batch_op:
        for column in ('refusal_reason', 'refused_on', 'refused_by'):
            batch_op.drop_column(column)


def upgrade() -> None:
    connection = op.get_bind()
    triggers = _triggers(connection)
    _create_person()
    _settings_to_roster(connection)
    _create_signature()
    _letters_to_signatures(connection)
    _add_links()
    _restore_triggers(connection, triggers)


def downgrade() -> None:
    connection = op.get_bind()
    triggers = _triggers(connection)
    _drop_links()
    _signatures_to_letters(connection)
    with op.batch_alter_table('settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('authority_hours_per_change', sa.Float(), nullable=False, server_default=sa.text('8.0')))
        batch_op.add_column(sa.Column('authority_cost_cents_per_change', sa.Integer(), nullable=False, server_default=sa.text('50000')))
        batch_op.add_column(sa.Column('goodwill_hours_per_project', sa.Float(), nullable=False, server_default=sa.text('16.0')))
    connection.execute(
        sa.text(
            "UPDATE settings SET authority_hours_per_change = p.hours_per_change,"
            " authority_cost_cents_per_change = p.cost_cents_per_change,"
            " goodwill_hours_per_project = p.goodwill_hours_per_project"
            " FROM person p WHERE p.id = settings.person_id"
        )
    )
    with op.batch_alter_table('settings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_settings_person_id_person'), type_='foreignkey')
        batch_op.drop_column('person_id')
        batch_op.drop_column('engineer_place')
    op.drop_table('person')
    _restore_triggers(connection, triggers)
