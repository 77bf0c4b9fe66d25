"""What a client document reads, as ``plain.Reader`` SQL: no ORM, and no SQLAlchemy on the plain road.

One home for these reads, two roads to them: the services' gather reads through its session
(``plain.reader(session)``: the same transaction), the command line's export of a draft through a
plain read-only ``sqlite3`` connection (``readonly.open_readonly``), so it never imports SQLAlchemy
(about a third of a short process). The rows map to the small records below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from deliverydesk.domain.enums import (
    ContactRole,
    ExpectationStatus,
    Language,
    LetterKind,
    LetterStatus,
    OwnerSide,
    PaperSize,
)
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.store.plain import Reader, to_date, to_datetime, to_enum

# --- the records ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentProject:
    """The project's columns a document prints or computes with."""

    id: str
    code: str
    name: str
    client_id: str
    contract_ref: str
    contract_value_cents: int
    currency: str
    start_date: date | None
    created_at: datetime
    language: Language
    holiday_calendar: str
    goodwill_budget_hours: float


@dataclass(frozen=True)
class DocumentClient:
    id: str
    name: str
    address: str


@dataclass(frozen=True)
class DocumentContact:
    name: str
    title: str
    email: str
    phone: str
    role: ContactRole
    can_sign: bool


@dataclass(frozen=True)
class DocumentSettings:
    """The letterhead, the paper and who signs for the company (Settings)."""

    company_name: str = ""
    company_address: str = ""
    logo_png: bytes | None = None
    engineer_name: str = ""
    engineer_title: str = ""
    paper_size: PaperSize = PaperSize.A4


@dataclass(frozen=True)
class ExpectationLine:
    ref: str
    statement: str
    measure: str
    due_date: date | None
    status: ExpectationStatus


@dataclass(frozen=True)
class MilestoneLine:
    name: str
    baseline_date: date
    forecast_date: date | None
    owner_side: OwnerSide


# --- the reads -----------------------------------------------------------------------------------------

_PROJECT = (
    "SELECT id, code, name, client_id, contract_ref, contract_value_cents, currency, start_date, created_at,"
    " language, holiday_calendar, goodwill_budget_hours FROM project"
)
# Live rows of one project in ref order: refs sort by length first, so S-2 comes before S-10
# (``store.records.list_rows`` orders the same way).
_BY_REF = "WHERE project_id = :project AND archived_at IS NULL ORDER BY length(ref), ref"


def _not_found(what: str) -> NotFoundError:
    return NotFoundError(
        msg(
            "The {what} was not found; it may have been removed by a sync or an import.",
            what=record_kind(what),
        )
    )


def project_id_by_code(reader: Reader, code: str) -> str | None:
    """The project with this code, without case (archived or not)."""
    found = reader.scalar("SELECT id FROM project WHERE upper(code) = :code", {"code": code.upper()})
    return None if found is None else str(found)


def document_project(reader: Reader, project_id: str) -> DocumentProject:
    row = reader.first(f"{_PROJECT} WHERE id = :id", {"id": project_id})
    if row is None:
        raise _not_found("project")
    (
        id_,
        code,
        name,
        client_id,
        contract_ref,
        value,
        currency,
        start,
        created,
        language,
        holidays,
        goodwill,
    ) = row
    return DocumentProject(
        id=id_,
        code=code,
        name=name,
        client_id=client_id,
        contract_ref=contract_ref,
        contract_value_cents=int(value),
        currency=currency,
        start_date=to_date(start),
        created_at=to_datetime(created) or datetime.min.replace(tzinfo=UTC),
        language=to_enum(Language, language),
        holiday_calendar=holidays,
        goodwill_budget_hours=float(goodwill),
    )


def document_client(reader: Reader, client_id: str) -> DocumentClient:
    row = reader.first("SELECT id, name, address FROM client WHERE id = :id", {"id": client_id})
    if row is None:
        raise _not_found("client")
    return DocumentClient(id=row[0], name=row[1], address=row[2])


def document_contacts(reader: Reader, client_id: str) -> tuple[DocumentContact, ...]:
    """The client's live contacts by name."""
    rows = reader.rows(
        "SELECT name, title, email, phone, role, can_sign FROM contact"
        " WHERE client_id = :client AND archived_at IS NULL ORDER BY name",
        {"client": client_id},
    )
    return tuple(
        DocumentContact(name, title, email, phone, to_enum(ContactRole, role), bool(can_sign))
        for name, title, email, phone, role, can_sign in rows
    )


def document_settings(reader: Reader) -> DocumentSettings:
    """The settings row (the oldest, should a second ever appear); the defaults when none was saved."""
    row = reader.first(
        "SELECT company_name, company_address, logo_png, engineer_name, engineer_title, paper_size"
        " FROM settings ORDER BY created_at LIMIT 1"
    )
    if row is None:
        return DocumentSettings()
    company, address, logo, engineer, title, paper = row
    logo_png = None if logo is None else bytes(logo)
    return DocumentSettings(company, address, logo_png, engineer, title, to_enum(PaperSize, paper))


def next_letter_version(reader: Reader, project_id: str, ref: str) -> int:
    """The version a document of this reference gets if issued now (versions are never reused)."""
    newest = reader.scalar(
        "SELECT max(version) FROM letter WHERE project_id = :project AND ref = :ref",
        {"project": project_id, "ref": ref},
    )
    return int(newest or 0) + 1


def expectation_lines(
    reader: Reader, project_id: str, statuses: Iterable[ExpectationStatus]
) -> tuple[ExpectationLine, ...]:
    """The project's live expectations in one of ``statuses``, in ref order."""
    wanted = set(statuses)
    rows = reader.rows(
        f"SELECT ref, statement, measure, due_date, status FROM expectation {_BY_REF}",
        {"project": project_id},
    )
    lines = (
        ExpectationLine(ref, statement, measure, to_date(due), to_enum(ExpectationStatus, status))
        for ref, statement, measure, due, status in rows
    )
    return tuple(line for line in lines if line.status in wanted)


def exclusion_texts(reader: Reader, project_id: str) -> tuple[str, ...]:
    """The project's live exclusions (what the engagement does not include), in ref order."""
    rows = reader.rows(f"SELECT text FROM exclusion {_BY_REF}", {"project": project_id})
    return tuple(str(text) for (text,) in rows)


def milestone_lines(reader: Reader, project_id: str, side: OwnerSide) -> tuple[MilestoneLine, ...]:
    """The project's live milestones of one side by baseline date."""
    rows = reader.rows(
        "SELECT name, baseline_date, forecast_date, owner_side FROM milestone"
        " WHERE project_id = :project AND archived_at IS NULL ORDER BY baseline_date",
        {"project": project_id},
    )
    lines = (
        MilestoneLine(name, to_date(baseline) or date.min, to_date(forecast), to_enum(OwnerSide, owner))
        for name, baseline, forecast, owner in rows
    )
    return tuple(line for line in lines if line.owner_side is side)


def scope_deliverables(reader: Reader, project_id: str) -> tuple[tuple[str, str, str], ...]:
    """The project's live scope items as (ref, title, acceptance criteria), in ref order: the
    contracted deliverables an expectation letter lists."""
    rows = reader.rows(
        f"SELECT ref, title, acceptance_criteria FROM scope_item {_BY_REF}", {"project": project_id}
    )
    return tuple((str(ref), str(title), str(criteria or "")) for ref, title, criteria in rows)


def latest_issued_content(reader: Reader, project_id: str, kind: LetterKind) -> str | None:
    """The content (canonical JSON) of the newest letter of ``kind`` issued in the project, its
    translations aside (superseded ones count); None when none was issued."""
    issued = tuple(
        status.value for status in (LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED)
    )
    rows = reader.rows(
        "SELECT content_json FROM letter WHERE project_id = :project AND kind = :kind"
        " AND archived_at IS NULL AND translation_of_id IS NULL"
        f" AND status IN ({', '.join(f':s{n}' for n in range(len(issued)))})"
        " ORDER BY issued_at DESC, version DESC LIMIT 1",
        {"project": project_id, "kind": kind.value, **{f"s{n}": value for n, value in enumerate(issued)}},
    )
    return next((str(content) for (content,) in rows), None)
