"""Attachment fixtures: real tiny images, hand-made hostile ones, and the row and blob counts to compare."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from deliverydesk.services.context import ServiceContext
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.tables import AttachmentRow, BlobRow
from tests.conftest import fixed_clock
from tests.integration.services.conftest import (  # noqa: F401  (fixtures shared with the service tests)
    Setup,
    make_client,
    make_project,
    migrated_db,
    migrated_template,
    setup,
)


def tiny_png(width: int = 4, height: int = 3, colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def tiny_jpeg(width: int = 8, height: int = 8) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "blue").save(out, "JPEG")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A valid little PNG whose header declares ``width`` × ``height`` (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    pixels = zlib.compress(b"\x00" * 1024)  # a few rows; a viewer would decode width × height
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def gif_declaring(width: int, height: int) -> bytes:
    """A 30-byte GIF whose logical screen and one frame declare ``width`` × ``height``."""
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0)
    frame = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return screen + frame + b";"


def counts(ctx: ServiceContext) -> tuple[int, int]:
    """(attachment rows, blobs): what a refused file must leave unchanged."""
    with ctx.db.unit_of_work() as session:
        return session.query(AttachmentRow).count(), session.query(BlobRow).count()


@pytest.fixture
def other_ctx(tmp_path: Path, migrated_template: Path) -> Iterator[ServiceContext]:  # noqa: F811
    """A second, empty database (another laptop) for bundle round trips."""
    path = tmp_path / "other.db"
    path.write_bytes(migrated_template.read_bytes())
    url = f"sqlite:///{path}"
    database = Database(url=url, engine=make_engine(url))
    yield ServiceContext(db=database, clock=fixed_clock)
    database.close()
