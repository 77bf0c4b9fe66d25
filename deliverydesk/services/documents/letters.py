"""Issued documents (letters): issue, list, sign, supersede and verify.

Issuing seals the document: the canonical JSON of exactly the data that was printed (without its own
seal: the fingerprint and the QR payload derived from it) is stored, its SHA-256 is the fingerprint
printed on every page and in the QR code. The PDF itself is kept in the content-addressed ``blob``
store under its SHA-256 (``pdf_sha256``; the signed copy under ``signed_pdf_sha256``), so a copy is
the issued document byte for byte even after reportlab, the fonts or the layout code change.
Letters issued before copies were kept are printed again from the snapshot, and only handed out when
that gives the same bytes. Issued content never changes (``store.document_queries`` refuses it);
issuing the same reference again makes version n+1 and marks the earlier versions superseded.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, replace

from deliverydesk.domain.enums import LETTER_STATUSES, Language, LetterStatus
from deliverydesk.domain.fingerprint import fingerprint, from_canonical_json, seal, sha256_hex
from deliverydesk.domain.models import LetterItem
from deliverydesk.errors import NotFoundError, RuleError, StorageError
from deliverydesk.i18n import msg
from deliverydesk.reports.documents.data import (
    CertificateData,
    ReportData,
    with_seal,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import (
    DocumentRequest,
    build_document_in,
    document_kind,
    require_issuable,
)
from deliverydesk.services.documents.certificate import certificate_for
from deliverydesk.services.documents.seal import seal_issued_in
from deliverydesk.services.documents.signing import (
    SignRequest,
    SignResult,
    record_signature_in,
    signed_copy_events,
    with_signature,
)
from deliverydesk.services.documents.verify import VerifyOutcome, VerifyResult, verify_pdf
from deliverydesk.services.records.auto_log import log_letter_issued
from deliverydesk.services.records.common import acting_user, live_project
from deliverydesk.services.sync.gate import check_issue_allowed
from deliverydesk.store.document_queries import newest_expectation_letter_outdated
from deliverydesk.store.letter_rows import (
    add_letter,
    letter_of,
    letters_of_project,
    save_letter,
    versions_of,
)
from deliverydesk.store.records import Session, add_blob, blob_data, blob_exists

__all__ = [
    "DraftPreview",
    "IssuedDocument",
    "SignRequest",
    "SignResult",
    "VerifyOutcome",
    "VerifyResult",
    "draft_document",
    "expectation_letter_outdated",
    "find_letter",
    "get_letter",
    "issue_document",
    "letter_data",
    "letter_pdf",
    "list_letters",
    "preview_document",
    "preview_draft",
    "sign_letter",
    "supersede_letter",
    "verify_pdf",
]


@dataclass(frozen=True)
class IssuedDocument:
    letter: LetterItem
    pdf: bytes


def render_pdf(data: ReportData, certificate: CertificateData | None = None) -> bytes:
    from deliverydesk.reports.render import render  # reportlab loads only when a PDF is made

    return render(data, certificate)


def _seal(data: ReportData) -> tuple[str, str, ReportData]:
    """(canonical snapshot, fingerprint, the data as printed: fingerprint and QR payload filled in)."""
    return seal(data, lambda bare, digest: with_seal(bare, digest, qr=True))


def preview_document(ctx: ServiceContext, request: DocumentRequest) -> bytes:
    """The document as it would be issued now, marked as a draft (no fingerprint, nothing stored)."""
    with ctx.db.unit_of_work() as session:
        data = draft_document_in(ctx, session, request)
    return render_pdf(data)


@dataclass(frozen=True)
class DraftPreview:
    """A draft as it would be issued now: its data (what issuing seals) and its PDF."""

    data: ReportData
    pdf: bytes


def preview_draft(ctx: ServiceContext, request: DocumentRequest) -> DraftPreview:
    with ctx.db.unit_of_work() as session:
        data = draft_document_in(ctx, session, request)
    return DraftPreview(data, render_pdf(data))


def draft_document(ctx: ServiceContext, request: DocumentRequest) -> ReportData:
    """The draft's data as it would be issued now: the next version, or the translation of the
    current version into the request's language (``translation_target``)."""
    with ctx.db.unit_of_work() as session:
        return draft_document_in(ctx, session, request)


