"""Helpers every entity service shares: paging, ids, and the clock's side of the store's row helpers.

The rows themselves are the store's: ``store.record_rows`` looks records up, inserts, saves, archives
and checks links for a kind of record named by ``store.kinds``; rows become the domain's records (and
drafts go onto rows) through the typed functions of ``store.mapping``. The helpers taking a row class
(``get_row``, ``get_editable``, ``set_archived``, ``check_same_project``) are kept
for the service modules that still import ``store.tables`` (the ratchet of the contract
"services-no-tables"); new code names a ``store.kinds`` kind instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from deliverydesk.domain.models import Page
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.store import record_rows
from deliverydesk.store.kinds import RowKind
from deliverydesk.store.record_rows import check_contact_link, live_project, not_found
from deliverydesk.store.records import ProjectChildRow, RefRow, Session, StoredRow

__all__ = ["check_contact_link", "live_project", "not_found"]

RowT = TypeVar("RowT", bound=StoredRow)
ChildT = TypeVar("ChildT", bound=ProjectChildRow)
ItemT = TypeVar("ItemT")

MAX_PAGE_SIZE = 1000


def stamp_new(ctx: ServiceContext, row: StoredRow) -> None:
    """Timestamps come from the injected clock, like every other time."""
    record_rows.stamp_new(ctx.now(), row)


def insert_new(ctx: ServiceContext, session: Session, row: StoredRow) -> None:
    """Insert a new row, stamped by the clock, and flush (its id and defaults are then known)."""
    record_rows.insert_new(ctx.now(), session, row)


def save_changes(ctx: ServiceContext, session: Session, row: StoredRow) -> None:
    record_rows.save_changes(ctx.now(), session, row)


def add_with_ref(ctx: ServiceContext, session: Session, row: RefRow, prefix: RefPrefix) -> None:
    """Insert a project record with the next free ref of its kind (max + 1, archived refs count)."""
    record_rows.add_with_ref(ctx.now(), session, row, prefix)


def acting_user(ctx: ServiceContext, session: Session) -> str:
    """Who is acting: the name the audit trail records for this database's changes."""
    return ctx.db.audit.actor(session.connection())


def get_row(session: Session, row_cls: type[RowT], row_id: str, what: str) -> RowT:
    """The row with this id (archived or not), or NotFoundError naming the kind of record."""
    return record_rows.get_row(session, RowKind(row_cls, what), row_id)


def get_editable(session: Session, row_cls: type[RowT], row_id: str, what: str) -> RowT:
    """The row, refusing archived ones: an archived record is read-only until restored."""
    return record_rows.get_editable(session, RowKind(row_cls, what), row_id)


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
    kind = RowKind(row_cls, what)
    return record_rows.set_archived(ctx.now(), session, kind, row_id, to_record, archived=archived)


def check_page(offset: int, limit: int) -> int:
    """Validate paging arguments; the limit is capped so no screen loads a whole table."""
    if offset < 0:
        raise ValidationError({"offset": msg("The page start cannot be negative.")})
    if limit < 1:
        raise ValidationError({"limit": msg("A page holds at least one row.")})
    return min(limit, MAX_PAGE_SIZE)


def page_of(rows: list[ItemT], total: int, offset: int, limit: int) -> Page[ItemT]:
    return Page(rows=tuple(rows), total=total, offset=offset, limit=limit)


def check_same_project(
    session: Session, field: str, row_cls: type[ChildT], row_id: str | None, project_id: str
) -> None:
    """A link (change request, scope item, milestone...) must point into the same project."""
    record_rows.check_same_project(session, field, RowKind(row_cls, ""), row_id, project_id)
