"""Issuing and signing are each one transaction: made to fail in the middle, nothing of them remains."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.enums import LetterKind, LetterStatus, SignMethod
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.export import export_document
from deliverydesk.services.documents.signing import SignRequest
from tests.conftest import FIXED_NOW
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.documents.conftest import Project, signature_png


def _request(project: Project) -> DocumentRequest:
    return DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION)


def test_signing_on_paper_that_fails_after_the_scan_is_stored_keeps_neither_scan_nor_signature(
    ctx: ServiceContext, project: Project
) -> None:
    letter = letters.issue_document(ctx, _request(project)).letter
    before = database_state(ctx.db)
    request = SignRequest(
        letter.id,
        SignMethod.ON_PAPER,
        "王建国",
        scan=b"%PDF-1.4 scan",
        contact_id=project.signer_id,
        signed_on=FIXED_NOW.date(),
    )
    with fail_writes(ctx.db, "UPDATE", "letter"), pytest.raises(IntegrityError, match=INJECTED):
        letters.sign_letter(ctx, request)
    assert database_state(ctx.db) == before  # no scan, no signature event, no confirmed expectation
    assert letters.sign_letter(ctx, request).letter.status is LetterStatus.SIGNED


def test_signing_on_screen_that_fails_storing_the_signed_copy_leaves_the_letter_unsigned(
    ctx: ServiceContext, project: Project
) -> None:
    letter = letters.issue_document(ctx, _request(project)).letter
    before = database_state(ctx.db)
    request = SignRequest(
        letter.id, SignMethod.ON_SCREEN, "王建国", contact_id=project.signer_id, signature_png=signature_png()
    )
    with fail_writes(ctx.db, "INSERT", "blob"), pytest.raises(IntegrityError, match=INJECTED):
        letters.sign_letter(ctx, request)
    assert database_state(ctx.db) == before
    assert letters.get_letter(ctx, letter.id).status is LetterStatus.ISSUED


def test_issuing_a_new_version_that_fails_keeps_the_old_one_current_and_stores_no_pdf(
    ctx: ServiceContext, project: Project
) -> None:
    first = letters.issue_document(ctx, _request(project)).letter
    before = database_state(ctx.db)
    with fail_writes(ctx.db, "INSERT", "letter"), pytest.raises(IntegrityError, match=INJECTED):
        letters.issue_document(ctx, _request(project))  # supersedes version 1, stores the PDF, then fails
    assert database_state(ctx.db) == before
    assert letters.get_letter(ctx, first.id).status is LetterStatus.ISSUED
    assert letters.issue_document(ctx, _request(project)).letter.version == 2


def test_an_issuing_export_whose_file_cannot_be_written_issues_nothing(
    ctx: ServiceContext, project: Project, tmp_path: Path
) -> None:
    before = database_state(ctx.db)
    with pytest.raises(DeliveryDeskError):
        export_document(ctx, _request(project), tmp_path / "no such folder" / "letter.pdf", issue=True)
    assert database_state(ctx.db) == before
    assert letters.list_letters(ctx, project.id) == ()
