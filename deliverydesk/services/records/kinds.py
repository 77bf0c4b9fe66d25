"""The use cases every kind of project record shares, written once: create, update, get, list,
archive and restore. A service module describes its kind with a ``ProjectRecords`` (the store's
``RecordTable`` of the kind, which knows its rows, and the validation) and exports the bound methods
under its own verbs (``create_issue = ISSUES.create``); what is special about a kind stays in that
module. Each public method opens one unit of work; ``create_in``, ``update_in`` and ``archive_in`` do
the same in a unit of work the caller holds (an action that writes several records: the guided
review, the demo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from deliverydesk.domain.models import Page
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of, require_id
from deliverydesk.store.record_tables import ProjectDraft, RecordTable
from deliverydesk.store.records import ProjectChildRow, Session

RowT = TypeVar("RowT", bound=ProjectChildRow)
DraftT = TypeVar("DraftT", bound=ProjectDraft)
ItemT = TypeVar("ItemT")

Validate = Callable[[ServiceContext, DraftT], DraftT]


@dataclass(frozen=True)
class ProjectRecords(Generic[RowT, DraftT, ItemT]):
    """One kind of record that belongs to a project (scope item, issue, review, ...)."""

    table: RecordTable[RowT, DraftT, ItemT]
    validate: Validate[DraftT]

    @property
    def what(self) -> str:  # in messages: "The scope item was not found"
        return self.table.what

    def create(self, ctx: ServiceContext, draft: DraftT) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.create_in(ctx, session, draft)

    def create_in(self, ctx: ServiceContext, session: Session, draft: DraftT) -> ItemT:
        """Validate and insert the draft inside the caller's unit of work."""
        return self.add(ctx, session, self.validate(ctx, draft))

    def add(self, ctx: ServiceContext, session: Session, draft: DraftT, **columns: Any) -> ItemT:
        """Insert a validated draft inside the caller's unit of work (an import adds many in one);
        ``columns``: values of columns no draft has (where an import took the record from)."""
        return self.table.item(session, self.table.add(ctx.now(), session, draft, **columns))

    def update(self, ctx: ServiceContext, draft: DraftT) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.update_in(ctx, session, draft)

    def update_in(self, ctx: ServiceContext, session: Session, draft: DraftT) -> ItemT:
        """Validate and save the draft onto its record inside the caller's unit of work."""
        require_id(draft.id, self.what)
        return self.change(ctx, session, self.validate(ctx, draft))

    def change(self, ctx: ServiceContext, session: Session, draft: DraftT) -> ItemT:
        """Save a validated draft onto its record inside the caller's unit of work."""
        record_id = require_id(draft.id, self.what)
        return self.table.item(session, self.table.change(ctx.now(), session, record_id, draft))

    def get(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.get_in(session, record_id)

    def get_in(self, session: Session, record_id: str) -> ItemT:
        return self.table.get(session, record_id)

    def list(
        self,
        ctx: ServiceContext,
        project_id: str,
        *,
        include_archived: bool = False,
        offset: int = 0,
        limit: int = 500,
        **where: Any,
    ) -> Page[ItemT]:
        """One page of the project's records; keyword filters that are None are ignored."""
        limit = check_page(offset, limit)
        conditions = {"project_id": project_id, **{k: v for k, v in where.items() if v is not None}}
        with ctx.db.unit_of_work() as session:
            items, total = self.table.page(
                session, conditions, include_archived=include_archived, offset=offset, limit=limit
            )
            return page_of(items, total, offset, limit)

    def archive(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.archive_in(ctx, session, record_id)

    def archive_in(self, ctx: ServiceContext, session: Session, record_id: str) -> ItemT:
        return self.table.set_archived(ctx.now(), session, record_id, archived=True)

    def restore(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.table.set_archived(ctx.now(), session, record_id, archived=False)
