"""A document on paper and in a file: printing the very same PDF pages that the preview shows
(widgets/pdf_view), and exporting in the background with an offer to open the file or its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from deliverydesk.domain.progress import Progress
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import show_error
from deliverydesk.gui.tasks import LongTask, TaskRunner
from deliverydesk.gui.widgets.pdf_pages import RenderedPage, render_page

if TYPE_CHECKING:  # a type only: the export services (and the documents behind them) load when used
    from deliverydesk.services.documents.export import ExportResult

PRINT_DPI_CAP = 300  # page images above this only cost memory: an A4 page at 1200 dpi is ~550 MB


class PrintJob(QObject):
    """Prints PDF bytes page by page: a worker renders a page at the printer's resolution (capped),
    the GUI thread paints it fitted to the printable page, then asks for the next one. One page
    image is in memory at a time (an A4 page at 300 dpi is ~35 MB)."""

    finished = Signal(int)  # the number of pages printed

    def __init__(
        self, tasks: TaskRunner, pdf: bytes, printer: QPrinter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks, self.pdf, self.printer = tasks, pdf, printer
        self.dpi = min(printer.resolution(), PRINT_DPI_CAP)
        self._painter = QPainter()

    def start(self) -> None:
        if not self._painter.begin(self.printer):
            raise RuntimeError("the printer could not be opened")
        self._render(0)

    def _render(self, index: int) -> None:
        pdf, dpi = self.pdf, self.dpi
        self.tasks.submit(
            lambda: render_page(pdf, index, dpi), lambda page: self._paint(index, page), owner=self
        )

    def _paint(self, index: int, page: RenderedPage) -> None:
        if index:
            self.printer.newPage()
        fitted = page.image.size().scaled(self._painter.viewport().size(), Qt.AspectRatioMode.KeepAspectRatio)
        self._painter.drawImage(QRectF(QPointF(0, 0), fitted.toSizeF()), page.image)
        if index + 1 < page.page_count:
            self._render(index + 1)
        else:
            self._painter.end()
            self.finished.emit(page.page_count)


def print_with_dialog(parent: QWidget, tasks: TaskRunner, pdf: bytes) -> PrintJob | None:
    """Ask for a printer, then print ``pdf`` on it in the background (None: the user cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentOutput", "Print document"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    job = PrintJob(tasks, pdf, printer, parent)
    job.finished.connect(job.deleteLater)
    job.start()
    return job


def ask_export_path(
    parent: QWidget, suggested: str, title: str = "", file_filter: str = "", suffix: str = ".pdf"
) -> Path | None:
    """Where to save an export, starting from ``suggested`` (a name in the home folder, or a whole
    path); ``suffix`` is added when the chosen name lacks it. ``title`` and ``file_filter`` default
    to the PDF ones. None: the user cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        title or QCoreApplication.translate("DocumentOutput", "Export PDF"),
        str(Path.home() / suggested),
        file_filter or QCoreApplication.translate("DocumentOutput", "PDF files (*.pdf)"),
    )
    return with_suffix(Path(name), suffix) if name else None


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix``: added, never replacing a dot in the name ("pack v1.2")."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


ExportJob = Callable[[Path, Progress], Any]


def export_in_background(
    env: GuiEnv, parent: QWidget, job: ExportJob, path: Path, on_done: Callable[[], None]
) -> LongTask:
    """Run ``job(path, progress)`` as long work (the status bar shows it, with Cancel: a stopped export
    writes no file); then offer to open the PDF or its folder."""

    def done(result: ExportResult) -> None:
        on_done()
        offer_to_open(parent, result.path)

    def failed(error: DeliveryDeskError) -> None:
        on_done()
        show_error(parent, error)

    title = QCoreApplication.translate("DocumentOutput", "Exporting %1").replace("%1", path.name)
    return env.tasks.submit_long(
        lambda progress: job(path, progress), done, failed, title=title, on_cancelled=on_done, owner=parent
    )


def offer_to_open(parent: QWidget, path: Path) -> QMessageBox:
    """Non-blocking: "Saved to ...", with Open PDF / Open folder / Close."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("DocumentOutput", "Export finished"),
        "",
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate("DocumentOutput", "The PDF was saved to %1.").replace("%1", str(path))
    )
    open_file = box.addButton(
        QCoreApplication.translate("DocumentOutput", "Open PDF"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("DocumentOutput", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)

    def clicked(button: object) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    box.setObjectName("exportFinished")
    box.open()
    return box
