"""Signing closes the loop: on screen (both signature blocks filled in the signed PDF), on paper, by
e-mail (an e-mail naming the signer), each confirming the letter's expectations in the same
transaction; a refusal confirms nothing and shows on Home; only a contact entitled to sign can sign."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import ExpectationDraft, LogEntryDraft, draft_from
from deliverydesk.domain.enums import ExpectationStatus, LetterKind, LetterStatus, LogKind, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.domain.models import ExpectationItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest, SummaryNarrative
from deliverydesk.services.documents.cadence import summary_schedule
from deliverydesk.services.documents.signing import SignRequest
from deliverydesk.services.records.attachments import list_attachments, read_attachment
from deliverydesk.services.records.expectations import (
    create_expectation,
    get_expectation,
    list_expectations,
    update_expectation,
)
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.settings import get_settings, settings_draft, update_settings
from tests.conftest import FIXED_NOW
from tests.integration.documents.conftest import Project, signature_png


def issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def images_on_last_page(pdf: bytes, before_certificate: bool = False) -> int:
    """Images on the last page of the letter (a signed one ends with its completion certificate)."""
    page = PdfReader(io.BytesIO(pdf)).pages[-2 if before_certificate else -1]
    objects = page["/Resources"].get("/XObject", {})
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def expectations(ctx: ServiceContext, project: Project) -> list[ExpectationItem]:
    return list(list_expectations(ctx, project.id).rows)


def second_expectation(ctx: ServiceContext, project: Project) -> str:
    """A draft expectation next to the fixture's confirmed one: signing must confirm it too."""
    draft = ExpectationDraft(
        project_id=project.id, statement="交接后 30 天内无 P1 故障", measure="工单系统统计"
    )
    return create_expectation(ctx, draft).id


def test_signing_on_screen_confirms_the_expectations_and_fills_both_blocks(
    ctx: ServiceContext, project: Project
) -> None:
    e2 = second_expectation(ctx, project)
    issued = issue(ctx, project)
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_SCREEN,
        signer_title="生产总监",
        place="苏州工业园区",
        contact_id=project.signer_id,
        signed_on=FIXED_NOW.date() - timedelta(days=9),  # ignored on screen: signed now
        signature_png=signature_png(),
    )
    result = letters.sign_letter(ctx, request)
    letter = result.letter
    assert result.warnings == () and result.confirmed == ("E-1", "E-2")
    client, vendor = letter.client_signature, letter.vendor_signature
    assert client is not None and vendor is not None and letter.status is LetterStatus.SIGNED
    assert (client.method, client.signer_name, client.contact_id, client.place) == (
        SignMethod.ON_SCREEN,
        "王建国",
        project.signer_id,
        "苏州工业园区",
    )
    assert client.signed_on == FIXED_NOW.date() and client.recorded_at == FIXED_NOW
    assert client.recorded_by == "张浩" and client.signature_png == signature_png()
    assert (vendor.signer_name, vendor.signer_title, vendor.place, vendor.signed_on) == (
        "张浩",
        "现场工程师",
        "苏州",  # the engineer's place from Settings
        FIXED_NOW.date(),
    )
    for item in expectations(ctx, project):
        assert (item.status, item.confirmed_by_letter_id) == (ExpectationStatus.CONFIRMED, letter.id)
    assert {e.id for e in expectations(ctx, project)} >= {e2}
    assert result.signed_pdf is not None and letter.signed_pdf_sha256 == sha256_hex(result.signed_pdf)
    assert (
        images_on_last_page(result.signed_pdf, before_certificate=True) == images_on_last_page(issued.pdf) + 1
    )
    text = pdf_text(result.signed_pdf)  # both blocks filled: vendor (left), client (right)
    assert "Name\n张浩\nName\n王建国" in text and "Date\n16 Mar 2026\nDate\n16 Mar 2026" in text
    assert "Place\n苏州\nPlace\n苏州工业园区" in text
    assert "Date\n16 Mar 2026\nDate" not in pdf_text(issued.pdf)  # issued: both blocks blank
    assert letter.fingerprint == issued.letter.fingerprint  # the content did not change
    assert letters.letter_pdf(ctx, letter.id) == result.signed_pdf
    assert letters.letter_pdf(ctx, letter.id, signed=False) == issued.pdf
    verdict = letters.verify_pdf(ctx, result.signed_pdf)
    assert verdict.outcome is letters.VerifyOutcome.SIGNED and verdict.exit_code == 0
    with pytest.raises(RuleError, match="already signed"):
        letters.sign_letter(ctx, request)


