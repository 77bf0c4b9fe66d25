"""Helpers every entity service shares: lookups, archive/restore, refs, links, paging.

Rows become the domain's records (and drafts go onto rows) through the typed functions of
``store.mapping``; the helpers here rely only on what every row has (``store.records.StoredRow``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from deliverydesk.domain.models import Page
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.domain.validation import ContactFacts, check_project_contact
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import ProjectChildRow, RefRow, Session, StoredRow, refs_in_project
from deliverydesk.store.tables import ContactRow, ProjectRow

RowT = TypeVar("RowT", bound=StoredRow)
ChildT = TypeVar("ChildT", bound=ProjectChildRow)
ItemT = TypeVar("ItemT")

MAX_PAGE_SIZE = 1000


def stamp_new(ctx: ServiceContext, row: StoredRow) -> None:
    """Timestamps come from the injected clock, like every other time."""
    now = ctx.now()
    row.created_at = row.updated_at = now


def insert_new(ctx: ServiceContext, session: Session, row: StoredRow) -> None:
    """Insert a new row, stamped by the clock, and flush (its id and defaults are then known)."""
    stamp_new(ctx, row)
    session.add(row)
    session.flush()


def get_row(session: Session, row_cls: type[RowT], row_id: str, what: str) -> RowT:
    """The row with this id (archived or not), or NotFoundError naming the kind of record."""
    row = session.get(row_cls, row_id)
    if row is None:
        raise not_found(what)
    return row


def not_found(what: str) -> NotFoundError:
    """The error for a record of kind ``what`` that is not there (any more)."""
    return NotFoundError(
        msg(
            "The {what} was not found; it may have been removed by a sync or an import.",
            what=record_kind(what),
        )
    )


def get_editable(session: Session, row_cls: type[RowT], row_id: str, what: str) -> RowT:
    """The row, refusing archived ones: an archived record is read-only until restored."""
    row = get_row(session, row_cls, row_id, what)
    if row.archived_at is not None:
        raise RuleError(
            msg("This {what} is archived.", what=record_kind(what)), msg("Restore it before changing it.")
        )
    return row


def require_id(draft_id: str | None, what: str) -> str:
    if draft_id is None:
        raise RuleError(
            msg(
                "This {what} has not been saved yet: create it instead of updating it.",
                what=record_kind(what),
            )
        )
    return draft_id


def set_archived(
    ctx: ServiceContext,
    session: Session,
    row_cls: type[RowT],
    row_id: str,
    what: str,
    to_record: Callable[[Session, RowT], ItemT],
    *,
    archived: bool,
) -> ItemT:
    """Archive (tombstone) or restore one record; archiving twice keeps the first date."""
    row = get_row(session, row_cls, row_id, what)
    if archived != (row.archived_at is not None):
        row.archived_at = ctx.now() if archived else None
        row.updated_at = ctx.now()
    session.flush()
    return to_record(session, row)


def save_changes(ctx: ServiceContext, session: Session, row: StoredRow) -> None:
    row.updated_at = ctx.now()
    session.flush()


def add_with_ref(ctx: ServiceContext, session: Session, row: RefRow, prefix: RefPrefix) -> None:
    """Insert a project record with the next free ref of its kind (max + 1, archived refs count)."""
    row.ref = next_ref(prefix, refs_in_project(session, type(row), row.project_id))
    insert_new(ctx, session, row)


def live_project(session: Session, project_id: str) -> ProjectRow:
    """The project a new or edited record belongs to; archived projects take no changes."""
    return get_editable(session, ProjectRow, project_id, "project")


def editable_record(
    session: Session, row_cls: type[ChildT], row_id: str, what: str, project_id: str
) -> tuple[ChildT, ProjectRow]:
    """A project record to update, with its project: neither archived, and it stays in its project."""
    row = get_editable(session, row_cls, row_id, what)
    if row.project_id != project_id:
        raise RuleError(
            msg("A {what} cannot move to another project.", what=record_kind(what)),
            msg("Create it in the other project instead."),
        )
    return row, live_project(session, project_id)


def check_page(offset: int, limit: int) -> int:
    """Validate paging arguments; the limit is capped so no screen loads a whole table."""
    if offset < 0:
        raise ValidationError({"offset": msg("The page start cannot be negative.")})
    if limit < 1:
        raise ValidationError({"limit": msg("A page holds at least one row.")})
    return min(limit, MAX_PAGE_SIZE)


def page_of(rows: list[ItemT], total: int, offset: int, limit: int) -> Page[ItemT]:
    return Page(rows=tuple(rows), total=total, offset=offset, limit=limit)


def check_contact_link(
    session: Session, field: str, contact_id: str | None, project: ProjectRow, *, must_sign: bool = False
) -> None:
    """A linked contact must be a current contact of the project's client (and may sign, if asked)."""
    if contact_id is None:
        return
    row = session.get(ContactRow, contact_id)
    facts = None
    if row is not None:
        facts = ContactFacts(row.name, row.client_id, row.can_sign, archived=row.archived_at is not None)
    check_project_contact(field, facts, project.client_id, must_sign=must_sign)


def check_same_project(
    session: Session, field: str, row_cls: type[ChildT], row_id: str | None, project_id: str
) -> None:
    """A link (change request, scope item, milestone...) must point into the same project."""
    if row_id is None:
        return
    row = session.get(row_cls, row_id)
    if row is None or row.project_id != project_id:
        raise ValidationError({field: msg("This linked record does not belong to this project.")})
