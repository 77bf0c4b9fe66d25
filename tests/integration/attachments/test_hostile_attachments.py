"""Hostile attachments (oversized, pixel bombs, damaged images, odd names) are refused without side
effects: the message names the problem and no attachment row or blob is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.domain.attachments import MAX_BYTES, clean_filename, unsafe_filename_reason
from deliverydesk.domain.drafts import AttachmentDraft
from deliverydesk.errors import ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import attachments
from tests.integration.attachments.conftest import (
    Setup,
    counts,
    gif_declaring,
    png_declaring,
    tiny_jpeg,
    tiny_png,
)


def _refused(ctx: ServiceContext, draft: AttachmentDraft) -> dict[str, str]:
    before = counts(ctx)
    with pytest.raises(ValidationError) as raised:
        attachments.add_attachment(ctx, draft)
    assert counts(ctx) == before
    return {name: str(text) for name, text in raised.value.fields.items()}


def _draft(setup: Setup, name: str, data: bytes, media_type: str = "") -> AttachmentDraft:
    return AttachmentDraft(project_id=setup.project_id, filename=name, data=data, media_type=media_type)


def test_a_file_over_25_mb_is_refused(ctx: ServiceContext, setup: Setup) -> None:
    fields = _refused(ctx, _draft(setup, "scan.pdf", b"%PDF" + b"0" * MAX_BYTES))
    assert "25 MB" in fields["data"]


@pytest.mark.parametrize(
    ("name", "bomb"),
    [
        ("bomb.png", png_declaring(100_000, 100_000)),  # 10 gigapixels in ~60 bytes
        ("bomb.gif", gif_declaring(65_535, 65_535)),
        ("wide.png", png_declaring(30_000, 10)),  # one side beyond 20,000
        ("big.png", png_declaring(10_000, 6_000)),  # 60 megapixels: under Pillow's own warning
    ],
)
def test_pixel_bombs_are_refused_from_the_header(
    ctx: ServiceContext, setup: Setup, name: str, bomb: bytes
) -> None:
    assert len(bomb) < 200
    fields = _refused(ctx, _draft(setup, name, bomb))
    assert "too many pixels" in fields["data"] and "20,000" in fields["data"]


def test_a_bomb_under_a_harmless_name_and_type_is_still_refused(ctx: ServiceContext, setup: Setup) -> None:
    """The bytes decide, not the name or the stated type."""
    fields = _refused(ctx, _draft(setup, "notes.txt", png_declaring(100_000, 100_000), "text/plain"))
    assert "too many pixels" in fields["data"]


def test_damaged_images_are_refused(ctx: ServiceContext, setup: Setup) -> None:
    photo = tiny_png(64, 64)
    assert "damaged" in _refused(ctx, _draft(setup, "cut.png", photo[: len(photo) - 20]))["data"]
    assert "cannot be read" in _refused(ctx, _draft(setup, "head.png", photo[:20]))["data"]
    assert "cannot be read" in _refused(ctx, _draft(setup, "photo.jpg", b"not a jpeg at all"))["data"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../etc/passwd", "path separator"),
        ("C:\\Windows\\win.ini", "path separator"),
        ("..", "folder reference"),
        ("", "empty"),
        ("   ", "empty"),
        ("photo\x00.png", "NUL"),
        ("line\nbreak.png", "control character"),
        ("invoice\u202efdp.exe", "text-direction"),
        ("CON", "device name"),
        ("com1.txt", "device name"),
        ("a" * 252 + ".png", "longer than 255"),
        ("照" * 86 + ".png", "longer than 255"),  # 86 characters, 262 bytes of UTF-8
        ("report.pdf.", "ends with a dot"),
    ],
)
def test_odd_names_are_refused_with_the_reason(
    ctx: ServiceContext, setup: Setup, name: str, reason: str
) -> None:
    fields = _refused(ctx, _draft(setup, name, b"some bytes"))
    assert reason in fields["filename"]


@pytest.mark.parametrize(
    "name", ["现场照片 1.jpg", "报价 (final) v2.pdf", "🚧 site.png", ".hidden", "a..b.txt"]
)
def test_ordinary_names_are_kept(ctx: ServiceContext, setup: Setup, name: str) -> None:
    data = tiny_jpeg() if name.endswith(".jpg") else tiny_png() if name.endswith(".png") else b"text"
    assert attachments.add_attachment(ctx, _draft(setup, name, data)).filename == name


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("line\nbreak.png", "linebreak.png"),
        ("Meeting 10:30.jpg", "Meeting 10_30.jpg"),
        ("CON.txt", "_CON.txt"),
        ("report. . ", "report"),
        ("\x00\x01", "attachment"),
        ("..", "attachment"),
        ("现场照片 🚧.png", "现场照片 🚧.png"),
    ],
)
def test_names_from_disk_are_cleaned_into_safe_ones(name: str, cleaned: str) -> None:
    assert clean_filename(name) == cleaned
    assert unsafe_filename_reason(clean_filename(name)) is None


def test_a_long_name_is_cut_keeping_its_extension() -> None:
    cleaned = clean_filename("照" * 200 + ".jpeg")
    assert cleaned.endswith("照.jpeg") and len(cleaned.encode()) <= 255
    assert unsafe_filename_reason(cleaned) is None


def test_files_on_disk_are_checked_before_reading(ctx: ServiceContext, setup: Setup, tmp_path: Path) -> None:
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: refused from its size, never read
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_declaring(100_000, 100_000))
    before = counts(ctx)
    outcome = attachments.attach_files(ctx, setup.project_id, [huge, bomb, tmp_path, tmp_path / "gone.png"])
    assert outcome.added == () and counts(ctx) == before
    reasons = {name: str(reason) for name, reason in outcome.refused}
    assert "25 MB" in reasons["huge.bin"] and "too many pixels" in reasons["bomb.png"]
    assert "not a regular file" in reasons[tmp_path.name] and "cannot be read" in reasons["gone.png"]