def draft_document_in(ctx: ServiceContext, session: Session, request: DocumentRequest) -> ReportData:
    return _issuable(ctx, session, request)[0]


def _issuable(
    ctx: ServiceContext, session: Session, request: DocumentRequest
) -> tuple[ReportData, LetterItem | None]:
    """The document and, when it is a translation of the current version, the letter it translates."""
    data = build_document_in(ctx, session, request)
    original = translation_target(session, request.project_id, data.meta.reference, data.meta.language)
    if original is None:
        return data, None
    translated = document_kind(request.kind).translation(request, original.content_json)
    if translated != request:
        data = build_document_in(ctx, session, translated)
    return replace(data, meta=replace(data.meta, version=original.version)), original


def translation_target(
    session: Session, project_id: str, reference: str, language: Language
) -> LetterItem | None:
    """The letter a document of this reference in ``language`` would translate: the current (issued
    or signed) version, when neither it nor a translation of it is in that language yet. None: the
    document is a new version."""
    versions = [row for row in versions_of(session, project_id, reference) if row.archived_at is None]
    current = [row for row in versions if row.status in (LetterStatus.ISSUED, LetterStatus.SIGNED)]
    if not current:
        return None
    newest = max(row.version for row in current)
    same_version = [row for row in versions if row.version == newest]
    if any(row.language is language for row in same_version):
        return None
    return next((row for row in same_version if row.translation_of_id is None), same_version[0])


@dataclass(frozen=True)
class IssuingNumber:
    """What issuing a request now would be numbered; ``translates``: it is the translation of the issued
    version of that number (which never changes), not a new version."""

    reference: str
    version: int
    translates: bool


def issuing_number(ctx: ServiceContext, request: DocumentRequest) -> IssuingNumber:
    with ctx.db.unit_of_work() as session:
        data, original = _issuable(ctx, session, request)
    return IssuingNumber(data.meta.reference, data.meta.version, original is not None)


def issue_document(ctx: ServiceContext, request: DocumentRequest) -> IssuedDocument:
    """Seal, print and store the next version; earlier versions of the same reference are superseded.
    In a language the current version is not issued in yet, the translation of that version instead:
    the same reference and version, its own fingerprint and PDF, nothing superseded. A handover report
    is refused while anything stands in the way (``domain.handover``)."""
    with ctx.db.unit_of_work() as session:
        return issue_document_in(ctx, session, request)


def issue_document_in(ctx: ServiceContext, session: Session, request: DocumentRequest) -> IssuedDocument:
    """Issue in the caller's unit of work: the document is printed from what this transaction reads, and
    the letter, its PDF and the superseding of earlier versions are stored together or not at all."""
    data, original = _issuable(ctx, session, request)
    _gate(session, request)
    require_issuable(data)
    snapshot, digest, printed = _seal(data)
    name = f"{data.meta.reference} version {data.meta.version}"
    pdf = seal_issued_in(ctx, session, render_pdf(printed), name)  # the stored copy is the signed file
    live_project(session, request.project_id)
    check_issue_allowed(
        session, request.project_id, data.meta.reference, data.meta.version, translates=original is not None
    )
    earlier = versions_of(session, request.project_id, data.meta.reference)
    _still_issuable(session, request, data, original, earlier)
    pdf_sha256 = add_blob(session, pdf)  # the exact bytes, kept with the letter
    issued_by = acting_user(ctx, session)
    if original is None:
        for old in earlier:
            _supersede(ctx, session, old)
    letter = add_letter(  # flushed with the superseded versions
        ctx.now(),
        session,
        project_id=request.project_id,
        kind=request.kind,
        ref=data.meta.reference,
        version=data.meta.version,
        language=data.meta.language,
        change_request_id=request.change_request_id,
        content_json=snapshot,
        fingerprint=digest,
        pdf_sha256=pdf_sha256,
        issued_by=issued_by,
        issued_host=platform.node(),
        translation_of_id=original.id if original is not None else None,
    )
    log_letter_issued(ctx, session, letter)  # "Expectation letter v2 sent", in the log
    return IssuedDocument(letter, pdf)


