"""A column narrower than its header is widened to show the whole header; wider columns are kept."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from deliverydesk.gui.pages.project.table import fit_headers


def test_columns_grow_to_their_header_text(qtbot) -> None:
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Change request 工作量(小时)", "Ref"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setColumnWidth(0, 40)
    view.setColumnWidth(1, 300)
    fit_headers(view)
    header_text = view.horizontalHeader().fontMetrics().horizontalAdvance("Change request 工作量(小时)")
    assert view.columnWidth(0) > header_text
    assert view.columnWidth(1) == 300
