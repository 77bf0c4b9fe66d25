"""What every record's rows share, written once for the services: look one up by id (archived or not,
or only when it may be changed), insert a new one stamped by the clock, save changes, archive and
restore, refs, and the links a record may hold (a contact of the project's client, a record of the
same project). A kind of record is named by its ``store.kinds.RowKind``; times come from the caller
(the service's injected clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from deliverydesk.domain.models import ProjectItem
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.domain.validation import ContactFacts, check_project_contact
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import mapping
from deliverydesk.store.kinds import CONTACT, PROJECT, RowKind
from deliverydesk.store.records import (
    ProjectChildRow,
    RefRow,
    Session,
    StoredRow,
    client_name,
    refs_in_project,
)
from deliverydesk.store.tables import ProjectRow

RowT = TypeVar("RowT", bound=StoredRow)
ChildT = TypeVar("ChildT", bound=ProjectChildRow)
DraftT = TypeVar("DraftT")
ItemT = TypeVar("ItemT")


def stamp_new(now: datetime, row: StoredRow) -> None:
    """Timestamps come from the injected clock, like every other time."""
    row.created_at = row.updated_at = now


def insert_new(now: datetime, session: Session, row: StoredRow) -> None:
    """Insert a new row, stamped by the clock, and flush (its id and defaults are then known)."""
    stamp_new(now, row)
    session.add(row)
    session.flush()


def save_changes(now: datetime, session: Session, row: StoredRow) -> None:
    row.updated_at = now
    session.flush()


def add_with_ref(now: datetime, session: Session, row: RefRow, prefix: RefPrefix) -> None:
    """Insert a project record with the next free ref of its kind (max + 1, archived refs count)."""
    row.ref = next_ref(prefix, refs_in_project(session, type(row), row.project_id))
    insert_new(now, session, row)


def find_row(session: Session, kind: RowKind[RowT], row_id: str | None) -> RowT | None:
    """The row with this id (archived or not), or None (also for no id)."""
    return None if row_id is None else session.get(kind.row_cls, row_id)


def get_row(session: Session, kind: RowKind[RowT], row_id: str) -> RowT:
    """The row with this id (archived or not), or NotFoundError naming the kind of record."""
    row = session.get(kind.row_cls, row_id)
    if row is None:
        raise not_found(kind.what)
    return row


def not_found(what: str) -> NotFoundError:
    """The error for a record of kind ``what`` that is not there (any more)."""
    return NotFoundError(
        msg(
            "The {what} was not found; it may have been removed by a sync or an import.",
            what=record_kind(what),
        )
    )


def get_editable(session: Session, kind: RowKind[RowT], row_id: str) -> RowT:
    """The row, refusing archived ones: an archived record is read-only until restored."""
    row = get_row(session, kind, row_id)
    if row.archived_at is not None:
        raise RuleError(
            msg("This {what} is archived.", what=record_kind(kind.what)),
            msg("Restore it before changing it."),
        )
    return row


def set_archived(
    now: datetime,
    session: Session,
    kind: RowKind[RowT],
    row_id: str,
    to_record: Callable[[Session, RowT], ItemT],
    *,
    archived: bool,
) -> ItemT:
    """Archive (tombstone) or restore one record; archiving twice keeps the first date."""
    row = get_row(session, kind, row_id)
    if archived != (row.archived_at is not None):
        row.archived_at = now if archived else None
        row.updated_at = now
    session.flush()
    return to_record(session, row)


def live_project(session: Session, project_id: str) -> ProjectRow:
    """The project a new or edited record belongs to; archived projects take no changes."""
    return get_editable(session, PROJECT, project_id)


def project_item(session: Session, row: ProjectRow) -> ProjectItem:
    """The project's item, with its client's name."""
    return mapping.project_item(row, client_name=client_name(session, row.client_id))


def get_project(session: Session, project_id: str) -> ProjectItem:
    """The project (archived or not), or NotFoundError."""
    return project_item(session, get_row(session, PROJECT, project_id))


def editable_record(
    session: Session, kind: RowKind[ChildT], row_id: str, project_id: str
) -> tuple[ChildT, ProjectRow]:
    """A project record to update, with its project: neither archived, and it stays in its project."""
    row = get_editable(session, kind, row_id)
    if row.project_id != project_id:
        raise RuleError(
            msg("A {what} cannot move to another project.", what=record_kind(kind.what)),
            msg("Create it in the other project instead."),
        )
    return row, live_project(session, project_id)


class OfClient(Protocol):
    """A project (its row or its item): whose client it works for."""

    @property
    def client_id(self) -> str: ...


def check_contact_link(
    session: Session, field: str, contact_id: str | None, project: OfClient, *, must_sign: bool = False
) -> None:
    """A linked contact must be a current contact of the project's client (and may sign, if asked)."""
    if contact_id is None:
        return
    row = find_row(session, CONTACT, contact_id)
    facts = None
    if row is not None:
        facts = ContactFacts(row.name, row.client_id, row.can_sign, archived=row.archived_at is not None)
    check_project_contact(field, facts, project.client_id, must_sign=must_sign)


def check_same_project(
    session: Session, field: str, kind: RowKind[ChildT], row_id: str | None, project_id: str
) -> None:
    """A link (change request, scope item, milestone...) must point into the same project."""
    if row_id is None:
        return
    row = session.get(kind.row_cls, row_id)
    if row is None or row.project_id != project_id:
        raise ValidationError({field: msg("This linked record does not belong to this project.")})