def _still_issuable(
    session: Session,
    request: DocumentRequest,
    data: ReportData,
    original: LetterItem | None,
    earlier: list[LetterItem],
) -> None:
    """Nobody issued this version (or this translation) meanwhile."""
    meta = data.meta
    if original is not None:
        taken = any(r.version == meta.version and r.language is meta.language for r in earlier)
        gone = translation_target(session, request.project_id, meta.reference, meta.language) is None
        issuable = not (taken or gone)
    else:
        issuable = max((row.version for row in earlier), default=0) + 1 == meta.version
    if not issuable:
        raise RuleError(
            msg("Another version of this document was issued meanwhile."), msg("Preview it again.")
        )


def _gate(session: Session, request: DocumentRequest) -> None:
    document_kind(request.kind).gate(session, request)


def _supersede(ctx: ServiceContext, session: Session, letter: LetterItem) -> None:
    if letter.status in (LetterStatus.ISSUED, LetterStatus.SIGNED):
        save_letter(session, replace(letter, status=LetterStatus.SUPERSEDED), now=ctx.now())


def supersede_letter(ctx: ServiceContext, letter_id: str) -> LetterItem:
    """Withdraw an issued (or signed) letter without a replacement (e.g. the project changed course)."""
    with ctx.db.unit_of_work() as session:
        letter = letter_of(session, letter_id)
        if letter.status is LetterStatus.SUPERSEDED:
            raise RuleError(
                msg("{ref} version {version} is already superseded.", ref=letter.ref, version=letter.version)
            )
        _supersede(ctx, session, letter)
        session.flush()
        return letter_of(session, letter_id)


def list_letters(ctx: ServiceContext, project_id: str) -> tuple[LetterItem, ...]:
    """Every issued document of the project, newest first (not paged: a project has few)."""
    with ctx.db.unit_of_work() as session:
        return tuple(letters_of_project(session, project_id))


def get_letter(ctx: ServiceContext, letter_id: str) -> LetterItem:
    with ctx.db.unit_of_work() as session:
        return letter_of(session, letter_id)


def find_letter(
    ctx: ServiceContext,
    project_id: str,
    ref: str,
    version: int | None = None,
    language: Language | None = None,
) -> LetterItem:
    """A letter by its reference (e.g. DD-2026-014-EL) and version (the newest when None), in
    ``language`` (None: the version itself rather than a translation of it)."""
    with ctx.db.unit_of_work() as session:
        versions = [r for r in versions_of(session, project_id, ref.strip()) if r.archived_at is None]
        chosen = [r for r in versions if version is None or r.version == version]
        if language is not None:
            chosen = [r for r in chosen if r.language is language]
        if not chosen:
            which = f"{ref.strip()} version {version}" if version else ref.strip()
            raise NotFoundError(
                msg("This project has no issued letter {which}.", which=which),
                msg("The Documents page lists them."),
            )
        newest = max(r.version for r in chosen)
        of_newest = [r for r in chosen if r.version == newest]
        return next((r for r in of_newest if r.translation_of_id is None), of_newest[0])


def _snapshot_data(row: LetterItem) -> ReportData:
    if fingerprint(row.content_json) != row.fingerprint:
        raise RuleError(
            msg(
                "The stored content of {ref} version {version} does not match its fingerprint.",
                ref=row.ref,
                version=row.version,
            )
        )
    data: ReportData = from_canonical_json(document_kind(row.kind).data_type, row.content_json)
    return data


def printed_snapshot(row: LetterItem) -> ReportData:
    """The issued letter's data as printed: its snapshot, sealed again."""
    return _seal(_snapshot_data(row))[2]


def letter_data(ctx: ServiceContext, letter_id: str) -> ReportData:
    """The issued document's data as printed (sealed), from its snapshot."""
    with ctx.db.unit_of_work() as session:
        return printed_snapshot(letter_of(session, letter_id))


def letter_pdf(ctx: ServiceContext, letter_id: str, *, signed: bool = True) -> bytes:
    """The PDF of an issued letter byte for byte as issued (the signed copy when there is one and
    ``signed``): the stored copy, checked against its hash. A letter issued before copies were kept
    is printed again from its snapshot, and refused when that no longer gives the issued bytes."""
    with ctx.db.unit_of_work() as session:
        return letter_pdf_in(ctx, session, letter_of(session, letter_id), signed=signed)


