"""Undo of a log entry asks why: the entry is voided, never deleted, and the log keeps the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.i18n import verbatim


class VoidReasonDialog(FormDialog):
    """``saved`` carries the reason; the caller voids the entry with it."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voidReasonDialog")
        self.setWindowTitle(self.tr("Undo: void the log entry"))
        self.setMinimumWidth(460)
        note = self.tr(
            "The entry stays in the log, marked as voided with your reason; it no longer counts. "
            "Redo brings it back."
        )
        self.form.addRow(_wrapped(note, self))
        self.form.addRow(self.tr("Entry"), _wrapped(what, self))
        reason = QLineEdit(self.tr("Written by mistake"), self)
        self.reason = self.add_field("reason", self.tr("Why"), reason)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Void it"))
        reason.selectAll()
        reason.setFocus()

    def save(self) -> str:
        reason = self.reason.text().strip()
        if not reason:
            why = self.tr("Say why: the log keeps the entry with your reason.")
            raise ValidationError({"reason": verbatim(why)})
        return reason


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
