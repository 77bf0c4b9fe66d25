"""``deliverydesk verify``: is this PDF a document from this database, judged by content, not bytes?

A PDF is identified by what it carries, in the file's metadata (Keywords "DeliveryDesk version=N
fingerprint=..."; Subject: its reference) or, when the metadata was lost, in its text (the footer's
"Fingerprint 1a2b3c4d5e6f" on every page). It is then compared with the stored copy of that document
(an issued or signed letter, an exported evidence pack or review report) and gets exactly one verdict:

* EXACT: byte for byte the stored copy (or the scan attached when a letter was signed on paper);
* SAME CONTENT: different bytes (re-saved by another program: pypdf, qpdf, a "print to PDF" that keeps
  the pages), but every page shows the same text and the same picture as the stored copy;
* MODIFIED: it claims to be the document, but pages differ: which pages, and which lines of them;
* SUPERSEDED: the content of an issued letter that a newer version replaced (or that was withdrawn);
* UNKNOWN: nothing in this database.

Pages are compared by their text (line by line) and by their picture: each page rendered small in
grey (PDFium, the engine of the preview) and hashed, so a changed image, stamp or drawing shows even
where the text is the same. The PAdES signature is reported too (valid for the whole file, valid
for an earlier revision, broken, none), and so is the audit trail head it witnesses.
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from deliverydesk.domain.audit import ChainHead
from deliverydesk.domain.enums import LetterStatus
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.models import LetterItem
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.audit_state import contains_head, witness_in
from deliverydesk.store.document_queries import (
    ExportedCopy,
    exported_with_fingerprint,
    exported_with_hash,
    letters_with_fingerprint,
    letters_with_fingerprint_prefix,
    letters_with_pdf_hash,
    letters_with_scan,
    project_code_of,
)
from deliverydesk.store.records import Session, blob_data

RENDER_SCALE = 0.5  # 36 dpi: enough to see a changed stamp, cheap on a 20-page pack
MAX_PAGES = 500
MAX_REPORTED_LINES = 6
_KEYWORDS = re.compile(r"DeliveryDesk version=(\d{1,6}) fingerprint=([0-9a-f]{64})")
_FOOTER = re.compile(r"(?:Fingerprint|指纹)\s+([0-9a-f]{12})\b")


class Verdict(enum.StrEnum):
    EXACT = "exact"
    SAME_CONTENT = "same content"
    MODIFIED = "modified"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"


# Exit codes of ``deliverydesk verify``: 0 for the two good verdicts; the others their own, clear of
# 1 (an error: the file cannot be read, the database cannot be opened), 2 (usage), 3 and 4.
VERDICT_EXIT_CODES = {
    Verdict.EXACT: 0,
    Verdict.SAME_CONTENT: 0,
    Verdict.MODIFIED: 5,
    Verdict.SUPERSEDED: 6,
    Verdict.UNKNOWN: 7,
}


class VerifyOutcome(enum.StrEnum):
    """Which stored copy the file was judged against."""

    ISSUED = "issued"  # the letter as issued
    SIGNED = "signed"  # the letter with the signature drawn in
    SCAN = "scan"  # the scan attached when the letter was signed on paper
    EXPORTED = "exported"  # an exported evidence pack or review report
    MODIFIED = "modified"  # kept for callers that read ``outcome``: see ``verdict``
    UNKNOWN = "unknown"


class SignatureState(enum.StrEnum):
    VALID = "valid"  # intact, covering the whole file
    EARLIER_REVISION = "earlier revision"  # intact, but the file was changed after signing
    BROKEN = "broken"  # the signed bytes changed
    NONE = "none"


@dataclass(frozen=True)
class SignatureReport:
    state: SignatureState
    signer: str = ""
    witness: ChainHead | None = None
    witness_in_trail: bool | None = None  # None: no witness to compare


@dataclass(frozen=True)
class VerifyResult:
    verdict: Verdict
    outcome: VerifyOutcome = VerifyOutcome.UNKNOWN
    letter: LetterItem | None = None
    project_code: str = ""
    document: str = ""  # what it is: "DD-2026-014-EL version 1", "evidence pack DD-…-EV-CR-3"
    differences: tuple[str, ...] = ()  # MODIFIED: the pages and lines that differ
    replaced_by: int | None = None  # SUPERSEDED: the newer version, when there is one
    signature: SignatureReport = field(default_factory=lambda: SignatureReport(SignatureState.NONE))

    @property
    def exit_code(self) -> int:
        return VERDICT_EXIT_CODES[self.verdict]


# --- reading a PDF -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    text: tuple[str, ...]  # its lines, blank ones left out
    picture: str  # SHA-256 of the page rendered small in grey


@dataclass(frozen=True)
class Reading:
    pages: tuple[Page, ...] | None  # None: not a readable PDF
    keywords: str = ""
    subject: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line for page in self.pages or () for line in page.text)


def read_pdf(pdf: bytes) -> Reading:
    """Metadata, text and page pictures (PDFium); an unreadable file gives ``pages=None``."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        return Reading(None)
    try:
        meta = document.get_metadata_dict(skip_empty=True)
        pages = tuple(_page(document[index]) for index in range(min(len(document), MAX_PAGES)))
        return Reading(pages, str(meta.get("Keywords", "")), str(meta.get("Subject", "")))
    finally:
        document.close()


