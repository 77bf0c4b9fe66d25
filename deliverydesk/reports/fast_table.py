"""reportlab's Table, faster where the documents spend their time, drawing the same PDF bytes.

Three of Table's paths are replaced for the cases the documents use, and left to reportlab for
anything else (spans, minimum row heights, special rows, bidirectional or shaped text, links):

- **Cell styles**: Table makes one style object per cell and applies every style command to every
  cell it covers, one call per cell. Here the commands are applied once per distinct set of
  commands covering a cell, and cells with the same set share the object (a table draws a cell's
  font and colour only when they differ from the previous cell's, so sharing changes nothing).
- **Row heights**: Table looks for the next unmeasured row from the start of the list and sums
  the rows above it for each row (quadratic in the rows), and measures a table again each time it
  is asked (wrapped, then split: twice); here one pass, with the same arithmetic, remembered for
  the column widths.
- **Plain-string cells** (most cells): Table draws each through a canvas text object; here the
  same operators are written straight into the page.

tests/unit/reports/test_fast_table.py compares each with reportlab's own road.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable
from reportlab.platypus.tables import _SPECIALROWS, CellStyle, Table, _calc_pc, _setCellStyle

from deliverydesk.reports.operators import number, settings_of, subset_name

_NOT_CELL_COMMANDS = frozenset(
    {"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT", "ROUNDEDCORNERS"}
    | {"GRID", "BOX", "OUTLINE", "INNERGRID", "LINEBELOW", "LINEABOVE", "LINEBEFORE", "LINEAFTER"}
)
_FLOWABLE_CELL = (tuple, list, Flowable)


def _is_cell_command(command: Sequence[Any]) -> bool:
    """A command Table applies cell by cell (FONT, TEXTCOLOR, ALIGN, VALIGN, paddings...), with plain
    row numbers (not "splitfirst" and the like, which Table keeps for later)."""
    if len(command) < 3 or command[0] in _NOT_CELL_COMMANDS:
        return False
    (_sc, sr), (_ec, er) = command[1], command[2]
    return isinstance(sr, int) and isinstance(er, int) and sr not in _SPECIALROWS


def shared_cell_styles(commands: Sequence[Sequence[Any]], nrows: int, ncols: int) -> list[list[Any]]:
    """The cell styles Table would make for these (cell) commands, one object per distinct result.
    Commands that do the same (the same operation and values, e.g. one colour for each late row)
    count as one, so their cells share a style too."""
    ranges, same = [], []
    first: dict[Any, int] = {}
    for k, command in enumerate(commands):
        (sc, sr), (ec, er) = command[1], command[2]
        sc, ec = (sc + ncols if sc < 0 else sc), (ec + ncols if ec < 0 else ec)
        sr, er = (sr + nrows if sr < 0 else sr), (er + nrows if er < 0 else er)
        ranges.append((max(0, sc), min(ncols - 1, ec), max(0, sr), min(nrows - 1, er)))
        try:
            same.append(first.setdefault((command[0], tuple(command[3:])), k))
        except TypeError:  # values that cannot be compared this way: the command stands alone
            same.append(k)
    covering: list[list[int]] = [[] for _ in range(nrows)]
    for k, (_sc, _ec, sr, er) in enumerate(ranges):
        for i in range(sr, er + 1):
            covering[i].append(k)
    made: dict[tuple[int, ...], Any] = {}
    rows_made: dict[tuple[tuple[int, int, int], ...], list[Any]] = {}
    result = []
    for row_commands in covering:
        pattern = tuple((same[k], ranges[k][0], ranges[k][1]) for k in row_commands)
        row = rows_made.get(pattern)
        if row is None:
            row = rows_made[pattern] = []
            for j in range(ncols):
                key = tuple(k for k, sc, ec in pattern if sc <= j <= ec)
                style = made.get(key)
                if style is None:
                    style = made[key] = CellStyle(repr(key))
                    for k in key:
                        _setCellStyle([[style]], 0, 0, commands[k][0], commands[k][3:])
                row.append(style)
        result.append(list(row))
    return result


class FastTable(Table):  # type: ignore[misc]
    """``Table`` with the faster paths above; takes the same arguments."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        style = kwargs.get("style")
        if style is not None and kwargs.get("cellStyles") is None and isinstance(style, list | tuple):
            rows = len(data) if isinstance(data, list | tuple) else 0
            columns = max(map(len, data)) if rows else 0
            if rows and columns and all(len(row) == columns for row in data):
                cells = [c for c in style if _is_cell_command(c)]
                kwargs["cellStyles"] = shared_cell_styles(cells, rows, columns)
                kwargs["style"] = [c for c in style if not _is_cell_command(c)]
        super().__init__(data, *args, **kwargs)

    def normalizeData(self, data: Any) -> list[list[Any]]:
        """Table.normalizeData (None becomes "", bytes text; anything else stays) for rows without
        None or bytes: the rows as lists, without a function call per cell."""
        rows = [list(row) for row in data]
        if any(cell is None or isinstance(cell, bytes) for row in rows for cell in row):
            return super().normalizeData(data)  # type: ignore[no-any-return]
        return rows

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None, W: Any = None) -> None:
        if self._spanCmds or self._minRowHeights:
            return super()._calc_height(availHeight, availWidth, H, W)  # type: ignore[no-any-return]
        heights = self._argH
        widths = W or _calc_pc(self._argW, availWidth)
        if None in heights:
            measured = self.__dict__.get("_measured")  # the rows depend on the column widths only
            if measured is not None and measured[0] == widths:
                self._rowHeights = heights = measured[1][:]
            elif not all(widths) or not self._measure_rows(heights[:], widths):
                return super()._calc_height(availHeight, availWidth, H, W)  # type: ignore[no-any-return]
            else:
                heights = self._rowHeights
                self._measured = (list(widths), heights[:])
        self._place_rows(heights)
        return None

    def _measure_rows(self, heights: list[Any], widths: Sequence[float]) -> bool:
        """Table's row heights for the rows without one (False: a cell needs reportlab's checks)."""
        canv = getattr(self, "canv", None)
        saved: Any = (canv._fontname, canv._fontsize, canv._leading) if canv else None
        for i, height in enumerate(heights):
            if height is not None:
                continue
            values, styles = self._cellvalues[i], self._cellStyles[i]
            tallest = 0
            for j, (value, style, width) in enumerate(zip(values, styles, widths, strict=False)):
                if isinstance(value, _FLOWABLE_CELL):
                    value = values[j] = self._cellListProcess(value, width, None)
                    if canv:
                        canv._fontname, canv._fontsize = style.fontname, style.fontsize
                        canv._leading = style.leading or 1.2 * style.fontsize
                    used, tall = self._listCellGeom(value, width, style)
                    if canv:
                        canv._fontname, canv._fontsize, canv._leading = saved
                    if used + style.leftPadding + style.rightPadding > width:
                        return False  # too wide: reportlab raises or warns
                else:
                    lines = ((value is not None and str(value)) or "").split("\n")
                    tall = (style.leading or 1.2 * style.fontsize) * len(lines)
                tall += style.bottomPadding + style.topPadding
                if tall > tallest:
                    tallest = tall
            heights[i] = tallest
        self._rowHeights = heights
        return True

    def _place_rows(self, heights: Sequence[float]) -> None:
        """Table's row positions, summed from the bottom as reportlab sums them; once per set of row
        heights (Platypus asks a table for its size again for each page it splits over, and to draw)."""
        placed = self.__dict__.get("_placed")
        if placed is not None and placed[0] == heights:
            self._rowpositions, self._height, self._hmax = placed[1][:], placed[2], len(heights)
            return
        positions: list[float] = []
        height = compensation = 0.0
        for i in range(len(heights) - 1, -1, -1):
            positions.append(height)
            step = heights[i] - compensation
            total = height + step
            compensation = (total - height) - step
            height = total
        positions.append(height)
        self._rowpositions = positions[::-1]
        self._height = height
        self._hmax = len(heights)
        self._placed = (list(heights), self._rowpositions[:], height)

    def draw(self) -> None:
        """Table.draw for the documents' tables (no spans, shadow, rounded corners or render
        callbacks), the plain-string cells (most of them) checked once per cell style and written in
        the loop itself; any other table as Table draws it."""
        if self._spanCmds or getattr(self, "_renderCB", None) or getattr(self, "_shadow", None):
            super().draw()
            return
        if getattr(self, "_cornerRadii", None):
            super().draw()
            return
        canv = self.canv
        canv.saveState()
        self._curweight = self._curcolor = self._curcellstyle = None
        self._roundingRectDef = None  # what _makeRoundedCornersClip leaves without rounded corners
        self._drawBkgrnd()
        self._draw_cells()
        self._drawLines()
        canv.restoreState()

    def _draw_cells(self) -> None:
        """Table.draw's loop over the cells, without spans."""
        plain: dict[int, bool] = {}  # by cell style (many cells share one), for this drawing
        columns = list(zip(self._colpositions[:-1], self._colWidths, strict=False))
        rows = zip(self._cellvalues, self._cellStyles, self._rowpositions[1:], self._rowHeights, strict=False)
        for values, styles, rowpos, rowheight in rows:
            for value, style, (colpos, colwidth) in zip(values, styles, columns, strict=False):
                if type(value) is str and "\n" not in value:
                    known = plain.get(id(style))
                    if known is None:
                        known = plain[id(style)] = self._plain_string_style(style)
                    if known:
                        self._draw_string(value, style, colpos, rowpos, colwidth, rowheight)
                        continue
                self._drawCell(value, style, (colpos, rowpos), (colwidth, rowheight))

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if type(cellval) is str and "\n" not in cellval and self._plain_string_style(cellstyle):
            self._draw_string(cellval, cellstyle, *pos, *size)
        else:
            super()._drawCell(cellval, cellstyle, pos, size)

    def _plain_string_style(self, style: Any) -> bool:
        """Whether a one-line string in a cell of ``style`` is drawn by ``_draw_string``: at the top,
        left or right, in a TrueType face, not linked, shaped or right to left."""
        return bool(
            style.valign == "TOP"
            and style.alignment in ("LEFT", "RIGHT")
            and not (style.href or style.destination or style.direction or style.shaping)
            and self.canv.bottomup
            and getFont(style.fontname)._dynamicFont
        )

    def _draw_string(
        self, text: str, style: Any, colpos: float, rowpos: float, colwidth: float, rowheight: float
    ) -> None:
        """Table._drawCell for a one-line string: the same operators, written without a text object."""
        canv = self.canv
        current: Any = self.__dict__.get("_curcellstyle")
        if current is not style:
            if current is None or (style.color is not current.color and style.color != current.color):
                canv.setFillColor(style.color)
            if (
                current is None
                or style.leading != current.leading
                or style.fontname != current.fontname
                or style.fontsize != current.fontsize
            ):
                canv.setFont(style.fontname, style.fontsize, style.leading)
            self._curcellstyle = style
        font = getFont(canv._fontname)
        y = rowpos + rowheight - style.topPadding - style.fontsize
        if style.alignment == "LEFT":
            x = colpos + style.leftPadding
        else:
            x = colpos + colwidth - style.rightPadding
            x -= font.stringWidth(text, canv._fontsize)
        canv._code.append(f"BT 1 0 0 1 {number(x)} {number(y)} Tm {_kept_operators(canv, font, text)} T* ET")


