"""Attachments: photos and scans stored once per SHA-256 of their bytes (deduplicated).

Every file is checked before anything is written: a safe name (``domain.attachments``), 1 byte to
25 MB, and when the bytes are an image a header within the pixel bounds (``services.records.images``: no
decompression bombs); a file whose type says image/... must be one. The media type comes from the
bytes when they are an image, else from the name; it never decides what is safe. Attachments are
archived, never deleted."""

from __future__ import annotations

import mimetypes
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from deliverydesk.domain.attachments import MAX_BYTES, clean_filename, size_problem
from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.domain.models import AttachmentItem, Page
from deliverydesk.domain.validation import validate_attachment
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import Message, joined, msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.files import file_error, write_file_atomically
from deliverydesk.services.records.common import check_page, page_of
from deliverydesk.services.records.images import (
    ATTACHMENT_IMAGES,
    ImageFacts,
    ImageProblem,
    image_refusal,
    inspect_image,
)
from deliverydesk.store import attachment_rows
from deliverydesk.store.attachment_queries import attachment_counts
from deliverydesk.store.records import Session

UNKNOWN_TYPE = "application/octet-stream"
_NAME_TYPES = mimetypes.MimeTypes()  # Python's built-in table: the same answer on every machine


@dataclass(frozen=True)
class RecordLink:
    """The record an attachment belongs to (one of them, or none: the project itself)."""

    log_entry_id: str | None = None
    change_request_id: str | None = None
    letter_id: str | None = None

    def where(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if value is not None}


@dataclass(frozen=True)
class FileCheck:
    """A file on disk that may be attached: the name it will get, its size and type."""

    path: Path
    filename: str
    size: int
    media_type: str


@dataclass(frozen=True)
class AttachOutcome:
    """What happened to each file of one ``attach_files`` call."""

    added: tuple[AttachmentItem, ...]
    refused: tuple[tuple[str, Message], ...]  # (file name, why) for each file not attached


def media_type_for(filename: str) -> str:
    guessed, _encoding = _NAME_TYPES.guess_type(filename, strict=False)
    return guessed or UNKNOWN_TYPE


def checked_draft(draft: AttachmentDraft) -> AttachmentDraft:
    """The draft validated, its media type derived (name) or corrected (image bytes); no I/O."""
    stated = draft.media_type.strip()
    if not stated or stated == UNKNOWN_TYPE:
        draft = replace(draft, media_type=media_type_for(draft.filename))
    draft = validate_attachment(draft)
    return replace(draft, media_type=checked_content(draft.filename, draft.media_type, draft.data))


def checked_content(filename: str, media_type: str, data: bytes) -> str:
    """The media type the bytes have (an image's own, else ``media_type``); ValidationError on "data"
    for a pixel bomb, a damaged image, or a file typed image/... that is none."""
    found = inspect_image(data, ATTACHMENT_IMAGES)  # whatever the name says: the bytes decide
    if isinstance(found, ImageFacts):
        return found.media_type or media_type
    claims_image = media_type.startswith("image/") and media_type != "image/svg+xml"
    if found is not ImageProblem.UNREADABLE or claims_image:  # an image, but a bomb or damaged
        raise image_refusal(found, ATTACHMENT_IMAGES, field="data", what=filename)
    return media_type  # not an image: a plain file


def pixel_bomb(filename: str, data: bytes) -> Message | None:
    """Why ``data`` must not come in with a bundle (an image header beyond the pixel bounds), or None.

    A bundle carries what a database already holds, so it is held to the danger, not to every rule of
    attaching a new file: an old damaged photo still travels; a decompression bomb never does."""
    if inspect_image(data, ATTACHMENT_IMAGES) is not ImageProblem.TOO_LARGE:
        return None
    return image_refusal(ImageProblem.TOO_LARGE, ATTACHMENT_IMAGES, field="data", what=filename).fields[
        "data"
    ]


def add_attachment(ctx: ServiceContext, draft: AttachmentDraft) -> AttachmentItem:
    """Store the file; identical bytes already stored are shared, not copied. Refused: nothing written."""
    with ctx.db.unit_of_work() as session:
        return add_attachment_in(ctx, session, draft)


def add_attachment_in(ctx: ServiceContext, session: Session, draft: AttachmentDraft) -> AttachmentItem:
    """Check and store the file inside the caller's unit of work."""
    return store_attachment(ctx, session, checked_draft(draft))


def store_attachment(ctx: ServiceContext, session: Session, draft: AttachmentDraft) -> AttachmentItem:
    """Store a checked draft (``checked_draft``) inside the caller's unit of work."""
    return attachment_rows.add_attachment(ctx.now(), session, draft)


