"""Letters issued before DeliveryDesk kept a copy of every issued PDF get one, while printing them
again still gives the issued bytes: ``keep_issued_copies`` and ``deliverydesk keep-copies``."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.cli.commands import main
from deliverydesk.domain.enums import LetterKind, SignMethod
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import ReadOnlyStorageError, RuleError
from deliverydesk.reports import render as render_module
from deliverydesk.services import letters
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import DocumentRequest
from deliverydesk.services.letter_copies import KeptCopies, copies_missing, keep_issued_copies
from deliverydesk.services.signing import SignRequest
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.tables import BlobRow
from tests.conftest import fixed_clock
from tests.integration.documents.conftest import Project, signature_png

DIFFERENT = b"%PDF-1.7 rendered differently now"


def issue(
    ctx: ServiceContext, project: Project, kind: LetterKind = LetterKind.EXPECTATION_CONFIRMATION
) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, kind))


def forget_copy(ctx: ServiceContext, sha256: str) -> None:
    """As a letter issued by the first release: no copy in the blob table (raw SQL, behind the services)."""
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM blob WHERE sha256 = ?", (sha256,))


def stored(ctx: ServiceContext, sha256: str) -> bytes | None:
    with ctx.db.unit_of_work() as session:
        row = session.get(BlobRow, sha256)
        return None if row is None else row.data


def old_letter(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    issued = issue(ctx, project)
    forget_copy(ctx, issued.letter.pdf_sha256)
    return issued


def test_a_letter_without_a_copy_gets_one_that_outlives_a_new_renderer(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = old_letter(ctx, project)
    assert copies_missing(ctx)
    assert keep_issued_copies(ctx) == KeptCopies(kept=1, already_kept=0, not_reproducible=())
    assert stored(ctx, issued.letter.pdf_sha256) == issued.pdf
    assert not copies_missing(ctx)
    monkeypatch.setattr(render_module, "render", lambda data: DIFFERENT)
    assert letters.letter_pdf(ctx, issued.letter.id) == issued.pdf


def test_a_letter_that_no_longer_prints_the_same_is_named_and_nothing_is_stored(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = old_letter(ctx, project)
    kept_before = issue(ctx, project, LetterKind.PROGRESS_SUMMARY)  # has its copy: counted, untouched
    monkeypatch.setattr(render_module, "render", lambda data: DIFFERENT)
    result = keep_issued_copies(ctx)
    assert result == KeptCopies(kept=0, already_kept=1, not_reproducible=("DD-2026-014-EL version 1",))
    assert result.exit_code == 1
    assert (
        stored(ctx, issued.letter.pdf_sha256) is None and stored(ctx, sha256_hex(DIFFERENT)) is None
    )
    assert stored(ctx, kept_before.letter.pdf_sha256) == kept_before.pdf
    with pytest.raises(RuleError, match="issued before DeliveryDesk kept a copy"):
        letters.letter_pdf(ctx, issued.letter.id)


def test_running_twice_does_nothing_the_second_time(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_letter(ctx, project)
    assert keep_issued_copies(ctx).kept == 1
    monkeypatch.setattr(render_module, "render", lambda data: pytest.fail("printed again"))
    assert keep_issued_copies(ctx) == KeptCopies(kept=0, already_kept=1, not_reproducible=())


def test_the_signed_copy_is_kept_too(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = issue(ctx, project)
    request = SignRequest(
        issued.letter.id,
        SignMethod.ON_SCREEN,
        "王建国",
        contact_id=project.signer_id,
        signature_png=signature_png(),
    )
    signed_pdf = letters.sign_letter(ctx, request).signed_pdf
    assert signed_pdf is not None
    letter = letters.get_letter(ctx, issued.letter.id)
    forget_copy(ctx, letter.pdf_sha256)
    forget_copy(ctx, letter.signed_pdf_sha256)
    assert keep_issued_copies(ctx).kept == 1
    assert stored(ctx, letter.pdf_sha256) == issued.pdf
    assert stored(ctx, letter.signed_pdf_sha256) == signed_pdf
    monkeypatch.setattr(render_module, "render", lambda data: DIFFERENT)
    assert letters.letter_pdf(ctx, letter.id) == signed_pdf


def test_a_read_only_database_is_refused(ctx: ServiceContext, project: Project) -> None:
    old_letter(ctx, project)
    readonly = Database(url=ctx.db.url, engine=make_engine(ctx.db.url, readonly=True), readonly=True)
    try:
        with pytest.raises(ReadOnlyStorageError, match="read-only"):
            keep_issued_copies(ServiceContext(db=readonly, clock=fixed_clock))
    finally:
        readonly.close()
    assert copies_missing(ctx)


def test_the_command_keeps_the_copies_and_exits_0(
    ctx: ServiceContext, project: Project, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    issued = old_letter(ctx, project)
    ctx.db.close()  # the command opens the database itself (and takes the writer lock)
    assert main(["keep-copies", "--db-url", f"sqlite:///{db_path}", "--data-dir", str(db_path.parent)]) == 0
    out = capsys.readouterr().out
    assert "Kept a copy of 1 letter" in out and "no longer" not in out
    ctx.db.engine.dispose()
    assert stored(ctx, issued.letter.pdf_sha256) == issued.pdf


def test_the_command_names_what_could_not_be_kept_and_exits_1(
    ctx: ServiceContext,
    project: Project,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_letter(ctx, project)
    ctx.db.close()
    monkeypatch.setattr(render_module, "render", lambda data: DIFFERENT)
    assert main(["keep-copies", "--db-url", f"sqlite:///{db_path}", "--data-dir", str(db_path.parent)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("DD-2026-014-EL version 1: ") and "no longer prints" in lines[0]
    assert lines[-1].startswith("Kept a copy of 0 letters") and "1 could not be kept" in lines[-1]
