"""The project's client, its contacts (who may sign), and the project's own facts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from deliverydesk.domain.drafts import ClientDraft, ContactDraft, ProjectDraft
from deliverydesk.domain.enums import ContactRole, Language, ProjectStatus
from deliverydesk.domain.models import ClientItem, ContactItem, ProjectItem
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import OptionalDate, area, hours, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.clients import create_contact, update_client, update_contact
from deliverydesk.services.records.projects import update_project


class ClientDialog(RecordDialog):
    def __init__(self, env: GuiEnv, project_id: str, item: ClientItem, parent: QWidget | None = None) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("clientDialog")
        self.setWindowTitle(self.tr("Edit client"))
        self.name = self.add_field("name", self.tr("Name"), line(self, item.name))
        self.industry = self.add_field("industry", self.tr("Industry"), line(self, item.industry))
        self.address = self.add_field("address", self.tr("Address"), area(self, item.address, 2))
        self.notes = self.add_field("notes", self.tr("Notes"), area(self, item.notes))

    def save(self) -> ClientItem:
        draft = ClientDraft(
            id=self.item.id,
            name=self.name.text(),
            industry=self.industry.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
        )
        return update_client(self.env.ctx, draft)


class ContactDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        client_id: str,
        item: ContactItem | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.client_id = client_id
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("New contact") if item is None else self.tr("Edit contact"))
        self.name = self.add_field("name", self.tr("Name"), line(self, item.name if item else ""))
        self.title = self.add_field("title", self.tr("Title"), line(self, item.title if item else ""))
        self.role = self.add_field(
            "role", self.tr("Role"), enum_combo(self, ContactRole, item.role if item else ContactRole.OTHER)
        )
        self.phone = self.add_field("phone", self.tr("Phone"), line(self, item.phone if item else ""))
        self.email = self.add_field(
            "email", self.tr("Email"), line(self, item.email if item else "", "name@example.com")
        )
        self.can_sign = QCheckBox(self.tr("May sign for the client"), self)
        self.can_sign.setChecked(bool(item and item.can_sign))
        self.add_field("can_sign", "", self.can_sign)

    def save(self) -> ContactItem:
        draft = ContactDraft(
            id=self.item_id,
            client_id=self.client_id,
            name=self.name.text(),
            title=self.title.text(),
            role=self.role.currentData(),
            phone=self.phone.text(),
            email=self.email.text(),
            can_sign=self.can_sign.isChecked(),
        )
        if self.is_new:
            return create_contact(self.env.ctx, draft)
        return update_contact(self.env.ctx, draft)


class ProjectDialog(RecordDialog):
    """The project's facts (its client stays; the code must stay unique)."""

    def __init__(self, env: GuiEnv, item: ProjectItem, parent: QWidget | None = None) -> None:
        super().__init__(env, item.id, item, parent)
        self.setObjectName("projectDialog")
        self.setWindowTitle(self.tr("Edit project"))
        self._contract_fields(item)
        self._delivery_fields(item)

    def _contract_fields(self, item: ProjectItem) -> None:
        self.code = self.add_field("code", self.tr("Code"), line(self, item.code))
        self.name = self.add_field("name", self.tr("Project name"), line(self, item.name))
        reference = line(self, item.contract_ref)
        self.contract_ref = self.add_field("contract_ref", self.tr("Contract reference"), reference)
        value = hours(self, 0, "", 1e10)
        value.setDecimals(2)
        value.setValue(item.contract_value_cents / 100)
        self.value = self.add_field("contract_value_cents", self.tr("Contract value"), value)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(["CNY", "EUR", "USD", "HKD", "JPY", "GBP"])
        self.currency.setCurrentText(item.currency)
        self.add_field("currency", self.tr("Currency"), self.currency)
        today, set_text = self.env.ctx.today(), self.tr("Set")
        start, end = (OptionalDate(self, d, today, set_text) for d in (item.start_date, item.end_date))
        self.start = self.add_field("start_date", self.tr("Contract start"), start)
        self.end = self.add_field("end_date", self.tr("Contract end"), end)

    def _delivery_fields(self, item: ProjectItem) -> None:
        self.status = self.add_field(
            "status", self.tr("Status"), enum_combo(self, ProjectStatus, item.status)
        )
        self.lead = self.add_field("delivery_lead", self.tr("Delivery lead"), line(self, item.delivery_lead))
        self.sales = self.add_field("sales_owner", self.tr("Sales owner"), line(self, item.sales_owner))
        h = self.tr(" h")
        effort, goodwill = (
            hours(self, item.contracted_effort_hours, h),
            hours(self, item.goodwill_budget_hours, h),
        )
        self.effort = self.add_field("contracted_effort_hours", self.tr("Contracted effort"), effort)
        self.goodwill = self.add_field("goodwill_budget_hours", self.tr("Goodwill budget"), goodwill)
        language = enum_combo(self, Language, item.language)
        self.language = self.add_field("language", self.tr("Document language"), language)

    def save(self) -> ProjectItem:
        item = self.item
        draft = ProjectDraft(
            id=item.id,
            client_id=item.client_id,
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
            summary_rrule=item.summary_rrule,
            holiday_calendar=item.holiday_calendar,
        )
        return update_project(self.env.ctx, draft)
