"""The form-dialog pattern every record dialog reuses (``FormDialog``).

A dialog collects its fields and calls a save callable. When the save fails, the dialog stays open
with everything typed: a ``ValidationError`` puts each message next to its field, any other
``DeliveryDeskError`` shows in the message bar at the top. Enter saves (Save is the default button),
Escape cancels, Ctrl+S saves, and Tab follows the order the fields were added."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.messages import error_text
from deliverydesk.i18n import Message

W = TypeVar("W", bound=QWidget)  # a field's widget: add_field returns it with its own type

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = '*[invalid="true"] { border: 1px solid #b00020; border-radius: 2px; }'
BAR_STYLE = (
    "background: #fdecea; color: #7a1010; border: 1px solid #f5c2c0; border-radius: 4px; padding: 6px;"
)


class MessageBar(QLabel):
    """A plain-text warning strip; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(BAR_STYLE)
        self.setObjectName("messageBar")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FormDialog(QDialog):
    """Subclasses add fields with ``add_field`` and implement ``save()`` (call a service, return result)."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value: Any = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._last_in_tab_order: QWidget | None = None
        self.message_bar = MessageBar(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setStyleSheet(INVALID_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.accept)

    def add_field(self, name: str, label: str, widget: W) -> W:
        """Add a labelled field whose validation message (key ``name``) shows right under it."""
        error = QLabel(self)
        error.setObjectName(f"error_{name}")
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, cell)
        buddy = self.form.labelForField(cell)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self._fields[name] = (widget, error)
        self._chain_tab_order(widget)
        return widget

    def _chain_tab_order(self, widget: QWidget) -> None:
        if self._last_in_tab_order is not None:
            QWidget.setTabOrder(self._last_in_tab_order, widget)
        self._last_in_tab_order = widget

    def field_error(self, name: str) -> str:
        """The message shown next to field ``name`` ("" when none): for tests and screen readers."""
        _widget, error = self._fields[name]
        return error.text() if not error.isHidden() else ""

    def save(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            result = self.save()
        except ValidationError as exc:
            self.show_field_errors(exc.fields)
            return
        except DeliveryDeskError as exc:
            self.message_bar.show_message(error_text(exc))
            return
        self.result_value = result
        self.saved.emit(result)
        super().accept()

    def clear_errors(self) -> None:
        self.message_bar.show_message("")
        for widget, error in self._fields.values():
            error.clear()
            error.hide()
            _mark(widget, False)

    def show_field_errors(self, fields: Mapping[str, Message]) -> None:
        unplaced = []
        first: QWidget | None = None
        for name, text in fields.items():
            message = shown(text)  # the service's sentence in the UI language
            if name not in self._fields:
                unplaced.append(message)
                continue
            widget, error = self._fields[name]
            error.setText(message)
            error.show()
            _mark(widget, True)
            first = first or widget
        self.message_bar.show_message("\n".join(unplaced))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


def section_label(text: str, parent: QWidget) -> QLabel:
    """A bold heading row for long forms (Company, Engineer, ...)."""
    heading = QLabel(text, parent)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    heading.setContentsMargins(0, 8, 0, 0)
    return heading


def _mark(widget: QWidget, invalid: bool) -> None:
    """Flag a field for the red border (a dynamic property: the style must be re-applied)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
