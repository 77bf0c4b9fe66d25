"""Write-side SQL the services need: lookups, refs, paged child lists, blobs.

Services hold the ``Session`` of a unit of work and pass it in; every parameter is bound."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from deliverydesk.domain.enums import Language
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.store.plain import Reader, in_list, reader
from deliverydesk.store.tables import (
    BlobRow,
    ChangeRequestRow,
    ClientRow,
    ContactRow,
    LogEntryRow,
    PersonRow,
    ProjectRow,
    SettingsRow,
)

__all__ = ["ProjectChildRow", "RefRow", "Session", "StoredRow"]

RowT = TypeVar("RowT")


class StoredRow(Protocol):
    """What every row has (``tables.RecordMixin``): what the services' generic helpers may rely on."""

    id: str
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    row_version: int


class ProjectChildRow(StoredRow, Protocol):
    """A row that belongs to a project."""

    project_id: str


class RefRow(ProjectChildRow, Protocol):
    """A project's row with a human ref (S-3, M-2, CR-7...)."""

    ref: str


def column(row_cls: type[object], name: str) -> InstrumentedAttribute[Any]:
    attribute = getattr(row_cls, name)
    assert isinstance(attribute, InstrumentedAttribute), name
    return attribute


def refs_in_project(session: Session, row_cls: type[object], project_id: str) -> list[str]:
    """Every ref used in the project, archived records included (refs are never reused)."""
    query = select(column(row_cls, "ref")).where(column(row_cls, "project_id") == project_id)
    return list(session.scalars(query))


