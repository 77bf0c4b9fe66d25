"""New project and Edit project: one form, the same fields in both (two tabs, so it fits a laptop).

Contract: client (and, for a client typed new, its country), code, name, contract reference, value
and currency, contract start and end. Delivery: status, delivery lead, sales owner, contracted effort,
goodwill budget, document language, holiday calendar, progress-summary cadence.

A new project takes its document language and holiday calendar from its client (a contact's
language, else the client's country: a German client's letters default to English, not to Chinese),
until the engineer picks them (``domain.client_defaults``); the project's own calendar counts its slip."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from deliverydesk.domain.client_defaults import document_language_for, holiday_calendar_for
from deliverydesk.domain.date_checks import far_from_today
from deliverydesk.domain.drafts import ProjectDraft
from deliverydesk.domain.enums import Language, ProjectStatus
from deliverydesk.domain.models import ClientItem, ProjectItem
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.records.fields import OptionalDate, currency_combo, hours, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.country_combo import CountryCombo
from deliverydesk.gui.widgets.enum_combo import EnumCombo, enum_combo
from deliverydesk.services.records.projects import update_project

CADENCES = (
    ("", QT_TRANSLATE_NOOP("ProjectForm", "No regular summary")),
    ("FREQ=WEEKLY;BYDAY=FR", QT_TRANSLATE_NOOP("ProjectForm", "Every Friday")),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", QT_TRANSLATE_NOOP("ProjectForm", "Every other Friday")),
    (
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        QT_TRANSLATE_NOOP("ProjectForm", "Last working day of the month"),
    ),
)


class ProjectFormDialog(FormDialog):
    """The project's fields; subclasses decide what the client field allows and what Save does."""

    def __init__(self, env: GuiEnv, item: ProjectItem | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.item = env, item
        self.setMinimumWidth(520)
        self._chosen: set[str] = set()  # fields the engineer set: client defaults no longer apply
        self.begin_tab(self.tr("Contract"))
        self._contract_fields(item)
        self.begin_tab(self.tr("Delivery"))
        self._delivery_fields(item)

    # --- fields --------------------------------------------------------------------------------
    def _contract_fields(self, item: ProjectItem | None) -> None:
        today = self.env.ctx.today()
        self.client = QComboBox(self)
        self.client.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_field("client_id", self.tr("Client"), self.client)
        self.country = CountryCombo(self, self.tr("Not known"))
        self.country.setToolTip(
            self.tr("The client's country: its letters' language and its public holidays")
        )
        self.add_field("country", self.tr("Client's country"), self.country)
        self.code = self.add_field("code", self.tr("Code"), line(self, item.code if item else ""))
        self.code.setPlaceholderText(self.tr("e.g. DD-2026-014"))
        self.name = self.add_field("name", self.tr("Project name"), line(self, item.name if item else ""))
        reference = line(self, item.contract_ref if item else "")
        self.contract_ref = self.add_field("contract_ref", self.tr("Contract reference"), reference)
        value = hours(self, 0, "", 1e10)
        value.setDecimals(2)
        value.setValue(item.contract_value_cents / 100 if item else 0)
        self.value = self.add_field("contract_value_cents", self.tr("Contract value"), value)
        self.currency = currency_combo(self, item.currency if item else "CNY")
        self.add_field("currency", self.tr("Currency"), self.currency)
        start = item.start_date if item else today
        end = item.end_date if item else today + relativedelta(months=3)
        self.start = self.add_field("start_date", self.tr("Contract start"), self._date(start, today))
        self.end = self.add_field("end_date", self.tr("Contract end"), self._date(end, today))

    def _date(self, value: date | None, today: date) -> OptionalDate:
        field = OptionalDate(self, value, today, self.tr("Set"), today)
        field.edit.set_check(lambda day: far_from_today(day, today))
        return field

    def _delivery_fields(self, item: ProjectItem | None) -> None:
        status = item.status if item else ProjectStatus.ACTIVE
        self.status = self.add_field("status", self.tr("Status"), enum_combo(self, ProjectStatus, status))
        lead, sales = (item.delivery_lead, item.sales_owner) if item else ("", "")
        self.lead = self.add_field("delivery_lead", self.tr("Delivery lead"), line(self, lead))
        self.sales = self.add_field("sales_owner", self.tr("Sales owner"), line(self, sales))
        suffix = self.tr(" h")
        effort = hours(self, item.contracted_effort_hours if item else 0, suffix)
        goodwill = hours(self, item.goodwill_budget_hours if item else 0, suffix)
        self.effort = self.add_field("contracted_effort_hours", self.tr("Contracted effort"), effort)
        self.goodwill = self.add_field("goodwill_budget_hours", self.tr("Goodwill budget"), goodwill)
        language = enum_combo(self, Language, item.language if item else Language.EN)
        self.language: EnumCombo = self.add_field("language", self.tr("Document language"), language)  # type: ignore[assignment]
        self.holiday_calendar = CountryCombo(
            self, self.tr("Weekends only"), item.holiday_calendar if item else ""
        )
        self.add_field("holiday_calendar", self.tr("Holiday calendar"), self.holiday_calendar)
        self.cadence = QComboBox(self)
        for rule, text in CADENCES:
            self.cadence.addItem(QCoreApplication.translate("ProjectForm", str(text)), rule)
        self._set_cadence(item.summary_rrule if item else CADENCES[1][0])
        self.add_field("summary_rrule", self.tr("Progress summary"), self.cadence)
        self.language.activated.connect(lambda _i: self._chosen.add("language"))
        self.holiday_calendar.activated.connect(lambda _i: self._chosen.add("holiday_calendar"))
        calendar_field = self.holiday_calendar.lineEdit()
        assert calendar_field is not None  # editable
        calendar_field.textEdited.connect(lambda _t: self._chosen.add("holiday_calendar"))

    def _set_cadence(self, rule: str) -> None:
        index = self.cadence.findData(rule)
        if index < 0:  # a rule set elsewhere (the command line, a bundle): kept and shown as it is
            self.cadence.addItem(self.tr("Custom: %1").replace("%1", rule), rule)
            index = self.cadence.count() - 1
        self.cadence.setCurrentIndex(index)

    # --- defaults from the client --------------------------------------------------------------
    def apply_client_defaults(
        self, country: str, contact_language: Language | None, language: Language, calendar: str
    ) -> None:
        """The document language and holiday calendar the client suggests, unless already chosen."""
        if "language" not in self._chosen:
            self.language.set_value(document_language_for(country, contact_language, language))
        if "holiday_calendar" not in self._chosen:
            self.holiday_calendar.set_code(holiday_calendar_for(country, calendar))

    # --- the draft -----------------------------------------------------------------------------
    def project_draft(self, client_id: str) -> ProjectDraft:
        return ProjectDraft(
            id=self.item.id if self.item else None,
            client_id=client_id,
            code=self.code.text(),
            name=self.name.text(),
            contract_ref=self.contract_ref.text(),
            contract_value_cents=round(self.value.value() * 100),
            currency=self.currency.currentText(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            status=self.status.currentData(),
            delivery_lead=self.lead.text(),
            sales_owner=self.sales.text(),
            contracted_effort_hours=self.effort.value(),
            goodwill_budget_hours=self.goodwill.value(),
            language=self.language.currentData(),
            summary_rrule=self.cadence.currentData(),
            holiday_calendar=self.holiday_calendar.code(),
        )


class ProjectDialog(ProjectFormDialog):
    """Edit project: the same fields as New project; the client stays (shown, not changed here)."""

    def __init__(
        self, env: GuiEnv, item: ProjectItem, parent: QWidget | None = None, client: ClientItem | None = None
    ) -> None:
        super().__init__(env, item, parent)
        self.setObjectName("projectDialog")
        self.setWindowTitle(self.tr("Edit project"))
        self.client.addItem(item.client_name, item.client_id)
        self.client.setEnabled(False)
        self.client.setToolTip(self.tr("A project stays with its client; edit the client on the Overview"))
        self.country.set_code(client.country if client else "")
        self.country.setEnabled(False)
        self._chosen.update({"language", "holiday_calendar"})  # the project's own, kept as they are

    @property
    def item_id(self) -> str:
        assert self.item is not None
        return self.item.id

    def save(self) -> ProjectItem:
        assert self.item is not None
        return update_project(self.env.ctx, self.project_draft(self.item.client_id))
