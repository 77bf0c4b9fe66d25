"""The opening and closing of every document: title block with addressee and QR, signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby

from reportlab.lib.units import mm
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable as PlatypusFlowable
from reportlab.platypus import Spacer

from deliverydesk.reports.blocks import Flowable, cell, para, paragraph, png_image
from deliverydesk.reports.documents.data import (
    DocumentMetaData,
    LetterheadData,
    PartyData,
    ProjectRefData,
)
from deliverydesk.reports.fast_table import FastTable
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import CELL_PAD_X, CELL_SIZE, INK, MUTED, Kit
from deliverydesk.reports.text import printable, text_width

QR_SIZE = 23 * mm
_TIGHT: list[tuple[object, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def letterhead(kit: Kit, head: LetterheadData) -> list[Flowable]:
    """Company name, address and contact line on the left, the logo on the right, an accent rule."""
    company, address, contact_line, logo = head.company_name, head.address, head.contact_line, head.logo_png
    lines = [paragraph(company, kit.styles.company), para(kit, address, kit.styles.small)]
    if contact_line:
        lines.append(para(kit, contact_line, kit.styles.small))
    logo_width = 46 * mm if logo else 0
    right: Flowable = png_image(logo, logo_width, 16 * mm, "logo") if logo else ""
    if logo:
        right.hAlign = "RIGHT"
    table = FastTable(
        [[lines, right]],
        colWidths=[kit.width - logo_width, logo_width],
        style=[
            ("FONT", (0, 0), (-1, -1), document_fonts().regular, CELL_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, "#1F3A5F"),
        ],
    )
    return [table, Spacer(1, 14)]


@lru_cache(maxsize=32)
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the code (error correction M: survives a smudged printout).
    Encoding costs ~40 ms, so a preview and the issued copy of the same letter share it. The encoder
    loads here: its package imports and registers all of reportlab's barcode widgets (~20 ms), and a
    draft has no QR code."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


class _QrCode(PlatypusFlowable):  # type: ignore[misc]
    """A QR code drawn straight onto the canvas, one rectangle per run of dark modules."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.width = self.height = size
        self.path = _qr_path(payload, size)

    def draw(self) -> None:
        self.canv.drawPath(self.path, stroke=0, fill=1)


@lru_cache(maxsize=32)
def _qr_path(payload: str, size: float) -> PDFPathObject:
    """One filled path (far fewer PDF operators than a rect each), made once per code and size:
    formatting its hundreds of rectangles was a sizeable part of a letter's render."""
    modules = _qr_modules(payload)
    module = size / len(modules)
    path = PDFPathObject()
    for row_index, row in enumerate(modules):
        y = size - (row_index + 1) * module
        column = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                path.rect(column * module, y, count * module, module * 1.05)
            column += count
    return path


def qr_code(payload: str, size: float = QR_SIZE) -> Flowable:
    return _QrCode(payload, size)


def _addressee(kit: Kit, party: PartyData) -> list[Flowable]:
    styles = kit.styles
    name, title = party.contact_name, party.contact_title
    contact = kit.t("{name}, {title}", name=name, title=title) if name and title else name or title
    reach = "  ·  ".join(part for part in (party.email, party.phone) if part)
    lines = [para(kit, kit.t("To"), styles.small), para(kit, party.organisation, styles.strong)]
    lines += [para(kit, text, styles.small) for text in (contact, party.address, reach) if text]
    return lines


def _meta_lines(kit: Kit, rows: Sequence[tuple[str, str]], width: float) -> Flowable:
    widest = max(text_width(label, CELL_SIZE) for label, _ in rows)
    label_width = min(widest + 8, width * 0.45)
    # these cells have no padding: give cell() the width it would subtract for padding
    cells = [
        [printable(label), cell(kit, value, width - label_width + 2 * CELL_PAD_X)] for label, value in rows
    ]
    style = [
        *_TIGHT,
        ("FONT", (0, 0), (-1, -1), document_fonts().regular, CELL_SIZE),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("TEXTCOLOR", (1, 0), (1, -1), INK),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (1, 0), (1, -1), 0),
    ]
    return FastTable(cells, colWidths=[label_width, width - label_width], style=style, hAlign="LEFT")


def _meta_rows(
    kit: Kit, meta: DocumentMetaData, project: ProjectRefData, extra_rows: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    t = kit.t
    rows = [
        (t("Reference"), meta.reference),
        (t("Date"), t.date(meta.as_of)),
        (t("Version"), str(meta.version)),
        *extra_rows,
    ]
    if project.contract_reference:
        rows.append((t("Contract"), project.contract_reference))
    return rows


def title_block(
    kit: Kit,
    meta: DocumentMetaData,
    title: str,
    project: ProjectRefData,
    addressee: PartyData,
    extra_rows: Sequence[tuple[str, str]] = (),
) -> list[Flowable]:
    """Title, project line, then addressee | reference, version, date, project | QR code."""
    t = kit.t
    project_line = "  ·  ".join(part for part in (project.code, project.name) if part)
    rows = _meta_rows(kit, meta, project, extra_rows)
    qr_width = QR_SIZE + 6 * mm if meta.qr_payload else 0
    left_width = (kit.width - qr_width) * 0.5
    meta_width = kit.width - qr_width - left_width - 6 * mm
    cells: list[Flowable] = [_addressee(kit, addressee), _meta_lines(kit, rows, meta_width)]
    column_widths = [left_width + 6 * mm, meta_width]
    if meta.qr_payload:
        caption = paragraph(t("Scan to verify"), kit.styles.small)
        cells.append([qr_code(meta.qr_payload), Spacer(1, 2), caption])
        column_widths.append(qr_width)
    style = [
        *_TIGHT,
        ("FONT", (0, 0), (-1, -1), document_fonts().regular),
        ("LEFTPADDING", (2, 0), (2, 0), 6 * mm),
    ]
    grid = FastTable([cells], colWidths=column_widths, style=style, splitInRow=1)
    heading = [paragraph(title, kit.styles.title), para(kit, project_line, kit.styles.small)]
    return [*heading, Spacer(1, 12), grid, Spacer(1, 6)]


def document_head(
    kit: Kit,
    meta: DocumentMetaData,
    title: str,
    project: ProjectRefData,
    addressee: PartyData,
    extra_rows: Sequence[tuple[str, str]] = (),
) -> list[Flowable]:
    """Letterhead and title block: everything above the body of page 1."""
    return [*letterhead(kit, meta.letterhead), *title_block(kit, meta, title, project, addressee, extra_rows)]