def list_rows(
    session: Session,
    row_cls: type[RowT],
    *,
    where: dict[str, object],
    include_archived: bool = False,
    order_by: Sequence[str] = ("created_at",),
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> tuple[list[RowT], int]:
    """One page of ``row_cls`` rows matching ``where`` (column == value), and the total count."""
    conditions = [column(row_cls, name) == value for name, value in where.items()]
    if not include_archived:
        conditions.append(column(row_cls, "archived_at").is_(None))
    total = session.scalar(select(func.count()).select_from(row_cls).where(*conditions)) or 0
    ordering = [key for name in order_by for key in _sort_keys(row_cls, name)]
    ordering = [c.desc() if descending else c.asc() for c in ordering]
    query = select(row_cls).where(*conditions).order_by(*ordering).offset(offset).limit(limit)
    return list(session.scalars(query)), total


def _sort_keys(row_cls: type[object], name: str) -> list[Any]:
    """Refs sort by length first, so S-2 comes before S-10."""
    key = column(row_cls, name)
    return [func.length(key), key] if name == "ref" else [key]


def project_code_taken(session: Session, code: str, exclude_id: str | None) -> bool:
    """Codes are unique across all projects, archived ones included."""
    query = select(ProjectRow.id).where(func.upper(ProjectRow.code) == code.upper())
    if exclude_id is not None:
        query = query.where(ProjectRow.id != exclude_id)
    return session.scalar(query.limit(1)) is not None


def count_projects(session: Session, *, client_id: str | None = None, live_only: bool = True) -> int:
    query = select(func.count()).select_from(ProjectRow)
    if client_id is not None:
        query = query.where(ProjectRow.client_id == client_id)
    if live_only:
        query = query.where(ProjectRow.archived_at.is_(None))
    return session.scalar(query) or 0


def project_language(session: Session, project_id: str) -> Language | None:
    """The project's document language (None: no such project)."""
    return session.scalar(select(ProjectRow.language).where(ProjectRow.id == project_id))


def client_name(session: Session, client_id: str) -> str:
    return session.scalar(select(ClientRow.name).where(ClientRow.id == client_id)) or ""


def contact_names(session: Session, contact_ids: Sequence[str]) -> dict[str, str]:
    if not contact_ids:
        return {}
    query = select(ContactRow.id, ContactRow.name).where(ContactRow.id.in_(set(contact_ids)))
    return {row.id: row.name for row in session.execute(query)}


def contact_languages(session: Session, client_ids: Sequence[str]) -> dict[str, list[tuple[Any, bool]]]:
    """{client id: [(language, may sign), ...]} of the clients' current contacts that have a language."""
    if not client_ids:
        return {}
    query = select(ContactRow.client_id, ContactRow.language, ContactRow.can_sign).where(
        ContactRow.client_id.in_(client_ids),
        ContactRow.archived_at.is_(None),
        ContactRow.language.is_not(None),
    )
    found: dict[str, list[tuple[Any, bool]]] = {}
    for client_id, language, can_sign in session.execute(query):
        found.setdefault(client_id, []).append((language, bool(can_sign)))
    return found


def newest_corrections(session: Session, entry_ids: Sequence[str]) -> dict[str, str]:
    """For each log entry id: the id of the newest entry correcting it (entries without none omitted)."""
    return corrections_of(reader(session), entry_ids)


def corrections_of(r: Reader, entry_ids: Sequence[str]) -> dict[str, str]:
    """``newest_corrections`` in a read-only unit (``Database.reading``)."""
    if not entry_ids:
        return {}
    params: dict[str, Any] = {}
    among = in_list("e", set(entry_ids), params)
    sql = f"SELECT correction_of_id, id FROM log_entry WHERE correction_of_id IN {among}"
    sql += " ORDER BY created_at, id"
    return {str(original): correction for original, correction in r.rows(sql, params)}


LOG_SORTS = ("occurred_at", "kind", "summary", "participants")  # what a log page may be sorted by


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def log_entry_page(
    session: Session,
    project_id: str,
    *,
    offset: int,
    limit: int,
    text: str = "",
    sort: str = "occurred_at",
    descending: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the project's live log entries, newest first (occurred, then written, then id), as
    plain mappings of every column plus ``corrected_by_id`` (see ``newest_corrections``); and the
    total. No ORM objects: a page is only read. (The corrections are a second query, by the page's
    ids: as a correlated subquery SQLite would run it for every entry it sorts, not only the page's.)

    ``text``: only entries whose summary, details or participants hold every word (literally);
    ``sort``: one of ``LOG_SORTS`` (then by when it happened, newest first)."""
    live = [LogEntryRow.project_id == project_id, LogEntryRow.archived_at.is_(None)]
    for word in text.split():
        pattern = _like(word)
        live.append(
            or_(
                LogEntryRow.summary.like(pattern, escape="\\"),
                LogEntryRow.details.like(pattern, escape="\\"),
                LogEntryRow.participants.like(pattern, escape="\\"),
            )
        )
    total = session.scalar(select(func.count()).select_from(LogEntryRow).where(*live)) or 0
    order: list[Any] = [LogEntryRow.occurred_at.desc(), LogEntryRow.created_at.desc(), LogEntryRow.id.desc()]
    if sort != "occurred_at":
        key = getattr(LogEntryRow, sort)
        order.insert(0, key.desc() if descending else key.asc())
    elif not descending:
        order = [LogEntryRow.occurred_at.asc(), LogEntryRow.created_at.asc(), LogEntryRow.id.asc()]
    query = select(*LogEntryRow.__table__.columns).where(*live).order_by(*order).offset(offset).limit(limit)
    rows = [dict(row) for row in session.execute(query).mappings()]
    corrected_by = newest_corrections(session, [row["id"] for row in rows])
    return [{**row, "corrected_by_id": corrected_by.get(row["id"])} for row in rows], total


def log_entry_position(session: Session, entry_id: str) -> int | None:
    """How many of the project's live entries come before ``entry_id`` in the log's order (newest first,
    as ``log_entry_page``): the offset of its page. None for an unknown or archived entry."""
    entry = session.get(LogEntryRow, entry_id)
    if entry is None or entry.archived_at is not None:
        return None
    newer = or_(
        LogEntryRow.occurred_at > entry.occurred_at,
        and_(
            LogEntryRow.occurred_at == entry.occurred_at,
            or_(
                LogEntryRow.created_at > entry.created_at,
                and_(LogEntryRow.created_at == entry.created_at, LogEntryRow.id > entry.id),
            ),
        ),
    )
    live = (LogEntryRow.project_id == entry.project_id, LogEntryRow.archived_at.is_(None))
    return session.scalar(select(func.count()).select_from(LogEntryRow).where(*live, newer)) or 0


def settings_row(session: Session) -> SettingsRow | None:
    """The single settings row (the oldest, should a second ever appear)."""
    return session.scalars(select(SettingsRow).order_by(SettingsRow.created_at).limit(1)).first()


def live_person_named(session: Session, name: str) -> PersonRow | None:
    """The live roster person with this name, compared without case (names are unique that way).
    A roster holds tens of people: compared in Python, where case folding knows every script."""
    folded = name.strip().casefold()
    people = session.scalars(select(PersonRow).where(PersonRow.archived_at.is_(None)))
    return next((row for row in people if row.name.strip().casefold() == folded), None)


def blob_exists(session: Session, sha256: str) -> bool:
    return session.scalar(select(BlobRow.sha256).where(BlobRow.sha256 == sha256)) is not None


def blob_data(session: Session, sha256: str) -> bytes | None:
    return session.scalar(select(BlobRow.data).where(BlobRow.sha256 == sha256))


def add_blob(session: Session, data: bytes) -> str:
    """Store ``data`` once by its SHA-256 (kept as is when already there) and return the digest."""
    digest = sha256_hex(data)
    if not blob_exists(session, digest):
        session.add(BlobRow(sha256=digest, size=len(data), data=data))
        session.flush()  # the blob first: an attachment's foreign key may point at it next
    return digest


def change_request_id(session: Session, project_id: str, ref: str) -> str | None:
    """The id of the project's change request with this ref (archived ones included), or None."""
    query = select(ChangeRequestRow.id).where(
        ChangeRequestRow.project_id == project_id, ChangeRequestRow.ref == ref
    )
    return session.scalar(query.limit(1))


def project_id_by_code(session: Session, code: str) -> str | None:
    return session.scalar(select(ProjectRow.id).where(func.upper(ProjectRow.code) == code.upper()))
