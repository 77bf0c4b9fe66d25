"""Letters' rows for ``services.documents``: issued letters as the domain's items with their signature
events, inserting a newly issued version, saving the state issuing, superseding and signing leave a
letter in, and recording a signature event. What a letter may become is the services' rule; issued
content never changes (``store.document_queries`` refuses it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from deliverydesk.domain.enums import Language, LetterKind, LetterStatus, SignatureParty, SignMethod
from deliverydesk.domain.models import ContactItem, LetterItem, LogEntryItem, SignatureItem
from deliverydesk.store import kinds, mapping
from deliverydesk.store.document_queries import (
    attachment_hashes,
    letter_signatures,
    letter_versions,
    project_letters,
)
from deliverydesk.store.log_rows import log_items
from deliverydesk.store.record_rows import find_row, get_row, insert_new, stamp_new
from deliverydesk.store.records import Session, list_rows, settings_row
from deliverydesk.store.tables import ContactRow, LetterRow, SignatureRow


def letter_items(session: Session, rows: Sequence[LetterRow]) -> list[LetterItem]:
    """Items of these letters with their signature events (one query for all)."""
    events = letter_signatures(session, [row.id for row in rows])
    scan_ids = [e.attachment_id for found in events.values() for e in found if e.attachment_id]
    scans = attachment_hashes(session, scan_ids)

    def item(event: SignatureRow) -> SignatureItem:
        return mapping.signature_item(event, scan_sha256=scans.get(event.attachment_id or "", ""))

    return [mapping.letter_item(row, signatures=tuple(item(e) for e in events[row.id])) for row in rows]


def letter_item(session: Session, row: LetterRow) -> LetterItem:
    return letter_items(session, [row])[0]


def letter_of(session: Session, letter_id: str) -> LetterItem:
    """The letter (archived or not), or NotFoundError."""
    return letter_item(session, get_row(session, kinds.LETTER, letter_id))


def letters_of_project(session: Session, project_id: str) -> list[LetterItem]:
    """Every live letter of the project: newest issue first."""
    return letter_items(session, project_letters(session, project_id))


def versions_of(session: Session, project_id: str, ref: str) -> list[LetterItem]:
    """Every version of one letter (archived ones too: versions are never reused), oldest first."""
    return letter_items(session, letter_versions(session, project_id, ref))


def add_letter(
    now: datetime,
    session: Session,
    *,
    project_id: str,
    kind: LetterKind,
    ref: str,
    version: int,
    language: Language,
    change_request_id: str | None,
    content_json: str,
    fingerprint: str,
    pdf_sha256: str,
    issued_by: str,
    issued_host: str,
    translation_of_id: str | None,
) -> LetterItem:
    """Insert a newly issued version (issued now), flushed together with whatever the caller changed
    before it (the versions it supersedes)."""
    row = LetterRow(
        project_id=project_id,
        kind=kind,
        ref=ref,
        version=version,
        language=language,
        change_request_id=change_request_id,
        content_json=content_json,
        fingerprint=fingerprint,
        pdf_sha256=pdf_sha256,
        status=LetterStatus.ISSUED,
        issued_at=now,
        issued_by=issued_by,
        issued_host=issued_host,
        translation_of_id=translation_of_id,
    )
    stamp_new(now, row)
    session.add(row)
    session.flush()
    return letter_item(session, row)


def save_letter(session: Session, letter: LetterItem, *, now: datetime | None = None) -> None:
    """Write the state an action leaves ``letter`` in (its status and signed copy's SHA-256; the
    sealed content never changes) onto its row, stamped ``now`` when given. Not flushed: it goes out
    with the caller's next flush."""
    row = get_row(session, kinds.LETTER, letter.id)
    row.status, row.signed_pdf_sha256 = letter.status, letter.signed_pdf_sha256
    if now is not None:
        row.updated_at = now


def add_signature(
    now: datetime,
    session: Session,
    letter: LetterItem,
    *,
    party: SignatureParty,
    method: SignMethod,
    signer_name: str,
    signer_title: str,
    signed_on: date,
    place: str,
    recorded_by: str,
    contact_id: str | None = None,
    note: str = "",
    log_entry_id: str | None = None,
    attachment_id: str | None = None,
    signature_png: bytes | None = None,
) -> SignatureItem:
    """Record one signature event on ``letter``, recorded now (flushed: its id is then known)."""
    event = SignatureRow(
        project_id=letter.project_id,
        letter_id=letter.id,
        party=party,
        method=method,
        signer_name=signer_name,
        signer_title=signer_title,
        contact_id=contact_id,
        signed_on=signed_on,
        place=place,
        recorded_at=now,
        recorded_by=recorded_by,
        note=note,
        log_entry_id=log_entry_id,
        attachment_id=attachment_id,
        signature_png=signature_png,
    )
    insert_new(now, session, event)
    scans = attachment_hashes(session, [attachment_id]) if attachment_id else {}
    return mapping.signature_item(event, scan_sha256=scans.get(attachment_id or "", ""))


def find_log_entry(session: Session, entry_id: str | None) -> LogEntryItem | None:
    """The log entry with this id (archived or not), or None (also for no id)."""
    row = find_row(session, kinds.LOG_ENTRY, entry_id)
    return None if row is None else log_items(session, [row])[0]


def client_contacts(session: Session, client_id: str) -> list[ContactItem]:
    """The client's live contacts, oldest first (a client has tens)."""
    rows, _ = list_rows(session, ContactRow, where={"client_id": client_id}, limit=1000)
    return [mapping.contact_item(row) for row in rows]


def vendor_block(session: Session) -> tuple[str, str] | None:
    """Your title and place from the settings (None: no settings yet), for the vendor's signature."""
    settings = settings_row(session)
    return None if settings is None else (settings.engineer_title, settings.engineer_place)
