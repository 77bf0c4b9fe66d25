"""The settings row and the team roster's rows: the settings made with your roster row on first use,
your name kept the same in both, people added, changed, confirmed by a manager and taken off the
roster. Names are unique without case among live people. Items out, drafts in."""

from __future__ import annotations

from datetime import datetime

from deliverydesk.domain.drafts import PersonDraft, SettingsDraft
from deliverydesk.domain.enums import PersonRole
from deliverydesk.domain.models import PersonItem, SettingsItem
from deliverydesk.domain.scope_guard import AuthorityLimits
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.record_rows import find_row, get_editable, get_row, save_changes, stamp_new
from deliverydesk.store.records import Session, list_rows, live_person_named, settings_row
from deliverydesk.store.tables import PersonRow, SettingsRow

LIMIT_FIELDS = (
    "role",
    "hours_per_change",
    "cost_cents_per_change",
    "goodwill_hours_per_project",
    "cost_currency",
)
MAX_PEOPLE = 1000


# --- settings and you ----------------------------------------------------------------------------
def _settings(now: datetime, session: Session) -> SettingsRow:
    """The settings row, created with the defaults on first use, with your roster row."""
    row = settings_row(session)
    if row is not None and row.person_id is not None and session.get(PersonRow, row.person_id) is not None:
        return row
    you = PersonRow(name=row.engineer_name if row is not None else "")
    stamp_new(now, you)
    session.add(you)
    session.flush()  # your row first: the settings point at it
    if row is None:
        row = SettingsRow()
        mapping.write_settings(row, SettingsDraft())
        stamp_new(now, row)
        session.add(row)
    row.person_id = you.id
    save_changes(now, session, row)
    return row


def _you(now: datetime, session: Session) -> PersonRow:
    """Your roster row: the person who uses this machine (made on first use)."""
    person = session.get(PersonRow, _settings(now, session).person_id)
    assert person is not None  # _settings made it
    return person


def you(now: datetime, session: Session) -> PersonItem:
    """You: the roster's person who uses this machine (made on first use, with the settings)."""
    return mapping.person_item(_you(now, session), is_you=True)


def engineer_name(session: Session) -> str:
    """The engineer's name in the settings ("" before there are settings); nothing is made."""
    settings = settings_row(session)
    return settings.engineer_name if settings is not None else ""


def read_settings(now: datetime, session: Session, *, readonly: bool) -> SettingsItem:
    """The settings; a read-only database without a settings row gets the defaults (id "")."""
    stored = settings_row(session)
    if readonly and stored is None:
        return default_settings(now)
    if readonly and stored is not None:
        return mapping.settings_item(stored)
    return mapping.settings_item(_settings(now, session))


def default_settings(now: datetime) -> SettingsItem:
    defaults = SettingsRow(
        id="", person_id=None, created_at=now, updated_at=now, archived_at=None, row_version=1
    )
    mapping.write_settings(defaults, SettingsDraft())
    return mapping.settings_item(defaults)


def save_settings(now: datetime, session: Session, draft: SettingsDraft) -> SettingsItem:
    """Save validated settings; your roster name follows the engineer's name."""
    row = _settings(now, session)
    _rename(now, session, _you(now, session), draft.engineer_name, field="engineer_name")
    mapping.write_settings(row, draft)
    save_changes(now, session, row)  # the settings and your roster row in one flush
    return mapping.settings_item(row)


def check_name_free(session: Session, name: str, person_id: str | None, *, field: str) -> None:
    """Names are unique without case among live people: a decision and its approval name them."""
    other = live_person_named(session, name) if name.strip() else None
    if other is not None and other.id != person_id:
        raise ValidationError(
            {field: msg("{name} is already in the team roster: names must differ.", name=other.name)}
        )


def _rename(now: datetime, session: Session, person: PersonRow, name: str, *, field: str) -> None:
    """Give a roster person a new name (flushed by the caller); your name is the settings' engineer
    name too, and changes with it."""
    check_name_free(session, name, person.id, field=field)
    if person.name != name:
        person.name, person.updated_at = name, now
    settings = settings_row(session)
    if settings is not None and settings.person_id == person.id and settings.engineer_name != name:
        settings.engineer_name, settings.updated_at = name, now


