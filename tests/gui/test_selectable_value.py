"""The Overview's values (gui/widgets/selectable.py): measured and painted as plain labels, selectable
with the mouse all the same. That they can be plain until the mouse comes rests on Qt measuring and
painting a plain and a selectable label alike: checked here for English and Chinese texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from deliverydesk.gui.widgets.selectable import SelectableValue

TEXTS = (
    "华东精密机械有限公司二期智能制造数据平台",
    "Acme Robotics GmbH",
    "2024-03-01 – 2025-02-28",
    "a.very.long.email.address@example-company.com",
    "12 % (3 h accepted out of scope, 40 h contracted) — over the limit\n"
    "2 change request(s) worked on without a decision",
    "3 个按计划 · 2 个有风险 · 1 个已逾期",
)


def _selectable_qlabel() -> QLabel:
    """What the Overview's values were: a QLabel selectable from the start."""
    shown = QLabel()
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


@pytest.mark.parametrize("text", TEXTS)
def test_plain_and_selectable_measure_and_paint_alike(qtbot, text: str) -> None:
    value, selectable = SelectableValue(), _selectable_qlabel()
    for label in (value, selectable):
        qtbot.addWidget(label)
        label.setText(text)
    assert not value.is_selectable()
    assert value.minimumSizeHint() == selectable.minimumSizeHint()
    for width in range(20, 700, 9):
        assert value.heightForWidth(width) == selectable.heightForWidth(width), width
    for width in (60, 150, 400):
        for label in (value, selectable):
            label.resize(width, label.heightForWidth(width) + 6)
        assert value.grab().toImage() == selectable.grab().toImage(), width


def _shown_value(qtbot) -> SelectableValue:
    """A value on screen with a project's text, not yet pointed at."""
    value = SelectableValue()
    qtbot.addWidget(value)
    value.setText("DD-2026-014 合同")
    value.resize(300, 40)
    value.show()
    qtbot.waitExposed(value)
    return value


def test_a_value_turns_selectable_when_pointed_at_and_plain_with_a_new_text(qtbot) -> None:
    value = _shown_value(qtbot)
    assert not value.is_selectable()
    qtbot.mouseMove(value, QPoint(5, 5))
    assert value.is_selectable()
    value.setText("DD-2026-014 合同")  # the same text (the same project's facts again): stays
    assert value.is_selectable()
    value.setText("Acme Robotics GmbH")
    assert not value.is_selectable()


def test_a_new_text_under_a_still_mouse_can_be_selected_at_once(qtbot) -> None:
    """The mouse did not move (the user switched project from the keyboard): the press selects."""
    value = _shown_value(qtbot)
    at = QPoint(8, value.height() // 2)
    qtbot.mouseMove(value, at)
    value.setText("Acme Robotics GmbH")  # under the mouse, which has not moved: no Enter
    assert not value.is_selectable()
    qtbot.mouseDClick(value, Qt.MouseButton.LeftButton, pos=at)  # selects the word
    assert value.is_selectable()
    assert value.selectedText() == "Acme"
