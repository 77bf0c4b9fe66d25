"""An issued letter gives back the very bytes that were issued, whatever the renderer does since:
the PDF (and the signed PDF) are kept in the blob store under the hash the letter records."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.domain.enums import LetterKind, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import RuleError, StorageError
from deliverydesk.reports import render as render_module
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.signing import SignRequest
from deliverydesk.services.records.history import record_history
from deliverydesk.store.tables import BlobRow
from tests.conftest import fixed_clock
from tests.integration.bundle.conftest import migrated_database
from tests.integration.documents.conftest import Project, signature_png


@pytest.fixture(autouse=True)
def unsealed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored-copy mechanics, with stand-in renderers that make no real PDF: the PAdES signature
    (``test_pades``) is left out, as letters issued by earlier releases were."""
    monkeypatch.setattr(letters, "seal_issued_in", lambda ctx, session, pdf, name: pdf)


def issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def sign_on_screen(ctx: ServiceContext, project: Project, letter_id: str) -> bytes:
    request = SignRequest(
        letter_id, SignMethod.ON_SCREEN, "王建国", contact_id=project.signer_id, signature_png=signature_png()
    )
    signed = letters.sign_letter(ctx, request).signed_pdf
    assert signed is not None
    return signed


def stored(ctx: ServiceContext, sha256: str) -> bytes | None:
    with ctx.db.unit_of_work() as session:
        row = session.get(BlobRow, sha256)
        return None if row is None else row.data


def run_sql(ctx: ServiceContext, sql: str, *params: object) -> None:
    """Raw SQL behind the services' back: an older database, or a damaged file."""
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql(sql, params)


@pytest.fixture
def new_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The renderer changed since the letters were issued (a reportlab upgrade, a font, a layout fix)."""
    monkeypatch.setattr(
        render_module, "render", lambda data, certificate=None: b"%PDF-1.7 rendered differently now"
    )


def test_issuing_stores_the_pdf_under_its_hash(ctx: ServiceContext, project: Project) -> None:
    issued = issue(ctx, project)
    assert stored(ctx, issued.letter.pdf_sha256) == issued.pdf
    assert issued.letter.pdf_sha256 == sha256_hex(issued.pdf)
    with ctx.db.unit_of_work() as session:
        blob = session.get(BlobRow, issued.letter.pdf_sha256)
        assert blob is not None and blob.size == len(issued.pdf)


def test_the_stored_copy_comes_back_when_the_renderer_changed(
    ctx: ServiceContext, project: Project, new_renderer: None
) -> None:
    issued = issue(ctx, project)  # issued with the new renderer: its bytes are what was issued
    assert issued.pdf == b"%PDF-1.7 rendered differently now"
    letter_id = issued.letter.id
    with pytest.MonkeyPatch.context() as later:  # and printed again after yet another change
        later.setattr(render_module, "render", lambda data, certificate=None: b"%PDF-1.7 and different again")
        assert letters.letter_pdf(ctx, letter_id) == issued.pdf
    assert letters.verify_pdf(ctx, letters.letter_pdf(ctx, letter_id)).outcome is letters.VerifyOutcome.ISSUED


def test_a_letter_without_a_stored_copy_is_printed_again_when_that_gives_the_same_bytes(
    ctx: ServiceContext, project: Project
) -> None:
    issued = issue(ctx, project)
    run_sql(ctx, "DELETE FROM blob WHERE sha256 = ?", issued.letter.pdf_sha256)  # issued before copies
    assert letters.letter_pdf(ctx, issued.letter.id) == issued.pdf


def test_a_letter_without_a_stored_copy_is_refused_when_printing_again_differs(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = issue(ctx, project)
    run_sql(ctx, "DELETE FROM blob WHERE sha256 = ?", issued.letter.pdf_sha256)
    monkeypatch.setattr(
        render_module, "render", lambda data, certificate=None: b"%PDF-1.7 rendered differently now"
    )
    with pytest.raises(RuleError, match="issued before DeliveryDesk kept a copy") as caught:
        letters.letter_pdf(ctx, issued.letter.id)
    assert "DD-2026-014-EL version 1" in str(caught.value.message)
    assert "Issue a new version" in str(caught.value.hint) and "deliverydesk verify" in str(caught.value.hint)
    assert letters.verify_pdf(ctx, issued.pdf).outcome is letters.VerifyOutcome.ISSUED  # client's copy


def test_a_damaged_stored_copy_is_reported_not_printed_again(ctx: ServiceContext, project: Project) -> None:
    issued = issue(ctx, project)
    damaged = bytearray(issued.pdf)
    damaged[len(damaged) // 2] ^= 0x01
    run_sql(ctx, "UPDATE blob SET data = ? WHERE sha256 = ?", bytes(damaged), issued.letter.pdf_sha256)
    with pytest.raises(StorageError, match="stored copy of DD-2026-014-EL version 1 is damaged"):
        letters.letter_pdf(ctx, issued.letter.id)


def test_the_signed_copy_is_stored_and_comes_back(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = issue(ctx, project)
    signed_pdf = sign_on_screen(ctx, project, issued.letter.id)
    letter = letters.get_letter(ctx, issued.letter.id)
    assert (
        letter.signed_pdf_sha256 == sha256_hex(signed_pdf)
        and stored(ctx, letter.signed_pdf_sha256) == signed_pdf
    )
    monkeypatch.setattr(
        render_module, "render", lambda data, certificate=None: b"%PDF-1.7 rendered differently now"
    )
    assert letters.letter_pdf(ctx, letter.id) == signed_pdf
    assert letters.letter_pdf(ctx, letter.id, signed=False) == issued.pdf
    signing, _issuing = record_history(ctx, letter.id).events  # newest first: signing is one event
    changed = {change.field: change.after for change in signing.changes}
    assert (changed["signed_pdf_sha256"], changed["status"]) == (letter.signed_pdf_sha256, "signed")


def test_a_bundle_carries_the_stored_copies(ctx: ServiceContext, project: Project, tmp_path: Path) -> None:
    issued = issue(ctx, project)
    signed_pdf = sign_on_screen(ctx, project, issued.letter.id)
    export_bundle(ctx, project.code, tmp_path / "bundle.json")
    database = migrated_database(tmp_path / "elsewhere.db")
    try:
        elsewhere = ServiceContext(db=database, clock=fixed_clock)
        assert import_bundle(elsewhere, tmp_path / "bundle.json").blobs_added == 2
        assert import_bundle(elsewhere, tmp_path / "bundle.json").blobs_added == 0  # idempotent
        with pytest.MonkeyPatch.context() as later:
            later.setattr(
                render_module, "render", lambda data, certificate=None: b"%PDF-1.7 rendered differently now"
            )
            assert letters.letter_pdf(elsewhere, issued.letter.id) == signed_pdf
            assert letters.letter_pdf(elsewhere, issued.letter.id, signed=False) == issued.pdf
        assert letters.verify_pdf(elsewhere, issued.pdf).outcome is letters.VerifyOutcome.ISSUED
        assert letters.verify_pdf(elsewhere, signed_pdf).outcome is letters.VerifyOutcome.SIGNED
    finally:
        database.close()
