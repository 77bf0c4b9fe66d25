"""Writing documents to files: a draft preview, a newly issued version, or a copy of an issued one.

Files are written atomically (a temp file in the same folder, fsync, then ``os.replace``): a failed
export leaves any older file of that name exactly as it was."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from deliverydesk.domain.models import LetterItem
from deliverydesk.errors import DiskFullError, NotFoundError, ReadOnlyStorageError, StorageError
from deliverydesk.services import letters
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import DocumentRequest
from deliverydesk.store.records import list_rows
from deliverydesk.store.tables import ChangeRequestRow

READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    letter: LetterItem | None = None  # the issued version, when the export issued one


def export_document(
    ctx: ServiceContext, request: DocumentRequest, out: Path, *, issue: bool = False
) -> ExportResult:
    """Write the draft preview, or (``issue``) issue the next version and write it."""
    if issue:
        issued = letters.issue_document(ctx, request)
        write_file_atomically(out, issued.pdf)
        return ExportResult(out, len(issued.pdf), issued.letter)
    pdf = letters.preview_document(ctx, request)
    write_file_atomically(out, pdf)
    return ExportResult(out, len(pdf))


def export_letter(ctx: ServiceContext, letter_id: str, out: Path, *, signed: bool = True) -> ExportResult:
    """A copy of an issued letter (the signed one when there is one), byte for byte the original."""
    pdf = letters.letter_pdf(ctx, letter_id, signed=signed)
    write_file_atomically(out, pdf)
    return ExportResult(out, len(pdf), letters.get_letter(ctx, letter_id))


def change_request_id_by_ref(ctx: ServiceContext, project_id: str, ref: str) -> str:
    with ctx.db.unit_of_work() as session:
        rows, _total = list_rows(
            session, ChangeRequestRow, where={"project_id": project_id, "ref": ref.strip().upper()}, limit=1
        )
    if not rows:
        raise NotFoundError(f"This project has no change request {ref.strip()!r}.", "Refs look like CR-3.")
    return rows[0].id


def write_file_atomically(out: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename over: readers see the old file or the new one."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _file_error(exc, folder) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _file_error(exc, out) from None


def _file_error(exc: OSError, where: Path) -> StorageError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return DiskFullError(f"The disk is full: {where} was not written.", "Any older file is unchanged.")
    if exc.errno in READ_ONLY_ERRNOS:
        return ReadOnlyStorageError(f"Cannot write {where}: {reason}.", "Choose another folder.")
    return StorageError(f"Cannot write {where}: {reason}.", "Any older file of that name is unchanged.")
