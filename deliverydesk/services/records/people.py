"""The team roster (Settings ▸ People): each person's name, role (engineer or manager) and authority
limits. Local to this machine; the rows carry UUIDs so the team server can own them later.

You (the person who uses this machine, ``services.records.settings.you_row``) take decisions within
your limits; a manager of the roster approves or refuses what is held above them, never one's own
decision. Whoever sets a person's role and limits is recorded (``limits_set_by_id``): a person who
sets their own shows on Home until a manager confirms them (every change is an audit event too)."""

from __future__ import annotations

from deliverydesk.domain.drafts import PersonDraft
from deliverydesk.domain.models import PersonItem
from deliverydesk.domain.validation import validate_person
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.sync.gate import check_roster_local
from deliverydesk.store import roster_rows
from deliverydesk.store.records import Session


def list_people(ctx: ServiceContext, *, include_archived: bool = False) -> tuple[PersonItem, ...]:
    """The roster by name (you included)."""
    with ctx.db.unit_of_work() as session:
        return roster_rows.people(ctx.now(), session, include_archived=include_archived)


def get_you(ctx: ServiceContext) -> PersonItem:
    with ctx.db.unit_of_work() as session:
        return get_you_in(ctx, session)


def get_you_in(ctx: ServiceContext, session: Session) -> PersonItem:
    return roster_rows.you(ctx.now(), session)


def save_person(ctx: ServiceContext, draft: PersonDraft) -> PersonItem:
    """Add a person (``id`` None) or change one. A new role or new limits are recorded as set by you,
    now: your own, set by yourself, show on Home until a manager confirms them."""
    with ctx.db.unit_of_work() as session:
        return save_person_in(ctx, session, draft)


def save_person_in(ctx: ServiceContext, session: Session, draft: PersonDraft) -> PersonItem:
    draft = validate_person(draft)
    check_roster_local(session)
    return roster_rows.save_person(ctx.now(), session, draft)


def confirm_limits(ctx: ServiceContext, person_id: str, *, manager_id: str) -> PersonItem:
    """A manager (another person) confirms the role and limits a person set themselves."""
    with ctx.db.unit_of_work() as session:
        return confirm_limits_in(ctx, session, person_id, manager_id=manager_id)


def confirm_limits_in(
    ctx: ServiceContext, session: Session, person_id: str, *, manager_id: str
) -> PersonItem:
    check_roster_local(session)
    return roster_rows.confirm_limits(ctx.now(), session, person_id, manager_id)


def set_person_archived(ctx: ServiceContext, person_id: str, *, archived: bool) -> PersonItem:
    """Take a person off the roster (archived) or back; you stay on it."""
    with ctx.db.unit_of_work() as session:
        check_roster_local(session)
        return roster_rows.set_person_archived(ctx.now(), session, person_id, archived=archived)
