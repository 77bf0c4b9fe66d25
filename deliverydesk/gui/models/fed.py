"""Table models that are fed pages of rows and never query.

The view's owner runs the query (on the task runner) and calls ``set_rows`` / ``append_rows``. When
the view scrolls to the end, ``fetchMore`` only emits ``more_wanted(offset)``; a header click only
emits ``sort_wanted(column, descending)``: the owner re-queries with ORDER BY in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class FedTableModel(QAbstractTableModel, Generic[T]):
    """Subclasses define ``headers()`` and ``cell(row, column, role)``; rows are frozen records."""

    more_wanted = Signal(int)  # offset of the next page
    sort_wanted = Signal(int, bool)  # column, descending

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._total = 0
        self._waiting_for_more = False

    # --- feeding -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T], total: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._waiting_for_more = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[T], total: int | None = None) -> None:
        self._waiting_for_more = False
        if total is not None:
            self._total = total
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self._total = max(self._total, len(self._rows))

    def row_item(self, row: int) -> T:
        return self._rows[row]

    @property
    def total(self) -> int:
        return self._total

    # --- to override ---------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, item: T, column: int, role: int) -> Any:
        raise NotImplementedError

    # --- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt's delegate asks about seven roles of every cell it paints: one call into Qt less each
        # (an invalid index's row is -1, so the range check covers ``isValid``)
        row, rows = index.row(), self._rows
        if not 0 <= row < len(rows):
            return None
        return self.cell(rows[row], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(section)
        return None

    def header_tip(self, section: int) -> str | None:
        return None

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        if parent.isValid():
            return False
        return not self._waiting_for_more and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._waiting_for_more = True
            self.more_wanted.emit(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_wanted.emit(column, order == Qt.SortOrder.DescendingOrder)
