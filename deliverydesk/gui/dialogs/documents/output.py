"""A document on screen, on paper and in a file: the PDF preview widget, printing the very same PDF
pages, and exporting in the background with an offer to open the file or its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import show_error
from deliverydesk.services.export import ExportResult

PRINT_DPI_CAP = 300  # page images above this only cost memory: an A4 page at 1200 dpi is ~550 MB


class PdfPreview(QWidget):
    """A QPdfView showing PDF bytes; the document and its buffer live as long as the widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def page_count(self) -> int:
        return self.document.pageCount()


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` as an image at the printer's resolution (capped), fitted to
    the printable page; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, pixels)
            fitted = pixels.scaled(painter.viewport().size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(QPointF(0, 0), fitted.toSizeF()), image)
    finally:
        painter.end()
    return document.pageCount()


def print_with_dialog(parent: QWidget, document: QPdfDocument) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentOutput", "Print document"))
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        print_document(document, printer)


def print_pdf(parent: QWidget, pdf: bytes) -> None:
    """Print PDF bytes through the print dialog once QtPdf has loaded them."""
    holder = PdfPreview(parent)
    holder.hide()

    def ready(status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            holder.document.statusChanged.disconnect(ready)
            print_with_dialog(parent, holder.document)
            holder.deleteLater()

    holder.document.statusChanged.connect(ready)
    holder.set_pdf(pdf)


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DocumentOutput", "Export PDF"),
        str(Path.home() / suggested),
        QCoreApplication.translate("DocumentOutput", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def export_in_background(
    env: GuiEnv, parent: QWidget, job: Callable[[Path], ExportResult], path: Path, on_done: Callable[[], None]
) -> None:
    """Run ``job(path)`` on the task runner; then offer to open the PDF or its folder."""

    def done(result: ExportResult) -> None:
        on_done()
        offer_to_open(parent, result.path)

    def failed(error: DeliveryDeskError) -> None:
        on_done()
        show_error(parent, error)

    env.tasks.submit(lambda: job(path), done, failed, owner=parent)


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
