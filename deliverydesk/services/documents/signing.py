"""Signing an issued letter: who signed, how, on which day, recorded when and by whom, on what evidence.

Each signature is an event (a ``SignatureItem``, stored by ``store.letter_rows.add_signature``),
recorded in one unit of work with all it implies:

* only a contact of the client entitled to sign ("may sign") can sign; anyone else is refused with the
  reason (a typed name must be exactly such a contact);
* on screen: signed today; the pad's PNG is drawn into the client's block, and the vendor's block is
  filled too (your name and title, today, your place from Settings): a vendor event is recorded with the
  client's;
* on paper: signed on the day entered; the scan is attached to the letter (stored by content hash);
* by e-mail: the log entry holding the e-mail is linked; it must be an e-mail that names the signer
  among its participants (a coordinator's e-mail is not the decision maker's signature); signed on the
  day entered, else the e-mail's day;
* a signature of an expectation letter confirms every expectation of that letter version (each links
  the letter); an expectation changed since the version was issued is not confirmed (a warning says so);
* refused: the letter stays issued, nothing is confirmed, the note says what happened; Home shows it;
* signed (whichever way): the signed PDF, the signer's block filled in and the completion certificate
  at the end (``services.documents.certificate``), is kept in the blob store under its SHA-256
  (``signed_pdf_sha256``).

``signed_on`` is when the client signed; ``recorded_at`` / ``recorded_by`` when and by whom it was
entered here. Events are never changed (``store.document_queries`` refuses it).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.domain.enums import (
    ExpectationStatus,
    LetterStatus,
    LogKind,
    SignatureParty,
    SignMethod,
)
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.models import ContactItem, LetterItem, LogEntryItem, ProjectItem, SignatureItem
from deliverydesk.domain.printing import unprintable_reason
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import NP_, Message, msg, msg_p
from deliverydesk.reports.documents.data import (
    CertificateData,
    ProgressSummaryData,
    ReportData,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import document_kind, kind_of
from deliverydesk.services.documents.certificate import certificate_for
from deliverydesk.services.records.attachments import checked_draft, store_attachment
from deliverydesk.services.records.auto_log import log_letter_signed
from deliverydesk.services.records.common import check_contact_link
from deliverydesk.services.records.settings import you_row
from deliverydesk.store.audit import login_name
from deliverydesk.store.client_rows import get_contact
from deliverydesk.store.letter_rows import (
    add_signature,
    client_contacts,
    find_log_entry,
    letter_of,
    save_letter,
    vendor_block,
)
from deliverydesk.store.record_rows import get_project
from deliverydesk.store.records import Session, add_blob

# a letter's status as a refusal names it ("... version 2 is superseded: ...")
_STATUS_WORDS = {
    LetterStatus.DRAFT: NP_("letter status", "draft"),
    LetterStatus.SIGNED: NP_("letter status", "signed"),
    LetterStatus.SUPERSEDED: NP_("letter status", "superseded"),
}

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SIGNATURE_MAX_BYTES = 512 * 1024
SIGNATURE_MAX_SIZE = (3000, 1500)  # pixels: a pad image, never a photo
TEXT_MAX = 200
NOTE_MAX = 4000
CONFIRMABLE = (ExpectationStatus.DRAFT,)  # met, missed and withdrawn ones keep their status


@dataclass(frozen=True)
class SignRequest:
    letter_id: str
    method: SignMethod
    signer_name: str = ""  # a typed name must be a contact entitled to sign (a refusal: anyone)
    signer_title: str = ""
    place: str = ""
    contact_id: str | None = None  # the contact who signed (entitled to sign), or who refused
    signed_on: date | None = None  # when the client signed: paper (required), e-mail, refusal
    signature_png: bytes | None = None  # on screen
    scan: bytes | None = None  # on paper
    scan_filename: str = "signed-scan.pdf"
    scan_media_type: str = "application/pdf"
    log_entry_id: str | None = None  # by e-mail
    note: str = ""  # required when refused


@dataclass(frozen=True)
class SignResult:
    letter: LetterItem
    warnings: tuple[Message, ...] = ()
    signed_pdf: bytes | None = None  # on screen: the PDF with the signatures drawn in
    confirmed: tuple[str, ...] = ()  # refs of the expectations the signature confirmed


def validate_sign_request(request: SignRequest) -> SignRequest:
    errors: dict[str, Message] = {}
    name, title, place = (v.strip() for v in (request.signer_name, request.signer_title, request.place))
    if not name and request.contact_id is None:
        errors["signer_name"] = msg("Enter the name of the person who signed (or refused).")
    for field, value in (("signer_name", name), ("signer_title", title), ("place", place)):
        if len(value) > TEXT_MAX:
            errors[field] = msg("Keep this under {limit} characters.", limit=TEXT_MAX)
    if len(request.note) > NOTE_MAX:
        errors["note"] = msg("Keep the note under {limit} characters.", limit=NOTE_MAX)
    for field, value in (
        ("signer_name", name),
        ("signer_title", title),
        ("place", place),
        ("note", request.note),
    ):
        reason = unprintable_reason(value)  # the certificate page prints them
        if reason is not None:
            errors.setdefault(field, reason)
    needed = {
        SignMethod.ON_SCREEN: ("signature_png", request.signature_png, msg("Sign on the pad first.")),
        SignMethod.ON_PAPER: ("scan", request.scan, msg("Attach the scan of the signed paper.")),
        SignMethod.BY_EMAIL: (
            "log_entry_id",
            request.log_entry_id,
            msg("Choose the log entry with the e-mail."),
        ),
        SignMethod.REFUSED: ("note", request.note.strip(), msg("Say what happened: why they refused.")),
    }[request.method]
    if not needed[1]:
        errors[needed[0]] = needed[2]
    if request.method is SignMethod.ON_PAPER and request.signed_on is None:
        errors["signed_on"] = msg("Enter the day the client signed the paper.")
    if request.method is SignMethod.ON_SCREEN and request.signature_png:
        problem = png_problem(request.signature_png)
        if problem:
            errors["signature_png"] = problem
    if errors:
        raise ValidationError(errors)
    return replace(request, signer_name=name, signer_title=title, place=place, note=request.note.strip())


def png_problem(data: bytes) -> Message | None:
    """Why this is not an acceptable signature image (None when it is)."""
    if not data.startswith(PNG_MAGIC) or len(data) < 24:
        return msg("The signature is not a PNG image.")
    if len(data) > SIGNATURE_MAX_BYTES:
        return msg("The signature image is too large.")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= SIGNATURE_MAX_SIZE[0] and 0 < height <= SIGNATURE_MAX_SIZE[1]):
        return msg("The signature image has an unexpected size.")
    return None


# --- the signed document -------------------------------------------------------------------------


def with_signature(printed: ReportData, client: SignatureItem, vendor: SignatureItem | None) -> ReportData:
    """The sealed document with the client's signature block filled in (and the vendor's, when the
    vendor signed on screen too), from the signature events."""
    if not kind_of(printed).signature_block:
        raise RuleError(msg("A progress summary has no signature block."))
    assert not isinstance(printed, ProgressSummaryData)  # for the type checker: the registry says so
    signed = replace(
        printed,
        client_signatory=replace(
            printed.client_signatory,
            name=client.signer_name,
            title=client.signer_title,
            signed_on=client.signed_on,
            place=client.place,
            signature_png=client.signature_png,
        ),
    )
    if vendor is None:
        return signed
    block = replace(
        printed.supplier_signatory,
        name=vendor.signer_name or printed.supplier_signatory.name,
        title=vendor.signer_title or printed.supplier_signatory.title,
        signed_on=vendor.signed_on,
        place=vendor.place,
    )
    return replace(signed, supplier_signatory=block)


def signed_copy_events(letter: LetterItem) -> tuple[SignatureItem, SignatureItem | None] | None:
    """The client's signature and the vendor's (signed on screen with it) drawn into the letter's
    signed copy; None while it is not signed."""
    events = letter.signatures
    client = [e for e in events if e.party is SignatureParty.CLIENT and e.method is not SignMethod.REFUSED]
    vendor = [e for e in events if e.party is SignatureParty.VENDOR and e.method is SignMethod.ON_SCREEN]
    return (client[-1], vendor[-1] if vendor else None) if client else None


# --- recording a signature -----------------------------------------------------------------------


def _signable(session: Session, letter_id: str) -> LetterItem:
    row = letter_of(session, letter_id)
    if row.status is LetterStatus.SIGNED:
        raise RuleError(msg("{ref} version {version} is already signed.", ref=row.ref, version=row.version))
    if row.status is not LetterStatus.ISSUED:
        raise RuleError(
            msg(
                "{ref} version {version} is {status}: only the current issued version can be signed.",
                ref=row.ref,
                version=row.version,
                status=msg_p("letter status", _STATUS_WORDS.get(row.status, row.status.value)),
            )
        )
    return row


def _contact_named(session: Session, project: ProjectItem, name: str) -> ContactItem | None:
    """The client's live contact with this name (an entitled one first); ValidationError when the name
    is ambiguous among those entitled to sign."""
    contacts = client_contacts(session, project.client_id)
    same = [c for c in contacts if c.name.strip().casefold() == name.casefold()]
    entitled = [c for c in same if c.can_sign]
    if len(entitled) > 1:
        raise ValidationError(
            {
                "signer_name": msg(
                    "Several contacts of the client are named {name}: choose the one who signed.", name=name
                )
            }
        )
    found = entitled or same
    return found[0] if found else None


def _signer(session: Session, project: ProjectItem, request: SignRequest) -> ContactItem | None:
    """Who signed: a contact entitled to sign, or the signature is refused with the reason. A refusal
    may name anyone (the contact when there is one)."""
    refusal = request.method is SignMethod.REFUSED
    if request.contact_id is not None:
        check_contact_link(session, "signer_name", request.contact_id, project, must_sign=not refusal)
        return get_contact(session, request.contact_id)
    contact = _contact_named(session, project, request.signer_name)
    if refusal:
        return contact
    if contact is None:
        raise ValidationError(
            {
                "signer_name": msg(
                    "{signer_name} is not a recorded contact of the client, so this signature is refused:"
                    " only a contact entitled to sign can sign. Record them as a contact who may sign"
                    " first.",
                    signer_name=request.signer_name,
                )
            }
        )
    if not contact.can_sign:
        raise ValidationError(
            {
                "signer_name": msg(
                    "{name} is not entitled to sign for the client (not marked “may sign”), so this"
                    " signature is refused.",
                    name=contact.name,
                )
            }
        )
    return contact


def _names(participants: str, contact: ContactItem) -> bool:
    """Whether an entry's participants name the contact (by name, or by e-mail address)."""
    text = participants.casefold()
    return contact.name.strip().casefold() in text or (
        bool(contact.email.strip()) and contact.email.strip().casefold() in text
    )


