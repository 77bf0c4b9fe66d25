"""Signing: on screen (the signature lands in the signed PDF), on paper, by e-mail, refused."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader

from deliverydesk.domain.enums import LetterKind, LetterStatus, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest, SummaryNarrative
from deliverydesk.services.documents.cadence import summary_schedule
from deliverydesk.services.documents.signing import SignRequest
from deliverydesk.services.records.attachments import list_attachments, read_attachment
from tests.conftest import FIXED_NOW
from tests.integration.documents.conftest import Project, signature_png


def issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def images_on_last_page(pdf: bytes) -> int:
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    objects = page["/Resources"].get("/XObject", {})
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def test_signing_on_screen_draws_the_signature_into_the_signed_pdf(
    ctx: ServiceContext, project: Project
) -> None:
    issued = issue(ctx, project)
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_SCREEN,
        "王建国",
        signer_title="生产总监",
        place="苏州",
        contact_id=project.signer_id,
        signature_png=signature_png(),
    )
    result = letters.sign_letter(ctx, request)
    letter = result.letter
    assert result.warnings == ()
    assert (letter.status, letter.sign_method, letter.signer_name, letter.sign_place) == (
        LetterStatus.SIGNED,
        SignMethod.ON_SCREEN,
        "王建国",
        "苏州",
    )
    assert letter.signed_at == FIXED_NOW
    assert result.signed_pdf is not None and letter.signed_pdf_sha256 == sha256_hex(result.signed_pdf)
    assert images_on_last_page(result.signed_pdf) == images_on_last_page(issued.pdf) + 1
    assert letter.fingerprint == issued.letter.fingerprint  # the content did not change
    assert letters.letter_pdf(ctx, letter.id) == result.signed_pdf
    assert letters.letter_pdf(ctx, letter.id, signed=False) == issued.pdf
    verdict = letters.verify_pdf(ctx, result.signed_pdf)
    assert verdict.outcome is letters.VerifyOutcome.SIGNED and verdict.exit_code == 0
    with pytest.raises(RuleError, match="already signed"):
        letters.sign_letter(ctx, request)


def test_signing_on_paper_attaches_the_scan(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    scan = b"%PDF-1.4 scanned paper"
    request = SignRequest(letter.id, SignMethod.ON_PAPER, "王建国", scan=scan, scan_filename="signed.pdf")
    signed = letters.sign_letter(ctx, request).letter
    assert (signed.status, signed.sign_method, signed.signed_pdf_sha256) == (
        LetterStatus.SIGNED,
        SignMethod.ON_PAPER,
        "",
    )
    attached = [a for a in list_attachments(ctx, project.id).rows if a.letter_id == letter.id]
    assert len(attached) == 1 and read_attachment(ctx, attached[0].id) == scan


def test_confirmed_by_email_links_the_log_entry(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    with pytest.raises(ValidationError) as missing:
        letters.sign_letter(ctx, SignRequest(letter.id, SignMethod.BY_EMAIL, "王建国"))
    assert "log_entry_id" in missing.value.fields
    request = SignRequest(letter.id, SignMethod.BY_EMAIL, "王建国", log_entry_id=project.log_entry_id)
    signed = letters.sign_letter(ctx, request).letter
    assert signed.sign_method is SignMethod.BY_EMAIL and signed.sign_log_entry_id == project.log_entry_id


def test_refusal_keeps_the_letter_issued_with_the_note(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    with pytest.raises(ValidationError) as missing:
        letters.sign_letter(ctx, SignRequest(letter.id, SignMethod.REFUSED, "王建国"))
    assert "note" in missing.value.fields
    request = SignRequest(letter.id, SignMethod.REFUSED, "王建国", note="Wants E-1 reworded first.")
    refused = letters.sign_letter(ctx, request).letter
    assert (refused.status, refused.sign_method, refused.sign_note) == (
        LetterStatus.ISSUED,
        SignMethod.REFUSED,
        "Wants E-1 reworded first.",
    )


def test_who_may_sign(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    base = SignRequest(letter.id, SignMethod.ON_PAPER, "Li Na", scan=b"scan")
    with pytest.raises(ValidationError):  # a chosen contact must be allowed to sign
        letters.sign_letter(ctx, replace(base, contact_id=project.coordinator_id))
    warned = letters.sign_letter(ctx, base)  # the same person by name: signed, with a warning
    assert warned.letter.status is LetterStatus.SIGNED
    assert "not marked as allowed to sign" in warned.warnings[0]
    other = issue(ctx, project).letter
    stranger = letters.sign_letter(ctx, replace(base, letter_id=other.id, signer_name="Somebody Else"))
    assert "not a recorded contact" in stranger.warnings[0]


def test_only_the_current_issued_version_can_be_signed(ctx: ServiceContext, project: Project) -> None:
    first = issue(ctx, project).letter
    issue(ctx, project)
    with pytest.raises(RuleError, match="superseded"):
        letters.sign_letter(ctx, SignRequest(first.id, SignMethod.ON_PAPER, "王建国", scan=b"x"))


def test_a_bad_signature_image_is_refused(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    for image in (b"GIF89a", signature_png()[:20]):
        with pytest.raises(ValidationError) as bad:
            letters.sign_letter(
                ctx, SignRequest(letter.id, SignMethod.ON_SCREEN, "王建国", signature_png=image)
            )
        assert "signature_png" in bad.value.fields


# --- progress summaries and their cadence --------------------------------------------------------


def test_an_issued_summary_keeps_its_narrative_and_resets_the_cadence(
    ctx: ServiceContext, project: Project
) -> None:
    before = summary_schedule(ctx, project.id)
    assert before.is_due and before.last_issued_on is None  # project started 30 days ago, Fridays
    narrative = SummaryNarrative(
        goal="SAT on time",
        steps_done=("Scanners installed",),
        next_actions=(),
        period_end=FIXED_NOW.date(),
    )
    request = DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY, narrative=narrative)
    issued = letters.issue_document(ctx, request).letter
    assert '"goal":"SAT on time"' in issued.content_json and "Scanners installed" in issued.content_json
    assert '"waits_on_client":true' in issued.content_json  # default difficulties: Network ready
    after = summary_schedule(ctx, project.id)
    assert after.last_issued_on == FIXED_NOW.date()
    assert after.next_due == FIXED_NOW.date() + timedelta(days=4) and not after.is_due  # Friday
    assert (after.period_start, after.period_end) == (FIXED_NOW.date(), FIXED_NOW.date())  # never reversed
