"""Writing documents to files: a draft preview, a newly issued version, or a copy of an issued one.

Files are written atomically (a temp file in the same folder, fsync, then ``os.replace``): a failed
export leaves any older file of that name exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deliverydesk.domain.models import LetterItem
from deliverydesk.errors import NotFoundError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.files import write_file_atomically
from deliverydesk.store.records import list_rows
from deliverydesk.store.tables import ChangeRequestRow


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    letter: LetterItem | None = None  # the issued version, when the export issued one


def write_export(out: Path, pdf: bytes, letter: LetterItem | None = None) -> ExportResult:
    """Write ``pdf`` to ``out`` atomically."""
    write_file_atomically(out, pdf)
    return ExportResult(out, len(pdf), letter)


def export_document(
    ctx: ServiceContext, request: DocumentRequest, out: Path, *, issue: bool = False
) -> ExportResult:
    """Write the draft preview, or (``issue``) issue the next version and write it."""
    if issue:
        issued = letters.issue_document(ctx, request)
        return write_export(out, issued.pdf, issued.letter)
    return write_export(out, letters.preview_document(ctx, request))


def export_letter(ctx: ServiceContext, letter_id: str, out: Path, *, signed: bool = True) -> ExportResult:
    """A copy of an issued letter (the signed one when there is one), byte for byte the original."""
    pdf = letters.letter_pdf(ctx, letter_id, signed=signed)
    return write_export(out, pdf, letters.get_letter(ctx, letter_id))


def change_request_id_by_ref(ctx: ServiceContext, project_id: str, ref: str) -> str:
    with ctx.db.unit_of_work() as session:
        rows, _total = list_rows(
            session, ChangeRequestRow, where={"project_id": project_id, "ref": ref.strip().upper()}, limit=1
        )
    if not rows:
        raise NotFoundError(f"This project has no change request {ref.strip()!r}.", "Refs look like CR-3.")
    return rows[0].id
