"""Signing an issued letter: who signed, where, when (the clock) and how.

* on screen: the signature pad's PNG is drawn into the client's signature block and the signed PDF is
  kept in the blob store under its SHA-256 (``signed_pdf_sha256``);
* on paper: the scan is attached to the letter (stored by content hash);
* by e-mail: the log entry holding the confirmation is linked;
* refused: the letter stays issued, with the note saying what happened.

The signer is either a contact of the client marked "may sign" (``contact_id``: checked strictly) or a
free name: then the result carries a warning when the name is not such a contact.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, replace

from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.domain.enums import LetterStatus, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.models import LetterItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.reports.documents.data import ProgressSummaryData, ReportData
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.attachments import add_attachment
from deliverydesk.services.records.common import check_contact_link, check_same_project, get_row, to_item
from deliverydesk.store.records import Session, add_blob, list_rows
from deliverydesk.store.tables import ContactRow, LetterRow, LogEntryRow, ProjectRow

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SIGNATURE_MAX_BYTES = 512 * 1024
SIGNATURE_MAX_SIZE = (3000, 1500)  # pixels: a pad image, never a photo
TEXT_MAX = 200
NOTE_MAX = 4000


@dataclass(frozen=True)
class SignRequest:
    letter_id: str
    method: SignMethod
    signer_name: str
    signer_title: str = ""
    place: str = ""
    contact_id: str | None = None  # a contact of the client who may sign (checked strictly)
    signature_png: bytes | None = None  # on screen
    scan: bytes | None = None  # on paper
    scan_filename: str = "signed-scan.pdf"
    scan_media_type: str = "application/pdf"
    log_entry_id: str | None = None  # by e-mail
    note: str = ""  # required when refused


@dataclass(frozen=True)
class SignResult:
    letter: LetterItem
    warnings: tuple[str, ...] = ()
    signed_pdf: bytes | None = None  # on screen: the PDF with the signature drawn in


def validate_sign_request(request: SignRequest) -> SignRequest:
    errors: dict[str, str] = {}
    name, title, place = (v.strip() for v in (request.signer_name, request.signer_title, request.place))
    if not name:
        errors["signer_name"] = "Enter the name of the person who signed (or refused)."
    for field, value in (("signer_name", name), ("signer_title", title), ("place", place)):
        if len(value) > TEXT_MAX:
            errors[field] = f"Keep this under {TEXT_MAX} characters."
    if len(request.note) > NOTE_MAX:
        errors["note"] = f"Keep the note under {NOTE_MAX} characters."
    needed = {
        SignMethod.ON_SCREEN: ("signature_png", request.signature_png, "Sign on the pad first."),
        SignMethod.ON_PAPER: ("scan", request.scan, "Attach the scan of the signed paper."),
        SignMethod.BY_EMAIL: ("log_entry_id", request.log_entry_id, "Choose the log entry with the e-mail."),
        SignMethod.REFUSED: ("note", request.note.strip(), "Say what happened: why they refused."),
    }[request.method]
    if not needed[1]:
        errors[needed[0]] = needed[2]
    if request.method is SignMethod.ON_SCREEN and request.signature_png:
        problem = png_problem(request.signature_png)
        if problem:
            errors["signature_png"] = problem
    if errors:
        raise ValidationError(errors)
    return replace(request, signer_name=name, signer_title=title, place=place, note=request.note.strip())


def png_problem(data: bytes) -> str:
    """Why this is not an acceptable signature image ("" when it is)."""
    if not data.startswith(PNG_MAGIC) or len(data) < 24:
        return "The signature is not a PNG image."
    if len(data) > SIGNATURE_MAX_BYTES:
        return "The signature image is too large."
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= SIGNATURE_MAX_SIZE[0] and 0 < height <= SIGNATURE_MAX_SIZE[1]):
        return "The signature image has an unexpected size."
    return ""


def with_signature(printed: ReportData, row: LetterRow) -> ReportData:
    """The sealed document with the client's signature block filled in from the letter's record."""
    if isinstance(printed, ProgressSummaryData):
        raise RuleError("A progress summary has no signature block.")
    signed_on = row.signed_at.astimezone().date() if row.signed_at else None
    block = replace(
        printed.client_signatory,
        name=row.signer_name,
        title=row.signer_title,
        signed_on=signed_on,
        place=row.sign_place,
        signature_png=row.signature_png,
    )
    return replace(printed, client_signatory=block)


def _signable(session: Session, letter_id: str) -> LetterRow:
    row = get_row(session, LetterRow, letter_id, "letter")
    if row.status is LetterStatus.SIGNED:
        raise RuleError(f"{row.ref} version {row.version} is already signed.")
    if row.status is not LetterStatus.ISSUED:
        raise RuleError(
            f"{row.ref} version {row.version} is {row.status.value}: "
            "only the current issued version can be signed."
        )
    return row


def signer_warnings(session: Session, project: ProjectRow, request: SignRequest) -> tuple[str, ...]:
    if request.contact_id is not None:
        check_contact_link(session, "contact_id", request.contact_id, project, must_sign=True)
        return ()
    contacts, _total = list_rows(session, ContactRow, where={"client_id": project.client_id}, limit=1000)
    same = [c for c in contacts if c.name.strip().casefold() == request.signer_name.casefold()]
    if any(c.can_sign for c in same):
        return ()
    if same:
        return (f"{request.signer_name} is a contact of the client but is not marked as allowed to sign.",)
    return (
        f"{request.signer_name} is not a recorded contact of the client: make sure they may sign for it.",
    )


def record_signature(
    ctx: ServiceContext,
    request: SignRequest,
    *,
    render: Callable[[ReportData], bytes],
    sealed: Callable[[LetterRow], ReportData],
) -> SignResult:
    request = validate_sign_request(request)
    with ctx.db.unit_of_work() as session:
        project_id = _signable(session, request.letter_id).project_id
    if request.method is SignMethod.ON_PAPER and request.scan:
        draft = AttachmentDraft(
            project_id=project_id,
            filename=request.scan_filename,
            data=request.scan,
            media_type=request.scan_media_type,
            letter_id=request.letter_id,
        )
        add_attachment(ctx, draft)  # first: a scan that cannot be stored leaves the letter unsigned
    with ctx.db.unit_of_work() as session:
        row = _signable(session, request.letter_id)
        project = get_row(session, ProjectRow, row.project_id, "project")
        warnings = signer_warnings(session, project, request)
        check_same_project(session, "log_entry_id", LogEntryRow, request.log_entry_id, row.project_id)
        _record(ctx, row, request)
        on_screen = request.method is SignMethod.ON_SCREEN
        signed_pdf = _draw_signature(row, render, sealed) if on_screen else None
        session.flush()  # the letter's changes in one flush (one audit event), then its signed copy
        if signed_pdf is not None:
            add_blob(session, signed_pdf)  # the exact signed bytes, kept under signed_pdf_sha256
        return SignResult(to_item(LetterItem, row), warnings, signed_pdf)


def _draw_signature(
    row: LetterRow, render: Callable[[ReportData], bytes], sealed: Callable[[LetterRow], ReportData]
) -> bytes:
    """The signed PDF: the sealed letter with the signature drawn in; its SHA-256 goes on the letter."""
    signed_pdf = render(with_signature(sealed(row), row))
    row.signed_pdf_sha256 = sha256_hex(signed_pdf)
    return signed_pdf


def _record(ctx: ServiceContext, row: LetterRow, request: SignRequest) -> None:
    row.signer_name, row.signer_title, row.sign_place = (
        request.signer_name,
        request.signer_title,
        request.place,
    )
    row.signed_at = ctx.now()
    row.sign_method = request.method
    row.sign_note = request.note
    row.sign_log_entry_id = request.log_entry_id if request.method is SignMethod.BY_EMAIL else None
    row.signature_png = request.signature_png if request.method is SignMethod.ON_SCREEN else None
    if request.method is not SignMethod.REFUSED:
        row.status = LetterStatus.SIGNED
    row.updated_at = ctx.now()
