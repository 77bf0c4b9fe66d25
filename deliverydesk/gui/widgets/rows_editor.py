"""A small table the user edits row by row: text columns and optional date columns, with Add row and
Remove row buttons (a progress summary's next actions, an expectation letter's assumptions).

Each row reads back as a tuple of its cells: a stripped string for a text column, ``date | None`` for
a date column; rows whose text cells are all empty are left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.gui.dialogs.records.fields import OptionalDate


@dataclass(frozen=True)
class Column:
    """A column of the table: a date column fits its editor; a text column stretches, or starts at
    ``width`` pixels when given (the user can drag it), leaving the rest to the stretching ones."""

    title: str
    is_date: bool = False
    width: int | None = None


class RowsEditor(QWidget):
    """The table and its two buttons; ``rows()`` / ``set_rows()`` read and fill it."""

    def __init__(self, columns: Sequence[Column], default_date: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.default_date = tuple(columns), default_date
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels([column.title for column in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
        header = self.table.horizontalHeader()
        for index, column in enumerate(self.columns):
            header.setSectionResizeMode(index, _resize_mode(column))
            if column.width is not None:
                header.resizeSection(index, column.width)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(_tip_the_text)  # a long cell is elided: its tip shows it whole
        self.add_button = QPushButton(self.tr("Add row"), self)
        self.remove_button = QPushButton(self.tr("Remove row"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_row(self, values: Sequence[Any] = ()) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for index, column in enumerate(self.columns):
            value = values[index] if index < len(values) else None
            if column.is_date:
                self.table.setCellWidget(row, index, OptionalDate(self.table, value, self.default_date, ""))
            else:
                item = QTableWidgetItem(str(value or ""))
                item.setToolTip(item.text())
                self.table.setItem(row, index, item)
        self.table.setCurrentCell(row, 0)
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.table.setRowCount(0)
        for values in rows:
            self.add_row(values)

    def cell_widget_date(self, row: int, index: int) -> OptionalDate:
        widget = self.table.cellWidget(row, index)
        assert isinstance(widget, OptionalDate)
        return widget

    def cell(self, row: int, index: int) -> Any:
        if self.columns[index].is_date:
            widget = self.table.cellWidget(row, index)
            return widget.value() if isinstance(widget, OptionalDate) else None
        item = self.table.item(row, index)
        return item.text().strip() if item is not None else ""

    def rows(self) -> list[tuple[Any, ...]]:
        found = []
        for row in range(self.table.rowCount()):
            values = tuple(self.cell(row, index) for index in range(len(self.columns)))
            texts = [v for v, column in zip(values, self.columns, strict=True) if not column.is_date]
            if any(texts):
                found.append(values)
        return found


def _resize_mode(column: Column) -> QHeaderView.ResizeMode:
    if column.is_date:
        return QHeaderView.ResizeMode.ResizeToContents
    if column.width is not None:
        return QHeaderView.ResizeMode.Interactive
    return QHeaderView.ResizeMode.Stretch


def _tip_the_text(item: QTableWidgetItem) -> None:
    if item.toolTip() != item.text():  # setting the tip changes the item again: stop there
        item.setToolTip(item.text())
