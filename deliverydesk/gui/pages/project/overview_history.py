"""History… on the Overview: the recorded changes of the project, its client or the selected contact
(the contacts list has its own History… too; this button gathers the three where the facts are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from deliverydesk.gui.dialogs.history import HistoryDialog

if TYPE_CHECKING:
    from deliverydesk.gui.pages.project.overview import OverviewPage


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")  # user text in a menu: "&" is not a shortcut mark


class OverviewHistory(QObject):
    """The button and its menu; enabled once the page's data is in (a read-only database too)."""

    def __init__(self, page: OverviewPage, parent: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: HistoryDialog | None = None
        self.button = QPushButton(self.tr("History…"), parent)
        self.button.setToolTip(self.tr("Every recorded change: who, when, before and after"))
        self.menu = QMenu(self.button)
        self.act_project = self.menu.addAction(self.tr("Of the project"))
        self.act_client = self.menu.addAction(self.tr("Of the client"))
        self.act_contact = self.menu.addAction(self.tr("Of the selected contact"))
        self.act_project.triggered.connect(self.project_history)
        self.act_client.triggered.connect(self.client_history)
        self.act_contact.triggered.connect(lambda: page.contacts.show_history())
        self.menu.aboutToShow.connect(self.update_menu)
        self.button.setMenu(self.menu)
        self.button.setEnabled(False)

    def update_menu(self) -> None:
        """Name the client and the selected contact in the menu."""
        data = self.page.data
        client = data.client.name if data is not None else ""
        contact = self.page.contacts.current_item()
        named = self.tr("Of the client: %1").replace("%1", _menu_text(client))
        self.act_client.setText(named if client else self.tr("Of the client"))
        self.act_contact.setText(
            self.tr("Of the contact: %1").replace("%1", _menu_text(contact.name))
            if contact is not None
            else self.tr("Of the selected contact")
        )
        self.act_contact.setEnabled(contact is not None)

    def project_history(self) -> None:
        if self.page.data is not None:
            project = self.page.data.overview.project
            self._open(project.id, f"{project.code} {project.name}")

    def client_history(self) -> None:
        if self.page.data is not None:
            self._open(self.page.data.client.id, self.page.data.client.name)

    def _open(self, record_id: str, what: str) -> None:
        self.dialog = HistoryDialog(self.page.env, record_id, what, self.page)
        self.dialog.open()