def _page(page: Any) -> Page:
    try:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        bitmap = page.render(scale=RENDER_SCALE, grayscale=True)
        picture = hashlib.sha256(bytes(bitmap.buffer)).hexdigest()
    finally:
        page.close()
    lines = tuple(" ".join(line.split()) for line in text.replace("\r", "\n").split("\n") if line.strip())
    return Page(lines, picture)


def page_differences(given: Sequence[Page], stored: Sequence[Page]) -> tuple[str, ...]:
    """Which pages differ, and which of their lines (numbered as on the stored copy's page)."""
    found: list[str] = []
    if len(given) != len(stored):
        found.append(f"it has {len(given)} page(s); the document has {len(stored)}")
    for number, (mine, theirs) in enumerate(zip(given, stored, strict=False), start=1):
        if mine == theirs:
            continue
        lines = _changed_lines(mine.text, theirs.text)
        if lines:
            found.append(f"page {number}: {lines}")
        else:
            found.append(f"page {number}: the same text, but the page looks different (an image or drawing)")
    return tuple(found)


def _changed_lines(mine: Sequence[str], theirs: Sequence[str]) -> str:
    parts = []
    matcher = difflib.SequenceMatcher(a=theirs, b=mine, autojunk=False)
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag == "equal":
            continue
        if first == last:
            parts.append(f"after line {first}: {_quote(mine[new_first:new_last])} added")
        elif new_first == new_last:
            parts.append(f"line(s) {first + 1}–{last}: {_quote(theirs[first:last])} removed")
        else:
            was, now = _quote(theirs[first:last]), _quote(mine[new_first:new_last])
            parts.append(f"line(s) {first + 1}–{last}: {was} now {now}")
    shown = "; ".join(parts[:MAX_REPORTED_LINES])
    return shown + (
        f"; and {len(parts) - MAX_REPORTED_LINES} more" if len(parts) > MAX_REPORTED_LINES else ""
    )


def _quote(lines: Sequence[str]) -> str:
    text = " / ".join(lines)
    return repr(text if len(text) <= 100 else text[:99] + "…")


# --- the signature -----------------------------------------------------------------------------


def signature_report(pdf: bytes) -> SignatureReport:
    """The PAdES signature's state (cryptographic integrity; whose certificate is not judged here)."""
    _quiet_pyhanko()
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext

        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
        if not signatures:
            return SignatureReport(SignatureState.NONE)
        embedded = signatures[-1]
        reason = str(embedded.sig_object.get("/Reason", ""))
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception:
        return SignatureReport(SignatureState.BROKEN)
    witness = witness_in(reason.encode("ascii", "replace"))
    signer = status.signing_cert.subject.human_friendly if status.signing_cert is not None else ""
    if not (status.intact and status.valid):
        return SignatureReport(SignatureState.BROKEN, signer, witness)
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    state = SignatureState.VALID if whole else SignatureState.EARLIER_REVISION
    return SignatureReport(state, signer, witness)


def _quiet_pyhanko() -> None:
    """pyHanko logs a traceback for every certificate no authority vouches for (this database's own
    seal always): expected here, and the verdict says what matters. Kept out of stderr and the log."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


# --- identifying and judging -------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A stored document the file may be: its name, its stored copies and what it is."""

    document: str
    copies: tuple[tuple[VerifyOutcome, bytes], ...]
    letter: Any = None  # the LetterRow, for letters
    project_id: str = ""


def verify_pdf(ctx: ServiceContext, pdf: bytes) -> VerifyResult:
    """The verdict on ``pdf`` against this database (see the module's docstring)."""
    digest = sha256_hex(pdf)
    signature = signature_report(pdf)
    with ctx.db.unit_of_work() as session:
        if signature.witness is not None:
            in_trail = contains_head(session.connection(), signature.witness)
            signature = SignatureReport(signature.state, signature.signer, signature.witness, in_trail)
        exact = _exact(session, digest, signature)
        if exact is not None:
            return exact
        reading = read_pdf(pdf)
        if reading.pages is None:
            return VerifyResult(Verdict.UNKNOWN, signature=signature)
        candidates = _candidates(session, reading)
        if not candidates:
            return VerifyResult(Verdict.UNKNOWN, signature=signature)
        return _judge(session, reading, candidates, signature)


def _exact(session: Session, digest: str, signature: SignatureReport) -> VerifyResult | None:
    for row in letters_with_pdf_hash(session, digest):
        outcome = VerifyOutcome.SIGNED if row.signed_pdf_sha256 == digest else VerifyOutcome.ISSUED
        return _letter_result(session, Verdict.EXACT, outcome, row, signature)
    for row in letters_with_scan(session, digest):
        return _letter_result(session, Verdict.EXACT, VerifyOutcome.SCAN, row, signature)
    for copy in exported_with_hash(session, digest):
        return _exported_result(session, Verdict.EXACT, copy, signature)
    return None


def _claims(reading: Reading) -> tuple[str | None, str | None]:
    """(full fingerprint from the metadata, short fingerprint from the text)."""
    found = _KEYWORDS.search(reading.keywords)
    footer = _FOOTER.search(reading.text)
    return (found.group(2) if found else None), (footer.group(1) if footer else None)


def _candidates(session: Session, reading: Reading) -> list[_Candidate]:
    full, short = _claims(reading)
    letters = letters_with_fingerprint(session, full) if full else []
    if not letters and short:
        letters = letters_with_fingerprint_prefix(session, short)
    found = [_letter_candidate(session, row) for row in letters]
    exported = exported_with_fingerprint(session, full) if full else []
    if not exported and short:
        exported = exported_with_fingerprint(session, short, prefix=True)
    for copy in exported:
        data = blob_data(session, copy.pdf_sha256)
        if data is not None:
            found.append(_Candidate(copy.name, ((VerifyOutcome.EXPORTED, data),), project_id=copy.project_id))
    return found


def _letter_candidate(session: Session, row: Any) -> _Candidate:
    copies = []
    for outcome, sha in (
        (VerifyOutcome.SIGNED, row.signed_pdf_sha256),
        (VerifyOutcome.ISSUED, row.pdf_sha256),
    ):
        data = blob_data(session, sha) if sha else None
        if data is not None:
            copies.append((outcome, data))
    if not copies:  # issued before copies were kept: print it again from its snapshot
        from deliverydesk.services.documents.letters import printed_snapshot, render_pdf

        copies.append((VerifyOutcome.ISSUED, render_pdf(printed_snapshot(row))))
    return _Candidate(letter_name(row), tuple(copies), row, row.project_id)


def letter_name(row: Any) -> str:
    """``DD-2026-014-EL version 2``, and ``(zh_CN translation)`` after a translation of a version."""
    translation = f" ({row.language.value} translation)" if row.translation_of_id else ""
    return f"{row.ref} version {row.version}{translation}"


def _judge(
    session: Session, reading: Reading, candidates: list[_Candidate], signature: SignatureReport
) -> VerifyResult:
    assert reading.pages is not None
    best: tuple[int, _Candidate, VerifyOutcome, tuple[str, ...]] | None = None
    for candidate in candidates:
        for outcome, data in candidate.copies:
            stored = read_pdf(data).pages or ()
            differences = page_differences(reading.pages, stored)
            if not differences:
                verdict = Verdict.SAME_CONTENT
                return _candidate_result(session, verdict, candidate, outcome, (), signature)
            if best is None or len(differences) < best[0]:
                best = (len(differences), candidate, outcome, differences)
    assert best is not None
    _count, candidate, outcome, differences = best
    return _candidate_result(session, Verdict.MODIFIED, candidate, outcome, differences, signature)


def _candidate_result(
    session: Session,
    verdict: Verdict,
    candidate: _Candidate,
    outcome: VerifyOutcome,
    differences: tuple[str, ...],
    signature: SignatureReport,
) -> VerifyResult:
    if candidate.letter is not None:
        result = _letter_result(session, verdict, outcome, candidate.letter, signature)
        return VerifyResult(
            result.verdict,
            VerifyOutcome.MODIFIED if verdict is Verdict.MODIFIED else result.outcome,
            result.letter,
            result.project_code,
            result.document,
            differences,
            result.replaced_by,
            signature,
        )
    code = project_code_of(session, candidate.project_id)
    return VerifyResult(verdict, outcome, None, code, candidate.document, differences, signature=signature)


def _letter_result(
    session: Session, verdict: Verdict, outcome: VerifyOutcome, row: Any, signature: SignatureReport
) -> VerifyResult:
    replaced_by = None
    if row.status is LetterStatus.SUPERSEDED and verdict in (Verdict.EXACT, Verdict.SAME_CONTENT):
        verdict = Verdict.SUPERSEDED
        replaced_by = newer_version(session, row)
    from deliverydesk.store.letter_rows import letter_item

    return VerifyResult(
        verdict,
        outcome,
        letter_item(session, row),
        project_code_of(session, row.project_id),
        letter_name(row),
        replaced_by=replaced_by,
        signature=signature,
    )


def newer_version(session: Session, row: Any) -> int | None:
    from deliverydesk.store.document_queries import letter_versions

    newer = [r.version for r in letter_versions(session, row.project_id, row.ref) if r.version > row.version]
    return max(newer) if newer else None


def _exported_result(
    session: Session, verdict: Verdict, copy: ExportedCopy, signature: SignatureReport
) -> VerifyResult:
    code = project_code_of(session, copy.project_id)
    return VerifyResult(verdict, VerifyOutcome.EXPORTED, None, code, copy.name, signature=signature)


def keep_exported_copy_in(
    ctx: ServiceContext,
    session: Session,
    *,
    project_id: str,
    kind: str,
    reference: str,
    fingerprint: str,
    pdf: bytes,
) -> bool:
    """Keep the exact PDF of an exported evidence pack or review report, in the export's unit of work,
    so ``verify`` can check a copy later. False when it cannot be kept: the database is open read-only
    (the file was still written)."""
    if ctx.db.readonly:
        return False
    from deliverydesk.store.document_queries import keep_exported_copy as keep

    keep(
        session,
        project_id=project_id,
        kind=kind,
        reference=reference,
        fingerprint=fingerprint,
        pdf=pdf,
        when=ctx.now(),
    )
    return True
