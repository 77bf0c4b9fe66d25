"""The form-dialog pattern every record dialog reuses (``FormDialog``).

A dialog collects its fields and calls a save callable. When the save fails, the dialog stays open
with everything typed: a ``ValidationError`` puts each message next to its field, any other
``DeliveryDeskError`` shows in the message bar at the top. Enter saves (Save is the default button),
Escape cancels, Ctrl+S saves, and Tab follows the order the fields were added.

Nothing typed is lost by accident: closing or escaping a dialog whose fields changed since it opened
asks first ("Discard changes?", Keep editing being the default). The fields sit in a scroll area and
the dialog fits the screen (``screen_fit``), so Save and Cancel stay visible on a 1366×768 laptop at
125 %. A date field that is not a date, or whose plausibility warning was not kept, holds the save
(``gui.widgets.date_field``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.screen_fit import FitScrollArea, ScreenDialog, fit_to_screen, largest_size
from deliverydesk.gui.widgets.date_field import DateField
from deliverydesk.i18n import Message, verbatim

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


class FormDialog(ScreenDialog):
    """Subclasses add fields with ``add_field`` and implement ``save()`` (call a service, return result)."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value: Any = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._tab_of: dict[str, int] = {}  # field -> the tab it is on (long forms)
        self.tabs: QTabWidget | None = None
        self._last_in_tab_order: QWidget | None = None
        self._opened_with: list[object] | None = None  # the fields' values when first shown
        self._discarding = False
        self.discard_box: QMessageBox | None = None
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
        self.content = QWidget(self)
        self.content.setObjectName("formContent")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 4, 0)
        self.content_layout.addLayout(self.form)
        self.content_layout.addStretch(1)
        self.scroll_area = FitScrollArea(self.content, self)
        self.scroll_area.setObjectName("formScroll")
        self.content.installEventFilter(self)  # grows with a warning that appears (up to the screen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.accept)

    def add_content(self, widget: QWidget, stretch: int = 0) -> None:
        """A block under the form (a table, a guided body), scrolled with it."""
        self.content_layout.insertWidget(self.content_layout.count() - 1, widget, stretch)

    def begin_tab(self, title: str) -> None:
        """Put the following fields on a new tab (long forms); errors switch to the tab that has one."""
        if self.tabs is None:
            self.tabs = QTabWidget(self.content)
            self.add_content(self.tabs)
        page = QWidget(self.tabs)
        column = QVBoxLayout(page)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.addLayout(self.form)
        column.addStretch(1)  # the tallest tab sets the height; the others keep their rows at the top
        self.tabs.addTab(page, title)

    def add_field(self, name: str, label: str, widget: W) -> W:
        """Add a labelled field whose validation message (key ``name``) shows right under it."""
        if self.tabs is not None:
            self._tab_of[name] = self.tabs.count() - 1
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            QTimer.singleShot(0, self.content, self._grow_to_content)  # not after it was deleted
        return super().eventFilter(watched, event)

    def _grow_to_content(self) -> None:
        """The form grew (a warning, an error under a field): show it whole if the screen has room."""
        wanted = self.content.sizeHint().height() - self.scroll_area.viewport().height()
        if wanted > 0:
            room = largest_size(self).height()
            height = min(self.height() + wanted, room)
            if height > self.height():
                self.resize(self.width(), height)
                fit_to_screen(self)

    # --- nothing typed is lost ------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened_with is None:
            self._focus_first_field()
            self.mark_clean()

    def _focus_first_field(self) -> None:
        """Unless the dialog chose where the keyboard starts, its first field that takes Tab: QDialog
        would give the focus to Save (the buttons come first in the focus chain), where Enter saves
        what the dialog was opened with."""
        if self.focusWidget() is not None:
            return
        for widget, _error in self._fields.values():
            takes_tab = (widget.focusProxy() or widget).focusPolicy() & Qt.FocusPolicy.TabFocus
            if takes_tab and widget.isEnabled() and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def mark_clean(self) -> None:
        """The fields as they are now count as unchanged (after the dialog filled them itself)."""
        self._opened_with = self.field_snapshot()

    def field_snapshot(self) -> list[object]:
        """What every input of the dialog holds, in a stable order (for "changed since opened")."""
        values: list[object] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QAbstractSpinBox):
                values.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                values.append(widget.toPlainText())
            elif isinstance(widget, QTextEdit):
                values.append(widget.toHtml())
            elif isinstance(widget, QComboBox):
                values.append((widget.currentIndex(), widget.currentText()))
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
        return values

    def has_unsaved_changes(self) -> bool:
        """Something was typed or chosen since the dialog opened (subclasses add what else counts)."""
        return self._opened_with is not None and self.field_snapshot() != self._opened_with

    def reject(self) -> None:
        """Escape, Cancel or the window's close button: with changes, ask first (non-blocking)."""
        if self._discarding or self.result_value is not None or not self.has_unsaved_changes():
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        self.discard_box = discard_question(self)
        self.discard_box.open()

    def discard(self) -> None:
        """Close without saving and without asking."""
        self._discarding = True
        super().reject()

    def _discard_answered(self, discard: bool) -> None:
        if discard:
            self.discard()

    # --- saving --------------------------------------------------------------------------------
    def _dates_hold(self) -> bool:
        """A date field that is not a date, or warns and was not kept: say so there, do not save."""
        for field in self.findChildren(DateField):
            if not field.isEnabledTo(self) or not field.isVisibleTo(self):
                continue
            name = self._field_holding(field)
            if not field.is_readable():  # the field itself already says what it reads as a date
                message = self.tr("Not saved: correct this date first.")
                self._date_problem(field, name, message)
                return True
            if field.needs_confirmation():
                message = self.tr("This date looks unlikely: correct it, or keep it with “Keep this date”.")
                self._date_problem(field, name, message)
                return True
        return False

    def _field_holding(self, widget: QWidget) -> str | None:
        for name, (field_widget, _error) in self._fields.items():
            if field_widget is widget or field_widget.isAncestorOf(widget):
                return name
        return None

    def _date_problem(self, field: DateField, name: str | None, message: str) -> None:
        if name is not None:
            self.show_field_errors({name: verbatim(message)})  # already in the UI language (tr)
        else:
            self.message_bar.show_message(message)
        self.scroll_area.ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        self.clear_errors()
        if self._dates_hold():
            return
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
        if self.tabs is not None:
            tabs = [self._tab_of[name] for name in fields if name in self._tab_of]
            if tabs:
                self.tabs.setCurrentIndex(tabs[0])
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


def discard_question(dialog: FormDialog) -> QMessageBox:
    """ "Discard changes?" with Keep editing as the default (Enter and Escape keep the dialog open)."""
    box = QMessageBox(dialog)
    box.setObjectName("discardQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FormDialog", "Discard changes?"))
    box.setText(
        QCoreApplication.translate("FormDialog", "You changed this form. Close it and lose what you typed?")
    )
    discard = box.addButton(
        QCoreApplication.translate("FormDialog", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("FormDialog", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    discard.setObjectName("discardButton")
    keep.setObjectName("keepEditingButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.finished.connect(lambda _result: dialog._discard_answered(box.clickedButton() is discard))
    return box


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