# --- files on disk -------------------------------------------------------------------------------
def read_file(path: Path) -> tuple[str, bytes]:
    """The file's cleaned name and bytes; a file that is not a regular one or is too big is never read."""
    shown = clean_filename(path.name)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError({"data": msg("{file} is not a regular file.", file=shown)})
        _check_size(shown, info.st_size)
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # a file that grew meanwhile is still bounded
    except OSError as exc:
        raise ValidationError(
            {"data": msg("{file} cannot be read: {reason}.", file=shown, reason=exc.strerror or str(exc))}
        ) from None
    _check_size(shown, len(data))
    return shown, data


def _check_size(name: str, size: int) -> None:
    problem = size_problem(size)
    if problem:
        raise ValidationError({"data": msg("{file}: {problem}", file=name, problem=problem)})


def check_file(path: Path) -> FileCheck:
    """Read and check a file as ``attach_files`` would, writing nothing (to list it before saving)."""
    name, data = read_file(path)
    draft = checked_draft(AttachmentDraft(project_id="", filename=name, data=data))
    return FileCheck(path=path, filename=draft.filename, size=len(data), media_type=draft.media_type)


def attach_files(
    ctx: ServiceContext, project_id: str, paths: Sequence[Path], link: RecordLink = RecordLink()
) -> AttachOutcome:
    """One unit of work for all the files; a file that is refused (too big, a pixel bomb, unreadable)
    is named in the outcome and does not stop the others. Files are read one at a time."""
    added: list[AttachmentItem] = []
    refused: list[tuple[str, Message]] = []
    with ctx.db.unit_of_work() as session:
        for path in paths:
            try:
                name, data = read_file(path)
                draft = AttachmentDraft(project_id=project_id, filename=name, data=data, **vars(link))
                added.append(add_attachment_in(ctx, session, draft))
            except ValidationError as exc:  # raised before anything of this file is written
                refused.append((clean_filename(path.name), joined(exc.fields.values())))
    return AttachOutcome(added=tuple(added), refused=tuple(refused))


# --- reading -------------------------------------------------------------------------------------
def get_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    with ctx.db.unit_of_work() as session:
        return attachment_rows.get_attachment(session, attachment_id)


def read_attachment(ctx: ServiceContext, attachment_id: str) -> bytes:
    """The attachment's bytes, checked against its SHA-256."""
    with ctx.db.unit_of_work() as session:
        return attachment_rows.verified_bytes(session, attachment_rows.get_attachment(session, attachment_id))


def save_attachment_as(ctx: ServiceContext, attachment_id: str, out: Path) -> Path:
    """Write the verified bytes to ``out`` atomically (an older file there stays whole on failure)."""
    with ctx.db.unit_of_work() as session:
        data = attachment_rows.verified_bytes(session, attachment_rows.get_attachment(session, attachment_id))
    write_file_atomically(out, data)
    return out


def private_copy(ctx: ServiceContext, attachment_id: str, folder: Path) -> Path:
    """A copy to open with the desktop's viewer: ``folder/<id>/<safe name>``, folders private (0700)."""
    with ctx.db.unit_of_work() as session:
        item = attachment_rows.get_attachment(session, attachment_id)
        target = folder / item.id / clean_filename(item.filename)
        data = attachment_rows.verified_bytes(session, item)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(exc, target.parent) from None
    write_file_atomically(target, data)
    if os.name == "posix":
        target.chmod(0o600)
    return target


def list_attachments(
    ctx: ServiceContext,
    project_id: str,
    *,
    link: RecordLink = RecordLink(),
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> Page[AttachmentItem]:
    """Newest first; ``link`` narrows to one record's files."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        items, total = attachment_rows.attachment_page(
            session,
            {"project_id": project_id, **link.where()},
            include_archived=include_archived,
            offset=offset,
            limit=limit,
        )
        return page_of(items, total, offset, limit)


def count_attachments(ctx: ServiceContext, field: str, record_ids: Sequence[str]) -> dict[str, int]:
    """Live attachments per record (``field``: log_entry_id, change_request_id or letter_id)."""
    with ctx.db.unit_of_work() as session:
        return attachment_counts(session, field, record_ids)


def archive_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    with ctx.db.unit_of_work() as session:
        return attachment_rows.set_attachment_archived(ctx.now(), session, attachment_id, archived=True)


def restore_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentItem:
    with ctx.db.unit_of_work() as session:
        return attachment_rows.set_attachment_archived(ctx.now(), session, attachment_id, archived=False)
