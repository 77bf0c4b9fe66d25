"""The team roster (Settings ▸ People): each person's name, role (engineer or manager) and authority
limits. Local to this machine; the rows carry UUIDs so the team server can own them later.

You (the person who uses this machine, ``services.records.settings.you_row``) take decisions within
your limits; a manager of the roster approves or refuses what is held above them, never one's own
decision. Whoever sets a person's role and limits is recorded (``limits_set_by_id``): a person who
sets their own shows on Home until a manager confirms them (every change is an audit event too)."""

from __future__ import annotations

from deliverydesk.domain.drafts import PersonDraft
from deliverydesk.domain.enums import PersonRole
from deliverydesk.domain.models import PersonItem
from deliverydesk.domain.validation import validate_person
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import get_editable, get_row, save_changes, stamp_new
from deliverydesk.services.records.settings import check_name_free, rename_person, you_row
from deliverydesk.services.sync.gate import check_roster_local
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import PersonRow

WHAT = "person"
LIMIT_FIELDS = ("role", "hours_per_change", "cost_cents_per_change", "goodwill_hours_per_project")
MAX_PEOPLE = 1000


def person_item(row: PersonRow, you_id: str | None) -> PersonItem:
    return mapping.person_item(row, is_you=row.id == you_id)


def list_people(ctx: ServiceContext, *, include_archived: bool = False) -> tuple[PersonItem, ...]:
    """The roster by name (you included)."""
    with ctx.db.unit_of_work() as session:
        you = you_row(ctx, session)
        rows, _ = list_rows(
            session,
            PersonRow,
            where={},
            include_archived=include_archived,
            order_by=("name",),
            limit=MAX_PEOPLE,
        )
        return tuple(person_item(row, you.id) for row in rows)


def get_you(ctx: ServiceContext) -> PersonItem:
    with ctx.db.unit_of_work() as session:
        return get_you_in(ctx, session)


def get_you_in(ctx: ServiceContext, session: Session) -> PersonItem:
    you = you_row(ctx, session)
    return person_item(you, you.id)


def save_person(ctx: ServiceContext, draft: PersonDraft) -> PersonItem:
    """Add a person (``id`` None) or change one. A new role or new limits are recorded as set by you,
    now: your own, set by yourself, show on Home until a manager confirms them."""
    with ctx.db.unit_of_work() as session:
        return save_person_in(ctx, session, draft)


def save_person_in(ctx: ServiceContext, session: Session, draft: PersonDraft) -> PersonItem:
    draft = validate_person(draft)
    check_roster_local(session)
    you = you_row(ctx, session)
    if draft.id is None:
        check_name_free(session, draft.name, None, field="name")
        row = PersonRow(name=draft.name)
        stamp_new(ctx, row)
        session.add(row)
    else:
        row = get_editable(session, PersonRow, draft.id, WHAT)
        rename_person(ctx, session, row, draft.name, field="name")
    if draft.id is None or any(getattr(row, f) != getattr(draft, f) for f in LIMIT_FIELDS):
        for name in LIMIT_FIELDS:
            setattr(row, name, getattr(draft, name))
        row.limits_set_by_id, row.limits_set_at = you.id, ctx.now()
    save_changes(ctx, session, row)
    return person_item(row, you.id)


def confirm_limits(ctx: ServiceContext, person_id: str, *, manager_id: str) -> PersonItem:
    """A manager (another person) confirms the role and limits a person set themselves."""
    with ctx.db.unit_of_work() as session:
        return confirm_limits_in(ctx, session, person_id, manager_id=manager_id)


def confirm_limits_in(
    ctx: ServiceContext, session: Session, person_id: str, *, manager_id: str
) -> PersonItem:
    check_roster_local(session)
    you = you_row(ctx, session)
    row = get_editable(session, PersonRow, person_id, WHAT)
    manager = live_manager(session, manager_id, "manager_id")
    if manager.id == row.id:
        raise ValidationError(
            {"manager_id": msg("{name} cannot confirm their own authority limits.", name=row.name)}
        )
    row.limits_set_by_id, row.limits_set_at = manager.id, ctx.now()
    save_changes(ctx, session, row)
    return person_item(row, you.id)


def set_person_archived(ctx: ServiceContext, person_id: str, *, archived: bool) -> PersonItem:
    """Take a person off the roster (archived) or back; you stay on it."""
    with ctx.db.unit_of_work() as session:
        check_roster_local(session)
        you = you_row(ctx, session)
        row = get_row(session, PersonRow, person_id, WHAT)
        if archived and row.id == you.id:
            raise RuleError(msg("You cannot take yourself off the roster."), msg("You use this machine."))
        if not archived:
            check_name_free(session, row.name, row.id, field="name")  # its name may be taken meanwhile
        if archived != (row.archived_at is not None):
            row.archived_at = ctx.now() if archived else None
            save_changes(ctx, session, row)
        return person_item(row, you.id)


def live_manager(session: Session, person_id: str | None, field: str) -> PersonRow:
    """A manager of the roster, picked by id (never a typed name)."""
    row = session.get(PersonRow, person_id) if person_id else None
    if row is None or row.archived_at is not None:
        raise ValidationError({field: msg("Choose a manager from the team roster (Settings ▸ People).")})
    if row.role is not PersonRole.MANAGER:
        raise ValidationError({field: msg("{name} is not a manager in the team roster.", name=row.name)})
    return row