# --- the roster ----------------------------------------------------------------------------------
def people(now: datetime, session: Session, *, include_archived: bool) -> tuple[PersonItem, ...]:
    """The roster by name (you included)."""
    you_id = _you(now, session).id
    rows, _ = list_rows(
        session, PersonRow, where={}, include_archived=include_archived, order_by=("name",), limit=MAX_PEOPLE
    )
    return tuple(mapping.person_item(row, is_you=row.id == you_id) for row in rows)


def managers(now: datetime, session: Session) -> tuple[PersonItem, ...]:
    """The roster's live managers by name."""
    you_id = _you(now, session).id
    rows, _ = list_rows(
        session, PersonRow, where={"role": PersonRole.MANAGER}, order_by=("name",), limit=MAX_PEOPLE
    )
    return tuple(mapping.person_item(row, is_you=row.id == you_id) for row in rows)


def save_person(now: datetime, session: Session, draft: PersonDraft) -> PersonItem:
    """Add (``id`` None) or change a validated person; new role or limits are recorded as set by you."""
    you_id = _you(now, session).id
    if draft.id is None:
        check_name_free(session, draft.name, None, field="name")
        row = PersonRow(name=draft.name)
        stamp_new(now, row)
        session.add(row)
    else:
        row = get_editable(session, kinds.PERSON, draft.id)
        _rename(now, session, row, draft.name, field="name")
    if draft.id is None or any(getattr(row, f) != getattr(draft, f) for f in LIMIT_FIELDS):
        row.role = draft.role
        row.hours_per_change = draft.hours_per_change
        row.cost_cents_per_change = draft.cost_cents_per_change
        row.goodwill_hours_per_project = draft.goodwill_hours_per_project
        row.cost_currency = draft.cost_currency
        row.limits_set_by_id, row.limits_set_at = you_id, now
    save_changes(now, session, row)
    return mapping.person_item(row, is_you=row.id == you_id)


def confirm_limits(now: datetime, session: Session, person_id: str, manager_id: str) -> PersonItem:
    """A manager (another person) confirms the role and limits a person set themselves."""
    you_id = _you(now, session).id
    row = get_editable(session, kinds.PERSON, person_id)
    manager = live_manager(session, manager_id, "manager_id")
    if manager.id == row.id:
        raise ValidationError(
            {"manager_id": msg("{name} cannot confirm their own authority limits.", name=row.name)}
        )
    row.limits_set_by_id, row.limits_set_at = manager.id, now
    save_changes(now, session, row)
    return mapping.person_item(row, is_you=row.id == you_id)


def set_person_archived(now: datetime, session: Session, person_id: str, *, archived: bool) -> PersonItem:
    """Take a person off the roster (archived) or back; you stay on it."""
    you_id = _you(now, session).id
    row = get_row(session, kinds.PERSON, person_id)
    if archived and row.id == you_id:
        raise RuleError(msg("You cannot take yourself off the roster."), msg("You use this machine."))
    if not archived:
        check_name_free(session, row.name, row.id, field="name")  # its name may be taken meanwhile
    if archived != (row.archived_at is not None):
        row.archived_at = now if archived else None
        save_changes(now, session, row)
    return mapping.person_item(row, is_you=row.id == you_id)


def live_manager(session: Session, person_id: str | None, field: str) -> PersonItem:
    """A manager of the roster, picked by id (never a typed name)."""
    row = find_row(session, kinds.PERSON, person_id or None)
    if row is None or row.archived_at is not None:
        raise ValidationError({field: msg("Choose a manager from the team roster (Settings ▸ People).")})
    if row.role is not PersonRole.MANAGER:
        raise ValidationError({field: msg("{name} is not a manager in the team roster.", name=row.name)})
    settings = settings_row(session)
    return mapping.person_item(row, is_you=settings is not None and settings.person_id == row.id)


def authority_limits(session: Session) -> AuthorityLimits:
    """Your limits (the roster's person who uses this machine); the defaults before there is one."""
    settings = settings_row(session)
    person = session.get(PersonRow, settings.person_id) if settings and settings.person_id else None
    if person is None:
        return AuthorityLimits()
    return AuthorityLimits(
        person.hours_per_change,
        person.cost_cents_per_change,
        person.goodwill_hours_per_project,
        person.cost_currency,
    )
