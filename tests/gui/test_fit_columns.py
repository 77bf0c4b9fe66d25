"""Text columns fitted by measuring their widest texts (gui/widgets/fit_columns) get the widths
``resizeColumnToContents`` gives, in a tree with expanded and collapsed groups, English and Chinese."""

from __future__ import annotations

import random

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from deliverydesk.gui.widgets.fit_columns import fit_text_columns

WORDS = ("Overdue", "DD-2026-014", "里程碑", "验收", "2027-01-15", "waiting", "客户签字", "x", "WWW", "ii")


def _tree(seed: int) -> QStandardItemModel:
    pick = random.Random(seed)
    model = QStandardItemModel(0, 4)
    for _group in range(4):
        group = QStandardItem("group")
        for _row in range(pick.randrange(1, 40)):
            cells = [" ".join(pick.choices(WORDS, k=pick.randrange(1, 8))) for _column in range(4)]
            group.appendRow([QStandardItem(text) for text in cells])
        model.appendRow([group, QStandardItem(), QStandardItem(), QStandardItem()])
    return model


def test_the_widths_are_those_of_resize_column_to_contents(qtbot) -> None:
    for seed in range(6):
        view = QTreeView()
        qtbot.addWidget(view)
        view.setModel(_tree(seed))
        view.expandAll()
        view.collapse(view.model().index(seed % 4, 0))  # a collapsed group's rows do not count
        fit_text_columns(view, (1, 2, 3))
        fitted = [view.columnWidth(column) for column in (1, 2, 3)]
        for column in (1, 2, 3):
            view.setColumnWidth(column, 5)
            view.resizeColumnToContents(column)
        assert fitted == [view.columnWidth(column) for column in (1, 2, 3)], seed
