"""The building blocks the four documents share: paragraphs, lists, tables, letterhead, signatures.

Every piece of user text goes through ``text.markup`` (Paragraph) or ``text.printable`` (plain
table cell). A cell is a plain string when it fits on one line (about 3x cheaper to lay out) and a
wrapping Paragraph otherwise, so long text never overflows its column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable as PlatypusFlowable
from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.paragraph import _handleBulletWidth, _wsc, cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.reports import accel
from deliverydesk.reports.fast_lines import one_run_lines, plain_run, plain_runs, run_lines
from deliverydesk.reports.fast_paragraph import draw_plain, draw_runs
from deliverydesk.reports.fast_table import FastTable
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import CELL_PAD_X, CELL_SIZE, HEADER_FILL, MUTED, Kit, grid_style
from deliverydesk.reports.text import escape, font_runs, markup, printable, text_width

Flowable = Any  # reportlab ships no type information
Commands = Sequence[tuple[object, ...]]
TALL_ROW = 120.0  # points: a table row at least this tall may split inside (if its table allows)
SHORT_ROW = 60.0  # points: rows shorter than this never stand one alone at a page's top or foot
START_LINES = 2  # a paragraph's lines that must stay with its heading (all of one of 3 lines or fewer)
MIN_ROWS_APART = 2  # short rows: a table split over pages keeps this many at least on each page
START_PROBE = 4  # body rows laid out to know how tall a table's start is


# what cleanBlockQuotedText changes: white space at either end, two spaces, any white space but a
# space (Python's and reportlab's: a no-break space, a line break, a zero-width space...)
_UNCLEAN = re.compile("^ | $|  |[^\\S ]|[" + re.escape(_wsc.replace(" ", "")) + "]")


def _rows_fitting(heights: Sequence[float], room: float) -> int:
    """How many rows of these heights fit, whole, in ``room``."""
    total = 0.0
    for count, height in enumerate(heights):
        total += height
        if total > room:
            return count
    return len(heights)


def _least_rows(body: Sequence[float]) -> int:
    """The rows that must stand together at a page's top or foot: two short ones, else one."""
    return MIN_ROWS_APART if body and max(body[:MIN_ROWS_APART]) < SHORT_ROW else 1


