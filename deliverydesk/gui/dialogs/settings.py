"""Settings: company, you (name, title, where you sign), document defaults, interface language; and
People, the team roster with each person's role and authority limits (``gui.dialogs.people``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.drafts import SettingsDraft
from deliverydesk.domain.enums import Language, PaperSize
from deliverydesk.domain.models import SettingsItem
from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog, section_label
from deliverydesk.gui.dialogs.people import PeoplePanel
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.logo import read_logo
from deliverydesk.gui.signing_identity import CERTIFICATE_KEY, certificate_path, forget_password
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.team.server_dialog import TeamServerPanel
from deliverydesk.gui.widgets.country_combo import CountryCombo
from deliverydesk.gui.widgets.enum_combo import EnumCombo
from deliverydesk.services.records.settings import update_settings

PEOPLE_TAB = "people"
TEAM_TAB = "team"


class SettingsDialog(FormDialog):
    """Two tabs: General (saved with Save) and People (each change saved as it is made)."""

    def __init__(
        self,
        env: GuiEnv,
        settings: SettingsItem,
        parent: QWidget | None = None,
        tab: str = "",
        *,
        select: str = "",
        team: SyncStatus | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.team = team or SyncStatus(joined=False)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(820)  # the People tab's table shows every column whole
        self.logo_png = settings.logo_png
        self._company_fields()
        self._engineer_fields()
        self._document_fields()
        self._interface_fields()
        self._tabs()
        self.load(settings)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(not env.readonly)
        if tab == PEOPLE_TAB:
            self.settings_tabs.setCurrentWidget(self.people)
        elif tab == TEAM_TAB:
            self.settings_tabs.setCurrentWidget(self.team_server)
        if self.team.joined:
            self.people.set_from_server(self.team.server_url)
        self.people.select_after = select
        self.people.refresh()

    def _tabs(self) -> None:
        """The form goes on the General tab; People holds the roster (both inside the form's scroll
        area, so the dialog fits a small screen)."""
        self.content_layout.removeItem(self.form)  # takes the form out of the content (unparented)
        general = QWidget(self.content)
        column = QVBoxLayout(general)
        column.addLayout(self.form)
        column.addStretch(1)
        self.people = PeoplePanel(self.env, self)
        self.settings_tabs = QTabWidget(self.content)
        self.settings_tabs.setObjectName("settingsTabs")
        self.settings_tabs.addTab(general, self.tr("General"))
        self.settings_tabs.addTab(self.people, self.tr("People"))
        self.team_server = TeamServerPanel(self.env, self)
        self.settings_tabs.addTab(self.team_server, self.tr("Team server"))
        self.tabs = self.settings_tabs  # errors switch to the General tab (FormDialog)
        self.add_content(self.settings_tabs, 1)

    def _company_fields(self) -> None:
        self.form.addRow(section_label(self.tr("Company"), self))
        self.company_name = self.add_field("company_name", self.tr("Company name"), QLineEdit(self))
        self.company_address = QPlainTextEdit(self)
        self.company_address.setTabChangesFocus(True)
        self.company_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("company_address", self.tr("Address"), self.company_address)
        self.logo_preview = QLabel(self)
        self.logo_preview.setFixedSize(160, 56)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid); background: white;")
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_choose = QPushButton(self.tr("Choose…"), self)
        self.logo_choose.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(self.tr("Remove"), self)
        self.logo_remove.clicked.connect(lambda: self.set_logo(None))
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.logo_preview, self.logo_choose, self.logo_remove):
            line.addWidget(widget)
        line.addStretch(1)
        self.add_field("logo_png", self.tr("Logo (PNG or JPEG)"), row)
        QWidget.setTabOrder(self.company_address, self.logo_choose)
        QWidget.setTabOrder(self.logo_choose, self.logo_remove)
        self._last_in_tab_order = self.logo_remove

    def _engineer_fields(self) -> None:
        self.form.addRow(section_label(self.tr("Engineer"), self))
        self.engineer_name = self.add_field("engineer_name", self.tr("Your name"), QLineEdit(self))
        self.engineer_title = self.add_field("engineer_title", self.tr("Your title"), QLineEdit(self))
        self.engineer_place = self.add_field("engineer_place", self.tr("Where you sign"), QLineEdit(self))
        self.engineer_place.setToolTip(
            self.tr("Printed in our signature block when a letter is signed on screen, e.g. Suzhou")
        )
        note = QLabel(self.tr("Your authority limits are on the People tab."), self)
        note.setStyleSheet(MUTED_STYLE)
        self.form.addRow("", note)

    def _document_fields(self) -> None:
        self.form.addRow(section_label(self.tr("Documents"), self))
        self.default_language = EnumCombo(self, Language)
        self.add_field("default_language", self.tr("Default document language"), self.default_language)
        self.paper_size = EnumCombo(self, PaperSize)
        self.add_field("paper_size", self.tr("Paper size"), self.paper_size)
        self.holiday_calendar = CountryCombo(self, self.tr("Weekends only"))
        self.add_field(
            "holiday_calendar", self.tr("Holiday calendar for new projects"), self.holiday_calendar
        )
        self._certificate_field()

    def _certificate_field(self) -> None:
        """The company's PKCS#12 certificate for the signature on issued PDFs: kept for this computer
        (the file lives here; the database travels), its password asked once per session."""
        self.certificate = QLineEdit(self)
        self.certificate.setReadOnly(True)
        self.certificate.setPlaceholderText(self.tr("None: this database's own seal"))
        self.certificate.setText(certificate_path(self.env))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose_certificate)
        clear = QPushButton(self.tr("Remove"), self)
        clear.clicked.connect(self.certificate.clear)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.certificate, choose, clear):
            line.addWidget(widget)
        self.form.addRow(self.tr("Signing certificate (PKCS#12)"), row)
        note = QLabel(
            self.tr(
                "Issued PDFs carry a signature any PDF reader checks: with this certificate (its password "
                "is asked once per session), or else with a seal made for this database."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)
        self.form.addRow("", note)

    def choose_certificate(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the signing certificate"), "", self.tr("PKCS#12 certificates (*.p12 *.pfx)")
        )
        if path:
            self.certificate.setText(path)

    def _interface_fields(self) -> None:
        self.form.addRow(section_label(self.tr("Interface"), self))
        self.ui_language = QComboBox(self)
        self.ui_language.addItem(self.tr("Follow the system"), "")
        self.ui_language.addItem("English", "en")
        self.ui_language.addItem("简体中文", "zh_CN")
        self.add_field("ui_language", self.tr("Interface language"), self.ui_language)
        note = QLabel(self.tr("A new interface language applies the next time DeliveryDesk starts."), self)
        note.setStyleSheet(MUTED_STYLE)
        self.form.addRow("", note)

    # --- values --------------------------------------------------------------------------------
    def load(self, item: SettingsItem) -> None:
        self.company_name.setText(item.company_name)
        self.company_address.setPlainText(item.company_address)
        self.set_logo(item.logo_png)
        self.engineer_name.setText(item.engineer_name)
        self.engineer_title.setText(item.engineer_title)
        self.engineer_place.setText(item.engineer_place)
        self.default_language.set_value(item.default_language)
        self.paper_size.set_value(item.paper_size)
        self.holiday_calendar.set_code(item.holiday_calendar)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(item.ui_language)))

    def draft(self) -> SettingsDraft:
        return SettingsDraft(
            company_name=self.company_name.text(),
            company_address=self.company_address.toPlainText(),
            logo_png=self.logo_png,
            engineer_name=self.engineer_name.text(),
            engineer_title=self.engineer_title.text(),
            engineer_place=self.engineer_place.text(),
            default_language=self.default_language.currentData(),
            paper_size=self.paper_size.currentData(),
            holiday_calendar=self.holiday_calendar.code(),
            ui_language=self.ui_language.currentData(),
        )

    def save(self) -> SettingsItem:
        saved = update_settings(self.env.ctx, self.draft())
        if self.certificate.text() != certificate_path(self.env):
            forget_password(self.env)
            self.env.ui_state.set_value(CERTIFICATE_KEY, self.certificate.text())
        return saved

    # --- logo ----------------------------------------------------------------------------------
    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> bool:
        self.clear_errors()
        try:
            self.set_logo(read_logo(path))
        except ValidationError as exc:
            self.show_field_errors(exc.fields)
            return False
        return True

    def set_logo(self, data: bytes | None) -> None:
        self.logo_png = data
        self.logo_remove.setEnabled(data is not None)
        if data is None:
            self.logo_preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo_preview.setPixmap(
            pixmap.scaled(
                self.logo_preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