def test_signing_on_paper_records_the_day_entered_and_confirms(ctx: ServiceContext, project: Project) -> None:
    second_expectation(ctx, project)
    letter = issue(ctx, project).letter
    scan = b"%PDF-1.4 scanned paper"
    base = SignRequest(letter.id, SignMethod.ON_PAPER, "王建国", scan=scan, scan_filename="signed.pdf")
    with pytest.raises(ValidationError) as undated:
        letters.sign_letter(ctx, base)
    assert "signed_on" in undated.value.fields
    with pytest.raises(ValidationError) as future:
        letters.sign_letter(ctx, replace(base, signed_on=FIXED_NOW.date() + timedelta(days=1)))
    assert "future" in str(future.value.fields["signed_on"])
    with pytest.raises(ValidationError) as early:
        letters.sign_letter(ctx, replace(base, signed_on=FIXED_NOW.date() - timedelta(days=1)))
    assert "before the letter was issued" in str(early.value.fields["signed_on"])
    assert list_attachments(ctx, project.id).rows == ()  # nothing refused left anything behind
    result = letters.sign_letter(ctx, replace(base, signed_on=FIXED_NOW.date()))
    signed = result.letter
    event = signed.client_signature
    assert event is not None and (signed.status, event.method) == (LetterStatus.SIGNED, SignMethod.ON_PAPER)
    assert result.signed_pdf is not None and signed.signed_pdf_sha256 == sha256_hex(result.signed_pdf)
    assert signed.vendor_signature is None  # on paper the vendor signs the paper, not here
    attached = [a for a in list_attachments(ctx, project.id).rows if a.letter_id == letter.id]
    assert len(attached) == 1 and read_attachment(ctx, attached[0].id) == scan
    assert event.attachment_id == attached[0].id and event.scan_sha256 == sha256_hex(scan)
    assert result.confirmed == ("E-1", "E-2")
    assert {e.status for e in expectations(ctx, project)} == {ExpectationStatus.CONFIRMED}


def test_confirmed_by_email_needs_an_email_naming_the_signer(ctx: ServiceContext, project: Project) -> None:
    e2 = second_expectation(ctx, project)
    letter = issue(ctx, project).letter
    with pytest.raises(ValidationError) as missing:
        letters.sign_letter(ctx, SignRequest(letter.id, SignMethod.BY_EMAIL, "王建国"))
    assert "log_entry_id" in missing.value.fields
    from_coordinator = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project.id,
            occurred_at=FIXED_NOW,
            kind=LogKind.EMAIL,
            participants="Li Na",
            summary="Li Na: looks fine to us",
        ),
    )
    by_phone = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project.id,
            occurred_at=FIXED_NOW,
            kind=LogKind.CALL,
            participants="王建国",
            summary="OK",
        ),
    )
    request = SignRequest(letter.id, SignMethod.BY_EMAIL, "王建国", log_entry_id=from_coordinator.id)
    with pytest.raises(ValidationError) as coordinator:
        letters.sign_letter(ctx, request)
    assert "does not name 王建国" in str(coordinator.value.fields["log_entry_id"])
    with pytest.raises(ValidationError) as phone:
        letters.sign_letter(ctx, replace(request, log_entry_id=by_phone.id))
    assert "not an e-mail" in str(phone.value.fields["log_entry_id"])
    with pytest.raises(ValidationError) as coordinator_signs:  # the coordinator is no signer either
        letters.sign_letter(ctx, replace(request, signer_name="Li Na", log_entry_id=from_coordinator.id))
    assert "not entitled to sign" in str(coordinator_signs.value.fields["signer_name"])
    assert {e.status for e in expectations(ctx, project) if e.id == e2} == {ExpectationStatus.DRAFT}
    result = letters.sign_letter(ctx, replace(request, log_entry_id=project.log_entry_id))
    event = result.letter.client_signature
    assert event is not None and event.method is SignMethod.BY_EMAIL
    assert event.log_entry_id == project.log_entry_id and event.signed_on == FIXED_NOW.date()  # its day
    assert result.confirmed == ("E-1", "E-2")


def test_a_refusal_confirms_nothing_and_shows_on_home(ctx: ServiceContext, project: Project) -> None:
    e2 = second_expectation(ctx, project)
    letter = issue(ctx, project).letter
    with pytest.raises(ValidationError) as missing:
        letters.sign_letter(ctx, SignRequest(letter.id, SignMethod.REFUSED, "王建国"))
    assert "note" in missing.value.fields
    request = SignRequest(letter.id, SignMethod.REFUSED, "Li Na", note="Wants E-1 reworded first.")
    result = letters.sign_letter(ctx, request)  # anyone may refuse: the coordinator did
    refused = result.letter
    assert result.confirmed == () and refused.status is LetterStatus.ISSUED
    assert refused.refusal is not None and refused.client_signature is None
    assert (refused.refusal.signer_name, refused.refusal.note) == ("Li Na", "Wants E-1 reworded first.")
    assert [e.status for e in expectations(ctx, project) if e.id == e2] == [ExpectationStatus.DRAFT]
    home = get_attention(ctx)
    assert [i.record_id for i in home.of_kind(AttentionKind.LETTER_REFUSED)] == [letter.id]
    assert home.of_kind(AttentionKind.LETTER_UNSIGNED) == ()
    later = ServiceContext(db=ctx.db, clock=lambda: FIXED_NOW + timedelta(hours=2))
    signed = letters.sign_letter(
        later,
        SignRequest(
            letter.id, SignMethod.ON_SCREEN, contact_id=project.signer_id, signature_png=signature_png()
        ),
    ).letter  # they talked: signed after all; both events stay on record
    assert [e.method for e in signed.signatures] == [
        SignMethod.REFUSED,
        SignMethod.ON_SCREEN,
        SignMethod.ON_SCREEN,
    ]
    assert signed.refusal is None and get_attention(ctx).of_kind(AttentionKind.LETTER_REFUSED) == ()


