"""The opening and closing of every document: title block with addressee and QR, signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable as PlatypusFlowable
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from deliverydesk.reports.blocks import Flowable, cell, para, png_image, section
from deliverydesk.reports.data import (
    DocumentMetaData,
    LetterheadData,
    PartyData,
    ProjectRefData,
    SignatoryData,
)
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import ACCENT, CELL_PAD_X, CELL_SIZE, INK, MUTED, RULE, Kit
from deliverydesk.reports.text import markup, printable

QR_SIZE = 23 * mm
SIGNATURE_HEIGHT = 17 * mm
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
    lines = [Paragraph(markup(company), kit.styles.company), para(kit, address, kit.styles.small)]
    if contact_line:
        lines.append(para(kit, contact_line, kit.styles.small))
    logo_width = 46 * mm if logo else 0
    right: Flowable = png_image(logo, logo_width, 16 * mm, "logo") if logo else ""
    if logo:
        right.hAlign = "RIGHT"
    table = Table(
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
    Encoding costs ~40 ms, so a preview and the issued copy of the same letter share it."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


class _QrCode(PlatypusFlowable):  # type: ignore[misc]
    """A QR code drawn straight onto the canvas, one rectangle per run of dark modules."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.width = self.height = size
        self.modules = _qr_modules(payload)

    def draw(self) -> None:
        module = self.width / len(self.modules)
        for row_index, row in enumerate(self.modules):
            y = self.height - (row_index + 1) * module
            column = 0
            for dark, run in groupby(row):
                count = len(list(run))
                if dark:
                    self.canv.rect(column * module, y, count * module, module * 1.05, stroke=0, fill=1)
                column += count


def qr_code(payload: str, size: float = QR_SIZE) -> Flowable:
    return _QrCode(payload, size)


def _addressee(kit: Kit, party: PartyData) -> list[Flowable]:
    styles = kit.styles
    name, title = party.contact_name, party.contact_title
    contact = kit.t("doc.name_title", name=name, title=title) if name and title else name or title
    reach = "  ·  ".join(part for part in (party.email, party.phone) if part)
    lines = [para(kit, kit.t("doc.to"), styles.small), para(kit, party.organisation, styles.strong)]
    lines += [para(kit, text, styles.small) for text in (contact, party.address, reach) if text]
    return lines


def _meta_lines(kit: Kit, rows: Sequence[tuple[str, str]], width: float) -> Flowable:
    font = document_fonts().regular
    widest = max(stringWidth(printable(label), font, CELL_SIZE) for label, _ in rows)
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
    return Table(cells, colWidths=[label_width, width - label_width], style=style, hAlign="LEFT")


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
    rows = [
        (t("doc.reference"), meta.reference),
        (t("doc.date"), t.date(meta.as_of)),
        (t("doc.version_label"), str(meta.version)),
        *extra_rows,
    ]
    if project.contract_reference:
        rows.append((t("doc.contract"), project.contract_reference))
    qr_width = QR_SIZE + 6 * mm if meta.qr_payload else 0
    left_width = (kit.width - qr_width) * 0.5
    meta_width = kit.width - qr_width - left_width - 6 * mm
    cells: list[Flowable] = [_addressee(kit, addressee), _meta_lines(kit, rows, meta_width)]
    column_widths = [left_width + 6 * mm, meta_width]
    if meta.qr_payload:
        caption = Paragraph(markup(t("doc.qr_caption")), kit.styles.small)
        cells.append([qr_code(meta.qr_payload), Spacer(1, 2), caption])
        column_widths.append(qr_width)
    style = [
        *_TIGHT,
        ("FONT", (0, 0), (-1, -1), document_fonts().regular),
        ("LEFTPADDING", (2, 0), (2, 0), 6 * mm),
    ]
    grid = Table([cells], colWidths=column_widths, style=style, splitInRow=1)
    heading = [Paragraph(markup(title), kit.styles.title), para(kit, project_line, kit.styles.small)]
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


def _signature_cells(kit: Kit, signatory: SignatoryData, width: float) -> list[list[Flowable]]:
    t = kit.t
    label_width = width * 0.27
    value_width = width - label_width
    image: Flowable = ""
    if signatory.signature_png:
        image = png_image(signatory.signature_png, width * 0.8, SIGNATURE_HEIGHT - 3 * mm, "signature")
    fields = (
        (t("sign.name"), signatory.name),
        (t("sign.title"), signatory.title),
        (t("sign.date"), t.date(signatory.signed_on) if signatory.signed_on else ""),
        (t("sign.place"), signatory.place),
    )
    heading = cell(kit, t("sign.for", organisation=signatory.organisation), width, bold=True)
    return [
        [heading, ""],
        [image, ""],
        *[[printable(label), cell(kit, value, value_width)] for label, value in fields],
    ]


def signature_blocks(
    kit: Kit, heading: str, signatories: Sequence[SignatoryData], intro: str = ""
) -> Flowable:
    """Blocks side by side: "For <organisation>", the signature (captured image or a line to sign
    on), then name, title, date and place, left blank for a pen when not yet known."""
    gutter = 12 * mm
    block_width = (kit.width - gutter) / 2
    label_width = block_width * 0.27
    rows: list[list[Flowable]] = [[] for _ in range(6)]
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), document_fonts().regular, CELL_SIZE),
        ("FONT", (0, 0), (-1, 0), document_fonts().bold, CELL_SIZE + 0.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 2), (-1, -1), 4),
    ]
    for index, signatory in enumerate(signatories[:2]):
        column = index * 3
        for row, cells in zip(rows, _signature_cells(kit, signatory, block_width), strict=True):
            row += ([""] if index else []) + cells
        style += [
            ("SPAN", (column, 0), (column + 1, 0)),
            ("SPAN", (column, 1), (column + 1, 1)),
            ("TEXTCOLOR", (column, 0), (column, 0), ACCENT),
            ("TEXTCOLOR", (column + 1, 2), (column + 1, -1), INK),
            ("LINEBELOW", (column, 1), (column + 1, 1), 0.6, INK),
            ("LINEBELOW", (column + 1, 2), (column + 1, -1), 0.3, RULE),
        ]
    column_widths = [label_width, block_width - label_width, gutter, label_width, block_width - label_width]
    row_heights = [None, SIGNATURE_HEIGHT, None, None, None, None]
    table = Table(
        rows, colWidths=column_widths[: len(rows[0])], rowHeights=row_heights, style=style, splitInRow=1
    )
    lead = [para(kit, intro), Spacer(1, 4)] if intro else [Spacer(1, 2)]
    return KeepTogether([section(kit, heading), *lead, table])
