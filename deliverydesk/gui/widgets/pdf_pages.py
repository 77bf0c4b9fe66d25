"""PDF pages as images, rasterised by PDFium (pypdfium2): for the preview widget and for printing.

PDFium is not thread-safe, and workers may render two documents at once: every use of it runs under
one lock, and a document is opened, used and closed inside that lock, so no PDFium object outlives
it (a finalizer run later on another thread would call into PDFium unlocked). The results are
QImages, which (unlike QPixmaps) may be built on a worker thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72.0
MAX_PAGE_PIXELS = 40_000_000  # an A4 page at 300 dpi is 8.7 million; beyond this, render coarser

_PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderedPages:
    """Every page of a document: its size in points and its image at ``scale`` pixels per point."""

    sizes: tuple[QSizeF, ...]
    images: tuple[QImage, ...]
    scale: float


@dataclass(frozen=True)
class RenderedPage:
    image: QImage
    page_count: int


@contextmanager
def _opened(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    import pypdfium2  # ~40 ms: loaded with the first document, not with the main window

    with _PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            yield document
        finally:
            document.close()


def _sizes(document: pdfium.PdfDocument) -> tuple[QSizeF, ...]:
    return tuple(QSizeF(*document.get_page_size(index)) for index in range(len(document)))


def _capped(scale: float, size: QSizeF, max_pixels: int) -> float:
    pixels = size.width() * size.height() * scale * scale
    # a little under the exact fit: the renderer rounds each side up to whole pixels
    return scale if pixels <= max_pixels else scale * (max_pixels / pixels) ** 0.5 * 0.999


def _render(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=scale)  # 3 bytes a pixel, B G R, on white
        try:
            pixels = bytes(bitmap.buffer)  # copied out of PDFium's memory before it is freed
            image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_BGR888)
            return image.convertToFormat(QImage.Format.Format_RGB32)  # a copy that owns its pixels
        finally:
            bitmap.close()
    finally:
        page.close()


def page_sizes(pdf: bytes) -> tuple[QSizeF, ...]:
    """Each page's size in points (1/72 inch)."""
    with _opened(pdf) as document:
        return _sizes(document)


def render_pages(
    pdf: bytes, scale: float, pixel_ratio: float = 1.0, max_pixels: int = MAX_PAGE_PIXELS
) -> RenderedPages:
    """Every page at ``scale`` device-independent pixels per point, drawn with ``pixel_ratio``
    image pixels per such pixel (sharp on high-DPI screens); a page above ``max_pixels`` comes out
    coarser."""
    with _opened(pdf) as document:
        sizes = _sizes(document)
        images = tuple(
            _render(document, index, _capped(scale * pixel_ratio, size, max_pixels))
            for index, size in enumerate(sizes)
        )
    for image in images:
        image.setDevicePixelRatio(pixel_ratio)
    return RenderedPages(sizes, images, scale)


def render_pages_to_width(pdf: bytes, width: float, pixel_ratio: float = 1.0) -> RenderedPages:
    """Every page, scaled so that the widest is ``width`` device-independent pixels wide."""
    sizes = page_sizes(pdf)
    return render_pages(pdf, width / widest(sizes) if sizes else 1.0, pixel_ratio)


def render_page(pdf: bytes, index: int, dpi: float) -> RenderedPage:
    """One page at ``dpi`` (for printing), with the document's page count."""
    with _opened(pdf) as document:
        size = QSizeF(*document.get_page_size(index))
        scale = _capped(dpi / POINTS_PER_INCH, size, MAX_PAGE_PIXELS)
        return RenderedPage(_render(document, index, scale), len(document))


def widest(sizes: Sequence[QSizeF]) -> float:
    return max((size.width() for size in sizes), default=0.0)