def _confirming_email(
    session: Session, letter: LetterItem, entry_id: str | None, signer: ContactItem
) -> LogEntryItem:
    entry = find_log_entry(session, entry_id)
    if entry is None or entry.project_id != letter.project_id or entry.archived_at is not None:
        raise ValidationError({"log_entry_id": msg("This log entry does not belong to this project.")})
    if entry.kind is not LogKind.EMAIL:
        raise ValidationError(
            {
                "log_entry_id": msg(
                    "This log entry is not an e-mail: a confirmation by e-mail links the e-mail's entry."
                )
            }
        )
    if not _names(entry.participants, signer):
        raise ValidationError(
            {
                "log_entry_id": msg(
                    "The e-mail's log entry does not name {name} among its participants: an e-mail from"
                    " someone else is not their signature.",
                    name=signer.name,
                )
            }
        )
    return entry


def _signed_on(
    ctx: ServiceContext, request: SignRequest, letter: LetterItem, entry: LogEntryItem | None
) -> date:
    """When the client signed: today on screen; the day entered (an e-mail: else its day)."""
    today = ctx.today()
    day = request.signed_on
    if request.method is SignMethod.ON_SCREEN or (day is None and entry is None):
        day = today
    elif day is None and entry is not None:
        day = entry.occurred_at.astimezone().date()
    assert day is not None
    issued = letter.issued_at.astimezone().date() if letter.issued_at else None
    if day > today:
        raise ValidationError({"signed_on": msg("This is in the future: enter the day the client signed.")})
    if issued is not None and day < issued:
        raise ValidationError(
            {"signed_on": msg("This is before the letter was issued: enter the day the client signed.")}
        )
    return day


