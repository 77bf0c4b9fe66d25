"""What the two import dialogs share: a file row, a preview table, a summary line, a message bar, and
Import / Cancel. Reading, previewing and importing run on the task runner; the dialog stays open with
everything chosen when something is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.dialogs.base import MessageBar
from deliverydesk.gui.dialogs.interchange.preview_model import ImportPreviewModel
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.messages import error_text, field_messages
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.services.interchange.changes import ImportOutcome


class ImportDialog(ScreenDialog):
    """Subclasses add their own controls with ``add_controls`` and implement ``read``, ``preview`` and
    ``import_now`` (each returns a callable for the task runner)."""

    imported = Signal(object)  # the ImportOutcome

    def __init__(
        self, env: GuiEnv, project_id: str, title: str, file_filter: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.env, self.project_id, self.file_filter = env, project_id, file_filter
        self.outcome: ImportOutcome | None = None
        self.setWindowTitle(title)
        self.resize(1200, 680)
        self.message_bar = MessageBar(self)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose a file…"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File"), self))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.controls = QVBoxLayout()
        self.model = self.make_model()
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.table.setModel(self.model)
        self.table.setObjectName("importPreview")
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(file_row)
        layout.addLayout(self.controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def make_model(self) -> ImportPreviewModel:
        raise NotImplementedError

    # --- the file --------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.windowTitle(), str(Path.home()), self.file_filter
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read ``path`` in the background, then preview it (tests call this directly)."""
        self.path.setText(str(path))
        self.run(self.read(path), self.file_read, key="read")

    def read(self, path: Path) -> Callable[[], Any]:
        raise NotImplementedError

    def file_read(self, result: Any) -> None:
        raise NotImplementedError

    # --- preview and import ----------------------------------------------------------------------
    def refresh_preview(self) -> None:
        job = self.preview()
        if job is not None:
            self.import_button.setEnabled(False)
            self.run(job, self.show_preview, key="preview")

    def preview(self) -> Callable[[], ImportOutcome] | None:
        raise NotImplementedError

    def import_now(self) -> Callable[[], ImportOutcome] | None:
        raise NotImplementedError

    def show_preview(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.model.set_rows(outcome.lines)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 360))
        self.summary.setText(self.summary_text(outcome))
        self.import_button.setEnabled(self.can_import(outcome))

    def can_import(self, outcome: ImportOutcome) -> bool:
        counts = outcome.counts
        return not self.env.readonly and (counts.new + counts.updated) > 0

    def summary_text(self, outcome: ImportOutcome) -> str:
        counts = outcome.counts
        text = (
            self.tr("%1 new, %2 updated, %3 unchanged, %4 not imported.")
            .replace("%1", str(counts.new))
            .replace("%2", str(counts.updated))
            .replace("%3", str(counts.unchanged))
            .replace("%4", str(counts.skipped))
        )
        notes = [shown(note) for note in outcome.notes]
        return " ".join([text, *notes])

    def start_import(self) -> None:
        job = self.import_now()
        if job is None:
            return
        self.import_button.setEnabled(False)
        self.run(job, self.finished_import)

    def finished_import(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.imported.emit(outcome)
        self.accept()

    # --- running ---------------------------------------------------------------------------------
    def run(self, job: Callable[[], Any], done: Callable[[Any], None], key: str | None = None) -> None:
        self.message_bar.show_message("")
        self.env.tasks.submit(job, done, self.failed, key=f"{id(self)}:{key}" if key else None, owner=self)

    def failed(self, error: DeliveryDeskError) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(field_messages(error).values())
        else:
            text = error_text(error)
        self.message_bar.show_message(text)
        if self.outcome is not None:
            self.import_button.setEnabled(self.can_import(self.outcome))
