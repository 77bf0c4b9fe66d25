"""Writing documents to files: a draft preview, a newly issued version, or a copy of an issued one.

Files are written atomically (``draft_export.write_export``: a temp file in the same folder, fsync,
then ``os.replace``): a failed export leaves any older file of that name exactly as it was."""

from __future__ import annotations

from pathlib import Path

from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.draft_export import ExportResult as ExportResult  # where others find it
from deliverydesk.services.documents.draft_export import write_export as write_export
from deliverydesk.store.records import Session, change_request_id


def export_document(
    ctx: ServiceContext, request: DocumentRequest, out: Path, *, issue: bool = False
) -> ExportResult:
    """Write the draft preview, or (``issue``) issue the next version and write it. The file is written
    inside the issuing unit of work: when it cannot be written, the version is not issued either."""
    with ctx.db.unit_of_work() as session:
        if issue:
            issued = letters.issue_document_in(ctx, session, request)
            return write_export(out, issued.pdf, issued.letter)
        draft = letters.draft_document_in(ctx, session, request)
    return write_export(out, letters.render_pdf(draft))


def export_letter(
    ctx: ServiceContext, letter_id: str, out: Path, *, signed: bool = True, progress: Progress = NO_PROGRESS
) -> ExportResult:
    """A copy of an issued letter (the signed one when there is one), byte for byte the original."""
    with ctx.db.unit_of_work() as session:
        pdf, letter = letters.letter_copy_in(ctx, session, letter_id, signed=signed)
    return write_export(out, pdf, letter, progress)


def change_request_id_by_ref(ctx: ServiceContext, project_id: str, ref: str) -> str:
    with ctx.db.unit_of_work() as session:
        return change_request_id_by_ref_in(session, project_id, ref)


def change_request_id_by_ref_in(session: Session, project_id: str, ref: str) -> str:
    found = change_request_id(session, project_id, ref.strip().upper())
    if found is None:
        raise NotFoundError(
            msg("This project has no change request {ref!r}.", ref=ref.strip()),
            msg("Refs look like CR-3."),
        )
    return found
