"""File ▸ Export ▸ Calendar file: which projects (the open one, or all) and where to save the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.documents.output import ask_export_path, with_suffix
from deliverydesk.i18n import verbatim


class CalendarExportDialog(FormDialog):
    """Which projects (the open one, or all) and where: ``saved`` carries (codes or None, path)."""

    def __init__(self, project_code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExportDialog")
        self.setWindowTitle(self.tr("Calendar file"))
        self.setMinimumWidth(520)
        self.project_code = project_code
        choice = QWidget(self)
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        self.this_project = QRadioButton(
            self.tr("This project (%1)").replace("%1", project_code)
            if project_code
            else self.tr("This project"),
            choice,
        )
        self.every_project = QRadioButton(self.tr("Every project"), choice)
        group = QButtonGroup(self)
        for button in (self.this_project, self.every_project):
            group.addButton(button)
            column.addWidget(button)
        self.this_project.setEnabled(project_code is not None)
        (self.this_project if project_code else self.every_project).setChecked(True)
        self.add_field("which", self.tr("Projects"), choice)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Export…"))

    def save(self) -> tuple[list[str] | None, Path]:
        codes = [self.project_code] if self.this_project.isChecked() and self.project_code else None
        name = f"{codes[0] if codes else 'DeliveryDesk'}.ics"
        chosen = ask_export_path(self, name, self.windowTitle(), self.tr("Calendar files (*.ics)"), ".ics")
        if chosen is None:
            raise ValidationError({"which": verbatim(self.tr("Choose where to save the calendar file."))})
        return codes, with_suffix(chosen, ".ics")
