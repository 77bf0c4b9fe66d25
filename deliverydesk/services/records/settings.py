"""The single settings record: company, engineer, authority limits, defaults."""

from __future__ import annotations

from deliverydesk.domain.drafts import SettingsDraft, draft_from
from deliverydesk.domain.models import SettingsItem
from deliverydesk.domain.validation import validate_settings
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import apply_draft, save_changes, stamp_new, to_item
from deliverydesk.services.records.images import STORED_LOGO, check_image
from deliverydesk.store.records import Session, settings_row
from deliverydesk.store.tables import SettingsRow


def _row(ctx: ServiceContext, session: Session) -> SettingsRow:
    """The settings row, created with the defaults on first use."""
    row = settings_row(session)
    if row is None:
        row = SettingsRow()
        apply_draft(row, SettingsDraft(), skip=())
        stamp_new(ctx, row)
        session.add(row)
        session.flush()
    return row


def get_settings(ctx: ServiceContext) -> SettingsItem:
    """The settings; a read-only database without a settings row gets the defaults (id "")."""
    with ctx.db.unit_of_work() as session:
        if ctx.db.readonly and settings_row(session) is None:
            return _defaults(ctx)
        return to_item(SettingsItem, _row(ctx, session))


def _defaults(ctx: ServiceContext) -> SettingsItem:
    defaults = SettingsRow()
    apply_draft(defaults, SettingsDraft(), skip=())
    return to_item(
        SettingsItem, defaults, id="", created_at=ctx.now(), updated_at=ctx.now(), archived_at=None
    )


def update_settings(ctx: ServiceContext, draft: SettingsDraft) -> SettingsItem:
    draft = validate_settings(draft)
    if draft.logo_png is not None:  # printed on every letter: a PNG within the logo's pixel bounds
        check_image(draft.logo_png, STORED_LOGO, field="logo_png", what="The logo")
    with ctx.db.unit_of_work() as session:
        row = _row(ctx, session)
        apply_draft(row, draft, skip=())
        save_changes(ctx, session, row)
        return to_item(SettingsItem, row)


def settings_draft(item: SettingsItem) -> SettingsDraft:
    """A draft holding the current values, to change a few with ``dataclasses.replace``."""
    return draft_from(SettingsDraft, item)
