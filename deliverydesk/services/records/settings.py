"""The single settings record: company, engineer, document defaults, and who uses this machine.

"You" is a person of the team roster (``settings.person_id``, see ``services.records.people``): your
decisions are taken under your name and within your authority limits. The settings row and your
roster row are made together on first use, and your name is kept the same in both."""

from __future__ import annotations

from deliverydesk.domain.drafts import SettingsDraft, draft_from
from deliverydesk.domain.models import SettingsItem
from deliverydesk.domain.validation import validate_settings
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import save_changes, stamp_new
from deliverydesk.services.records.images import STORED_LOGO, check_image
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, live_person_named, settings_row
from deliverydesk.store.tables import PersonRow, SettingsRow


def _row(ctx: ServiceContext, session: Session) -> SettingsRow:
    """The settings row, created with the defaults on first use, with your roster row."""
    row = settings_row(session)
    if row is not None and row.person_id is not None and session.get(PersonRow, row.person_id) is not None:
        return row
    you = PersonRow(name=row.engineer_name if row is not None else "")
    stamp_new(ctx, you)
    session.add(you)
    session.flush()  # your row first: the settings point at it
    if row is None:
        row = SettingsRow()
        mapping.write_settings(row, SettingsDraft())
        stamp_new(ctx, row)
        session.add(row)
    row.person_id = you.id
    save_changes(ctx, session, row)
    return row


def you_row(ctx: ServiceContext, session: Session) -> PersonRow:
    """Your roster row: the person who uses this machine (made on first use)."""
    person = session.get(PersonRow, _row(ctx, session).person_id)
    assert person is not None  # _row made it
    return person


def get_settings(ctx: ServiceContext) -> SettingsItem:
    """The settings; a read-only database without a settings row gets the defaults (id "")."""
    with ctx.db.unit_of_work() as session:
        return get_settings_in(ctx, session)


def get_settings_in(ctx: ServiceContext, session: Session) -> SettingsItem:
    stored = settings_row(session)
    if ctx.db.readonly and stored is None:
        return _defaults(ctx)
    if ctx.db.readonly and stored is not None:
        return mapping.settings_item(stored)
    return mapping.settings_item(_row(ctx, session))


def _defaults(ctx: ServiceContext) -> SettingsItem:
    now = ctx.now()
    defaults = SettingsRow(
        id="", person_id=None, created_at=now, updated_at=now, archived_at=None, row_version=1
    )
    mapping.write_settings(defaults, SettingsDraft())
    return mapping.settings_item(defaults)


def update_settings(ctx: ServiceContext, draft: SettingsDraft) -> SettingsItem:
    with ctx.db.unit_of_work() as session:
        return update_settings_in(ctx, session, draft)


def update_settings_in(ctx: ServiceContext, session: Session, draft: SettingsDraft) -> SettingsItem:
    draft = validate_settings(draft)
    if draft.logo_png is not None:  # printed on every letter: a PNG within the logo's pixel bounds
        check_image(draft.logo_png, STORED_LOGO, field="logo_png", what=msg("The logo"))
    row = _row(ctx, session)
    rename_person(ctx, session, you_row(ctx, session), draft.engineer_name, field="engineer_name")
    mapping.write_settings(row, draft)
    save_changes(ctx, session, row)  # the settings and your roster row in one flush
    return mapping.settings_item(row)


def check_name_free(session: Session, name: str, person_id: str | None, *, field: str) -> None:
    """Names are unique without case among live people: a decision and its approval name them."""
    other = live_person_named(session, name) if name.strip() else None
    if other is not None and other.id != person_id:
        raise ValidationError(
            {field: msg("{name} is already in the team roster: names must differ.", name=other.name)}
        )


def rename_person(ctx: ServiceContext, session: Session, person: PersonRow, name: str, *, field: str) -> None:
    """Give a roster person a new name (flushed by the caller); your name is the settings' engineer
    name too, and changes with it."""
    check_name_free(session, name, person.id, field=field)
    if person.name != name:
        person.name, person.updated_at = name, ctx.now()
    settings = settings_row(session)
    if settings is not None and settings.person_id == person.id and settings.engineer_name != name:
        settings.engineer_name, settings.updated_at = name, ctx.now()


def settings_draft(item: SettingsItem) -> SettingsDraft:
    """A draft holding the current values, to change a few with ``dataclasses.replace``."""
    return draft_from(SettingsDraft, item)
