"""Field widgets the record dialogs share: long text, hours, optional dates and links (enum choices:
``deliverydesk.gui.widgets.enum_combo``).

Each helper returns a plain Qt widget (or a small composite with a ``value()``), so a dialog reads like
its form: ``self.title = self.add_field("title", self.tr("Title"), line(self))``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from deliverydesk.domain.date_checks import already_happened, far_from_today
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.date_field import Check, DateField


def line(parent: QWidget, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setPlaceholderText(placeholder)
    return edit


def area(parent: QWidget, text: str = "", lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """Multi-line text; Tab moves on (a field engineer tabs through forms, never types tabs)."""
    edit = QPlainTextEdit(parent)
    edit.setPlainText(text)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


CURRENCIES = ("CNY", "EUR", "USD", "HKD", "JPY", "GBP")


def currency_combo(parent: QWidget, value: str) -> QComboBox:
    """An ISO 4217 code: the common ones offered, any other typed (the service checks it)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(CURRENCIES)
    combo.setCurrentText(value)
    return combo


def hours(parent: QWidget, value: float, suffix: str, maximum: float = 100_000) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, maximum)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setValue(value)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def whole(parent: QWidget, value: int, suffix: str, maximum: int = 10_000) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    box.setValue(value)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def date_edit(
    parent: QWidget, value: date | None, today: date | None = None, check: Check | None = None
) -> DateField:
    """The window's one date field (``gui.widgets.date_field``); ``today`` for "+5" and "today";
    ``check`` its plausibility rules (``domain.date_checks``): warnings with "Keep this date"."""
    field = DateField(parent, value, today=today)
    field.set_check(check)
    return field


def happened(today: date) -> Check:
    """The check of a date that records an event: not ahead of today, not years away."""
    return lambda value: already_happened(value, today)


def plausible(today: date) -> Check:
    """The check of any date: not years away from today (a mistyped year)."""
    return lambda value: far_from_today(value, today)


def link_combo(
    parent: QWidget, none_text: str, options: Iterable[tuple[str, str]], current: str | None
) -> QComboBox:
    """An optional link to another record: (text, id) options after a "none" entry."""
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for text, record_id in options:
        combo.addItem(text, record_id)
    index = combo.findData(current) if current else 0
    if current and index < 0:  # linked to a record not offered (archived): keep the link visible
        combo.addItem("…", current)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))
    return combo


class OptionalDate(QWidget):
    """A date that may be left unset: a check box switches the date on."""

    def __init__(
        self, parent: QWidget, value: date | None, default: date, check_text: str, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text, self)
        self.edit = date_edit(self, value or default, today or default)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        # On the date's line, as tall as it: a warning under the date makes the field taller, and a
        # centred box then sat between the lines, below the row's label.
        self.check.setFixedHeight(self.edit.edit.sizeHint().height())
        row.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.setFocusProxy(self.check)
        QWidget.setTabOrder(self.check, self.edit)

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.set_value(value)


def beside_optional_dates(parent: QWidget, field: DateField, check_text: str) -> QWidget:
    """A date that is always set, among ``OptionalDate`` rows: after a hidden check box that keeps its
    room, so its date box starts where theirs do instead of one "Set" box further left."""
    holder = QWidget(parent)
    room = QCheckBox(check_text, holder)
    policy = room.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    room.setSizePolicy(policy)
    room.hide()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(room, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(field, 1)
    holder.setFocusProxy(field)
    return holder


def ref_label(parent: QWidget, text: str) -> QLabel:
    """The record's ref (or the one it will get), read-only."""
    shown = QLabel(text, parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setStyleSheet(MUTED_STYLE)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def value_of(widget: QWidget) -> Any:
    """What a field widget holds, as the draft wants it (text, number, member, date, flag)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDoubleSpinBox | QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, OptionalDate | DateField):
        return widget.value()
    raise TypeError(f"no value for {type(widget).__name__}")
