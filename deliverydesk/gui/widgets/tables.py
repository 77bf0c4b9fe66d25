"""The one look of a table of records: read, pick a row, open it; never edited in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def record_table(
    parent: QWidget, model: QAbstractItemModel, name: str, *, word_wrap: bool = False
) -> QTableView:
    """Whole rows selected one at a time, alternating colours, no row numbers, a comfortable row
    height; long text is elided (``word_wrap`` for tables whose cells are meant to wrap)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no keyboard trap
    view.setWordWrap(word_wrap)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view
