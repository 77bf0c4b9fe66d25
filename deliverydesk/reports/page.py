"""Page furniture and the document template: running header, footer with "x / y", fingerprint.

The footer needs the page total, so pages are kept until the end (the NumberedCanvas recipe) and
the footer is drawn on each when the document is saved.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import Translator, translator
from deliverydesk.reports.blocks import KeepWithStart
from deliverydesk.reports.documents.data import DocumentMetaData
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_SIZES,
    RULE,
    WARN,
    WATERMARK,
)
from deliverydesk.reports.text import clip, draw_text, printable, text_width

SHORT_FINGERPRINT = 12
FURNITURE_SIZE = 7.5
BAND_SIZE = 8.5
WATERMARK_ALPHA = 0.09  # faint: the text under it stays easy to read
WATERMARK_SHARE = 0.62  # of the page diagonal the word spans

PagePainter = Callable[[Canvas, int], None]


@dataclass(frozen=True)
class Marking:
    """What every page says about the document's standing besides its footer."""

    watermark: str = ""  # drawn diagonally across every page (a draft: DRAFT / 草稿)
    band: str = ""  # one line at the top of every page (an internal report: INTERNAL)


def _watermark(canvas: Canvas, text: str, page_size: tuple[float, float]) -> None:
    width, height = page_size
    font = document_fonts().bold
    diagonal = math.hypot(width, height)
    size = min(160.0, diagonal * WATERMARK_SHARE / max(text_width(text, 1, bold=True), 0.01))
    canvas.saveState()
    canvas.setFillColor(WATERMARK, alpha=WATERMARK_ALPHA)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.setFont(font, size)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def _band(canvas: Canvas, text: str, page_size: tuple[float, float]) -> None:
    width, height = page_size
    y = height - MARGIN_TOP + 20
    canvas.saveState()
    canvas.setFillColor(WARN)
    canvas.setFont(document_fonts().bold, BAND_SIZE)
    canvas.drawCentredString(width / 2, y, text)
    canvas.restoreState()


def short_fingerprint(fingerprint: str) -> str:
    return fingerprint[:SHORT_FINGERPRINT]


def seal_keywords(meta: DocumentMetaData) -> str:
    """The PDF's Keywords entry: ASCII only, so ``deliverydesk verify`` can find the version and
    fingerprint even in a damaged or edited file."""
    return f"DeliveryDesk version={meta.version} fingerprint={meta.fingerprint or 'draft'}"


def footer_text(meta: DocumentMetaData, t: Translator) -> tuple[str, str]:
    """The reference, and what follows it: "  ·  Version n  ·  Fingerprint 1a2b3c4d5e6f" (or
    "Draft, not issued"). Only the reference is ever cut short, so the fingerprint always shows."""
    seal = (
        t("Fingerprint {short}", short=short_fingerprint(meta.fingerprint))
        if meta.fingerprint
        else t("Draft, not issued")
    )
    return meta.reference, "".join(
        f"  ·  {part}" for part in (t("Version {version}", version=meta.version), seal)
    )


def furniture_painter(meta: DocumentMetaData, title: str, marking: Marking = Marking()) -> PagePainter:
    """Draws the footer on every page, a running header from page 2 on, and the marking."""
    t = translator(meta.language)
    font = document_fonts().regular
    page_width, _ = PAGE_SIZES[meta.paper]
    right = page_width - MARGIN_X
    reference, tail = footer_text(meta, t)

    def paint(canvas: Canvas, total: int) -> None:
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, FURNITURE_SIZE)
        numbers = t("Page {page} / {total}", page=page, total=total)
        numbers_width = stringWidth(numbers, font, FURNITURE_SIZE)
        y = MARGIN_BOTTOM - 10
        canvas.line(MARGIN_X, y + 9, right, y + 9)
        room = right - MARGIN_X - numbers_width - 18 - text_width(tail, FURNITURE_SIZE)
        draw_text(canvas, MARGIN_X, y, clip(reference, FURNITURE_SIZE, room) + tail, FURNITURE_SIZE)
        draw_text(canvas, right, y, numbers, FURNITURE_SIZE, right=True)
        if page > 1:
            top = PAGE_SIZES[meta.paper][1] - MARGIN_TOP + 8
            half = (right - MARGIN_X) / 2 - 9
            company = clip(meta.letterhead.company_name, FURNITURE_SIZE, half)
            draw_text(canvas, MARGIN_X, top, company, FURNITURE_SIZE)
            draw_text(canvas, right, top, clip(title, FURNITURE_SIZE, half), FURNITURE_SIZE, right=True)
            canvas.line(MARGIN_X, top - 4, right, top - 4)
        canvas.restoreState()
        if marking.band:
            _band(canvas, marking.band, PAGE_SIZES[meta.paper])
        if marking.watermark:
            _watermark(canvas, marking.watermark, PAGE_SIZES[meta.paper])

    return paint


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until save() so the footer can say "page x / y"."""

    def __init__(self, painter: PagePainter, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._painter = painter
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._painter(self, total)
            super().showPage()
        super().save()


def build_pdf(
    story: Sequence[Any], meta: DocumentMetaData, title: str, marking: Marking = Marking()
) -> bytes:
    """Lay out the story on A4 or Letter; the same story and meta always give the same bytes."""
    fonts = document_fonts()
    painter = furniture_painter(meta, title, marking)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[meta.paper],
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=True,
        initialFontName=fonts.regular,
        title=printable(f"{title} {meta.reference}"),
        author=printable(meta.letterhead.company_name),
        subject=printable(meta.reference),
        keywords=seal_keywords(meta),
        creator="DeliveryDesk",
        lang="zh-CN" if meta.language is Language.ZH_CN else "en",
    )

    template.keepTogetherClass = KeepWithStart  # headings keep with the start of what follows

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(painter, *args, **kwargs)

    template.build(list(story), canvasmaker=make_canvas)
    return buffer.getvalue()
