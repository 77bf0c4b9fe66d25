"""Issuing seals a snapshot; versions supersede; issued content never changes; verification."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import ExpectationStatus, Language, LetterKind, LetterStatus
from deliverydesk.domain.fingerprint import canonical_json, fingerprint, sha256_hex
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.reports.documents.data import ExpectationLetterData
from deliverydesk.reports.render import render
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest, build_document
from deliverydesk.services.records.expectations import get_expectation, update_expectation
from deliverydesk.store.tables import LetterRow
from tests.integration.documents.conftest import Project


def letter_request(project: Project, **extra: object) -> DocumentRequest:
    return DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION, **extra)  # type: ignore[arg-type]


def test_issuing_stores_snapshot_fingerprint_and_pdf_hash(ctx: ServiceContext, project: Project) -> None:
    issued = letters.issue_document(ctx, letter_request(project))
    letter = issued.letter
    assert (letter.ref, letter.version, letter.status) == ("DD-2026-014-EL", 1, LetterStatus.ISSUED)
    assert letter.fingerprint == fingerprint(letter.content_json)
    assert letter.pdf_sha256 == sha256_hex(issued.pdf)
    snapshot = json.loads(letter.content_json)
    assert snapshot["expectations"][0]["statement"] == "扫码报工 2 秒内完成"
    assert snapshot["meta"]["fingerprint"] == ""  # the seal is not part of what it seals
    assert letter.content_json == canonical_json(json.loads(letter.content_json))  # canonical form
    assert letter.fingerprint.encode() in issued.pdf  # in the metadata for verify
    # The snapshot prints the very same bytes again.
    assert letters.letter_pdf(ctx, letter.id) == issued.pdf


def test_printed_data_is_exactly_the_snapshot(ctx: ServiceContext, project: Project) -> None:
    issued = letters.issue_document(ctx, letter_request(project))
    printed = letters.letter_data(ctx, issued.letter.id)
    assert isinstance(printed, ExpectationLetterData)
    assert printed.meta.fingerprint == issued.letter.fingerprint
    assert printed.meta.qr_payload is not None and issued.letter.fingerprint in printed.meta.qr_payload
    assert issued.pdf.startswith(render(printed))  # the printed bytes, then the PAdES signature appended


def test_reissuing_makes_version_two_and_supersedes_version_one(
    ctx: ServiceContext, project: Project
) -> None:
    first = letters.issue_document(ctx, letter_request(project)).letter
    second = letters.issue_document(ctx, letter_request(project)).letter
    assert second.version == 2 and second.status is LetterStatus.ISSUED
    assert letters.get_letter(ctx, first.id).status is LetterStatus.SUPERSEDED
    listed = letters.list_letters(ctx, project.id)
    assert {(item.version, item.status) for item in listed} == {
        (1, LetterStatus.SUPERSEDED),
        (2, LetterStatus.ISSUED),
    }


def test_issued_content_can_never_change(ctx: ServiceContext, project: Project) -> None:
    letter = letters.issue_document(ctx, letter_request(project)).letter
    for column, value in (("content_json", "{}"), ("fingerprint", "0" * 64), ("pdf_sha256", "0" * 64)):
        with pytest.raises(RuleError, match="can never change"), ctx.db.unit_of_work() as session:
            row = session.get(LetterRow, letter.id)
            assert row is not None
            setattr(row, column, value)
            session.flush()
    assert letters.get_letter(ctx, letter.id) == letter


def test_a_change_decision_needs_a_decision_first(ctx: ServiceContext, project: Project) -> None:
    request = DocumentRequest(
        project.id, LetterKind.CHANGE_DECISION, change_request_id=project.pending_request_id
    )
    assert letters.preview_document(ctx, request).startswith(b"%PDF")  # a preview is always possible
    with pytest.raises(RuleError, match="no decision yet"):
        letters.issue_document(ctx, request)
    decided = replace(request, change_request_id=project.decided_request_id)
    assert letters.issue_document(ctx, decided).letter.ref == "DD-2026-014-CR-1"
    with pytest.raises(ValidationError):
        letters.preview_document(ctx, replace(request, change_request_id=None))


def test_every_document_issues_in_both_languages(ctx: ServiceContext, project: Project) -> None:
    for kind in LetterKind:
        for language in Language:
            request = DocumentRequest(
                project.id, kind, change_request_id=project.decided_request_id, language=language
            )
            issued = letters.issue_document(ctx, request)
            assert issued.letter.language is language
            assert letters.verify_pdf(ctx, issued.pdf).outcome is letters.VerifyOutcome.ISSUED


# --- verification --------------------------------------------------------------------------------


def test_verify_accepts_the_issued_file(ctx: ServiceContext, project: Project) -> None:
    issued = letters.issue_document(ctx, letter_request(project))
    result = letters.verify_pdf(ctx, issued.pdf)
    assert result.outcome is letters.VerifyOutcome.ISSUED and result.exit_code == 0
    assert result.letter is not None and result.letter.id == issued.letter.id
    assert result.project_code == "DD-2026-014"


def test_verify_never_calls_a_one_byte_change_exact_and_names_the_letter(
    ctx: ServiceContext, project: Project
) -> None:
    """A flipped byte breaks the signature; by content it is MODIFIED where the pages change (a
    compressed page or font stream) and SAME CONTENT where they do not (a byte no page shows)."""
    issued = letters.issue_document(ctx, letter_request(project))
    verdicts = set()
    for tenth in range(1, 10):
        changed = bytearray(issued.pdf)
        changed[len(changed) * tenth // 10] ^= 0x01
        result = letters.verify_pdf(ctx, bytes(changed))
        assert result.verdict.value in ("modified", "same content"), tenth
        assert result.signature.state == "broken"
        assert result.letter is not None and (result.letter.ref, result.letter.version) == (
            "DD-2026-014-EL",
            1,
        )
        verdicts.add(result.verdict.value)
    assert "modified" in verdicts


def test_verify_rejects_a_rerendered_edited_copy(ctx: ServiceContext, project: Project) -> None:
    issued = letters.issue_document(ctx, letter_request(project))
    printed = letters.letter_data(ctx, issued.letter.id)
    assert isinstance(printed, ExpectationLetterData)
    forged = replace(printed, subject=printed.subject + " (amended)")
    result = letters.verify_pdf(ctx, render(forged))
    assert result.outcome is letters.VerifyOutcome.MODIFIED
    assert result.letter is not None and result.letter.id == issued.letter.id


def test_verify_reports_an_unknown_file(ctx: ServiceContext, project: Project) -> None:
    draft = letters.preview_document(ctx, letter_request(project))
    assert letters.verify_pdf(ctx, draft).exit_code == 7
    assert letters.verify_pdf(ctx, b"not a pdf at all").outcome is letters.VerifyOutcome.UNKNOWN


# --- expectations and their letter ---------------------------------------------------------------


def _edit_expectation(ctx: ServiceContext, expectation_id: str, **changes: object) -> None:
    item = get_expectation(ctx, expectation_id)
    fields = {name: getattr(item, name) for name in ExpectationDraft.__dataclass_fields__}
    update_expectation(ctx, ExpectationDraft(**{**fields, **changes}))  # type: ignore[arg-type]


def test_changing_a_confirmed_expectation_voids_its_confirmation(
    ctx: ServiceContext, project: Project
) -> None:
    letters.issue_document(ctx, letter_request(project))
    assert not letters.expectation_letter_outdated(ctx, project.id)
    _edit_expectation(ctx, project.expectation_id, status=ExpectationStatus.CONFIRMED)  # no change
    assert get_expectation(ctx, project.expectation_id).status is ExpectationStatus.CONFIRMED
    _edit_expectation(ctx, project.expectation_id, measure="20 次中 20 次 ≤ 2 秒")
    assert get_expectation(ctx, project.expectation_id).status is ExpectationStatus.DRAFT
    assert letters.expectation_letter_outdated(ctx, project.id)
    second = letters.issue_document(ctx, letter_request(project)).letter
    assert second.version == 2 and not letters.expectation_letter_outdated(ctx, project.id)


def test_draft_numbering_follows_the_issued_versions(ctx: ServiceContext, project: Project) -> None:
    assert build_document(ctx, letter_request(project)).meta.version == 1
    letters.issue_document(ctx, letter_request(project))
    draft = build_document(ctx, letter_request(project))
    assert draft.meta.version == 2 and draft.meta.fingerprint == ""
