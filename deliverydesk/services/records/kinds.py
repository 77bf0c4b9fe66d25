"""The use cases every kind of project record shares, written once: create, update, get, list,
archive and restore. A service module describes its kind with a ``ProjectRecords`` and exports the
bound methods under its own verbs (``create_issue = ISSUES.create``); what is special about a kind
(links to check, a custom update) stays in that module. Each public method opens one unit of work;
``create_in``, ``update_in`` and ``archive_in`` do the same in a unit of work the caller holds (an
action that writes several records: the guided review, the demo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

from deliverydesk.domain.models import Page
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    add_with_ref,
    check_page,
    editable_record,
    get_row,
    insert_new,
    live_project,
    page_of,
    require_id,
    save_changes,
    set_archived,
)
from deliverydesk.store.records import ProjectChildRow, RefRow, Session, list_rows
from deliverydesk.store.tables import ProjectRow


class ProjectDraft(Protocol):
    @property
    def id(self) -> str | None: ...

    @property
    def project_id(self) -> str: ...


RowT = TypeVar("RowT", bound=ProjectChildRow)
DraftT = TypeVar("DraftT", bound=ProjectDraft)
ItemT = TypeVar("ItemT")

Validate = Callable[[ServiceContext, DraftT], DraftT]
# Links to check on create (row None) and update (row before the change).
CheckLinks = Callable[[Session, DraftT, ProjectRow, RowT | None], None]
Write = Callable[[RowT, DraftT], None]  # the draft's fields onto the row: store.mapping.write_*
ApplyUpdate = Callable[[Session, RowT, DraftT], None]
ToItems = Callable[[Session, list[RowT]], list[ItemT]]


@dataclass(frozen=True)
class ProjectRecords(Generic[RowT, DraftT, ItemT]):
    """One kind of record that belongs to a project (scope item, issue, review, ...)."""

    row_cls: type[RowT]
    what: str  # in messages: "The scope item was not found"
    validate: Validate[DraftT]
    write: Write[RowT, DraftT]
    to_items: ToItems[RowT, ItemT]  # a batch, so a page's linked names are looked up once
    ref_prefix: RefPrefix | None = None  # S-n, I-n...; None for kinds without a human ref
    order_by: tuple[str, ...] = ("ref",)
    descending: bool = False
    check_links: CheckLinks[DraftT, RowT] | None = None
    apply_update: ApplyUpdate[RowT, DraftT] | None = None  # rules on what an edit may change (then writes)

    def item(self, session: Session, row: RowT) -> ItemT:
        return self.to_items(session, [row])[0]

    def create(self, ctx: ServiceContext, draft: DraftT) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.create_in(ctx, session, draft)

    def create_in(self, ctx: ServiceContext, session: Session, draft: DraftT) -> ItemT:
        """Validate and insert the draft inside the caller's unit of work."""
        return self.item(session, self.add(ctx, session, self.validate(ctx, draft)))

    def add(self, ctx: ServiceContext, session: Session, draft: DraftT, **columns: Any) -> RowT:
        """Insert a validated draft inside the caller's unit of work (an import adds many in one);
        ``columns``: values of columns no draft has (where an import took the record from)."""
        project = live_project(session, draft.project_id)
        if self.check_links is not None:
            self.check_links(session, draft, project, None)
        row = self.row_cls(**columns)
        self.write(row, draft)
        if self.ref_prefix is not None:
            add_with_ref(ctx, session, cast(RefRow, row), self.ref_prefix)  # a kind with refs has the column
        else:
            insert_new(ctx, session, row)
        return row

    def update(self, ctx: ServiceContext, draft: DraftT) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.update_in(ctx, session, draft)

    def update_in(self, ctx: ServiceContext, session: Session, draft: DraftT) -> ItemT:
        """Validate and save the draft onto its record inside the caller's unit of work."""
        require_id(draft.id, self.what)
        return self.item(session, self.change(ctx, session, self.validate(ctx, draft)))

    def change(self, ctx: ServiceContext, session: Session, draft: DraftT) -> RowT:
        """Save a validated draft onto its record inside the caller's unit of work."""
        record_id = require_id(draft.id, self.what)
        row, project = editable_record(session, self.row_cls, record_id, self.what, draft.project_id)
        if self.check_links is not None:
            self.check_links(session, draft, project, row)
        if self.apply_update is not None:
            self.apply_update(session, row, draft)
        else:
            self.write(row, draft)
        save_changes(ctx, session, row)
        return row

    def get(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.get_in(session, record_id)

    def get_in(self, session: Session, record_id: str) -> ItemT:
        return self.item(session, get_row(session, self.row_cls, record_id, self.what))

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
            rows, total = list_rows(
                session,
                self.row_cls,
                where=conditions,
                include_archived=include_archived,
                order_by=self.order_by,
                descending=self.descending,
                offset=offset,
                limit=limit,
            )
            return page_of(self.to_items(session, rows), total, offset, limit)

    def archive(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return self.archive_in(ctx, session, record_id)

    def archive_in(self, ctx: ServiceContext, session: Session, record_id: str) -> ItemT:
        return set_archived(ctx, session, self.row_cls, record_id, self.what, self.item, archived=True)

    def restore(self, ctx: ServiceContext, record_id: str) -> ItemT:
        with ctx.db.unit_of_work() as session:
            return set_archived(ctx, session, self.row_cls, record_id, self.what, self.item, archived=False)


def mapped(to_item: Callable[[RowT], ItemT]) -> ToItems[RowT, ItemT]:
    """``to_items`` for kinds whose items come from the row alone."""
    return lambda _session, rows: [to_item(row) for row in rows]
