"""The one image check: what an image's header says, bounded before anything is decoded.

A 40 KB PNG can declare 100,000 × 100,000 pixels and take 30 GB once decoded (a decompression bomb).
Pillow reads only the header here; PNG chunks are walked and their checksums verified (which catches a
cut-off file) without decompressing the pixels. Used for attachments and for the company logo."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from enum import Enum

from deliverydesk.errors import ValidationError
from deliverydesk.i18n import Message, msg

# The raster formats an engineer attaches (photos, scans, screenshots); others are plain files.
KNOWN_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP")


@dataclass(frozen=True)
class ImageRule:
    max_side: int  # pixels, width or height
    max_pixels: int
    formats: tuple[str, ...] = KNOWN_FORMATS


ATTACHMENT_IMAGES = ImageRule(max_side=20_000, max_pixels=50_000_000)  # a 50-megapixel camera is plenty
LOGO_IMAGES = ImageRule(max_side=4000, max_pixels=16_000_000, formats=("PNG", "JPEG"))
STORED_LOGO = ImageRule(max_side=4000, max_pixels=16_000_000, formats=("PNG",))  # stored as PNG


class ImageProblem(Enum):
    UNREADABLE = "unreadable"  # not an image of an allowed format, or its header is cut off
    TOO_LARGE = "too large"  # more pixels than the rule allows
    DAMAGED = "damaged"  # the header is fine but the data is cut off or corrupt


@dataclass(frozen=True)
class ImageFacts:
    format: str  # Pillow's name: "PNG", "JPEG", ...
    media_type: str  # what the bytes are, whatever the file name says
    width: int
    height: int


def inspect_image(data: bytes, rule: ImageRule) -> ImageFacts | ImageProblem:
    """The image's facts, or why it is refused; never decodes the pixels."""
    from PIL import Image, UnidentifiedImageError  # Pillow loads when an image is read, not at start

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=rule.formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ImageProblem.TOO_LARGE
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return ImageProblem.UNREADABLE
    with image:
        width, height = image.size
        if max(width, height) > rule.max_side or width * height > rule.max_pixels:
            return ImageProblem.TOO_LARGE
        facts = ImageFacts(image.format or "", image.get_format_mimetype() or "", width, height)
        try:
            image.verify()  # PNG: every chunk's checksum up to IEND, pixels left compressed
        except Exception:  # Pillow raises many types for broken files (struct.error, SyntaxError, ...)
            return ImageProblem.DAMAGED
    return facts


def check_image(data: bytes, rule: ImageRule, *, field: str, what: str | Message) -> ImageFacts:
    """``inspect_image``, refusing with a ValidationError on ``field``; ``what`` names the file."""
    found = inspect_image(data, rule)
    if isinstance(found, ImageFacts):
        return found
    raise image_refusal(found, rule, field=field, what=what)


def image_refusal(
    problem: ImageProblem, rule: ImageRule, *, field: str, what: str | Message
) -> ValidationError:
    formats: object = rule.formats[0]
    if len(rule.formats) == 2:
        formats = msg("{first} or {second}", first=rule.formats[0], second=rule.formats[1])
    elif len(rule.formats) > 2:
        formats = msg("an image format this app reads")
    message = {
        ImageProblem.UNREADABLE: msg(
            "{what} cannot be read as an image ({formats}).", what=what, formats=formats
        ),
        ImageProblem.TOO_LARGE: (
            msg(
                "{what} has too many pixels: at most {max_side:,} pixels a side and {megapixels} megapixels.",
                what=what,
                max_side=rule.max_side,
                megapixels=rule.max_pixels // 1_000_000,
            )
        ),
        ImageProblem.DAMAGED: msg("{what} is damaged or cut off and cannot be read.", what=what),
    }[problem]
    return ValidationError({field: message})
