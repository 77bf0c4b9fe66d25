"""A combo box of one enum's members, shown by their translated labels.

The one home for enum choices in forms (record dialogs, New project, Settings): ``currentData()`` gives
the member back, because Qt stores a StrEnum member as its plain ``str`` and drafts want the member."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from deliverydesk.gui.labels import choices


class EnumCombo(QComboBox):
    """Choices of one enum; ``currentData()`` gives the member back (Qt hands a StrEnum back as str)."""

    def __init__(self, parent: QWidget | None, enum_class: type[Enum]) -> None:
        super().__init__(parent)
        self.enum_class = enum_class
        for text, member in choices(enum_class):
            self.addItem(text, member.value)

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:
        value = super().currentData(role)
        return None if value is None else self.enum_class(value)

    def set_value(self, member: Enum) -> None:
        self.setCurrentIndex(max(0, self.findData(member.value)))


def enum_combo(parent: QWidget | None, enum_class: type[Enum], current: Enum) -> EnumCombo:
    combo = EnumCombo(parent, enum_class)
    combo.set_value(current)
    return combo
