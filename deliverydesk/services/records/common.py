"""Helpers every entity service shares: paging, ids, who is acting.

The rows themselves are the store's: ``store.record_rows`` looks records up, inserts, saves, archives
and checks links for a kind of record named by ``store.kinds``; rows become the domain's records (and
drafts go onto rows) through the typed functions of ``store.mapping``. The three helpers still taking
a row or a row class (``get_row``, ``stamp_new``, ``save_changes``) are kept for the document modules
on the ratchet of the contract "services-no-tables"; new code names a ``store.kinds`` kind and hands
the store items or drafts instead."""

from __future__ import annotations

from typing import TypeVar

from deliverydesk.domain.models import Page
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.store import record_rows
from deliverydesk.store.kinds import RowKind
from deliverydesk.store.record_rows import check_contact_link, live_project, not_found
from deliverydesk.store.records import Session, StoredRow

__all__ = ["check_contact_link", "live_project", "not_found"]

RowT = TypeVar("RowT", bound=StoredRow)
ItemT = TypeVar("ItemT")

MAX_PAGE_SIZE = 1000


def stamp_new(ctx: ServiceContext, row: StoredRow) -> None:
    """Timestamps come from the injected clock, like every other time."""
    record_rows.stamp_new(ctx.now(), row)


def save_changes(ctx: ServiceContext, session: Session, row: StoredRow) -> None:
    record_rows.save_changes(ctx.now(), session, row)


def acting_user(ctx: ServiceContext, session: Session) -> str:
    """Who is acting: the name the audit trail records for this database's changes."""
    return ctx.db.audit.actor(session.connection())


def get_row(session: Session, row_cls: type[RowT], row_id: str, what: str) -> RowT:
    """The row with this id (archived or not), or NotFoundError naming the kind of record."""
    return record_rows.get_row(session, RowKind(row_cls, what), row_id)


def require_id(draft_id: str | None, what: str) -> str:
    if draft_id is None:
        raise RuleError(
            msg(
                "This {what} has not been saved yet: create it instead of updating it.",
                what=record_kind(what),
            )
        )
    return draft_id


def check_page(offset: int, limit: int) -> int:
    """Validate paging arguments; the limit is capped so no screen loads a whole table."""
    if offset < 0:
        raise ValidationError({"offset": msg("The page start cannot be negative.")})
    if limit < 1:
        raise ValidationError({"limit": msg("A page holds at least one row.")})
    return min(limit, MAX_PAGE_SIZE)


def page_of(rows: list[ItemT], total: int, offset: int, limit: int) -> Page[ItemT]:
    return Page(rows=tuple(rows), total=total, offset=offset, limit=limit)
