"""Attachments are stored once per content, typed from their bytes or name, listed per record, saved and
opened from verified bytes, and carried with their bytes by project bundles."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.drafts import AttachmentDraft, LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.errors import BundleError
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import attachments
from deliverydesk.services.records.attachments import RecordLink
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.projects import get_project
from tests.conftest import FIXED_NOW
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.attachments.conftest import (
    Setup,
    counts,
    make_project,
    png_declaring,
    tiny_jpeg,
    tiny_png,
)


def _entry(ctx: ServiceContext, project_id: str, summary: str = "Site walk") -> str:
    draft = LogEntryDraft(
        project_id=project_id, occurred_at=FIXED_NOW, kind=LogKind.SITE_VISIT, summary=summary
    )
    return add_log_entry(ctx, draft).id


def test_identical_bytes_in_two_projects_are_one_blob(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, "DD-2026-015")
    photo = tiny_png(16, 16)
    first = attachments.add_attachment(
        ctx, AttachmentDraft(project_id=setup.project_id, filename="a.png", data=photo)
    )
    second = attachments.add_attachment(ctx, AttachmentDraft(project_id=other, filename="b.png", data=photo))
    assert first.sha256 == second.sha256 == hashlib.sha256(photo).hexdigest()
    assert counts(ctx) == (2, 1)


def test_the_media_type_comes_from_the_bytes_or_the_name(ctx: ServiceContext, setup: Setup) -> None:
    def typed(name: str, data: bytes, stated: str = "") -> str:
        draft = AttachmentDraft(project_id=setup.project_id, filename=name, data=data, media_type=stated)
        return attachments.add_attachment(ctx, draft).media_type

    assert typed("minutes.pdf", b"%PDF-1.7 ...") == "application/pdf"
    assert typed("readme", b"plain") == "application/octet-stream"
    assert typed("photo.png", tiny_jpeg()) == "image/jpeg"  # a JPEG named .png is a JPEG
    assert typed("scan.bin", tiny_png(), "application/octet-stream") == "image/png"
    assert typed("BMW visit.txt", b"BMW visit notes") == "text/plain"  # "BM" starts a bitmap, not this


def test_files_are_attached_to_a_log_entry_and_listed_per_record(
    ctx: ServiceContext, setup: Setup, tmp_path: Path
) -> None:
    entry = _entry(ctx, setup.project_id)
    other_entry = _entry(ctx, setup.project_id, "Call")
    photo = tmp_path / "现场照片 1.png"
    photo.write_bytes(tiny_png())
    odd = tmp_path / "minutes:v2\u202e.txt"
    odd.write_text("会议纪要")
    outcome = attachments.attach_files(ctx, setup.project_id, [photo, odd], RecordLink(log_entry_id=entry))
    assert outcome.refused == ()
    assert {a.filename for a in outcome.added} == {"现场照片 1.png", "minutes_v2.txt"}  # cleaned, not refused
    shown = attachments.list_attachments(ctx, setup.project_id, link=RecordLink(log_entry_id=entry))
    assert shown.total == 2 and all(a.log_entry_id == entry for a in shown.rows)
    assert attachments.count_attachments(ctx, "log_entry_id", [entry, other_entry]) == {entry: 2}
    attachments.archive_attachment(ctx, outcome.added[0].id)
    assert attachments.count_attachments(ctx, "log_entry_id", [entry]) == {entry: 1}
    assert attachments.list_attachments(ctx, setup.project_id, link=RecordLink(log_entry_id=entry)).total == 1
    assert counts(ctx) == (2, 2)  # archived, never deleted


def test_a_file_is_checked_before_it_is_attached(setup: Setup, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(tiny_jpeg())
    check = attachments.check_file(path)
    assert (check.filename, check.size, check.media_type) == ("photo.jpg", path.stat().st_size, "image/jpeg")


def test_save_as_and_private_copy_write_the_verified_bytes(
    ctx: ServiceContext, setup: Setup, tmp_path: Path
) -> None:
    data = tiny_png(5, 5)
    item = attachments.add_attachment(
        ctx, AttachmentDraft(project_id=setup.project_id, filename="照片 🚧.png", data=data)
    )
    out = tmp_path / "saved.png"
    out.write_bytes(b"older")
    assert attachments.save_attachment_as(ctx, item.id, out).read_bytes() == data
    copy = attachments.private_copy(ctx, item.id, tmp_path / "open")
    assert copy.name == "照片 🚧.png" and copy.read_bytes() == data
    assert copy.parent.parent == tmp_path / "open"
    if os.name == "posix":
        assert (copy.parent.stat().st_mode & 0o777, copy.stat().st_mode & 0o777) == (0o700, 0o600)


def test_a_bundle_carries_attachments_and_their_bytes(
    ctx: ServiceContext, other_ctx: ServiceContext, setup: Setup, tmp_path: Path
) -> None:
    entry = _entry(ctx, setup.project_id)
    photo, scan = tiny_png(7, 7), b"%PDF-1.4 signed letter scan"
    for name, data in (("现场照片.png", photo), ("signed.pdf", scan), ("copy.png", photo)):
        draft = AttachmentDraft(project_id=setup.project_id, filename=name, data=data, log_entry_id=entry)
        attachments.add_attachment(ctx, draft)
    code = get_project(ctx, setup.project_id).code
    export_bundle(ctx, code, tmp_path / "p.json")
    summary = import_bundle(other_ctx, tmp_path / "p.json")
    assert summary.blobs_added == 2 and counts(other_ctx) == (3, 2)
    moved = attachments.list_attachments(other_ctx, setup.project_id, link=RecordLink(log_entry_id=entry))
    assert {(a.filename, attachments.read_attachment(other_ctx, a.id)) for a in moved.rows} == {
        ("现场照片.png", photo),
        ("signed.pdf", scan),
        ("copy.png", photo),
    }
    again = import_bundle(other_ctx, tmp_path / "p.json")
    assert again.blobs_added == 0 and counts(other_ctx) == (3, 2)


def test_a_bundle_carrying_a_pixel_bomb_is_refused_whole(
    ctx: ServiceContext, other_ctx: ServiceContext, setup: Setup, tmp_path: Path
) -> None:
    attachments.add_attachment(
        ctx, AttachmentDraft(project_id=setup.project_id, filename="photo.png", data=tiny_png())
    )
    export_bundle(ctx, get_project(ctx, setup.project_id).code, tmp_path / "p.json")
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    bomb = png_declaring(100_000, 100_000)
    sha = hashlib.sha256(bomb).hexdigest()
    document["blobs"] = {sha: base64.b64encode(bomb).decode()}
    row = document["records"]["attachment"][0]
    row["sha256"], row["size"] = sha, len(bomb)
    (tmp_path / "bomb.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BundleError, match="too many pixels"):
        import_bundle(other_ctx, tmp_path / "bomb.json")
    assert counts(other_ctx) == (0, 0)


def test_attaching_several_files_is_one_transaction(
    ctx: ServiceContext, setup: Setup, tmp_path: Path
) -> None:
    """The files of one action are stored together: a storage failure at the third stores none."""
    paths = []
    for number, colour in enumerate(("red", "green", "blue")):
        path = tmp_path / f"photo {number}.png"
        path.write_bytes(tiny_png(colour=colour))
        paths.append(path)
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "INSERT", "attachment", "NEW.filename = 'photo 2.png'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        attachments.attach_files(ctx, setup.project_id, paths)
    assert database_state(ctx.db) == before  # neither the first two attachments nor their blobs
    assert len(attachments.attach_files(ctx, setup.project_id, paths).added) == 3
