"""New project: client (existing, or typed to create one), code, name, dates, language, cadence."""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLineEdit, QSizePolicy, QWidget

from deliverydesk.domain.drafts import ClientDraft, ProjectDraft
from deliverydesk.domain.enums import Language, ProjectStatus
from deliverydesk.domain.models import ClientItem, ProjectItem
from deliverydesk.domain.validation import validate_project
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import date_edit_format, from_qdate, to_qdate
from deliverydesk.gui.translate_noop import QT_TRANSLATE_NOOP
from deliverydesk.gui.widgets.enum_combo import EnumCombo, enum_combo
from deliverydesk.i18n import Message, verbatim
from deliverydesk.services.records.projects import create_project

CADENCES = (
    ("", QT_TRANSLATE_NOOP("NewProjectDialog", "No regular summary")),
    ("FREQ=WEEKLY;BYDAY=FR", QT_TRANSLATE_NOOP("NewProjectDialog", "Every Friday")),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", QT_TRANSLATE_NOOP("NewProjectDialog", "Every other Friday")),
    (
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        QT_TRANSLATE_NOOP("NewProjectDialog", "Last working day of the month"),
    ),
)


class NewProjectDialog(FormDialog):
    def __init__(
        self,
        env: GuiEnv,
        clients: list[ClientItem],
        today: date,
        language: Language = Language.EN,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("newProjectDialog")
        self.setWindowTitle(self.tr("New project"))
        self.setMinimumWidth(520)
        self._identity_fields(clients, today, language)
        self._effort_fields()

    def _identity_fields(self, clients: list[ClientItem], today: date, language: Language) -> None:
        self.client = QComboBox(self)
        self.client.setEditable(True)
        self.client.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        client_field = self.client.lineEdit()
        assert client_field is not None  # editable
        client_field.setPlaceholderText(self.tr("Choose a client or type a new name"))
        for item in clients:
            self.client.addItem(item.name, item.id)
        self.client.setCurrentIndex(-1)
        self.add_field("client_id", self.tr("Client"), self.client)
        self.code = self.add_field("code", self.tr("Code"), QLineEdit(self))
        self.code.setPlaceholderText(self.tr("e.g. DD-2026-014"))
        self.name = self.add_field("name", self.tr("Project name"), QLineEdit(self))
        self.start = self._date_field("start_date", self.tr("Contract start"), today)
        self.end = self._date_field("end_date", self.tr("Contract end"), today)
        self.end.setDate(to_qdate(today).addMonths(3))
        self.status = self._combo("status", self.tr("Status"), ProjectStatus, ProjectStatus.ACTIVE)
        self.language = self._combo("language", self.tr("Document language"), Language, language)

    def _effort_fields(self) -> None:
        self.effort = self._hours("contracted_effort_hours", self.tr("Contracted effort"))
        self.goodwill = self._hours("goodwill_budget_hours", self.tr("Goodwill budget"))
        self.cadence = QComboBox(self)
        for rule, text in CADENCES:
            self.cadence.addItem(self.tr(text), rule)
        self.cadence.setCurrentIndex(1)
        self.add_field("summary_rrule", self.tr("Progress summary"), self.cadence)

    def _date_field(self, name: str, text: str, value: date) -> QDateEdit:
        edit = QDateEdit(to_qdate(value), self)
        edit.setDisplayFormat(date_edit_format())
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        self.add_field(name, text, edit)
        return edit

    def _combo(self, name: str, text: str, enum_class: type[Enum], current: Enum) -> EnumCombo:
        combo = enum_combo(self, enum_class, current)
        self.add_field(name, text, combo)
        return combo

    def _hours(self, name: str, text: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 100_000)
        box.setDecimals(1)
        box.setSuffix(self.tr(" h"))
        self.add_field(name, text, box)
        return box

    def _chosen_client(self) -> tuple[str, ClientDraft | None]:
        """The chosen client's id, or a new client to create with the project (the typed name)."""
        name = self.client.currentText().strip()
        index = self.client.findText(name)
        if index >= 0 and self.client.itemData(index):
            return str(self.client.itemData(index)), None
        return "", ClientDraft(name=name)

    def _draft(self, client_id: str) -> ProjectDraft:
        return ProjectDraft(
            code=self.code.text(),
            name=self.name.text(),
            client_id=client_id,
            start_date=from_qdate(self.start.date()),
            end_date=from_qdate(self.end.date()),
            status=self.status.currentData(),
            language=self.language.currentData(),
            contracted_effort_hours=self.effort.value(),
            goodwill_budget_hours=self.goodwill.value(),
            summary_rrule=self.cadence.currentData(),
        )

    def save(self) -> ProjectItem:
        """Every field is checked first; a new client is saved with the project, in one transaction."""
        problems: dict[str, Message] = {}
        try:
            validate_project(self._draft(client_id=""))
        except ValidationError as exc:
            problems.update(exc.fields)
        if not self.client.currentText().strip():
            problems["client_id"] = verbatim(self.tr("Choose a client or type a new client's name."))
        if problems:
            raise ValidationError(problems)
        client_id, new_client = self._chosen_client()
        return create_project(self.env.ctx, self._draft(client_id), new_client=new_client)
