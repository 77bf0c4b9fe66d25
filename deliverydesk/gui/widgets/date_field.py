"""The one date field of the whole window: type a date the way you write it, see what was understood.

``DateField`` reads what is typed with ``domain.date_entry`` (``2027-01-15``, ``15 Jan 2027``,
``2027/1/15``, ``2027年1月15日``, ``1/15``, ``+5``, ``today``...) and says, beside the field, which
day that is ("Friday 15 January 2027 (in 5 days)"); leaving the field writes it the way the tables
show dates. Up and Down change the part under the cursor only (the day wraps within its month, never
touching the month or the year); Alt+Down or F4 opens a calendar with a Today button.

Plausibility: a dialog gives the field a ``check`` (``domain.date_checks`` rules); its warnings show
under the field with a "Keep this date" button. A form does not save while a field has a warning that
was not kept (``needs_confirmation``), nor while its text is not a date (``is_readable``).

The field answers like ``QDateEdit`` where dialogs and tests used that (``date()``, ``setDate()``,
``dateChanged``), so replacing it changed no caller."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from deliverydesk.domain.date_checks import DateConcern, DateWarning
from deliverydesk.domain.date_entry import DateForm, DatePart, DateReading, part_at, read_date, step_part
from deliverydesk.gui.formatting import format_date, from_qdate, to_qdate
from deliverydesk.gui.icons import icon
from deliverydesk.gui.style import ERROR_COLOUR, MUTED_STYLE, WARNING_COLOUR
from deliverydesk.gui.widgets.elided import ElidedLabel

Check = Callable[[date], Sequence[DateWarning]]


def warning_text(warning: DateWarning) -> str:
    """A warning in the UI language, as shown under the field."""
    days = abs(warning.days)
    if warning.concern is DateConcern.FAR_FROM_TODAY:
        years = max(1, days // 365)
        if warning.days > 0:
            return QCoreApplication.translate(
                "DateField", "This is more than %n year(s) from today: is the year right?", "", years
            )
        return QCoreApplication.translate(
            "DateField", "This is more than %n year(s) ago: is the year right?", "", years
        )
    if warning.concern is DateConcern.BEFORE_CONTRACT_START:
        return QCoreApplication.translate(
            "DateField", "This is %n day(s) before the contract starts.", "", days
        )
    if warning.concern is DateConcern.AFTER_CONTRACT_END:
        return QCoreApplication.translate("DateField", "This is %n day(s) after the contract ends.", "", days)
    if warning.concern is DateConcern.SLIP_LONGER_THAN_PROJECT:
        text = QCoreApplication.translate(
            "DateField", "A slip of %1 working days: longer than the whole project (%2 working days)."
        )
        return text.replace("%1", f"{warning.days:+d}").replace("%2", str(warning.limit))
    if warning.concern is DateConcern.LONG_SLIP:
        text = QCoreApplication.translate("DateField", "A slip of %1 working days: more than a working year.")
        return text.replace("%1", f"{warning.days:+d}")
    return QCoreApplication.translate(
        "DateField", "This is %n day(s) from now, but it records what already happened.", "", days
    )


def understood_text(reading: DateReading) -> str:
    """ "Friday 15 January 2027 (in 5 days)": the day the text was read as, and how."""
    locale, shown = QLocale(), to_qdate(reading.value)
    if locale.language() == QLocale.Language.Chinese:
        text = locale.toString(shown, "yyyy年M月d日 dddd")
    else:
        text = locale.toString(shown, "dddd d MMMM yyyy")
    note = ""
    if reading.form is DateForm.RELATIVE and reading.offset_days is not None:
        offset = reading.offset_days
        if offset == 0:
            note = QCoreApplication.translate("DateField", "today")
        elif offset > 0:
            note = QCoreApplication.translate("DateField", "in %n day(s)", "", offset)
        else:
            note = QCoreApplication.translate("DateField", "%n day(s) ago", "", -offset)
    elif reading.assumed_year:
        note = QCoreApplication.translate("DateField", "this year")
    return (
        QCoreApplication.translate("DateField", "%1 (%2)").replace("%1", text).replace("%2", note)
        if note
        else text
    )


Day = date  # the type, where a method of DateField is called date (Qt's QDateEdit API)


class DateField(QWidget):
    """One date, typed or picked; ``value()`` is None while the text is empty or not a date."""

    dateChanged = Signal(QDate)
    value_changed = Signal(object)  # date | None
    kept = Signal()  # "Keep this date" was clicked

    def __init__(
        self, parent: QWidget | None, value: date | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._value: date | None = None
        self._check: Check | None = None
        self._warnings: tuple[DateWarning, ...] = ()
        self._kept: date | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self.tr("e.g. 15 Jan 2027 or +5"))
        self.edit.setAccessibleName(self.tr("Date"))
        self.edit.setToolTip(
            self.tr(
                "Type a date as you write it (2027-01-15, 15 Jan 2027, 2027年1月15日, 1/15, +5 for five "
                "days from today); Up and Down change the part under the cursor; Alt+Down opens a calendar."
            )
        )
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00 Sep 0000") + 24)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00 September 0000") + 24)
        # Not Expanding (a line edit's default): disabled, with its reading hidden, the box grew to its
        # maximum, wider than the enabled date boxes above and below it in the same form.
        self.edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.pick = self._picker()
        self.understood = ElidedLabel("", self)
        self.understood.setObjectName("dateUnderstood")
        self.understood.setStyleSheet(MUTED_STYLE)
        self._build_warning_row()
        self._lay_out()
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)  # typed, pasted or set by a test alike
        self.edit.editingFinished.connect(self.normalise)
        self._keys = _DateKeys(self)
        self.set_value(value)

    # --- building ------------------------------------------------------------------------------
    def _picker(self) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon("calendar"))
        button.setAccessibleName(self.tr("Choose a date on a calendar"))
        button.setToolTip(self.tr("Choose a date on a calendar (Alt+Down)"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard opens it with Alt+Down from the text
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        holder = QWidget(menu)
        self.calendar = QCalendarWidget(holder)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.today_button = QPushButton(self.tr("Today"), holder)
        self.today_button.setObjectName("dateToday")
        self.today_button.setToolTip(self.tr("Take today's date"))
        self.today_button.clicked.connect(self.set_today)
        column = QVBoxLayout(holder)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.calendar)
        column.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignLeft)
        action = QWidgetAction(menu)
        action.setDefaultWidget(holder)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        button.setMenu(menu)
        self.menu = menu
        return button

    def _build_warning_row(self) -> None:
        self.warning_box = QWidget(self)
        self.warning_box.setObjectName("dateWarning")
        self.warning_label = QLabel(self.warning_box)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.keep_button = QPushButton(self.tr("Keep this date"), self.warning_box)
        self.keep_button.setObjectName("dateKeep")
        self.keep_button.setAutoDefault(False)  # Enter in the form still saves, it never "keeps"
        self.keep_button.setToolTip(self.tr("The date is right: keep it and stop warning"))
        self.keep_button.clicked.connect(self.keep)
        row = QHBoxLayout(self.warning_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.warning_label, 1)
        row.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignTop)
        self.warning_box.hide()

    def _lay_out(self) -> None:
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        line.addWidget(self.edit)
        line.addWidget(self.pick)
        line.addSpacing(4)
        line.addWidget(self.understood, 1)
        line.addStretch(
            0
        )  # takes the room while the reading is hidden (disabled): the button stays by the text
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.warning_box)

    # --- the value -----------------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_date(value))
        self._set(value, read_date(self.edit.text(), self._today) if value else None)

    def set_today(self) -> None:
        self.set_value(self._today)
        self.menu.close()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def today(self) -> date:
        return self._today

    def text(self) -> str:
        return self.edit.text()

    def lineEdit(self) -> QLineEdit:
        return self.edit

    def date(self) -> QDate:
        return to_qdate(self._value) if self._value is not None else QDate()

    def setDate(self, value: QDate) -> None:
        self.set_value(from_qdate(value) if value.isValid() else None)

    def is_readable(self) -> bool:
        """The text is a date (an empty field is not: a form decides whether empty is allowed)."""
        return self._value is not None

    def _typed(self, text: str) -> None:
        reading = read_date(text, self._today)
        self._set(reading.value if reading else None, reading)

    def _set(self, value: Day | None, reading: DateReading | None) -> None:
        self._show_understood(reading)
        if value == self._value:
            return
        self._value = value
        self.recheck()
        self.value_changed.emit(value)
        self.dateChanged.emit(self.date())

    def _show_understood(self, reading: DateReading | None) -> None:
        typed = self.edit.text().strip()
        if reading is not None:
            self.understood.setText(understood_text(reading))
            self.understood.setStyleSheet(MUTED_STYLE)
        elif typed:
            self.understood.setText(self.tr("Not a date: try 15 Jan 2027, 2027-01-15 or +5"))
            self.understood.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            self.understood.setText("")

    def normalise(self) -> None:
        """Write a readable date the way the tables show it (on leaving the field, or Enter)."""
        if self._value is not None and self.edit.text() != format_date(self._value):
            self.edit.setText(format_date(self._value))
            self._show_understood(read_date(self.edit.text(), self._today))

    def _prepare_calendar(self) -> None:
        self.calendar.setSelectedDate(to_qdate(self._value or self._today))
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, value: QDate) -> None:
        self.setDate(value)
        self.menu.close()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_calendar(self) -> None:
        self.pick.showMenu()

    def step(self, delta: int) -> None:
        """Up/Down: change the part under the cursor by ``delta``, and keep the cursor on that part."""
        reading = read_date(self.edit.text(), self._today) if self.edit.text().strip() else None
        base = reading.value if reading else (self._value or self._today)
        part = part_at(reading, self.edit.cursorPosition()) if reading else DatePart.DAY
        self.set_value(step_part(base, part, delta))
        shown = read_date(self.edit.text(), self._today)
        if shown is not None and part in shown.spans:
            self.edit.setCursorPosition(shown.spans[part][1])

    # --- warnings ------------------------------------------------------------------------------
    def set_check(self, check: Check | None) -> None:
        """The plausibility rules for this field (re-run on every change and on ``recheck``)."""
        self._check = check
        self.recheck()

    def recheck(self) -> None:
        """Run the check again (a dialog calls it when a date this one is judged against changes)."""
        value = self._value
        warnings = tuple(self._check(value)) if self._check is not None and value is not None else ()
        self.set_warnings(warnings)

    def set_warnings(self, warnings: Sequence[DateWarning]) -> None:
        self._warnings = tuple(warnings)
        if self._kept != self._value:
            self._kept = None
        self._show_warnings()

    def warnings(self) -> tuple[DateWarning, ...]:
        return self._warnings

    def needs_confirmation(self) -> bool:
        """A warning is shown and the date was not kept."""
        return bool(self._warnings) and self._kept != self._value and self.isEnabled()

    def keep(self) -> None:
        """One click: the date is right as it is (the warning stays readable, muted)."""
        self._kept = self._value
        self._show_warnings()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.kept.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._show_warnings()  # a date switched off (an unset optional date) warns of nothing
            self.understood.setVisible(self.isEnabled())

    def _show_warnings(self) -> None:
        text = "\n".join(warning_text(w) for w in self._warnings)
        self.warning_box.setVisible(bool(self._warnings) and self.isEnabled())
        kept = self._warnings and self._kept == self._value
        if kept:
            text = self.tr("Kept: %1").replace("%1", text)
        self.warning_label.setText(text)
        self.warning_label.setStyleSheet(MUTED_STYLE if kept else f"color: {WARNING_COLOUR};")
        self.keep_button.setVisible(bool(self._warnings) and not kept)


class _DateKeys(QObject):
    """Up/Down step a part; Alt+Down and F4 open the calendar (filtered on the text field)."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.field = field
        field.edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if (key == Qt.Key.Key_Down and alt) or key == Qt.Key.Key_F4:
            self.field.open_calendar()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            self.field.step(1 if key == Qt.Key.Key_Up else -1)
            return True
        return super().eventFilter(watched, event)