class SplitTable(FastTable):  # type: ignore[misc]
    """A Table that splits between rows, cleanly: never one short row alone on either page (a short
    table moves whole rather than split 2 + 1), and inside a row only when that row is tall and the
    table allows it (``splitInRow``). ``start_height`` is what must stand with its heading."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._calc(availWidth, availHeight)
        heights = list(self._rowHeights)
        header, body = sum(heights[: self.repeatRows]), heights[self.repeatRows :]
        if not body:
            return []
        kept = _rows_fitting(body, availHeight - header)
        if kept == 0:
            tall = body[0] >= TALL_ROW and self.splitInRow
            return list(super().split(availWidth, availHeight)) if tall else []
        least = _least_rows(body)
        if len(body) - kept < least:  # no orphan row on the next page
            kept = len(body) - least
        if kept < least:
            return []  # too little would stand here: the table moves on
        return list(super().split(availWidth, header + sum(body[:kept]) + 0.01))

    def start_height(self, width: float) -> float:
        """The height of the header and what ``split`` keeps at a page foot at the least."""
        rows = self._cellvalues[: self.repeatRows + START_PROBE]
        start = FastTable(rows, colWidths=self._argW, style=_commands_within(self._start_style, len(rows)))
        start.wrap(width, 1e6)
        heights = list(start._rowHeights)
        header, body = sum(heights[: self.repeatRows]), heights[self.repeatRows :]
        if not body:
            return float(header)
        if body[0] >= TALL_ROW and self.splitInRow:
            return float(header + TALL_ROW)
        total_rows = len(self._cellvalues) - self.repeatRows
        least = _least_rows(body)
        if total_rows < 2 * least:  # too short to split cleanly: it moves whole
            return float(header + sum(body[:total_rows]))
        return float(header + sum(body[:least]))


def _commands_within(style: Commands, count: int) -> list[tuple[object, ...]]:
    """The table style commands that touch only the first ``count`` rows (or count from the end)."""

    def inside(cell: object) -> bool:
        return not isinstance(cell, tuple) or cell[1] < count  # type: ignore[operator]

    return [c for c in style if inside(c[1]) and inside(c[2])]


def start_height(flowable: Flowable, width: float) -> float:
    """What of ``flowable`` must stand with a heading above it: a table's header and first rows, a
    paragraph's first lines (all of a short one), anything else whole."""
    if isinstance(flowable, SplitTable) and hasattr(flowable, "_start_style"):
        return flowable.start_height(width)
    _width, height = flowable.wrap(width, 1e6)
    if isinstance(flowable, Paragraph):
        lines = len(getattr(flowable.blPara, "lines", ())) or 1
        if lines > START_LINES + 1:
            height = flowable.style.leading * START_LINES
        return float(height + flowable.getSpaceBefore())
    return float(height)


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """``keepWithNext`` as the documents want it: headings stay with the start of what follows (a
    table's header and first rows, a paragraph's first lines), not with the whole of it, so a long
    table starts under its heading instead of leaving the rest of the page blank."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        heads, last = self._content[:-1], self._content[-1]
        dims: list[Any] = []
        width, height = _listWrapOn(heads, aW, self.canv, dims=dims)
        self._H = height + start_height(last, aW)
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF  # force a split


class SplitSafeParagraph(Paragraph):  # type: ignore[misc]
    """reportlab's Paragraph, except that one laid out with CJK wrapping keeps its text exactly when
    it splits over pages. reportlab builds the part on the next page from the wrapped lines: for
    one run of text it joins them without the spaces their ends lost ("word1word2", more with each
    page), for several runs it adds a space after each line ("项目 交付"). This overrides a private
    method of reportlab (5.1); tests/unit/reports/test_split_paragraphs.py fails if it changes."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Paragraph.wrap, remembered for the last width. Platypus asks a paragraph the same question
        several times (a table measures its rows, measures them again for each page it splits over,
        and once more to draw them); the lines only depend on the width (the height is not used),
        so they are broken once per width. A split that drops the lines (``del blPara``) or gives
        other ones makes it break them again."""
        memo = self.__dict__.get("_wrap_memo")
        if memo is not None and memo[0] == availWidth and memo[1] is self.__dict__.get("blPara"):
            _width, self.blPara, self.width, self.height, self._wrapWidths = memo
            return self.width, self.height
        if self.__dict__.get("_reportlab_lines") or availWidth < _FUZZ:
            width, height = super().wrap(availWidth, availHeight)
        elif plain_runs(self):
            width, height = self._wrap_runs(availWidth)
        elif plain_run(self):
            width, height = self._wrap_run(availWidth, availHeight)
        else:
            width, height = super().wrap(availWidth, availHeight)
        blPara = self.__dict__.get("blPara")
        if blPara is not None:
            self._wrap_memo = (availWidth, blPara, self.width, self.height, self._wrapWidths)
        return width, height

    def _line_widths(self, availWidth: float) -> list[float]:
        """``Paragraph.wrap``'s widths of the first and later lines, less the bullet's overrun
        (``_handleBulletWidth``, as the line breakers do)."""
        style = self.style
        left = style.leftIndent
        self._wrapWidths = [availWidth - (left + style.firstLineIndent) - style.rightIndent]
        self._wrapWidths.append(availWidth - left - style.rightIndent)
        widths: list[float] = self._wrapWidths
        _handleBulletWidth(self.bulletText, style, widths)
        return widths

    def _wrap_run(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """``Paragraph.wrap`` for one plain run, its lines broken by ``fast_lines`` into the object
        reportlab's breaker returns (or by reportlab when that declines)."""
        lines = one_run_lines(self, self._line_widths(availWidth))
        if lines is None:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        self.blPara = lines
        self.width, self.height = availWidth, len(lines.lines) * self.style.leading
        return self.width, self.height

    def _wrap_runs(self, availWidth: float) -> tuple[float, float]:
        """``Paragraph.wrap`` for several plain runs, broken into lines by ``fast_lines`` (or by
        reportlab when that declines)."""
        style = self.style
        lines = run_lines(self, self._line_widths(availWidth))
        if lines is None:
            return self._reportlab_wrap(availWidth)
        self.blPara = RunLines(lines)
        self.width, self.height = availWidth, len(lines) * style.leading
        return self.width, self.height

    def _reportlab_wrap(self, availWidth: float) -> tuple[float, float]:
        """From now on, reportlab's own line breaking (for a split, or lines the fast way declines)."""
        self._reportlab_lines = True
        self.__dict__.pop("blPara", None)
        return super().wrap(availWidth, 0x7FFFFFFF)  # type: ignore[no-any-return]

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Paragraph.split, on reportlab's own lines (which it cuts into the two parts)."""
        if isinstance(self.__dict__.get("blPara"), RunLines):
            self._reportlab_wrap(availWidth)
        return list(super().split(availWidth, availHeight))

    def draw(self) -> None:
        """Paragraph.draw; plain paragraphs (most of them) the faster way of ``fast_paragraph``."""
        lines = self.__dict__.get("blPara")
        if isinstance(lines, RunLines):
            if not draw_runs(self, lines.lines):
                self._reportlab_wrap(self.width)
                super().draw()
        elif not draw_plain(self):
            super().draw()

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Flowable.drawOn (save the state, move, draw, restore it), a plain paragraph's written
        straight by ``fast_paragraph``: drawing it changes nothing the canvas tracks, so there is no
        state to save (a frame and a table cell draw every paragraph this way)."""
        if getattr(self, "_showBoundary", False) or not self._draw_straight(
            canvas, self._hAlignAdjust(x, _sW), y
        ):
            super().drawOn(canvas, x, y, _sW)

    def _draw_straight(self, canvas: Any, x: float, y: float) -> bool:
        lines = self.__dict__.get("blPara")
        if isinstance(lines, RunLines):
            return draw_runs(self, lines.lines, canvas, (x, y))
        return lines is not None and draw_plain(self, canvas, (x, y))

    def _get_split_blParaFunc(self) -> Any:
        if self.style.wordWrap != "CJK":
            return super()._get_split_blParaFunc()
        if self.blPara.kind == 1:
            return _cjk_runs_part
        return _cjk_run_part if hasattr(self.blPara, "text") else super()._get_split_blParaFunc()


class RunLines:
    """A paragraph's lines as ``fast_lines.run_lines`` makes them, where reportlab keeps its own."""

    kind = 2  # neither of reportlab's two kinds: reportlab must not draw or split these

    def __init__(self, lines: list[Any]) -> None:
        self.lines = lines


