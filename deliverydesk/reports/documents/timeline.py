"""A small milestone chart: per milestone, the baseline (◇), the forecast (◆) or actual (●) date and
the slip between them as a bar; a dashed line marks "as of".

Drawn straight on the canvas by one flowable (``ChartFlowable``): the same operators reportlab
graphics' ``Drawing`` wrote, without its shape objects, their attribute checks and its renderer's
state stack, which cost ~5 % of a 30-page summary for ~80 marks."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable as PlatypusFlowable

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


Mark = Callable[[Any], None]  # draws one mark on a canvas
DIAMOND = 3.5  # half the width of a date's diamond
DOT = 3.0  # an actual date's radius


class ChartFlowable(PlatypusFlowable):  # type: ignore[misc]  # reportlab ships no type information
    """The chart's marks, drawn in order on the canvas at the flowable's place."""

    def __init__(self, width: float, height: float, marks: list[Mark]) -> None:
        super().__init__()
        self.width, self.height, self.marks = width, height, marks

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        for mark in self.marks:
            mark(canvas)
        canvas.restoreState()


def _diamond(x: float, y: float, fill: object, stroke: object) -> Mark:
    def draw(canvas: Any) -> None:
        canvas.setFillColor(fill)
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(0.8)
        path = canvas.beginPath()
        path.moveTo(x, y + DIAMOND)
        path.lineTo(x + DIAMOND, y)
        path.lineTo(x, y - DIAMOND)
        path.lineTo(x - DIAMOND, y)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)

    return draw


def _baseline_mark(x: float, y: float) -> Mark:
    return _diamond(x, y, colors.white, MUTED)


def _forecast_mark(x: float, y: float) -> Mark:
    return _diamond(x, y, ACCENT, ACCENT)


def _actual_mark(x: float, y: float) -> Mark:
    def draw(canvas: Any) -> None:
        canvas.setFillColor(GOOD)
        canvas.setStrokeColor(GOOD)
        canvas.setLineWidth(1)
        canvas.circle(x, y, DOT, stroke=1, fill=1)

    return draw


def _slip_bar(x0: float, x1: float, y: float, colour: object = WARN) -> Mark:
    def draw(canvas: Any) -> None:
        canvas.setFillColor(colour)
        canvas.rect(min(x0, x1), y - 2, abs(x1 - x0), 4, stroke=0, fill=1)

    return draw


def _line(
    x: float, top: float, bottom: float, colour: object, width: float, dash: list[float] | None = None
) -> Mark:
    def draw(canvas: Any) -> None:
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        if dash:
            canvas.setDash(dash)
        canvas.line(x, top, x, bottom)
        if dash:
            canvas.setDash([])

    return draw


def _as_of_line(x: float, top: float, bottom: float) -> Mark:
    return _line(x, top, bottom, WARN, 0.8, [2, 2])


def _text(x: float, y: float, run: str, font: str, colour: object) -> Mark:
    def draw(canvas: Any) -> None:
        canvas.setFont(font, FONT_SIZE)
        canvas.setFillColor(colour)
        canvas.drawString(x, y, run)

    return draw


class _Chart:
    """Maps dates to x and lists the chart's marks."""

    def __init__(self, kit: Kit, rows: Sequence[MilestoneRowData], as_of: date) -> None:
        self.kit, self.rows, self.as_of = kit, rows, as_of
        self.font = document_fonts().regular
        self.left = kit.width * LABEL_SHARE
        self.right = kit.width - 6
        self.start, self.end = _span(rows, as_of)
        self.height = AXIS + ROW * len(rows) + LEGEND
        self.top = self.height - AXIS
        self.marks: list[Mark] = []

    def x(self, day: date) -> float:
        total = (self.end - self.start).days or 1
        return self.left + (self.right - self.left) * (day - self.start).days / total

    def text(self, x: float, y: float, value: str, color: object = MUTED) -> None:
        """One line from ``x``, each run of the text in the face that has its characters."""
        for name, run in font_runs(value):
            self.marks.append(_text(x, y, run, name, color))
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
            self.marks.append(_line(x, self.top, self.top - ROW * len(self.rows), RULE, 0.3))
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
            self.marks.append(_slip_bar(baseline_x, self.x(end_day), y, colour))
        self.marks.append(_baseline_mark(baseline_x, y))
        if milestone.actual:
            self.marks.append(_actual_mark(self.x(milestone.actual), y))
        elif milestone.forecast:
            self.marks.append(_forecast_mark(self.x(milestone.forecast), y))

    def as_of_line(self) -> None:
        self.marks.append(_as_of_line(self.x(self.as_of), self.top + 2, self.top - ROW * len(self.rows)))

    def legend(self) -> None:
        t, y, x = self.kit.t, 4.0, self.left
        items: tuple[tuple[Callable[[float], Mark], str], ...] = (
            (lambda left: _baseline_mark(left + 4, y + 2.5), t("Baseline")),
            (lambda left: _forecast_mark(left + 4, y + 2.5), t("Forecast")),
            (lambda left: _actual_mark(left + 4, y + 2.5), t("Actual")),
            (lambda left: _slip_bar(left, left + 8, y + 2.5), t("Slip")),
            (lambda left: _as_of_line(left + 4, y + 7, y - 2), t("As of {date}", date=t.date(self.as_of))),
        )
        for mark_at, label in items:
            self.marks.append(mark_at(x))
            self.text(x + 11, y, label)
            x += 25 + stringWidth(label, self.font, FONT_SIZE)

    def flowable(self) -> ChartFlowable:
        return ChartFlowable(self.kit.width, self.height, self.marks)


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
    flowables: list[Flowable] = [chart.flowable()]
    if len(milestones) > MAX_ROWS:
        note = kit.t(
            "The chart shows the first {shown} of {total} milestones.",
            shown=MAX_ROWS,
            total=len(milestones),
        )
        flowables.append(para(kit, note, kit.styles.small))
    return flowables
