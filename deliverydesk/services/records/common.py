"""Helpers every entity service shares: paging, ids, who is acting.

The rows themselves are the store's: ``store.record_rows`` looks records up, inserts, saves, archives
and checks links for a kind of record named by ``store.kinds``; rows become the domain's records (and
drafts go onto rows) through the typed functions of ``store.mapping``. Services name a ``store.kinds``
kind and hand the store items or drafts, never rows."""

from __future__ import annotations

from typing import TypeVar

from deliverydesk.domain.models import Page
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.record_rows import check_contact_link, live_project, not_found
from deliverydesk.store.records import Session

__all__ = ["check_contact_link", "live_project", "not_found"]

ItemT = TypeVar("ItemT")

MAX_PAGE_SIZE = 1000


def acting_user(ctx: ServiceContext, session: Session) -> str:
    """Who is acting: the name the audit trail records for this database's changes."""
    return ctx.db.audit.actor(session.connection())


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