def _cjk_runs_part(lines_of: Any, start: int, stop: int) -> list[Any]:
    """Lines ``start``..``stop`` of a paragraph of several runs: CJK lines keep every character."""
    return [run for line in lines_of.lines[start:stop] for run in line.words]


def _cjk_run_part(lines_of: Any, start: int, stop: int) -> list[Any]:
    """Lines ``start``..``stop`` of a paragraph of one run, cut from its text."""
    text, lines = lines_of.text, lines_of.lines
    part = lines_of.clone(text=text[_text_end(text, lines, start) : _text_end(text, lines, stop)].strip())
    del part.lines, part.kind
    return [part]


def _text_end(text: str, lines: Sequence[Any], count: int) -> int:
    """Where the first ``count`` wrapped lines end in ``text``: each line is the next piece of the
    text with the white space around it stripped (the last one unstripped)."""
    if count >= len(lines):
        return len(text)
    end = 0
    for _extra_space, (line,) in lines[:count]:
        end = text.index(line, end) + len(line) if line else end
    return end


@lru_cache(maxsize=64)
def _fragment(style: Any) -> Any:
    """The text fragment reportlab's markup parser makes for plain text in ``style``."""
    _style, fragments, _bullet = ParaParser().parse("x", style)
    return fragments[0]