MAX_KEPT_TEXTS = 20_000  # a document's remembered cell texts before the memory starts over


def _kept_operators(canv: Any, font: Any, text: str) -> str:
    """``text_operators``, remembered for this canvas (one document): a table repeats its texts (dates,
    statuses, names), and a text's operators at one font, size and leading never change within a
    document once its characters have their subset codes, which the first drawing assigns."""
    kept = canv.__dict__.get("_accel_text_operators")
    if kept is None or len(kept) >= MAX_KEPT_TEXTS:
        kept = canv._accel_text_operators = {}
    key = (canv._fontname, canv._fontsize, canv._leading, text)
    operators = kept.get(key)
    if operators is None:
        operators = kept[key] = text_operators(canv, font, text)
    return operators  # type: ignore[no-any-return]


def text_operators(canv: Any, font: Any, text: str) -> str:
    """What reportlab's text object writes for ``text`` in a TrueType ``font`` at the canvas's size and
    leading, as the first text of a text object (``PDFTextObject._formatText``)."""
    doc, escape, parts = canv._doc, canv._escape, []
    current, settings = -1, ""
    for subset, codes in font.splitString(text, doc):
        if subset != current:
            settings = settings or settings_of(canv._fontsize, canv._leading)
            parts.append(f"{subset_name(font, subset, doc)} {settings}")
            current = subset
        parts.append(f"({escape(codes)}) Tj")
    return " ".join(parts)
