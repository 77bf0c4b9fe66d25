"""Preview a document before it is issued (or look at an issued one): Issue, Export…, Print…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from deliverydesk.domain.progress import Progress
from deliverydesk.gui.dialogs.documents.output import ask_export_path, export_in_background, print_with_dialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.widgets.pdf_view import PdfView
from deliverydesk.services.documents.export import ExportResult
from deliverydesk.services.files import write_file_atomically


class PreviewDialog(ScreenDialog):
    """Shows ``pdf``; ``can_issue``: a draft with an Issue button (emits ``issue_wanted``).
    Export and Print use these very bytes, so what is printed is what was previewed."""

    issue_wanted = Signal()

    def __init__(
        self,
        env: GuiEnv,
        title: str,
        pdf: bytes,
        file_name: str,
        *,
        can_issue: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env, self.pdf, self.file_name = env, pdf, file_name
        self.setObjectName("documentPreview")
        self.setWindowTitle(title)
        self.resize(760, 900)
        self.preview = PdfView(env.tasks, self)
        self.preview.set_pdf(pdf)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.issue_button: QPushButton | None = None
        if can_issue:
            self.status.setText(
                self.tr("Draft: not issued yet. Issuing seals this content with a fingerprint.")
            )
            self.issue_button = self.buttons.addButton(
                self.tr("Issue"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.issue_button.clicked.connect(self.issue_wanted.emit)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(lambda: print_with_dialog(self, env.tasks, pdf))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

    def export(self, path: Path | None = None) -> None:
        """Write the previewed bytes to ``path`` (asked for when None) in the background."""
        path = path or ask_export_path(self, self.file_name)
        if path is None:
            return
        pdf = self.pdf
        self.export_button.setEnabled(False)

        def job(target: Path, progress: Progress) -> ExportResult:
            write_file_atomically(target, pdf, progress)
            return ExportResult(target, len(pdf))

        export_in_background(self.env, self, job, path, lambda: self.export_button.setEnabled(True))