def is_bold(style: Any) -> bool:
    return bool(style.fontName == document_fonts().bold)


def paragraph(text: str, style: Any, bullet: str | None = None) -> Flowable:
    """``SplitSafeParagraph(markup(text), style)``, the same object; text with nothing to parse (no escaped
    character, no line break) skips the markup parser, which costs more than laying the text out."""
    bold = is_bold(style)
    source = markup(text, bold)
    if _UNCLEAN.search(source):  # else cleanBlockQuotedText gives the text back as it is
        source = cleanBlockQuotedText(source)
    if not source or "&" in source or "<" in source or getattr(style, "textTransform", None):
        return SplitSafeParagraph(source, style, bulletText=bullet)
    return literal_line(source, style, bullet)


def literal_line(line: str, style: Any, bullet: str | None = None) -> Flowable:
    """A Paragraph that prints ``line`` literally, made without the markup parser: one fragment per
    run of one face. ``line`` must already be printable (``text.printable``) and hold no line break."""
    fragment = _fragment(style)
    runs = font_runs(line, is_bold(style)) if line else [(fragment.fontName, " ")]
    fragments = [fragment.clone(text=run, fontName=name, link=[], us_lines=[]) for name, run in runs]
    return SplitSafeParagraph(escape(line), style, bulletText=bullet, frags=fragments)


def tagged(text: str, style: Any, tag: str, colour: Any, bullet: str | None = None) -> Flowable:
    """A paragraph led by ``tag`` in bold and ``colour`` ("Waiting on you  The interface..."):
    ``SplitSafeParagraph(tag_markup + "  " + markup(text))``, the same object. Text the parser would
    cut into several fragments (escaped characters, other faces, line breaks) goes through it; other
    text becomes the tag's fragments (parsed once per tag and style) and one plain-text fragment."""
    head = f'<font name="{document_fonts().bold}" color="#{colour.hexval()[2:]}">{escape(tag)}</font>'
    source = cleanBlockQuotedText(f"{head}  {markup(text)}")
    rest = source[len(head) :]
    if not source.startswith(head) or not rest.strip() or "&" in rest or "<" in rest:
        return SplitSafeParagraph(source, style, bulletText=bullet)
    fragments = [fragment.clone() for fragment in _tag_fragments(head, style)]
    fragments.append(_fragment(style).clone(text=rest, link=[], us_lines=[]))
    return SplitSafeParagraph(source, style, bulletText=bullet, frags=fragments)


@lru_cache(maxsize=64)
def _tag_fragments(head: str, style: Any) -> tuple[Any, ...]:
    _style, fragments, _bullet = ParaParser().parse(head, style)
    return tuple(fragments)


def para(kit: Kit, text: str, style: Any = None) -> Flowable:
    return paragraph(text, style or kit.styles.body)


def section(kit: Kit, title: str) -> Flowable:
    return paragraph(title, kit.styles.heading)


def bullets(kit: Kit, items: Sequence[str]) -> list[Flowable]:
    if not items:
        return [para(kit, kit.t("None."))]
    return [paragraph(item, kit.styles.bullet, bullet="•") for item in items]


def cell(kit: Kit, text: str, width: float, bold: bool = False) -> Flowable:
    """A plain string if ``text`` fits on one line of ``width`` in the primary face, else a wrapping
    Paragraph (which also prints characters of the fallback faces)."""
    fonts = document_fonts()
    clean = printable(text)
    font = fonts.primary(bold)
    one_line = "\n" not in clean and "\r" not in clean
    runs = font_runs(clean, bold) if one_line else []
    if (
        len(runs) == 1
        and runs[0][0] == font
        and stringWidth(clean, font, CELL_SIZE) <= width - 2 * CELL_PAD_X
    ):
        return clean
    return paragraph(text, kit.styles.cell_bold if bold else kit.styles.cell)


FIT = None  # a column as wide as its widest cell (dates, amounts): it never wraps


