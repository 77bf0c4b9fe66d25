"""A word-wrapped value the user can select and copy, measured and painted as a plain label until the
mouse comes over it.

A selectable QLabel keeps a QTextDocument for its text: its size hints lay the document out about six
times and each height for a width twice, about four times a plain label's cost, and a project switch
measures again every value whose text changed (the Overview's fifteen: ~6 of a switch's ~9 ms of
layout). A plain and a selectable label give the same heights for every width and paint the same
pixels (checked in tests/gui/test_selectable_value.py), so the label turns selectable when the mouse
enters it or presses on it (a new text can appear under a mouse that has not moved), before Qt hands
it the press, the drag or the menu, and plain again when its text changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QEnterEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class SelectableValue(QLabel):
    """Plain text, word-wrapped; selectable with the mouse (drag, double-click, Copy in its menu)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and refs are user text
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        if text != self.text():  # a new text is measured the plain way; Qt skips an unchanged one
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        super().setText(text)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.make_selectable()
        super().enterEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.make_selectable()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.make_selectable()  # its menu (Copy, Select All) comes with the text document
        super().contextMenuEvent(event)

    def make_selectable(self) -> None:
        self.setTextInteractionFlags(SELECTABLE)

    def is_selectable(self) -> bool:
        return bool(self.textInteractionFlags() & SELECTABLE)