def _recorder(ctx: ServiceContext, session: Session) -> str:
    return you_row(ctx, session).name.strip() or login_name()


@dataclass(frozen=True)
class _Evidence:
    signed_on: date
    entry: LogEntryItem | None = None
    scan_id: str | None = None


def record_signature_in(
    ctx: ServiceContext,
    session: Session,
    request: SignRequest,
    *,
    render: Callable[[ReportData, CertificateData | None], bytes],
    sealed: Callable[[LetterItem], ReportData],
) -> SignResult:
    """Record the signature (or the refusal) and all it implies, in the caller's unit of work: the
    scan (on paper), the signature events, the confirmed expectations, the letter's status and its
    signed copy are stored together or not at all."""
    request = validate_sign_request(request)
    scan = _scan_draft(request)
    row = _signable(session, request.letter_id)
    project = get_project(session, row.project_id)
    signer = _signer(session, project, request)
    entry = None
    if request.method is SignMethod.BY_EMAIL and signer is not None:
        entry = _confirming_email(session, row, request.log_entry_id, signer)
    evidence = _Evidence(_signed_on(ctx, request, row, entry), entry)
    if scan is not None:
        stored = store_attachment(ctx, session, replace(scan, project_id=project.id))
        evidence = replace(evidence, scan_id=stored.id)
    client = _client_event(ctx, session, row, request, signer, evidence)
    if request.method is SignMethod.REFUSED:
        log_letter_signed(ctx, session, row, client)  # "Client refused to sign ...", in the log
        return SignResult(letter_of(session, row.id), ())
    vendor = _vendor_event(ctx, session, row, request, evidence.signed_on) if _on_screen(request) else None
    printed = sealed(row)
    confirmed, warnings = document_kind(row.kind).on_signed(ctx, session, row, printed)
    certificate = certificate_for(ctx, session, row)  # before the letter changes: it flushes once
    row = replace(row, status=LetterStatus.SIGNED)
    save_letter(session, row)
    signed_pdf = render(with_signature(printed, client, vendor), certificate)
    row = replace(row, signed_pdf_sha256=sha256_hex(signed_pdf))
    save_letter(session, row, now=ctx.now())
    session.flush()
    log_letter_signed(ctx, session, row, client)  # "Client signed ... on paper", in the log
    add_blob(session, signed_pdf)  # the exact signed bytes, kept under signed_pdf_sha256
    return SignResult(letter_of(session, row.id), warnings, signed_pdf, confirmed)


