"""Letters issued before DeliveryDesk kept a copy of every issued PDF get one, while printing them
again still gives the issued bytes: ``keep_issued_copies`` and ``deliverydesk keep-copies``."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.cli.commands import main
from deliverydesk.domain.enums import LetterKind
from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import ReadOnlyStorageError, RuleError
from deliverydesk.reports import render as render_module
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.copies import KeptCopies, copies_missing, keep_issued_copies
from deliverydesk.store.database import Database, make_engine
from tests.conftest import fixed_clock
from tests.integration.documents.conftest import Project
from tests.integration.documents.test_stored_copies import issue, run_sql, sign_on_screen, stored

DIFFERENT = b"%PDF-1.7 rendered differently now"


def forget_copy(ctx: ServiceContext, sha256: str) -> None:
    """As a letter issued by the first release: no copy in the blob table."""
    run_sql(ctx, "DELETE FROM blob WHERE sha256 = ?", sha256)


def old_letter(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    """Issued by the first release: printed bytes without a PAdES signature, and no copy kept."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(letters, "seal_issued_in", lambda ctx, session, pdf, name: pdf)
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
    monkeypatch.setattr(render_module, "render", lambda data, certificate=None: DIFFERENT)
    assert letters.letter_pdf(ctx, issued.letter.id) == issued.pdf


def test_a_letter_that_no_longer_prints_the_same_is_named_and_nothing_is_stored(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = old_letter(ctx, project)
    kept_before = letters.issue_document(
        ctx, DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY)
    )  # has its copy: counted, untouched
    monkeypatch.setattr(render_module, "render", lambda data, certificate=None: DIFFERENT)
    result = keep_issued_copies(ctx)
    assert result == KeptCopies(kept=0, already_kept=1, not_reproducible=("DD-2026-014-EL version 1",))
    assert result.exit_code == 1
    assert stored(ctx, issued.letter.pdf_sha256) is None and stored(ctx, sha256_hex(DIFFERENT)) is None
    assert stored(ctx, kept_before.letter.pdf_sha256) == kept_before.pdf
    with pytest.raises(RuleError, match="issued before DeliveryDesk kept a copy"):
        letters.letter_pdf(ctx, issued.letter.id)


def test_running_twice_does_nothing_the_second_time(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_letter(ctx, project)
    assert keep_issued_copies(ctx).kept == 1
    monkeypatch.setattr(render_module, "render", lambda data, certificate=None: pytest.fail("printed again"))
    assert keep_issued_copies(ctx) == KeptCopies(kept=0, already_kept=1, not_reproducible=())


def test_the_signed_copy_is_kept_too(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(letters, "seal_issued_in", lambda ctx, session, pdf, name: pdf)  # the first release's
    issued = issue(ctx, project)
    signed_pdf = sign_on_screen(ctx, project, issued.letter.id)
    monkeypatch.undo()
    letter = letters.get_letter(ctx, issued.letter.id)
    forget_copy(ctx, letter.pdf_sha256)
    forget_copy(ctx, letter.signed_pdf_sha256)
    assert keep_issued_copies(ctx).kept == 1
    assert stored(ctx, letter.pdf_sha256) == issued.pdf
    assert stored(ctx, letter.signed_pdf_sha256) == signed_pdf
    monkeypatch.setattr(render_module, "render", lambda data, certificate=None: DIFFERENT)
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
    monkeypatch.setattr(render_module, "render", lambda data, certificate=None: DIFFERENT)
    assert main(["keep-copies", "--db-url", f"sqlite:///{db_path}", "--data-dir", str(db_path.parent)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("DD-2026-014-EL version 1: ") and "no longer prints" in lines[0]
    assert lines[-1].startswith("Kept a copy of 0 letters") and "1 could not be kept" in lines[-1]


def test_archived_letters_are_kept_too(ctx: ServiceContext, project: Project) -> None:
    issued = old_letter(ctx, project)
    run_sql(ctx, "UPDATE project SET archived_at = ?", "2026-03-16 09:00:00.000000")
    run_sql(ctx, "UPDATE letter SET archived_at = ?", "2026-03-16 09:00:00.000000")
    assert keep_issued_copies(ctx).kept == 1
    assert stored(ctx, issued.letter.pdf_sha256) == issued.pdf


def test_an_interrupted_run_keeps_the_copies_it_stored(
    ctx: ServiceContext, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = old_letter(ctx, project)
    second = letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.PROGRESS_SUMMARY))
    forget_copy(ctx, second.letter.pdf_sha256)
    renders = iter([first.pdf])

    def render_once(data: object, certificate: object = None) -> bytes:
        """The first letter prints; the run is interrupted while printing the second."""
        for pdf in renders:
            return pdf
        pytest.fail("interrupted")

    monkeypatch.setattr(render_module, "render", render_once)
    with pytest.raises(pytest.fail.Exception, match="interrupted"):
        keep_issued_copies(ctx)
    assert stored(ctx, first.letter.pdf_sha256) == first.pdf and stored(ctx, second.letter.pdf_sha256) is None
