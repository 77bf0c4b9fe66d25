"""The Recurring problems table: one row per category seen at several distinct clients (fed rows,
never queries), and the list of one category's occurrences."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import Occurrence, RecurrenceItem, Trend, TrendDirection
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import labelled
from deliverydesk.gui.models.fed import FedTableModel

CATEGORY, CLIENTS, PROJECTS, OCCURRENCES, TREND = range(5)
WHEN, CLIENT, PROJECT, REF, TITLE = range(5)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ARROWS = {TrendDirection.RISING: "↑", TrendDirection.STEADY: "→", TrendDirection.FALLING: "↓"}
RISING_COLOUR = QColor("#b4591b")
FALLING_COLOUR = QColor("#2e6b45")
NAMES_SHOWN = 3  # client / project names in the cell; the tooltip has them all


def names_text(names: list[str], more: str) -> str:
    """ "A, B, C +2": the first few names and how many more (``more`` is the "+%1" text)."""
    shown = ", ".join(names[:NAMES_SHOWN])
    hidden = len(names) - NAMES_SHOWN
    return f"{shown} {more.replace('%1', str(hidden))}" if hidden > 0 else shown


class RecurrenceModel(FedTableModel[RecurrenceItem]):
    def __init__(self, language: Language, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language

    def headers(self) -> list[str]:
        return [
            self.tr("Category"),
            self.tr("Clients"),
            self.tr("Projects"),
            self.tr("Occurrences"),
            self.tr("Trend"),
        ]

    def header_tip(self, section: int) -> str | None:
        if section == TREND:
            return self.tr("Occurrences in the first half of the period → in the second half")
        return None

    def cell(self, item: RecurrenceItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == TREND:
            return {TrendDirection.RISING: RISING_COLOUR, TrendDirection.FALLING: FALLING_COLOUR}.get(
                item.trend.direction
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == OCCURRENCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ITEM_ROLE:
            return item
        return None

    def text(self, item: RecurrenceItem, column: int) -> str:
        more = self.tr("+%1")
        if column == CATEGORY:
            return item.category_name(self.language)
        if column == CLIENTS:
            return labelled(str(item.client_count), names_text([c.name for c in item.clients], more))
        if column == PROJECTS:
            return labelled(str(len(item.projects)), names_text([p.code for p in item.projects], more))
        if column == OCCURRENCES:
            return str(len(item.occurrences))
        return self.trend_text(item.trend)

    def trend_text(self, trend: Trend) -> str:
        return f"{ARROWS[trend.direction]} {trend.first_half} → {trend.second_half}"

    def tip(self, item: RecurrenceItem, column: int) -> str | None:
        if column == CLIENTS:
            return "\n".join(c.name for c in item.clients)
        if column == PROJECTS:
            return "\n".join(f"{p.code}  {p.name}" for p in item.projects)
        if column == TREND:
            words = {
                TrendDirection.RISING: self.tr("Rising"),
                TrendDirection.STEADY: self.tr("Steady"),
                TrendDirection.FALLING: self.tr("Falling"),
            }[item.trend.direction]
            return (
                self.tr("%1: %2 before %3, %4 from then on")
                .replace("%1", words)
                .replace("%2", str(item.trend.first_half))
                .replace("%3", format_date(item.trend.second_half_from))
                .replace("%4", str(item.trend.second_half))
            )
        if column == CATEGORY:
            return self.tr("Double-click to see each occurrence")
        return None


class OccurrenceModel(FedTableModel[Occurrence]):
    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Client"), self.tr("Project"), self.tr("Ref"), self.tr("Title")]

    def cell(self, item: Occurrence, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (format_date(item.on), item.client_name, item.project_code, item.ref, item.title)
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == PROJECT:
            return item.project_name
        if role == ITEM_ROLE:
            return item
        return None
