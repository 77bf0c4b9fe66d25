"""The base of every record table on the project pages: fed rows, archived rows greyed and italic.

Subclasses give ``headers()`` and ``text(item, column)``; optional ``colour`` and ``tip``. Long text is
shown on one line (elided by the view) and in full in a wrapped tooltip. ``RecordFilterProxy`` sorts
by any column (dates and numbers by value: ``sort_fields``) and filters by text over every column."""

from __future__ import annotations

import html
import re
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from deliverydesk.gui.formatting import format_datetime
from deliverydesk.gui.models.fed import FedTableModel

T = TypeVar("T")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 10  # the frozen record of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 11  # what a column sorts by: (is empty, value)
ARCHIVED_COLOUR = QColor("#8a8f98")
WARN_COLOUR = QColor("#b4591b")
LATE_COLOUR = QColor("#b00020")
GOOD_COLOUR = QColor("#1b7a3a")


TIP_MAX = 1500  # a 10,000-character description must not cover the screen


def fit_headers(view: QTableView) -> None:
    """Widen any column narrower than its header text: Chinese headers and bold header fonts need more
    than the widths written for English, and a clipped header ("ange requ") reads as broken."""
    model, header = view.model(), view.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for column in range(model.columnCount()):
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + 22  # margins and the sort arrow
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)


_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Text sorted as people read it: "S-2" before "S-10", case ignored."""
    parts = _NUMBER.split(text.casefold())
    return tuple((1, int(p), "") if p.isdigit() else (0, 0, p) for p in parts if p)


def plain_tip(text: str) -> str:
    """A tooltip that shows user text literally (Qt would guess markup in ``<b>`` otherwise)."""
    if len(text) > TIP_MAX:
        text = text[:TIP_MAX] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def one_line(text: str, limit: int = 160) -> str:
    """The first line of a long text, for a table cell (the tooltip has all of it)."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


class RecordTableModel(FedTableModel[T]):
    numeric_columns: tuple[int, ...] = ()
    sort_fields: dict[int, str] = {}  # column -> the record's field it sorts by (dates, numbers)

    def text(self, item: T, column: int) -> str:
        raise NotImplementedError

    def colour(self, item: T, column: int) -> QColor | None:
        return None

    def tip(self, item: T, column: int) -> str | None:
        return None

    def cell(self, item: T, column: int, role: int) -> Any:
        archived = getattr(item, "archived_at", None)
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(self.text(item, column))
        if role == RECORD_ROLE:
            return item
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column, archived)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = ARCHIVED_COLOUR if archived else self.colour(item, column)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole and archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, item: T, column: int, archived: Any) -> str | None:
        parts = [self.tip(item, column) or self.text(item, column)]
        if archived:
            parts.append(self.tr("Archived on %1").replace("%1", format_datetime(archived)))
        text = "\n".join(p for p in parts if p)
        return plain_tip(text) if text else None

    def sort_key(self, item: T, column: int) -> tuple[bool, Any]:
        """Empty values last; a field of ``sort_fields`` by its value, any other column by its text."""
        name = self.sort_fields.get(column)
        value: Any = getattr(item, name, None) if name else natural_key(self.text(item, column))
        if value is None or value == "" or value == ():
            return (True, ())
        return (False, value)

    def search_text(self, item: T) -> str:
        """Everything a text filter looks through: every column and the full tooltip text."""
        parts = [self.text(item, column) for column in range(self.columnCount())]
        parts += [self.tip(item, column) or "" for column in range(self.columnCount())]
        return "\n".join(parts).casefold()

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, or -1."""
        for row in range(self.rowCount()):
            if getattr(self.row_item(row), "id", None) == record_id:
                return row
        return -1


class RecordFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps the rows whose text holds every word of the filter."""

    def __init__(self, source: RecordTableModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._words: tuple[str, ...] = ()

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+ (invalidateFilter is deprecated in 6.10)
            self.beginFilterChange()
            self._words = tuple(text.casefold().split())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = tuple(text.casefold().split())
            self.invalidateRowsFilter()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)
        haystack = source.search_text(source.row_item(row))
        return all(word in haystack for word in self._words)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:  # mixed kinds in one column: compare as text
            return str(a) < str(b)
