"""The project's client, its contacts (who may sign), and the project's own facts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.enums import ContactRole, Language
from deliverydesk.domain.models import ClientItem, ContactItem
from deliverydesk.gui.dialogs.project_form import ProjectDialog
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.country_combo import CountryCombo
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.clients import create_contact, update_client, update_contact


class ClientDialog(RecordDialog):
    def __init__(self, env: GuiEnv, project_id: str, item: ClientItem, parent: QWidget | None = None) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("clientDialog")
        self.setWindowTitle(self.tr("Edit client"))
        self.name = self.add_field("name", self.tr("Name"), line(self, item.name))
        self.industry = self.add_field("industry", self.tr("Industry"), line(self, item.industry))
        self.address = self.add_field("address", self.tr("Address"), area(self, item.address, 2))
        self.notes = self.add_field("notes", self.tr("Notes"), area(self, item.notes))
        self.country = CountryCombo(self, self.tr("Not known"), item.country)
        self.add_field("country", self.tr("Country"), self.country)

    def save(self) -> ClientItem:
        draft = ClientDraft(
            id=self.item.id,
            name=self.name.text(),
            industry=self.industry.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
            country=self.country.code(),
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
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Not known"), None)
        self.language.addItem("English", Language.EN)
        self.language.addItem("简体中文", Language.ZH_CN)
        self.language.setCurrentIndex(max(0, self.language.findData(item.language if item else None)))
        self.language.setToolTip(self.tr("The language of the letters they read: new projects default to it"))
        self.add_field("language", self.tr("Reads letters in"), self.language)

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
            language=self.language.currentData(),
        )
        if self.is_new:
            return create_contact(self.env.ctx, draft)
        return update_contact(self.env.ctx, draft)


__all__ = ["ClientDialog", "ContactDialog", "ProjectDialog"]  # Edit project lives in project_form
