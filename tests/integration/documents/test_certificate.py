"""A signed letter's PDF ends with its completion certificate: the document and its full fingerprint,
the issue event (who, when, which machine), the signature event and its evidence, how to verify."""

from __future__ import annotations

import io
import platform

import pytest
from pypdf import PdfReader

from deliverydesk.domain.enums import Language, LetterKind, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.i18n import translator
from deliverydesk.reports.labels import label
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.signing import SignRequest
from tests.conftest import FIXED_NOW
from tests.integration.documents.test_pades import seal_folder, validate
from tests.integration.documents.test_signing import signature_png

from .conftest import Project

T = translator(Language.EN)


def squeeze(text: str) -> str:
    return "".join(text.split())


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    request = DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, language=Language.EN)
    return letters.issue_document(ctx, request)


def _certificate(pdf: bytes) -> str:
    last = pages(pdf)[-1]
    assert squeeze(T("Completion certificate")) in squeeze(last)
    return squeeze(last)


def _common(page: str, issued: letters.IssuedDocument) -> None:
    letter = issued.letter
    for text in (letter.ref, letter.fingerprint, letter.pdf_sha256, T("Issued by"), T("On machine")):
        assert squeeze(text) in page, text
    assert letter.issued_host == platform.node() and letter.issued_by  # who issued it, where
    assert squeeze(letter.issued_host) in page and squeeze(letter.issued_by) in page
    for key in (
        "Recorded at",
        "Recorded by",
        "Signed on",
        "How to verify",
        "The file carries the issuer's digital seal (PAdES): the signature panel of a PDF"
        " reader shows whether it was changed after it was sealed.",
    ):
        assert squeeze(T(key)) in page, key
    assert "deliverydeskverify" in page


def test_signed_on_screen(ctx: ServiceContext, project: Project) -> None:
    issued = _issue(ctx, project)
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_SCREEN,
        "王建国",
        signer_title="生产总监",
        place="苏州",
        contact_id=project.signer_id,
        signature_png=signature_png(),
    )
    signed = letters.sign_letter(ctx, request)
    assert signed.signed_pdf is not None
    page = _certificate(signed.signed_pdf)
    _common(page, issued)
    for text in (
        "王建国",
        "生产总监",
        "苏州",
        label(T, SignMethod.ON_SCREEN),
        T("Signed on screen: the signature is drawn in above"),
    ):
        assert squeeze(text) in page, text
    assert "Signature2:张浩" in page  # the vendor's signature, recorded with the client's
    assert len(pages(issued.pdf)) == len(pages(signed.signed_pdf)) - 1  # one page more: the certificate
    assert T("Completion certificate") not in "".join(pages(issued.pdf))


def test_the_seal_covers_the_signed_copy_with_its_certificate(ctx: ServiceContext, project: Project) -> None:
    """The signed copy is sealed as one file: the client's pages and the certificate page after them."""
    issued = _issue(ctx, project)
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_SCREEN,
        "王建国",
        contact_id=project.signer_id,
        signature_png=signature_png(),
    )
    signed = letters.sign_letter(ctx, request)
    assert signed.signed_pdf is not None
    certificate = next(seal_folder(ctx).glob("*.crt.pem")).read_bytes()
    signature, status = validate(signed.signed_pdf, trusted=certificate)
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
    assert str(signature.sig_object["/Reason"]).startswith(
        f"Issued by DeliveryDesk: {issued.letter.ref} version 1, signed"
    )
    assert squeeze(T("Completion certificate")) in squeeze(pages(signed.signed_pdf)[-1])
    assert letters.verify_pdf(ctx, signed.signed_pdf).outcome is letters.VerifyOutcome.SIGNED


def test_signed_on_paper_names_the_scan(ctx: ServiceContext, project: Project) -> None:
    issued = _issue(ctx, project)
    scan = b"%PDF-1.4 scanned paper"
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_PAPER,
        contact_id=project.signer_id,
        scan=scan,
        scan_filename="s.pdf",
        signed_on=FIXED_NOW.date(),
    )
    signed = letters.sign_letter(ctx, request)
    assert signed.signed_pdf is not None
    page = _certificate(signed.signed_pdf)
    _common(page, issued)
    assert sha256_hex(scan) in page and squeeze(label(T, SignMethod.ON_PAPER)) in page
    assert letters.letter_pdf(ctx, issued.letter.id) == signed.signed_pdf
    assert letters.verify_pdf(ctx, signed.signed_pdf).outcome is letters.VerifyOutcome.SIGNED


def test_confirmed_by_email_names_the_log_entry(ctx: ServiceContext, project: Project) -> None:
    issued = _issue(ctx, project)
    request = SignRequest(
        issued.letter.id, SignMethod.BY_EMAIL, contact_id=project.signer_id, log_entry_id=project.log_entry_id
    )
    signed = letters.sign_letter(ctx, request)
    assert signed.signed_pdf is not None
    page = _certificate(signed.signed_pdf)
    _common(page, issued)
    assert (
        squeeze(label(T, SignMethod.BY_EMAIL)) in page
        and squeeze(
            T(
                "Evidence",
            )
        )
        in page
    )


def test_a_refusal_makes_no_signed_copy(ctx: ServiceContext, project: Project) -> None:
    issued = _issue(ctx, project)
    request = SignRequest(
        issued.letter.id, SignMethod.REFUSED, contact_id=project.signer_id, note="Wants E-1 reworded."
    )
    assert letters.sign_letter(ctx, request).signed_pdf is None
    with pytest.raises(AssertionError):
        _certificate(letters.letter_pdf(ctx, issued.letter.id))
