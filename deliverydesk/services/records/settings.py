"""The single settings record: company, engineer, document defaults, and who uses this machine.

"You" is a person of the team roster (``settings.person_id``, see ``services.records.people``): your
decisions are taken under your name and within your authority limits. The settings row and your
roster row are made together on first use, and your name is kept the same in both."""

from __future__ import annotations

from deliverydesk.domain.drafts import SettingsDraft, draft_from
from deliverydesk.domain.models import PersonItem, SettingsItem
from deliverydesk.domain.validation import validate_settings
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.images import STORED_LOGO, check_image
from deliverydesk.store import roster_rows
from deliverydesk.store.records import Session


def you_row(ctx: ServiceContext, session: Session) -> PersonItem:
    """You: the roster's person who uses this machine (made on first use, with the settings)."""
    return roster_rows.you(ctx.now(), session)


def get_settings(ctx: ServiceContext) -> SettingsItem:
    """The settings; a read-only database without a settings row gets the defaults (id "")."""
    with ctx.db.unit_of_work() as session:
        return get_settings_in(ctx, session)


def get_settings_in(ctx: ServiceContext, session: Session) -> SettingsItem:
    return roster_rows.read_settings(ctx.now(), session, readonly=ctx.db.readonly)


def update_settings(ctx: ServiceContext, draft: SettingsDraft) -> SettingsItem:
    with ctx.db.unit_of_work() as session:
        return update_settings_in(ctx, session, draft)


def update_settings_in(ctx: ServiceContext, session: Session, draft: SettingsDraft) -> SettingsItem:
    draft = validate_settings(draft)
    if draft.logo_png is not None:  # printed on every letter: a PNG within the logo's pixel bounds
        check_image(draft.logo_png, STORED_LOGO, field="logo_png", what=msg("The logo"))
    return roster_rows.save_settings(ctx.now(), session, draft)


def settings_draft(item: SettingsItem) -> SettingsDraft:
    """A draft holding the current values, to change a few with ``dataclasses.replace``."""
    return draft_from(SettingsDraft, item)
