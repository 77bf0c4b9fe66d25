"""Company logo intake: PNG or JPEG, bounded in bytes and pixels, stored as PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QImageReader

from deliverydesk.errors import ValidationError

MAX_BYTES = 2 * 1024 * 1024  # the same bound the settings service enforces
MAX_SIDE = 4000  # pixels per side: a letterhead logo never needs more
FIELD = "logo_png"


def _fail(message: str) -> ValidationError:
    return ValidationError({FIELD: message})


def read_logo(path: Path) -> bytes:
    """The logo at ``path`` as PNG bytes, or ValidationError with a message for the logo field."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(QCoreApplication.translate("Logo", "The file cannot be read.")) from exc
    return logo_png(data)


def logo_png(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise _fail(QCoreApplication.translate("Logo", "The logo is larger than 2 MB; use a smaller image."))
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    kind = bytes(reader.format().data()).decode()
    if kind not in ("png", "jpeg"):
        raise _fail(QCoreApplication.translate("Logo", "Choose a PNG or JPEG image."))
    size = reader.size()
    if size.width() > MAX_SIDE or size.height() > MAX_SIDE:
        raise _fail(QCoreApplication.translate("Logo", "The logo is too large: at most 4000 × 4000 pixels."))
    image = reader.read()
    if image.isNull():
        raise _fail(QCoreApplication.translate("Logo", "The image is damaged and cannot be read."))
    return data if kind == "png" else _to_png(image)


def _to_png(image: QImage) -> bytes:
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(out, "PNG")
    return bytes(out.data().data())
