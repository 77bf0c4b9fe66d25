"""A small milestone chart drawn with reportlab graphics: per milestone, the baseline (◇), the
forecast (◆) or actual (●) date and the slip between them as a bar; a dashed line marks "as of"."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from deliverydesk.i18n.formats import format_month
from deliverydesk.reports.blocks import Flowable, para
from deliverydesk.reports.documents.data import MilestoneRowData
from deliverydesk.reports.fonts import document_fonts
from deliverydesk.reports.styles import ACCENT, GOOD, INK, MUTED, RULE, WARN, Kit
from deliverydesk.reports.text import clip, font_runs

MAX_ROWS = 14
ROW = 14.0
AXIS = 16.0
LEGEND = 18.0
FONT_SIZE = 7.5
LABEL_SHARE = 0.30


def _span(milestones: Sequence[MilestoneRowData], as_of: date) -> tuple[date, date]:
    days = [as_of] + [d for m in milestones for d in (m.baseline, m.forecast, m.actual) if d]
    first, last = min(days), max(days)
    start = date(first.year, first.month, 1)
    end = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return start, end


def _months(start: date, end: date) -> list[date]:
    months, current = [], start
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def _diamond(x: float, y: float, fill: object, stroke: object) -> Polygon:
    size = 3.5
    points = [x, y + size, x + size, y, x, y - size, x - size, y]
    return Polygon(points, fillColor=fill, strokeColor=stroke, strokeWidth=0.8)


def _baseline_mark(x: float, y: float) -> Polygon:
    return _diamond(x, y, colors.white, MUTED)


def _forecast_mark(x: float, y: float) -> Polygon:
    return _diamond(x, y, ACCENT, ACCENT)


def _actual_mark(x: float, y: float) -> Circle:
    return Circle(x, y, 3, fillColor=GOOD, strokeColor=GOOD)


def _slip_bar(x0: float, x1: float, y: float, colour: object = WARN) -> Rect:
    return Rect(min(x0, x1), y - 2, abs(x1 - x0), 4, fillColor=colour, strokeColor=None)


def _as_of_line(x: float, top: float, bottom: float) -> Line:
    return Line(x, top, x, bottom, strokeColor=WARN, strokeWidth=0.8, strokeDashArray=[2, 2])


class _Chart:
    """Maps dates to x and draws onto one Drawing."""

    def __init__(self, kit: Kit, rows: Sequence[MilestoneRowData], as_of: date) -> None:
        self.kit, self.rows, self.as_of = kit, rows, as_of
        self.font = document_fonts().regular
        self.left = kit.width * LABEL_SHARE
        self.right = kit.width - 6
        self.start, self.end = _span(rows, as_of)
        self.height = AXIS + ROW * len(rows) + LEGEND
        self.top = self.height - AXIS
        self.drawing = Drawing(kit.width, self.height, initialFontName=self.font)

    def x(self, day: date) -> float:
        total = (self.end - self.start).days or 1
        return self.left + (self.right - self.left) * (day - self.start).days / total

    def text(self, x: float, y: float, value: str, color: object = MUTED) -> None:
        """One line from ``x``, each run of the text in the face that has its characters."""
        for name, run in font_runs(value):
            self.drawing.add(String(x, y, run, fontName=name, fontSize=FONT_SIZE, fillColor=color))
            x += stringWidth(run, name, FONT_SIZE)

    def axis(self) -> None:
        """A grid line and label every ``step`` months (so labels never touch); the year shows
        where it changes."""
        months = _months(self.start, self.end)
        widest = stringWidth(self._month_label(self.end, True), self.font, FONT_SIZE) + 8
        month_width = (self.right - self.left) / max(1, len(months) - 1)
        step = max(1, math.ceil(widest / month_width))
        previous_year = 0
        for month in months[::step]:
            x = self.x(month)
            self.drawing.add(
                Line(x, self.top, x, self.top - ROW * len(self.rows), strokeColor=RULE, strokeWidth=0.3)
            )
            label = self._month_label(month, month.year != previous_year)
            if month < self.end and x + 2 + stringWidth(label, self.font, FONT_SIZE) <= self.kit.width:
                self.text(x + 2, self.top + 4, label)
                previous_year = month.year

    def _month_label(self, month: date, with_year: bool) -> str:
        return format_month(month, self.kit.t.language, with_year=with_year)  # Mar 2026 / 2026年3月

    def row(self, index: int, milestone: MilestoneRowData) -> None:
        y = self.top - ROW * index - ROW / 2
        self.text(0, y - 2.5, clip(milestone.name, FONT_SIZE, self.left - 8), INK)
        baseline_x = self.x(milestone.baseline)
        end_day = milestone.actual or milestone.forecast
        if end_day and end_day != milestone.baseline:
            colour = WARN if end_day > milestone.baseline else GOOD
            self.drawing.add(_slip_bar(baseline_x, self.x(end_day), y, colour))
        self.drawing.add(_baseline_mark(baseline_x, y))
        if milestone.actual:
            self.drawing.add(_actual_mark(self.x(milestone.actual), y))
        elif milestone.forecast:
            self.drawing.add(_forecast_mark(self.x(milestone.forecast), y))

    def as_of_line(self) -> None:
        self.drawing.add(_as_of_line(self.x(self.as_of), self.top + 2, self.top - ROW * len(self.rows)))

    def legend(self) -> None:
        t, y, x = self.kit.t, 4.0, self.left
        items = (
            (_baseline_mark(4, y + 2.5), t("Baseline")),
            (_forecast_mark(4, y + 2.5), t("Forecast")),
            (_actual_mark(4, y + 2.5), t("Actual")),
            (_slip_bar(0, 8, y + 2.5), t("Slip")),
            (_as_of_line(4, y + 7, y - 2), t("As of {date}", date=t.date(self.as_of))),
        )
        for mark, label in items:
            group = Group(mark, transform=(1, 0, 0, 1, x, 0))
            self.drawing.add(group)
            self.text(x + 11, y, label)
            x += 25 + stringWidth(label, self.font, FONT_SIZE)


def timeline_chart(kit: Kit, milestones: Sequence[MilestoneRowData], as_of: date) -> list[Flowable]:
    """The chart for the first MAX_ROWS milestones, with a note when some are left out."""
    if not milestones:
        return []
    rows = milestones[:MAX_ROWS]
    chart = _Chart(kit, rows, as_of)
    chart.axis()
    for index, milestone in enumerate(rows):
        chart.row(index, milestone)
    chart.as_of_line()
    chart.legend()
    flowables: list[Flowable] = [chart.drawing]
    if len(milestones) > MAX_ROWS:
        note = kit.t(
            "The chart shows the first {shown} of {total} milestones.",
            shown=MAX_ROWS,
            total=len(milestones),
        )
        flowables.append(para(kit, note, kit.styles.small))
    return flowables