def test_an_unentitled_signer_is_refused_with_the_reason(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    base = SignRequest(letter.id, SignMethod.ON_PAPER, "Li Na", scan=b"scan", signed_on=FIXED_NOW.date())
    with pytest.raises(ValidationError) as chosen:  # a chosen contact must be allowed to sign
        letters.sign_letter(ctx, replace(base, contact_id=project.coordinator_id))
    assert "not allowed to sign" in str(chosen.value.fields["signer_name"])
    with pytest.raises(ValidationError) as named:  # the same person by name
        letters.sign_letter(ctx, base)
    assert "Li Na is not entitled to sign" in str(named.value.fields["signer_name"])
    with pytest.raises(ValidationError) as stranger:
        letters.sign_letter(ctx, replace(base, signer_name="Somebody Else"))
    assert "not a recorded contact" in str(stranger.value.fields["signer_name"])
    assert letters.get_letter(ctx, letter.id).status is LetterStatus.ISSUED
    assert letters.get_letter(ctx, letter.id).signatures == ()
    assert list_attachments(ctx, project.id).rows == ()
    typed = letters.sign_letter(ctx, replace(base, signer_name=" 王建国 "))  # typed, but entitled
    assert typed.letter.client_signature is not None
    assert typed.letter.client_signature.contact_id == project.signer_id


def test_an_expectation_changed_since_the_version_was_issued_is_not_confirmed(
    ctx: ServiceContext, project: Project
) -> None:
    e2 = second_expectation(ctx, project)
    letter = issue(ctx, project).letter
    changed = draft_from(ExpectationDraft, get_expectation(ctx, e2), statement="交接后 60 天内无 P1 故障")
    update_expectation(ctx, changed)
    result = letters.sign_letter(
        ctx, SignRequest(letter.id, SignMethod.ON_PAPER, "王建国", scan=b"scan", signed_on=FIXED_NOW.date())
    )
    assert result.confirmed == ("E-1",) and "E-2" in str(result.warnings[0])
    assert get_expectation(ctx, e2).status is ExpectationStatus.DRAFT
    assert get_expectation(ctx, e2).confirmed_by_letter_id is None


def test_only_the_current_issued_version_can_be_signed(ctx: ServiceContext, project: Project) -> None:
    first = issue(ctx, project).letter
    issue(ctx, project)
    with pytest.raises(RuleError, match="superseded"):
        letters.sign_letter(
            ctx, SignRequest(first.id, SignMethod.ON_PAPER, "王建国", scan=b"x", signed_on=FIXED_NOW.date())
        )


def test_a_bad_signature_image_is_refused(ctx: ServiceContext, project: Project) -> None:
    letter = issue(ctx, project).letter
    for image in (b"GIF89a", signature_png()[:20]):
        with pytest.raises(ValidationError) as bad:
            letters.sign_letter(
                ctx, SignRequest(letter.id, SignMethod.ON_SCREEN, "王建国", signature_png=image)
            )
        assert "signature_png" in bad.value.fields


def test_signing_on_screen_needs_your_name_for_the_vendors_block(
    ctx: ServiceContext, project: Project
) -> None:
    letter = issue(ctx, project).letter
    update_settings(ctx, replace(settings_draft(get_settings(ctx)), engineer_name=""))
    request = SignRequest(
        letter.id, SignMethod.ON_SCREEN, contact_id=project.signer_id, signature_png=signature_png()
    )
    with pytest.raises(RuleError, match="vendor's signature block"):
        letters.sign_letter(ctx, request)
    assert letters.get_letter(ctx, letter.id).signatures == ()  # one transaction: nothing recorded


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
    issued_period = (issued.content_json.split('"period_start":"')[1][:10], FIXED_NOW.date().isoformat())
    # the same day again: the same period (a correction or a translation), never a one-day period
    assert (after.period_start.isoformat(), after.period_end.isoformat()) == issued_period
