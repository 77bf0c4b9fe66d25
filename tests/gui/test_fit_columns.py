"""Text columns fitted by measuring their widest texts (gui/widgets/fit_columns) get the widths
``resizeColumnToContents`` gives, in a tree with expanded and collapsed groups, English and Chinese:
read cell by cell, and from a model that lists its texts (Today's)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from deliverydesk.domain.attention import AttentionItem, AttentionKind, AttentionReport
from deliverydesk.gui.models.attention import DETAIL, PROJECT, WHEN, AttentionModel
from deliverydesk.gui.widgets.fit_columns import ColumnTexts, fit_text_columns

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


def _report(seed: int) -> AttentionReport:
    pick, today = random.Random(seed), date(2026, 12, 6)
    kinds = (AttentionKind.DECISION_PENDING, AttentionKind.OVERDUE_MILESTONE, AttentionKind.COMMITMENT_DUE)
    items = tuple(
        AttentionItem(
            kind=pick.choice(kinds),
            project_id=f"p{n}",
            project_code=f"DD-2026-{pick.randrange(1, 40):03d}",
            project_name=" ".join(pick.choices(WORDS, k=pick.randrange(1, 5))),
            record_id=f"r{n}",
            ref=f"CR-{n}",
            title=" ".join(pick.choices(WORDS, k=pick.randrange(1, 6))),
            due=today - timedelta(days=pick.randrange(-20, 400)),
            days_late=pick.randrange(0, 300),
        )
        for n in range(pick.randrange(20, 120))
    )
    return AttentionReport(items=items, today=today)


def test_today_s_widths_from_its_own_texts_are_those_of_resize_column_to_contents(qtbot) -> None:
    columns = (PROJECT, WHEN, DETAIL)
    for seed in range(4):
        view = QTreeView()
        qtbot.addWidget(view)
        model = AttentionModel(view)
        assert isinstance(model, ColumnTexts)  # the texts are read from the model, not cell by cell
        view.setModel(model)
        model.set_report(_report(seed))
        view.expandAll()
        view.collapse(model.index(seed % model.rowCount(), 0))  # a collapsed group's rows do not count
        fit_text_columns(view, columns)
        fitted = [view.columnWidth(column) for column in columns]
        for column in columns:
            view.setColumnWidth(column, 5)
            view.resizeColumnToContents(column)
        assert fitted == [view.columnWidth(column) for column in columns], seed
