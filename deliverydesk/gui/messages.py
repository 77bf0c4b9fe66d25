"""One place that turns a user-facing error into a titled message in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk import errors
from deliverydesk.gui.i18n import shown, ui_language
from deliverydesk.i18n import joined


def error_title(error: errors.DeliveryDeskError) -> str:
    if isinstance(error, errors.ValidationError):
        return QCoreApplication.translate("Messages", "Please check the highlighted fields")
    if isinstance(error, errors.NotFoundError):
        return QCoreApplication.translate("Messages", "Record not found")
    if isinstance(error, errors.RuleError):
        return QCoreApplication.translate("Messages", "Not allowed")
    if isinstance(error, errors.DiskFullError):
        return QCoreApplication.translate("Messages", "The disk is full")
    if isinstance(error, errors.StorageError):
        return QCoreApplication.translate("Messages", "The database cannot be used")
    return QCoreApplication.translate("Messages", "Something went wrong")


def error_message(error: errors.DeliveryDeskError) -> str:
    """The service's own sentence in the UI language (a ValidationError's: each field's, joined,
    without the field names a form shows them beside)."""
    if isinstance(error, errors.ValidationError) and error.fields:
        return shown(joined(error.fields.values()))
    return shown(error.message)


def field_messages(error: errors.ValidationError) -> dict[str, str]:
    """A ``ValidationError``'s message for each field, in the UI language."""
    return {name: shown(message) for name, message in error.fields.items()}


def error_text(error: errors.DeliveryDeskError) -> str:
    """The service's sentence, then its hint on a line of its own, in the UI language."""
    message = error_message(error)
    return f"{message}\n{error.hint.render(ui_language())}" if error.hint else message


def show_error(parent: QWidget | None, error: errors.DeliveryDeskError) -> QMessageBox:
    """Non-blocking warning box (``open``), returned so callers and tests can look at it."""
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(error), error_text(error), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # user text inside messages is data, never markup
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
