"""Company logo intake: PNG or JPEG, bounded in bytes and pixels (services/images), stored as PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QImage

from deliverydesk.errors import ValidationError
from deliverydesk.i18n import verbatim
from deliverydesk.services.records.images import LOGO_IMAGES, ImageFacts, ImageProblem, inspect_image

MAX_BYTES = 2 * 1024 * 1024  # the same bound the settings service enforces
FIELD = "logo_png"


def _fail(message: str) -> ValidationError:
    return ValidationError({FIELD: verbatim(message)})  # already in the UI language (Qt)


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
    found = inspect_image(data, LOGO_IMAGES)  # the header only: the one image check (services/images)
    if found is ImageProblem.UNREADABLE:
        raise _fail(QCoreApplication.translate("Logo", "Choose a PNG or JPEG image."))
    if found is ImageProblem.TOO_LARGE:
        raise _fail(QCoreApplication.translate("Logo", "The logo is too large: at most 4000 × 4000 pixels."))
    damaged = _fail(QCoreApplication.translate("Logo", "The image is damaged and cannot be read."))
    if not isinstance(found, ImageFacts):
        raise damaged
    image = QImage.fromData(data)  # decoding is bounded now: at most 4000 × 4000 pixels
    if image.isNull():
        raise damaged
    return data if found.format == "PNG" else _to_png(image)


def _to_png(image: QImage) -> bytes:
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(out, "PNG")  # type: ignore[call-overload]  # PySide6 wants a str here; its stubs say bytes
    return bytes(out.data().data())
