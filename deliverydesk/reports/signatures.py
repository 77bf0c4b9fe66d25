"""Signature blocks: side by side, one per party, with the captured signature when there is one."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from deliverydesk.reports.blocks import Flowable, cell, para, png_image, section
from deliverydesk.reports.documents.data import SignatoryData
from deliverydesk.reports.fast_table import FastTable
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import ACCENT, CELL_SIZE, INK, MUTED, RULE, Kit
from deliverydesk.reports.text import printable

SIGNATURE_HEIGHT = 17 * mm
LABEL_SHARE = 0.27
GUTTER = 12 * mm
ROWS = 6  # "For ...", signature, name, title, date, place


def _signature_cells(kit: Kit, signatory: SignatoryData, width: float) -> list[list[Flowable]]:
    t = kit.t
    value_width = width * (1 - LABEL_SHARE)
    image: Flowable = ""
    if signatory.signature_png:
        image = png_image(signatory.signature_png, width * 0.8, SIGNATURE_HEIGHT - 3 * mm, "signature")
    fields = (
        (t("Name"), signatory.name),
        (t("Title"), signatory.title),
        (t("Date"), t.date(signatory.signed_on) if signatory.signed_on else ""),
        (t("Place"), signatory.place),
    )
    heading = cell(kit, t("For {organisation}", organisation=signatory.organisation), width, bold=True)
    return [
        [heading, ""],
        [image, ""],
        *[[printable(label), cell(kit, value, value_width)] for label, value in fields],
    ]


def _base_style() -> list[tuple[object, ...]]:
    fonts = document_fonts()
    return [
        ("FONT", (0, 0), (-1, -1), fonts.regular, CELL_SIZE),
        ("FONT", (0, 0), (-1, 0), fonts.bold, CELL_SIZE + 0.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 2), (-1, -1), 4),
    ]


def _block_style(column: int) -> list[tuple[object, ...]]:
    """Heading and signature span the block; a firm line to sign on, hairlines under the fields."""
    return [
        ("SPAN", (column, 0), (column + 1, 0)),
        ("SPAN", (column, 1), (column + 1, 1)),
        ("TEXTCOLOR", (column, 0), (column, 0), ACCENT),
        ("TEXTCOLOR", (column + 1, 2), (column + 1, -1), INK),
        ("LINEBELOW", (column, 1), (column + 1, 1), 0.6, INK),
        ("LINEBELOW", (column + 1, 2), (column + 1, -1), 0.3, RULE),
    ]


def signature_blocks(
    kit: Kit, heading: str, signatories: Sequence[SignatoryData], intro: str = ""
) -> Flowable:
    """Up to two blocks side by side: "For <organisation>", the signature (captured image or a line
    to sign on), then name, title, date and place, left blank for a pen when not yet known."""
    block_width = (kit.width - GUTTER) / 2
    label_width = block_width * LABEL_SHARE
    rows: list[list[Flowable]] = [[] for _ in range(ROWS)]
    style = _base_style()
    for index, signatory in enumerate(signatories[:2]):
        for row, cells in zip(rows, _signature_cells(kit, signatory, block_width), strict=True):
            row += ([""] if index else []) + cells
        style += _block_style(index * 3)
    widths = [label_width, block_width - label_width, GUTTER, label_width, block_width - label_width]
    heights = [None, SIGNATURE_HEIGHT, *[None] * (ROWS - 2)]
    table = FastTable(rows, colWidths=widths[: len(rows[0])], rowHeights=heights, style=style, splitInRow=1)
    lead = [para(kit, intro), Spacer(1, 4)] if intro else [Spacer(1, 2)]
    return KeepTogether([section(kit, heading), *lead, table])
