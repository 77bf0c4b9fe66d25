"""The look of every document in one place: page geometry, colours, type sizes, table styles.

Restrained on purpose: one typeface, three sizes that matter (title, heading, body), one accent
colour, hairline rules and no vertical lines in tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.i18n import Translator, translator
from deliverydesk.reports.fonts import document_fonts

INK = colors.HexColor("#1B2430")
MUTED = colors.HexColor("#5C6773")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#C9D0D8")
HEADER_FILL = colors.HexColor("#EEF1F5")
WARN = colors.HexColor("#A4471B")
WATERMARK = ACCENT  # a draft's DRAFT / 草稿 across the page, drawn faint
GOOD = colors.HexColor("#2E6B45")
WATERMARK = colors.HexColor("#1F3A5F")  # the accent, drawn faint

PAGE_SIZES = {PaperSize.A4: A4, PaperSize.LETTER: LETTER}
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_PAD = 6.0  # SimpleDocTemplate's frame pads its text by 6 pt on each side
CELL_PAD_X = 5.0
CELL_PAD_Y = 3.5
CELL_SIZE = 8.5


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    strong: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    bullet: ParagraphStyle
    company: ParagraphStyle
    right_small: ParagraphStyle


def make_styles(language: Language) -> Styles:
    fonts = document_fonts()
    chinese = language is Language.ZH_CN
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.5,
        leading=15.5 if chinese else 14,
        textColor=INK,
        alignment=TA_LEFT,
        wordWrap="CJK" if chinese else None,
        splitLongWords=1,
        bulletFontName=fonts.regular,
        spaceAfter=4,
        allowWidows=0,  # a paragraph or list item splits over pages with two lines at least on each
        allowOrphans=0,
    )

    def derive(name: str, **overrides: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **overrides)

    cell_leading = 12.5 if chinese else 11.5
    return Styles(
        body=base,
        strong=derive("strong", fontName=fonts.bold),
        small=derive("small", fontSize=8, leading=11.5, textColor=MUTED, spaceAfter=0),
        title=derive("title", fontName=fonts.bold, fontSize=17, leading=23, spaceAfter=2),
        heading=derive(
            "heading",
            fontName=fonts.bold,
            fontSize=11,
            leading=15,
            textColor=ACCENT,
            spaceBefore=13,
            spaceAfter=5,
            keepWithNext=1,
        ),
        subheading=derive("subheading", fontName=fonts.bold, spaceBefore=4, spaceAfter=2, keepWithNext=1),
        cell=derive("cell", fontSize=CELL_SIZE, leading=cell_leading, spaceAfter=0),
        cell_bold=derive(
            "cell_bold", fontName=fonts.bold, fontSize=CELL_SIZE, leading=cell_leading, spaceAfter=0
        ),
        bullet=derive("bullet", leftIndent=12, bulletIndent=1, spaceAfter=2.5),
        company=derive(
            "company", fontName=fonts.bold, fontSize=13, leading=17, textColor=ACCENT, spaceAfter=1
        ),
        right_small=derive("right_small", fontSize=8, leading=11.5, textColor=MUTED, alignment=TA_RIGHT),
    )


@dataclass(frozen=True)
class Kit:
    """What every block needs: the translator and styles of the document's language, and the width."""

    t: Translator
    styles: Styles
    width: float  # of the text frame, in points


@cache  # styles are never changed once made: every document in a language shares them
def make_kit(language: Language, paper: PaperSize) -> Kit:
    page_width = PAGE_SIZES[paper][0]
    return Kit(
        t=translator(language), styles=make_styles(language), width=page_width - 2 * MARGIN_X - 2 * FRAME_PAD
    )


def grid_style(header_rows: int = 1) -> list[tuple[object, ...]]:
    """Hairline rows, a tinted header, no vertical lines."""
    fonts = document_fonts()
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, CELL_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 1),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), fonts.bold, CELL_SIZE - 0.5),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), ACCENT),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, ACCENT),
        ]
    return commands
