"""New project: the same fields as Edit project (``project_form``); the client is chosen, or typed to
create one (with its country), and suggests the document language and the holiday calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from deliverydesk.domain.drafts import ClientDraft, ProjectDraft
from deliverydesk.domain.enums import Language
from deliverydesk.domain.models import ClientItem, ProjectItem
from deliverydesk.domain.validation import validate_project
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.project_form import ProjectFormDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.i18n import Message, verbatim
from deliverydesk.services.records.projects import create_project


class NewProjectDialog(ProjectFormDialog):
    def __init__(
        self,
        env: GuiEnv,
        clients: list[ClientItem],
        today: date,
        language: Language = Language.EN,
        parent: QWidget | None = None,
        holiday_calendar: str = "CN",
    ) -> None:
        super().__init__(env, None, parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle(self.tr("New project"))
        self.default_language, self.default_calendar = language, holiday_calendar
        self.today = today
        self.clients = {client.id: client for client in clients}
        self.client.setEditable(True)
        client_field = self.client.lineEdit()
        assert client_field is not None  # editable
        client_field.setPlaceholderText(self.tr("Choose a client or type a new name"))
        for item in clients:
            self.client.addItem(item.name, item.id)
        self.client.setCurrentIndex(-1)
        self.client.currentTextChanged.connect(lambda _text: self._client_changed())
        self.country.currentTextChanged.connect(lambda _text: self._country_changed())
        self._client_changed()
        self.client.setFocus()

    def _chosen_client(self) -> ClientItem | None:
        index = self.client.findText(self.client.currentText().strip())
        return self.clients.get(self.client.itemData(index)) if index >= 0 else None

    def _client_changed(self) -> None:
        """A client of the list shows its country (fixed here); a new name lets the country be set."""
        chosen = self._chosen_client()
        self.country.setEnabled(chosen is None)
        if chosen is not None:
            self.country.blockSignals(True)
            self.country.set_code(chosen.country)
            self.country.blockSignals(False)
            self.apply_client_defaults(
                chosen.country, chosen.contact_language, self.default_language, self.default_calendar
            )
        else:
            self._country_changed()

    def _country_changed(self) -> None:
        if self._chosen_client() is None:
            country = self.country.code()
            self.apply_client_defaults(country, None, self.default_language, self.default_calendar)

    def _client_to_save(self) -> tuple[str, ClientDraft | None]:
        """The chosen client's id, or a new client (the typed name, its country) saved with the project
        in one transaction."""
        name = self.client.currentText().strip()
        index = self.client.findText(name)
        if index >= 0 and self.client.itemData(index):
            return str(self.client.itemData(index)), None
        return "", ClientDraft(name=name, country=self.country.code())

    def _draft(self, client_id: str) -> ProjectDraft:
        return self.project_draft(client_id)

    def save(self) -> ProjectItem:
        """Every field is checked first; a new client is saved with the project, in one transaction."""
        problems: dict[str, Message] = {}
        try:
            validate_project(self._draft(client_id=""))
        except ValidationError as exc:
            problems.update(exc.fields)
        if not self.client.currentText().strip():
            problems["client_id"] = verbatim(self.tr("Choose a client or type a new client's name."))
        country = self.country.code()
        if self.country.isEnabled() and country and (len(country) != 2 or not country.isalpha()):
            problems["country"] = verbatim(self.tr("Use the two-letter country code, e.g. DE or CN."))
        if problems:
            raise ValidationError(problems)
        client_id, new_client = self._client_to_save()
        return create_project(self.env.ctx, self._draft(client_id), new_client=new_client)
