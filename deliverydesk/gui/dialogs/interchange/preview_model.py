"""The preview of an import: one row per line of the file and what importing it does, fed by the
dialog (never queries). Plan tasks that may become scope items carry a check box; toggling one emits
``choice_toggled(key, chosen)`` and the dialog asks the service for a fresh preview."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.i18n import joined
from deliverydesk.services.interchange.changes import Action, Kind, Line

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR, MUTED_COLOUR, NEW_COLOUR = "#b00020", "#6b6b6b", "#1b6e20"


def action_text(action: Action) -> str:
    return {
        Action.NEW: QCoreApplication.translate("ImportPreview", "New"),
        Action.UPDATE: QCoreApplication.translate("ImportPreview", "Update"),
        Action.UNCHANGED: QCoreApplication.translate("ImportPreview", "Unchanged"),
        Action.SKIPPED: QCoreApplication.translate("ImportPreview", "Not imported"),
        Action.ERROR: QCoreApplication.translate("ImportPreview", "Problem"),
    }[action]


def kind_text(kind: Kind) -> str:
    return {
        Kind.MILESTONE: QCoreApplication.translate("ImportPreview", "Milestone"),
        Kind.SCOPE_ITEM: QCoreApplication.translate("ImportPreview", "Scope item"),
        Kind.EXCLUSION: QCoreApplication.translate("ImportPreview", "Exclusion"),
        Kind.SUMMARY: QCoreApplication.translate("ImportPreview", "Summary task"),
        Kind.TASK: QCoreApplication.translate("ImportPreview", "Task"),
        Kind.NON_WORKING_DAY: QCoreApplication.translate("ImportPreview", "Non-working day"),
    }[kind]


def details_text(line: Line) -> str:
    parts = [line.message, *line.changes] if line.message else list(line.changes)
    return shown(joined(parts)) if parts else ""


class ImportPreviewModel(FedTableModel[Line]):
    """Columns: (choose), key, kind, name, dates, what happens, details. ``dates`` are the baseline,
    forecast and actual of a milestone (the day of a non-working day, the due date of a row)."""

    choice_toggled = Signal(str, bool)

    def __init__(self, key_header: str, date_headers: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.key_header, self.date_headers = key_header, date_headers

    def headers(self) -> list[str]:
        return [
            "",
            self.key_header,
            QCoreApplication.translate("ImportPreview", "Kind"),
            QCoreApplication.translate("ImportPreview", "Name"),
            *self.date_headers,
            QCoreApplication.translate("ImportPreview", "Import"),
            QCoreApplication.translate("ImportPreview", "Details"),
        ]

    def cell(self, item: Line, column: int, role: int) -> Any:
        details_column = len(self.headers()) - 1
        if column == 0:
            if role == Qt.ItemDataRole.CheckStateRole and item.choosable:
                return Qt.CheckState.Checked if item.chosen else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole and item.choosable:
                return QCoreApplication.translate("ImportPreview", "Import this task as a scope item")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(item, column, details_column)
        if role == Qt.ItemDataRole.ToolTipRole and column == details_column:
            return details_text(item) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        dates = (item.first_date, item.second_date, item.third_date)[: len(self.date_headers)]
        values = [item.key, kind_text(item.kind), item.name or "—", *(format_date(d) for d in dates)]
        values += [action_text(item.action) + (f" {item.ref}" if item.ref else ""), details_text(item)]
        return values[column - 1]

    def _colour(self, item: Line, column: int, details_column: int) -> QBrush | None:
        if item.action is Action.ERROR and column in (details_column, details_column - 1):
            return QBrush(QColor(ERROR_COLOUR))
        if item.action is Action.SKIPPED:
            return QBrush(QColor(MUTED_COLOUR))
        if item.action is Action.NEW and column == details_column - 1:
            return QBrush(QColor(NEW_COLOUR))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and self.row_item(index.row()).choosable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not index.isValid():
            return False
        item = self.row_item(index.row())
        if not item.choosable:
            return False
        chosen = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self._rows[index.row()] = replace(item, chosen=chosen)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.choice_toggled.emit(item.key, chosen)
        return True
