"""Settings ▸ People: the team roster (name, role, authority limits per person).

Each change is saved as it is made (a person added, edited, taken off the roster, their limits
confirmed by a manager), apart from the Settings dialog's own Save. A person who set their own role
and limits is shown in amber ("set by themselves") and on Home until a manager confirms them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.drafts import PersonDraft
from deliverydesk.domain.enums import PersonRole
from deliverydesk.domain.models import PersonItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import FormDialog, MessageBar
from deliverydesk.gui.dialogs.records.fields import currency_combo, hours, line, ref_label
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_money, format_number, limits_text
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records import people

NAME, ROLE, HOURS, COST, GOODWILL, SET_BY = range(6)
OWN_LIMITS = QColor("#b4591b")


class PersonDialog(FormDialog):
    """Add a person to the roster or change one: name, role and authority limits."""

    def __init__(self, env: GuiEnv, person: PersonItem | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.person = env, person
        self.setObjectName("personDialog")
        self.setWindowTitle(
            self.tr("Add a person") if person is None else self.tr("Edit %1").replace("%1", person.name)
        )
        self.setMinimumWidth(440)
        value = person or PersonDraft(name="")
        self.name = self.add_field("name", self.tr("Name"), line(self, value.name))
        self.role = self.add_field("role", self.tr("Role"), enum_combo(self, PersonRole, value.role))
        self.hours = self.add_field(
            "hours_per_change",
            self.tr("Hours per change request"),
            hours(self, value.hours_per_change, self.tr(" h")),
        )
        cost = hours(self, value.cost_cents_per_change / 100, "", 1e9)
        cost.setDecimals(2)
        self.cost = self.add_field("cost_cents_per_change", self.tr("Cost per change request"), cost)
        self.currency = self.add_field(
            "cost_currency", self.tr("Currency of the cost"), currency_combo(self, value.cost_currency)
        )
        self.currency.setToolTip(
            self.tr("A cost in another currency is never within this limit: a manager decides it.")
        )
        self.goodwill = self.add_field(
            "goodwill_hours_per_project",
            self.tr("Goodwill hours per project"),
            hours(self, value.goodwill_hours_per_project, self.tr(" h")),
        )
        if person is not None and person.is_you:
            note = ref_label(
                self,
                self.tr(
                    "These are your own limits: a change you make shows on Home until a manager confirms it."
                ),
            )
            note.setWordWrap(True)
            self.form.addRow("", note)

    def save(self) -> PersonItem:
        draft = PersonDraft(
            id=self.person.id if self.person else None,
            name=self.name.text(),
            role=self.role.currentData(),
            hours_per_change=self.hours.value(),
            cost_cents_per_change=round(self.cost.value() * 100),
            goodwill_hours_per_project=self.goodwill.value(),
            cost_currency=self.currency.currentText(),
        )
        return people.save_person(self.env.ctx, draft)


class ConfirmLimitsDialog(FormDialog):
    """A manager (picked from the roster, never the person) confirms limits a person set themselves."""

    def __init__(
        self, env: GuiEnv, person: PersonItem, managers: Sequence[PersonItem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env, self.person = env, person
        self.setObjectName("confirmLimitsDialog")
        self.setWindowTitle(self.tr("Confirm the limits of %1").replace("%1", person.name))
        limits = limits_text(
            person.hours_per_change,
            person.cost_cents_per_change,
            person.goodwill_hours_per_project,
            person.cost_currency,
        )
        self.form.addRow(self.tr("Limits"), ref_label(self, limits))
        self.manager = QComboBox(self)
        for manager in managers:
            if manager.id != person.id:
                self.manager.addItem(manager.name, manager.id)
        self.add_field("manager_id", self.tr("Confirmed by"), self.manager)

    def save(self) -> PersonItem:
        return people.confirm_limits(
            self.env.ctx, self.person.id, manager_id=self.manager.currentData() or ""
        )


class PeoplePanel(QWidget):
    """The roster as a table with Add…, Edit…, Take off the roster, Confirm limits…."""

    changed = Signal()

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.people: list[PersonItem] = []
        self.dialog: FormDialog | None = None  # the dialog last opened (tests drive it)
        self.select_after = ""  # a person to select once the roster has loaded
        self.from_server = False  # in a team the roster comes from the team server: shown, not edited
        self.setObjectName("peoplePanel")
        self.message_bar = MessageBar(self)
        intro = QLabel(
            self.tr(
                "Who decides within which limits, and who may approve. Decisions above your limits wait "
                "for a manager of this list; no one approves their own decision."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)
        self.server_note = QLabel(self)
        self.server_note.setObjectName("peopleFromServer")
        self.server_note.setWordWrap(True)
        self.server_note.hide()
        self.table = self._table()
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Take off the roster"), self)
        self.confirm_button = QPushButton(self.tr("Confirm limits…"), self)
        self.confirm_button.setToolTip(self.tr("A manager confirms limits a person set themselves"))
        for button, slot in (
            (self.add_button, lambda: self.edit(None)),
            (self.edit_button, lambda: self.edit(self.current())),
            (self.remove_button, self.take_off),
            (self.confirm_button, self.confirm),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.message_bar)
        column.addWidget(intro)
        column.addWidget(self.server_note)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(lambda _i: self.edit(self.current()))
        self._enable()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 6, self)
        table.setObjectName("peopleTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Hours / change"),
                self.tr("Cost / change"),
                self.tr("Goodwill h / project"),
                self.tr("Limits set by"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names and figures whole
        header.setSectionResizeMode(SET_BY, QHeaderView.ResizeMode.Stretch)
        return table

    def refresh(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(lambda: people.list_people(ctx), self.show_people, self._failed, owner=self)

    def show_people(self, found: Sequence[PersonItem]) -> None:
        self.people = list(found)
        names = {p.id: p.name for p in found}
        self.table.setRowCount(len(found))
        for row, person in enumerate(found):
            you = self.tr("%1 (you)").replace("%1", person.name) if person.is_you else person.name
            set_by = self._set_by(person, names)
            cells = (
                you,
                label(person.role),
                format_number(person.hours_per_change),
                format_money(person.cost_cents_per_change, person.cost_currency, with_code=True),
                format_number(person.goodwill_hours_per_project),
                set_by,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (HOURS, COST, GOODWILL):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if person.set_own_limits and column == SET_BY:
                    item.setForeground(QBrush(OWN_LIMITS))
                self.table.setItem(row, column, item)
        if self.select_after:
            self.select(self.select_after)
            self.select_after = ""
        self._enable()

    def _set_by(self, person: PersonItem, names: dict[str, str]) -> str:
        if person.limits_set_by_id is None:
            return "—"
        when = format_date(person.limits_set_at.astimezone().date()) if person.limits_set_at else ""
        if person.set_own_limits:
            who = self.tr("themselves: a manager should confirm")
        else:
            who = names.get(person.limits_set_by_id, "?")
        return f"{who} · {when}" if when else who

    def select(self, person_id: str) -> None:
        for row, person in enumerate(self.people):
            if person.id == person_id:
                self.table.selectRow(row)

    def current(self) -> PersonItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows else None

    def set_from_server(self, server_url: str) -> None:
        """In a team: the roster, roles and limits are the team server's (read-only here)."""
        self.from_server = True
        self.server_note.setText(
            self.tr(
                "In a team the roster comes from the team server (%1): an administrator sets roles "
                "and limits."
            ).replace("%1", server_url)
        )
        self.server_note.show()
        self._enable()

    def _enable(self) -> None:
        person, writable = self.current(), not self.env.readonly and not self.from_server
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and person is not None)
        self.remove_button.setEnabled(writable and person is not None and not person.is_you)
        self.confirm_button.setEnabled(writable and person is not None and person.set_own_limits)

    def edit(self, person: PersonItem | None) -> None:
        if self.env.readonly or self.from_server:
            return
        self._open(PersonDialog(self.env, person, self))

    def confirm(self) -> None:
        person = self.current()
        if person is not None:
            managers = [p for p in self.people if p.role is PersonRole.MANAGER]
            self._open(ConfirmLimitsDialog(self.env, person, managers, self))

    def take_off(self) -> None:
        person, ctx = self.current(), self.env.ctx
        if person is not None:
            self.env.tasks.submit(
                lambda: people.set_person_archived(ctx, person.id, archived=True),
                lambda _p: self._saved(),
                self._failed,
                owner=self,
            )

    def _open(self, dialog: FormDialog) -> None:
        dialog.saved.connect(lambda _item: self._saved())
        self.dialog = dialog
        dialog.open()

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit()

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))
