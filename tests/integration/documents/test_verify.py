"""``verify`` judges documents, not bytes: each verdict (EXACT, SAME CONTENT, MODIFIED, SUPERSEDED,
UNKNOWN) with its own exit code; pypdf and qpdf (pikepdf) re-saves of an unaltered copy are the same
content; a copy whose metadata was stripped is still recognised by its printed fingerprint."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter

from deliverydesk.cli import main
from deliverydesk.domain.enums import LetterKind
from deliverydesk.reports.documents.data import ExpectationLetterData
from deliverydesk.reports.render import render
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.verify import Verdict, VerifyOutcome, verify_pdf
from tests.integration.documents.conftest import Project

EXIT = {"exact": 0, "same content": 0, "modified": 5, "superseded": 6, "unknown": 7}


def issue(ctx: ServiceContext, project: Project) -> letters.IssuedDocument:
    return letters.issue_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))


def pypdf_resave(pdf: bytes, *, keep_metadata: bool = True) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if not keep_metadata:
        writer.metadata = None  # type: ignore[assignment]
        writer._info = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def qpdf_resave(pdf: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        out = io.BytesIO()
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return out.getvalue()


def test_an_issued_copy_is_exact(ctx: ServiceContext, project: Project) -> None:
    result = verify_pdf(ctx, issue(ctx, project).pdf)
    assert (result.verdict, result.outcome, result.exit_code) == (Verdict.EXACT, VerifyOutcome.ISSUED, 0)
    assert result.signature.state == "valid" and result.signature.witness_in_trail is True


@pytest.mark.parametrize("resave", [pypdf_resave, qpdf_resave], ids=["pypdf", "qpdf"])
def test_a_resaved_unaltered_copy_has_the_same_content(
    ctx: ServiceContext, project: Project, resave: object
) -> None:
    issued = issue(ctx, project)
    copy = resave(issued.pdf)  # type: ignore[operator]
    assert copy != issued.pdf
    result = verify_pdf(ctx, copy)
    assert result.verdict is Verdict.SAME_CONTENT and result.exit_code == 0
    assert result.letter is not None and result.letter.id == issued.letter.id
    assert result.signature.state != "valid"  # the bytes the signature covers are not these


def test_a_copy_without_metadata_is_recognised_by_its_printed_fingerprint(
    ctx: ServiceContext, project: Project
) -> None:
    issued = issue(ctx, project)
    stripped = pypdf_resave(issued.pdf, keep_metadata=False)
    assert b"DeliveryDesk version=" not in stripped
    result = verify_pdf(ctx, stripped)
    assert result.verdict is Verdict.SAME_CONTENT and result.document == "DD-2026-014-EL version 1"


def test_an_edited_copy_is_modified_naming_the_page_and_lines(ctx: ServiceContext, project: Project) -> None:
    issued = issue(ctx, project)
    printed = letters.letter_data(ctx, issued.letter.id)
    assert isinstance(printed, ExpectationLetterData)
    forged = render(replace(printed, subject=printed.subject + " (amended)"))
    result = verify_pdf(ctx, forged)
    assert result.verdict is Verdict.MODIFIED and result.exit_code == 5
    assert result.document == "DD-2026-014-EL version 1"
    assert len(result.differences) == 1 and result.differences[0].startswith("page 1: line(s) ")
    assert "(amended)" in result.differences[0]


def test_a_copy_with_a_page_removed_is_modified(ctx: ServiceContext, project: Project) -> None:
    issued = issue(ctx, project)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(issued.pdf)))
    if len(writer.pages) < 2:
        writer.add_blank_page()
    else:
        writer.remove_page(len(writer.pages) - 1)
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(ctx, out.getvalue())
    assert result.verdict is Verdict.MODIFIED
    assert "page(s); the document has" in result.differences[0]


def test_a_superseded_version_is_not_ok(ctx: ServiceContext, project: Project) -> None:
    first = issue(ctx, project)
    issue(ctx, project)  # version 2 replaces version 1
    exact = verify_pdf(ctx, first.pdf)
    assert (exact.verdict, exact.exit_code, exact.replaced_by) == (Verdict.SUPERSEDED, 6, 2)
    assert verify_pdf(ctx, qpdf_resave(first.pdf)).verdict is Verdict.SUPERSEDED


def test_an_unknown_file(ctx: ServiceContext, project: Project) -> None:
    draft = letters.preview_document(ctx, DocumentRequest(project.id, LetterKind.EXPECTATION_CONFIRMATION))
    assert verify_pdf(ctx, draft).verdict is Verdict.UNKNOWN
    assert verify_pdf(ctx, b"not a pdf at all").exit_code == 7


def test_each_verdict_has_its_own_exit_code_on_the_command_line(
    ctx: ServiceContext, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = issue(ctx, project)
    second = issue(ctx, project)
    files = {
        "exact": second.pdf,
        "same content": qpdf_resave(second.pdf),
        "superseded": first.pdf,
        "unknown": b"%PDF-1.4 nothing",
    }
    data_dir = Path(ctx.db.url.removeprefix("sqlite:///")).parent
    ctx.db.close()  # the command opens the database itself
    for verdict, pdf in files.items():
        path = tmp_path / f"{verdict}.pdf"
        path.write_bytes(pdf)
        capsys.readouterr()
        code = main(["verify", str(path), "--data-dir", str(data_dir)])
        out = capsys.readouterr().out
        assert code == EXIT[verdict] and out.startswith(verdict.upper() + ":"), out
    assert main(["verify", str(tmp_path / "missing.pdf"), "--data-dir", str(data_dir)]) == 1
    assert main(["verify"]) == 2