def _on_screen(request: SignRequest) -> bool:
    return request.method is SignMethod.ON_SCREEN


def _scan_draft(request: SignRequest) -> AttachmentDraft | None:
    """The scan, checked before anything is written (a refused file leaves the letter unsigned)."""
    if request.method is not SignMethod.ON_PAPER or not request.scan:
        return None
    draft = AttachmentDraft(
        project_id="",
        filename=request.scan_filename,
        data=request.scan,
        media_type=request.scan_media_type,
        letter_id=request.letter_id,
    )
    return checked_draft(draft)


def _client_event(
    ctx: ServiceContext,
    session: Session,
    letter: LetterItem,
    request: SignRequest,
    signer: ContactItem | None,
    evidence: _Evidence,
) -> SignatureItem:
    return add_signature(
        ctx.now(),
        session,
        letter,
        party=SignatureParty.CLIENT,
        method=request.method,
        signer_name=signer.name if signer is not None else request.signer_name,
        signer_title=request.signer_title or (signer.title if signer is not None else ""),
        contact_id=signer.id if signer is not None else None,
        signed_on=evidence.signed_on,
        place=request.place,
        recorded_by=_recorder(ctx, session),
        note=request.note,
        log_entry_id=evidence.entry.id if evidence.entry is not None else None,
        attachment_id=evidence.scan_id,
        signature_png=request.signature_png if _on_screen(request) else None,
    )


def _vendor_event(
    ctx: ServiceContext, session: Session, letter: LetterItem, request: SignRequest, signed_on: date
) -> SignatureItem:
    """On screen the vendor signs with the client: your name and title, today, your place (Settings;
    else where the client signed)."""
    block = vendor_block(session)
    name = you_row(ctx, session).name.strip()
    if block is None or not name:
        raise RuleError(
            msg("Your name is not set, so the vendor's signature block cannot be filled."),
            msg("Set your name (and title and place) in Settings, then sign again."),
        )
    title, place = block
    return add_signature(
        ctx.now(),
        session,
        letter,
        party=SignatureParty.VENDOR,
        method=SignMethod.ON_SCREEN,
        signer_name=name,
        signer_title=title,
        signed_on=signed_on,
        place=place.strip() or request.place,
        recorded_by=name,
    )
