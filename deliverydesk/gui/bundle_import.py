"""File ▸ Import ▸ Project bundle…: a project a colleague exported (``deliverydesk export-bundle``), all of
it or nothing, as long work in the status bar (stopped before it commits, nothing is written)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from deliverydesk.domain.progress import Progress
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import show_error
from deliverydesk.services.bundle.transfer import ImportSummary, import_bundle


def ask_bundle_path(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BundleImporter", "Import a project bundle"),
        "",
        QCoreApplication.translate("BundleImporter", "Project bundles (*.json)")
        + ";;"  # Qt's separator of file filters, kept out of the translations
        + QCoreApplication.translate("BundleImporter", "All files (*)"),
    )
    return Path(name) if name else None


class BundleImporter(QObject):
    """``imported(project_code, summary_text)`` once the project is in the database. The window is only
    its Qt parent: no Python reference to it (a reference cycle through the window, collected on a
    worker thread, would delete widgets off the GUI thread)."""

    imported = Signal(str, str)

    def __init__(self, env: GuiEnv, parent: QWidget) -> None:
        super().__init__(parent)
        self.env = env
        self.choose_path = ask_bundle_path  # replaced in tests: no file dialog there
        self.error_box: object = None

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def start(self, path: Path | None = None) -> None:
        path = path or self.choose_path(self._window())
        if path is None:
            return
        ctx = self.env.ctx

        def job(progress: Progress) -> ImportSummary:
            return import_bundle(ctx, path, progress=progress)

        title = self.tr("Importing %1").replace("%1", path.name)
        self.env.tasks.submit_long(job, self._done, self._failed, title=title, owner=self)

    def _done(self, summary: ImportSummary) -> None:
        text = self.tr("Imported %1 %2: %3 records added, %4 updated.")
        for number, value in enumerate(
            (summary.project_code, summary.project_name, summary.inserted, summary.updated), start=1
        ):
            text = text.replace(f"%{number}", str(value))
        self.imported.emit(summary.project_code, text)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.error_box = show_error(self._window(), error)
