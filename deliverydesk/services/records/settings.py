"""The single settings record: company, engineer, document defaults, and who uses this machine.

"You" is a person of the team roster (``settings.person_id``, see ``services.records.people``): your
decisions are taken under your name and within your authority limits. The settings row and your
roster row are made together on first use, and your name is kept the same in both."""

from __future__ import annotations

from deliverydesk.domain.drafts import SettingsDraft, draft_from
from deliverydesk.domain.models import SettingsItem
from deliverydesk.domain.validation import validate_settings
from deliverydesk.errors import ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import apply_draft, save_changes, stamp_new, to_item
from deliverydesk.services.records.images import STORED_LOGO, check_image
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
        apply_draft(row, SettingsDraft(), skip=())
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
    if ctx.db.readonly and settings_row(session) is None:
        return _defaults(ctx)
    if ctx.db.readonly:
        return to_item(SettingsItem, settings_row(session))
    return to_item(SettingsItem, _row(ctx, session))


def _defaults(ctx: ServiceContext) -> SettingsItem:
    defaults = SettingsRow()
    apply_draft(defaults, SettingsDraft(), skip=())
    return to_item(
        SettingsItem,
        defaults,
        id="",
        person_id=None,
        created_at=ctx.now(),
        updated_at=ctx.now(),
        archived_at=None,
    )


def update_settings(ctx: ServiceContext, draft: SettingsDraft) -> SettingsItem:
    with ctx.db.unit_of_work() as session:
        return update_settings_in(ctx, session, draft)


def update_settings_in(ctx: ServiceContext, session: Session, draft: SettingsDraft) -> SettingsItem:
    draft = validate_settings(draft)
    if draft.logo_png is not None:  # printed on every letter: a PNG within the logo's pixel bounds
        check_image(draft.logo_png, STORED_LOGO, field="logo_png", what="The logo")
    row = _row(ctx, session)
    rename_person(ctx, session, you_row(ctx, session), draft.engineer_name, field="engineer_name")
    apply_draft(row, draft, skip=())
    save_changes(ctx, session, row)  # the settings and your roster row in one flush
    return to_item(SettingsItem, row)


def check_name_free(session: Session, name: str, person_id: str | None, *, field: str) -> None:
    """Names are unique without case among live people: a decision and its approval name them."""
    other = live_person_named(session, name) if name.strip() else None
    if other is not None and other.id != person_id:
        raise ValidationError({field: f"{other.name} is already in the team roster: names must differ."})


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
