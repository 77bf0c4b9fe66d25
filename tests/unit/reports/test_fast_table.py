"""FastTable and the fast paragraph drawing (issue 16) draw the PDF reportlab draws, byte for byte."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.reports.blocks import SplitSafeParagraph
from deliverydesk.reports.fast_table import FastTable, shared_cell_styles
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import grid_style, make_kit
from deliverydesk.reports.text import markup

CELL_ATTRIBUTES = [
    "fontname",
    "fontsize",
    "leading",
    "leftPadding",
    "rightPadding",
    "topPadding",
    "bottomPadding",
    "firstLineIndent",
    "color",
    "alignment",
    "background",
    "valign",
    "href",
    "destination",
    "direction",
    "shaping",
]
TEXTS = (
    "Key-user training (2)",
    "接口联调（第二轮）",
    "",
    "two\nlines",
    "Müller ✓ 𠮷 → done",
    "a (bracket) and a \\ backslash",
)


def _rows(language: Language, count: int, paragraph: type = Paragraph) -> list[list[Any]]:
    style = make_kit(language, PaperSize.A4).styles.cell
    long = "接口联调已完成，等待客户确认。下周开始用户培训，培训材料已发送。" * 2
    rows: list[list[Any]] = [["Milestone", "Due", "Slip", "Note"]]
    for n in range(count):
        note: Any = paragraph(markup(f"{long} {n}"), style) if n % 7 == 3 else TEXTS[n % len(TEXTS)]
        rows.append([f"Row {n} {TEXTS[(n + 1) % len(TEXTS)]}", f"{n} May 2026", f"+{n % 5}", note])
    return rows


def _style(count: int) -> list[tuple[object, ...]]:
    late = [("TEXTCOLOR", (2, n), (2, n), colors.red) for n in range(1, count, 4)]
    return [
        *grid_style(),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("FONT", (0, -1), (-1, -1), document_fonts().bold, 9),
        ("FONTNAME", (0, 8), (-1, 9), document_fonts().bold),  # the same texts and size in bold
        ("BACKGROUND", (0, 3), (-1, 3), colors.lightgrey),
        ("LINEBEFORE", (0, 0), (0, -1), 1, colors.blue),
        ("VALIGN", (1, 5), (1, 5), "MIDDLE"),
        *late,
    ]


def _pdf(table_class: type, language: Language, count: int, paragraph: type = Paragraph) -> bytes:
    fonts = document_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=True, initialFontName=fonts.regular)
    widths = [150.0, 80.0, 50.0, 180.0]
    story = [
        Spacer(1, 300),
        table_class(
            _rows(language, count, paragraph), colWidths=widths, repeatRows=1, style=_style(count + 1)
        ),
        table_class(
            [["one", "cell"]], colWidths=[100.0, 100.0], style=[("FONT", (0, 0), (-1, -1), fonts.bold, 8)]
        ),
    ]
    document.build(story)
    return buffer.getvalue()


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_a_table_over_pages_is_the_same_pdf_as_reportlabs(language: Language) -> None:
    """Strings and paragraphs, right-aligned and coloured cells, a background, lines, a repeated
    header, a split over several pages: the same bytes."""
    fast, plain = _pdf(FastTable, language, 90), _pdf(Table, language, 90)
    assert len(PdfReader(io.BytesIO(fast)).pages) >= 3
    assert fast == plain


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_paragraph_cells_drawn_straight_are_the_same_pdf_as_reportlabs(language: Language) -> None:
    """The documents' paragraphs in cells, drawn without the canvas's state stack (their ``q``, move
    and ``Q`` written straight), against reportlab's Table drawing reportlab's Paragraph."""
    fast = _pdf(FastTable, language, 90, SplitSafeParagraph)
    assert fast == _pdf(Table, language, 90, _ReportlabDrawn)


def _spanned_pdf(table_class: type) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=True, initialFontName=document_fonts().regular)
    rows = [["Total", "", "3"], ["a", "b", "c"], ["接口联调", "26 May 2026", "+2"]]
    style = [*grid_style(), ("SPAN", (0, 0), (1, 0)), ("ALIGN", (2, 0), (2, -1), "RIGHT")]
    document.build([table_class(rows, colWidths=[120.0, 90.0, 40.0], style=style)])
    return buffer.getvalue()


def test_a_table_with_spans_is_drawn_as_reportlab_draws_it() -> None:
    """FastTable's own drawing loop is for tables without spans; one with a span goes Table's way."""
    assert _spanned_pdf(FastTable) == _spanned_pdf(Table)


def test_cells_share_styles_with_the_values_reportlab_gives_each() -> None:
    style = _style(30)
    rows = _rows(Language.EN, 29)
    table = Table(rows, style=style)
    cells = [c for c in style if c[0] not in ("BACKGROUND", "LINEBELOW", "LINEBEFORE")]
    shared = shared_cell_styles(cells, len(rows), 4)
    for mine, theirs in zip(shared, table._cellStyles, strict=True):
        for a, b in zip(mine, theirs, strict=True):
            assert [getattr(a, name) for name in CELL_ATTRIBUTES] == [
                getattr(b, name) for name in CELL_ATTRIBUTES
            ]
    assert len({id(s) for row in shared for s in row}) < 20  # shared, not one of 120 per cell


def test_row_heights_and_positions_are_reportlabs() -> None:
    rows, style = _rows(Language.ZH_CN, 40), _style(41)
    fast, plain = (
        FastTable(rows, colWidths=[150.0, 80, 50, 180], style=style),
        Table(_rows(Language.ZH_CN, 40), colWidths=[150.0, 80, 50, 180], style=style),
    )
    assert fast.wrap(460, 700) == plain.wrap(460, 700)
    assert fast._rowHeights == plain._rowHeights
    assert fast._rowpositions == plain._rowpositions


def test_row_positions_asked_again_are_reportlabs_for_the_heights_of_the_time() -> None:
    """Placed once per set of row heights: asked again (the same heights) or at another width (other
    heights: the long notes wrap differently), the positions are the ones reportlab computes."""
    rows, style = _rows(Language.EN, 40), _style(41)
    fast = FastTable(rows, colWidths=["30%", 80, 50, "50%"], style=style)
    plain = Table(_rows(Language.EN, 40), colWidths=["30%", 80, 50, "50%"], style=style)
    heights = set()
    for width in (460.0, 460.0, 380.0, 460.0):
        assert fast.wrap(width, 700) == plain.wrap(width, 700)
        heights.add(fast._height)
        assert fast._rowpositions == plain._rowpositions
        assert fast._height == plain._height
    assert len(heights) == 2  # the narrower table is taller
    assert fast._placed[0] == fast._rowHeights  # remembered for the heights of the last wrap


PARAGRAPH_TEXTS = (
    "Terminals installed and tested at all six line 3 stations.",
    "接口联调已完成，等待客户确认（第二轮）。下周开始用户培训，培训材料已发送。" * 4,
    "Mixed 中文 and English: Müller ✓ 𠮷 → done; a (bracket) and a \\ backslash " * 3,
    "averyveryverylongwordwithoutanyspacesthatmustbesplitacrossseverallinesofthecell" * 3,
    "a <b>bold</b> word & an <font color='red'>red</font> one",
    "",
)


def _paragraphs_pdf(paragraph_class: type, language: Language) -> bytes:
    kit = make_kit(language, PaperSize.A4)
    fonts = document_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, invariant=True, initialFontName=fonts.regular)
    story = [Spacer(1, 600)]
    for text in PARAGRAPH_TEXTS * 3:
        for style, bullet in ((kit.styles.body, None), (kit.styles.bullet, "•"), (kit.styles.heading, None)):
            story.append(paragraph_class(markup(text), style, bulletText=bullet))
        story.append(paragraph_class(markup(text), kit.styles.right_small))
    document.build(story)
    return buffer.getvalue()


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_paragraphs_are_the_same_pdf_as_reportlabs(language: Language) -> None:
    """Plain, bulleted, bold, right-aligned, marked-up, empty and long paragraphs, some split over
    pages: the same bytes whether drawn the fast way or by reportlab's Paragraph."""
    from deliverydesk.reports import fast_paragraph

    drawn: list[bool] = []
    plain = fast_paragraph._plain

    def counted(paragraph: Any, canvas: Any) -> bool:
        drawn.append(plain(paragraph, canvas))
        return drawn[-1]

    fast_paragraph._plain = counted
    try:
        fast = _paragraphs_pdf(SplitSafeParagraph, language)
    finally:
        fast_paragraph._plain = plain
    assert len(PdfReader(io.BytesIO(fast)).pages) >= 3
    assert any(drawn) and not all(drawn), "some drawn each way"
    assert fast == _paragraphs_pdf(_ReportlabDrawn, language)


class _ReportlabDrawn(SplitSafeParagraph):
    """SplitSafeParagraph on reportlab's own lines (not fast_lines'), drawn by Paragraph.draw."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._reportlab_lines = True
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def draw(self) -> None:
        Paragraph.draw(self)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        Paragraph.drawOn(self, canvas, x, y, _sW)