def widths(kit: Kit, fractions: Sequence[float | None], columns: Sequence[Sequence[str]] = ()) -> list[float]:
    """Column widths: FIT columns take their natural width, the others share the rest by fraction."""
    fitted = {
        index: max(text_width(text, CELL_SIZE, bold=row == 0) for row, text in enumerate(columns[index]))
        + 2 * CELL_PAD_X
        + 1
        for index, fraction in enumerate(fractions)
        if fraction is None
    }
    rest = kit.width - sum(fitted.values())
    shares = sum(fraction for fraction in fractions if fraction is not None)
    return [fitted[i] if f is None else rest * f / shares for i, f in enumerate(fractions)]


def data_table(
    kit: Kit,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    fractions: Sequence[float | None],
    extra: Commands = (),
) -> Flowable:
    """A table whose header row repeats on every page and whose rows may split between pages."""
    if not rows:
        return para(kit, kit.t("None."))
    column_widths = widths(kit, fractions, list(zip(header, *rows, strict=True)))
    head = [cell(kit, text, width, bold=True) for text, width in zip(header, column_widths, strict=True)]
    body = [[cell(kit, text, width) for text, width in zip(row, column_widths, strict=True)] for row in rows]
    return split_table([head, *body], column_widths, [*grid_style(), *extra], repeat_rows=1)


def split_table(
    rows: Sequence[Sequence[Flowable]],
    column_widths: Sequence[float],
    style: Commands,
    repeat_rows: int = 0,
    *,
    split_in_row: bool = True,
) -> Flowable:
    """A ``SplitTable`` (rows split over pages cleanly) that knows how tall its start is."""
    table = SplitTable(
        list(rows),
        colWidths=list(column_widths),
        repeatRows=repeat_rows,
        splitInRow=int(split_in_row),
        hAlign="LEFT",
        style=list(style),
    )
    table._start_style = [c for c in style if c[0] not in ("SPAN", "NOSPLIT")]
    return table


def key_values(kit: Kit, pairs: Sequence[tuple[str, str]], label_fraction: float = 0.26) -> Flowable:
    """Label / value lines, e.g. "Requested by | Li Wei"."""
    label_width = kit.width * label_fraction
    value_width = kit.width - label_width
    rows = [[cell(kit, label, label_width), cell(kit, value, value_width)] for label, value in pairs]
    style = [
        *grid_style(header_rows=0),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]
    return split_table(rows, [label_width, value_width], style)


@lru_cache(maxsize=16)
def _decoded_png(png: bytes) -> Any:
    """Decoded once per process: the same logo (and signature) is on every document."""
    reader = ImageReader(io.BytesIO(png))
    reader.getRGBData()  # now, so that a broken file is the user's error here, not a failed export
    accel.keep_stream(reader)  # and compressed once per process too
    return reader


class _PngImage(PlatypusFlowable):  # type: ignore[misc]
    """A decoded PNG drawn at a fixed size (what platypus.Image draws, minus decoding each time)."""

    def __init__(self, reader: Any, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height, self.hAlign = reader, width, height, "LEFT"

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


def png_image(png: bytes, max_width: float, max_height: float, field: str) -> Flowable:
    """The image scaled to fit the box, keeping its proportions; unreadable bytes are a user error."""
    try:
        reader = _decoded_png(png)
        width, height = reader.getSize()
    except Exception as exc:  # PIL raises many types for broken files
        raise ValidationError({field: msg("The image cannot be read; use a PNG file.")}) from exc
    scale = min(max_width / width, max_height / height)
    return _PngImage(reader, width * scale, height * scale)


def banner(kit: Kit, text: str, colour: object) -> Flowable:
    """One emphasised line on a tinted band with a coloured edge (decision, overall status)."""
    return FastTable(
        [[cell(kit, text, kit.width, bold=True)]],
        colWidths=[kit.width],
        style=[
            ("FONT", (0, 0), (-1, -1), document_fonts().bold, 10.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), colour),
            ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, colour),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )
