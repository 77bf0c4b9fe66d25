"""SQL for issued documents (letters): versions, look-ups by hash and fingerprint, and the guard that
keeps issued content immutable whatever code path tries to change it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Select,
    event,
    inspect,
    or_,
    select,
)
from sqlalchemy.orm import Session

from deliverydesk.domain.enums import ExpectationStatus, LetterKind, LetterStatus
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.store import letter_sql
from deliverydesk.store.plain import reader
from deliverydesk.store.tables import (
    AttachmentRow,
    ClientRow,
    ExportedDocumentRow,
    LetterRow,
    LogEntryRow,
    ProjectRow,
    SettingsRow,
    SignatureRow,
)

# Once a letter is issued these never change; signing adds signature events and sets the status.
SEALED_COLUMNS = ("kind", "ref", "version", "language", "content_json", "fingerprint", "pdf_sha256")
ISSUED_STATES = (LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED)


@event.listens_for(LetterRow, "before_update")
def _refuse_sealed_changes(_mapper: Any, _connection: Any, target: LetterRow) -> None:
    state = inspect(target)
    before: list[Any] = list(state.attrs.status.history.deleted or ())
    was_draft = bool(before) and before[0] is LetterStatus.DRAFT
    if target.status is LetterStatus.DRAFT or was_draft:
        return
    changed = [name for name in SEALED_COLUMNS if state.attrs[name].history.has_changes()]
    if changed:
        raise RuleError(
            msg(
                "Letter {ref} version {version} was issued; its content can never change.",
                ref=target.ref,
                version=target.version,
            ),
            msg("Issue a new version instead: it supersedes this one."),
        )


@event.listens_for(SignatureRow, "before_update")
def _refuse_signature_changes(_mapper: Any, _connection: Any, target: SignatureRow) -> None:
    """A signature event records what happened: it is added, never changed (archiving aside)."""
    state = inspect(target)
    kept = {"archived_at", "updated_at", "row_version"}
    if any(a.history.has_changes() for a in state.attrs if a.key not in kept):
        raise RuleError(
            msg("A recorded signature can never change."), msg("Record what happened next as a new one.")
        )


def letter_signatures(session: Session, letter_ids: Iterable[str]) -> dict[str, list[SignatureRow]]:
    """The live signature events of these letters, each letter's in the order they were recorded (the
    client's before the vendor's recorded with it)."""
    ids = set(letter_ids)
    found: dict[str, list[SignatureRow]] = {letter_id: [] for letter_id in ids}
    if not ids:
        return found
    query = (
        select(SignatureRow)
        .where(SignatureRow.letter_id.in_(ids), SignatureRow.archived_at.is_(None))
        .order_by(SignatureRow.recorded_at, SignatureRow.party, SignatureRow.created_at, SignatureRow.id)
    )
    for row in session.scalars(query):
        found[row.letter_id].append(row)
    return found


def attachment_hashes(session: Session, attachment_ids: Iterable[str]) -> dict[str, str]:
    """The SHA-256 of each of these attachments' bytes."""
    ids = set(attachment_ids)
    if not ids:
        return {}
    query = select(AttachmentRow.id, AttachmentRow.sha256).where(AttachmentRow.id.in_(ids))
    return {row.id: row.sha256 for row in session.execute(query)}


def project_letters(session: Session, project_id: str) -> list[LetterRow]:
    """Every live letter of the project: newest issue first."""
    query = (
        select(LetterRow)
        .where(LetterRow.project_id == project_id, LetterRow.archived_at.is_(None))
        .order_by(LetterRow.issued_at.desc(), LetterRow.ref, LetterRow.version.desc())
    )
    return list(session.scalars(query))


def letter_versions(session: Session, project_id: str, ref: str) -> list[LetterRow]:
    """Every version of one letter (archived ones too: versions are never reused), oldest first."""
    query = (
        select(LetterRow)
        .where(LetterRow.project_id == project_id, LetterRow.ref == ref)
        .order_by(LetterRow.version)
    )
    return list(session.scalars(query))


def letters_with_pdf_hash(session: Session, sha256: str) -> list[LetterRow]:
    query = select(LetterRow).where(
        or_(LetterRow.pdf_sha256 == sha256, LetterRow.signed_pdf_sha256 == sha256)
    )
    return list(session.scalars(query.order_by(LetterRow.version)))


def letters_with_scan(session: Session, sha256: str) -> list[LetterRow]:
    """Letters that have this file attached (the scan of a letter signed on paper)."""
    query = (
        select(LetterRow)
        .join(AttachmentRow, AttachmentRow.letter_id == LetterRow.id)
        .where(AttachmentRow.sha256 == sha256, AttachmentRow.archived_at.is_(None))
        .order_by(LetterRow.version)
    )
    return list(session.scalars(query))


def letters_with_fingerprint(session: Session, fingerprint: str) -> list[LetterRow]:
    query = select(LetterRow).where(LetterRow.fingerprint == fingerprint).order_by(LetterRow.version)
    return list(session.scalars(query))


def _newest_issued(project_id: Any, kind: LetterKind) -> Select[Any]:
    """Letters of this kind issued in the project (superseded ones count), newest first."""
    return (
        select(LetterRow)
        .where(
            LetterRow.project_id == project_id,
            LetterRow.kind == kind,
            LetterRow.archived_at.is_(None),
            LetterRow.status.in_(ISSUED_STATES),
        )
        .order_by(LetterRow.issued_at.desc(), LetterRow.version.desc())
        .limit(1)
    )


def latest_issued(session: Session, project_id: str, kind: LetterKind) -> LetterRow | None:
    """The most recently issued letter of this kind in the project (superseded ones count)."""
    return session.scalars(_newest_issued(project_id, kind)).first()


def newest_expectation_letter_outdated(
    session: Session, project_id: str, statuses: Iterable[ExpectationStatus]
) -> bool:
    """The project's newest issued expectation letter no longer lists its expectations as they are
    (False when none was issued). The Home page asks the same across projects."""
    r = reader(session)
    newest = letter_sql.newest_issued(":project_id", LetterKind.EXPECTATION_CONFIRMATION)
    differ = letter_sql.expectations_differ(r.sqlite, statuses)
    found = r.scalar(
        f"SELECT l.id FROM letter l WHERE l.id = ({newest}) AND {differ}", {"project_id": project_id}
    )
    return found is not None


def seal_identity(session: Session) -> tuple[str, str]:
    """(the settings row's id, the company name): what names this database's document seal; ("", "")
    before the settings are first saved or read."""
    row = session.execute(
        select(SettingsRow.id, SettingsRow.company_name).order_by(SettingsRow.created_at).limit(1)
    ).first()
    return (row.id, row.company_name) if row is not None else ("", "")


def letters_with_fingerprint_prefix(session: Session, short: str) -> list[LetterRow]:
    """Letters whose fingerprint begins with ``short`` (the 12 characters printed on every page)."""
    query = select(LetterRow).where(LetterRow.fingerprint.startswith(short, autoescape=True))
    return list(session.scalars(query.order_by(LetterRow.version).limit(20)))


def client_name_of(session: Session, project_id: str) -> str:
    """The name of the project's client ("" when the project is gone)."""
    query = select(ClientRow.name).join(ProjectRow, ProjectRow.client_id == ClientRow.id)
    return session.scalar(query.where(ProjectRow.id == project_id)) or ""


def log_entry_brief(session: Session, entry_id: str) -> tuple[datetime, str] | None:
    """(when it happened, its summary) of a log entry, None when there is none."""
    row = session.execute(
        select(LogEntryRow.occurred_at, LogEntryRow.summary).where(LogEntryRow.id == entry_id)
    ).first()
    return (row.occurred_at, row.summary) if row is not None else None


def project_code_of(session: Session, project_id: str) -> str:
    return session.scalar(select(ProjectRow.code).where(ProjectRow.id == project_id)) or ""


@dataclass(frozen=True)
class ExportedCopy:
    name: str  # "evidence pack DD-2026-014-EV-CR-3"
    project_id: str
    pdf_sha256: str


_EXPORTED_KINDS = {"evidence_pack": "evidence pack", "review_report": "review report"}


def _exported(row: ExportedDocumentRow) -> ExportedCopy:
    return ExportedCopy(
        f"{_EXPORTED_KINDS.get(row.kind, row.kind)} {row.reference}", row.project_id, row.pdf_sha256
    )


def exported_with_hash(session: Session, sha256: str) -> list[ExportedCopy]:
    query = select(ExportedDocumentRow).where(ExportedDocumentRow.pdf_sha256 == sha256)
    return [
        _exported(row) for row in session.scalars(query.order_by(ExportedDocumentRow.exported_at).limit(20))
    ]


def exported_with_fingerprint(
    session: Session, fingerprint: str, *, prefix: bool = False
) -> list[ExportedCopy]:
    column = ExportedDocumentRow.fingerprint
    condition = column.startswith(fingerprint, autoescape=True) if prefix else column == fingerprint
    query = select(ExportedDocumentRow).where(condition).order_by(ExportedDocumentRow.exported_at.desc())
    return [_exported(row) for row in session.scalars(query.limit(20))]


def keep_exported_copy(
    session: Session, *, project_id: str, kind: str, reference: str, fingerprint: str, pdf: bytes, when: Any
) -> None:
    """Keep the exact PDF of an exported evidence pack or review report (once per content)."""
    from deliverydesk.store.records import add_blob

    sha = add_blob(session, pdf)
    if session.scalar(select(ExportedDocumentRow.id).where(ExportedDocumentRow.pdf_sha256 == sha)) is None:
        session.add(
            ExportedDocumentRow(
                project_id=project_id,
                kind=kind,
                reference=reference,
                fingerprint=fingerprint,
                pdf_sha256=sha,
                exported_at=when,
                created_at=when,
                updated_at=when,
            )
        )
