"""The small table the summary and letter dialogs edit (columns sized for their content, long cells shown
whole in their tip) and the question before sealing (each line whole, hostile text shown as typed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.gui.dialogs.documents import sealing
from deliverydesk.gui.widgets.rows_editor import Column, RowsEditor

DAY = date(2026, 3, 16)


def test_a_sized_column_keeps_its_width_and_the_text_column_takes_the_rest(qtbot: QtBot) -> None:
    editor = RowsEditor((Column("Action"), Column("Owner", width=220), Column("Due", is_date=True)), DAY)
    qtbot.addWidget(editor)
    editor.resize(860, 240)
    editor.show()
    header = editor.table.horizontalHeader()
    modes = [header.sectionResizeMode(index) for index in range(3)]
    assert modes == [
        QHeaderView.ResizeMode.Stretch,
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.ResizeToContents,
    ]
    assert header.sectionSize(1) == 220
    assert header.sectionSize(0) > header.sectionSize(1), "the action is the widest column"


def test_a_cells_tip_is_its_whole_text_also_after_an_edit(qtbot: QtBot) -> None:
    editor = RowsEditor((Column("Action"), Column("Due", is_date=True)), DAY)
    qtbot.addWidget(editor)
    long_text = "数据迁移完成 / data migration finished and checked by the client's key users " * 2
    editor.set_rows([(long_text, DAY)])
    item = editor.table.item(0, 0)
    assert item.toolTip() == long_text
    item.setText("Site acceptance")
    assert item.toolTip() == "Site acceptance"
    assert editor.rows() == [("Site acceptance", DAY)]


def test_the_question_lists_each_line_whole_and_shows_markup_as_typed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    lines = ["DD-1-EL version 2, in English", "CR-3  <b>bold</b> & 'quoted'", "Exclusions: 3"]
    box, issue = sealing.issue_question(parent, lines)
    text = box.text()
    assert text.count('<li style="white-space:nowrap">') == 3
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in text and "<b>" not in text
    assert issue.text() == "Issue" and box.defaultButton() is not issue


def test_a_long_change_title_is_shortened_in_the_question_only() -> None:
    title = "Extend the reporting module to cover the second plant and all of its packaging lines"
    short = sealing._short(title)
    assert len(short) == 60 and short.endswith("…") and title.startswith(short[:-1])
    assert sealing._short("Short title") == "Short title"