def letter_copy_in(
    ctx: ServiceContext, session: Session, letter_id: str, *, signed: bool = True
) -> tuple[bytes, LetterItem]:
    """The letter's PDF as ``letter_pdf`` gives it, and the letter."""
    letter = letter_of(session, letter_id)
    return letter_pdf_in(ctx, session, letter, signed=signed), letter


Printed = tuple[ReportData, CertificateData | None]  # what prints a letter: its data, its certificate


def missing_copies_in(
    ctx: ServiceContext, session: Session, letter_id: str
) -> tuple[str, tuple[tuple[str, Printed], ...]]:
    """The letter's name ("REF version N") and, for each of its PDFs (issued, signed) with no stored
    copy, the recorded SHA-256 and what printed it."""
    row = letter_of(session, letter_id)
    hashes = ((row.pdf_sha256, False), (row.signed_pdf_sha256, True))
    copies = tuple(
        (sha256, printed_copy(ctx, session, row, signed))
        for sha256, signed in hashes
        if sha256 and not blob_exists(session, sha256)
    )
    return f"{row.ref} version {row.version}", copies


def letter_pdf_in(ctx: ServiceContext, session: Session, row: LetterItem, *, signed: bool = True) -> bytes:
    name = f"{row.ref} version {row.version}"
    use_signed = signed and bool(row.signed_pdf_sha256)
    expected = row.signed_pdf_sha256 if use_signed else row.pdf_sha256
    stored = blob_data(session, expected)
    printed = None if stored is not None else printed_copy(ctx, session, row, use_signed)
    if stored is not None:
        return _intact(stored, expected, name)
    assert printed is not None
    pdf = render_pdf(*printed)
    if sha256_hex(pdf) != expected:
        raise RuleError(
            msg(
                "{letter} was issued before DeliveryDesk kept a copy of every issued PDF, and this"
                " DeliveryDesk no longer prints it byte for byte (the fonts or the software changed since).",
                letter=name,
            ),
            msg(
                "Issue a new version to have a copy to print. The client's copy of the issued PDF can still"
                " be checked against the recorded fingerprint with `deliverydesk verify`."
            ),
        )
    return pdf


def _intact(stored: bytes, expected: str, name: str) -> bytes:
    if sha256_hex(stored) != expected:
        raise StorageError(
            msg(
                "The stored copy of {letter} is damaged: its bytes no longer match the SHA-256 recorded"
                " when it was issued.",
                letter=name,
            ),
            msg(
                "Restore the database from a backup. The client's copy can still be checked with"
                " `deliverydesk verify`."
            ),
        )
    return stored


def printed_copy(ctx: ServiceContext, session: Session, row: LetterItem, signed: bool) -> Printed:
    """What prints a letter again from its snapshot: with ``signed``, the signatures drawn in and the
    completion certificate at the end."""
    printed = printed_snapshot(row)
    events = signed_copy_events(row) if signed else None
    if events is None:
        return printed, None
    return with_signature(printed, *events), certificate_for(ctx, session, row)


def sign_letter(ctx: ServiceContext, request: SignRequest) -> SignResult:
    """Record a signature (on screen, on paper, by e-mail) or a refusal (``services.documents.signing``)."""
    with ctx.db.unit_of_work() as session:

        def render_sealed(data: ReportData, certificate: CertificateData | None) -> bytes:
            """The signed copy, its completion certificate included, sealed as one file."""
            name = f"{data.meta.reference} version {data.meta.version}, signed"
            return seal_issued_in(ctx, session, render_pdf(data, certificate), name)

        return record_signature_in(ctx, session, request, render=render_sealed, sealed=printed_snapshot)


# --- expectations and their letter -----------------------------------------------------------------


def expectation_letter_outdated(ctx: ServiceContext, project_id: str) -> bool:
    """True when the newest issued expectation letter no longer lists the expectations as they are
    now (one was edited, added or withdrawn): a new version is called for. The rule is
    ``store.document_queries.expectations_differ``, which the Home page asks across projects."""
    with ctx.db.unit_of_work() as session:
        return newest_expectation_letter_outdated(session, project_id, LETTER_STATUSES)
