"""The store's half of a kind of project record: which rows, how a draft goes onto one and a batch
of rows becomes the domain's items (``store.mapping``), the next ref, the order of a page, the links
to check and the rules an edit on a row must keep. The services' ``ProjectRecords`` adds validation and
the unit of work; everything that touches a row is here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar, cast

from deliverydesk.domain.refs import RefPrefix
from deliverydesk.store.kinds import RowKind
from deliverydesk.store.record_rows import (
    add_with_ref,
    editable_record,
    get_row,
    insert_new,
    live_project,
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

# Links to check on create (row None) and update (row before the change).
CheckLinks = Callable[[Session, DraftT, ProjectRow, RowT | None], None]
Write = Callable[[RowT, DraftT], None]  # the draft's fields onto the row: store.mapping.write_*
ApplyUpdate = Callable[[Session, RowT, DraftT], None]
ToItems = Callable[[Session, list[RowT]], list[ItemT]]


def mapped(to_item: Callable[[RowT], ItemT]) -> ToItems[RowT, ItemT]:
    """``to_items`` for kinds whose items come from the row alone."""
    return lambda _session, rows: [to_item(row) for row in rows]


@dataclass(frozen=True)
class RecordTable(Generic[RowT, DraftT, ItemT]):
    """One kind of record that belongs to a project (scope item, issue, review, ...), on the store's side."""

    kind: RowKind[RowT]
    write: Write[RowT, DraftT]
    to_items: ToItems[RowT, ItemT]  # a batch, so a page's linked names are looked up once
    ref_prefix: RefPrefix | None = None  # S-n, I-n...; None for kinds without a human ref
    order_by: tuple[str, ...] = ("ref",)
    descending: bool = False
    check_links: CheckLinks[DraftT, RowT] | None = None
    apply_update: ApplyUpdate[RowT, DraftT] | None = None  # rules on what an edit may change (then writes)

    @property
    def what(self) -> str:
        return self.kind.what

    def item(self, session: Session, row: RowT) -> ItemT:
        return self.to_items(session, [row])[0]

    def add(self, now: datetime, session: Session, draft: DraftT, **columns: Any) -> RowT:
        """Insert a validated draft; ``columns``: values of columns no draft has (where an import took
        the record from)."""
        project = live_project(session, draft.project_id)
        if self.check_links is not None:
            self.check_links(session, draft, project, None)
        row = self.kind.row_cls(**columns)
        self.write(row, draft)
        if self.ref_prefix is not None:
            add_with_ref(now, session, cast(RefRow, row), self.ref_prefix)  # a kind with refs has the column
        else:
            insert_new(now, session, row)
        return row

    def change(self, now: datetime, session: Session, record_id: str, draft: DraftT) -> RowT:
        """Save a validated draft onto its record."""
        row, project = editable_record(session, self.kind, record_id, draft.project_id)
        if self.check_links is not None:
            self.check_links(session, draft, project, row)
        if self.apply_update is not None:
            self.apply_update(session, row, draft)
        else:
            self.write(row, draft)
        save_changes(now, session, row)
        return row

    def get(self, session: Session, record_id: str) -> ItemT:
        return self.item(session, get_row(session, self.kind, record_id))

    def page(
        self,
        session: Session,
        where: dict[str, object],
        *,
        include_archived: bool,
        offset: int,
        limit: int,
        order_by: Sequence[str] | None = None,
    ) -> tuple[list[ItemT], int]:
        """One page of the records matching ``where`` (column == value), and the total."""
        rows, total = list_rows(
            session,
            self.kind.row_cls,
            where=where,
            include_archived=include_archived,
            order_by=self.order_by if order_by is None else order_by,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )
        return self.to_items(session, rows), total

    def set_archived(self, now: datetime, session: Session, record_id: str, *, archived: bool) -> ItemT:
        return set_archived(now, session, self.kind, record_id, self.item, archived=archived)
