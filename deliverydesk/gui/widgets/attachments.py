"""Files in the window: the picker for a record not saved yet (``AttachmentPicker``) and what every
attachment view shares (sizes, dropped files, the file dialog, the private folder for opened copies).

Every read and check runs on the task runner: a 25 MB photo never freezes the window."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_number
from deliverydesk.gui.messages import error_text, field_messages
from deliverydesk.gui.style import ERROR_COLOUR, MUTED_STYLE
from deliverydesk.services.records.attachments import (
    FileCheck,
    check_file,
)

ERROR_STYLE = f"color: {ERROR_COLOUR};"


def format_size(size: int) -> str:
    """1,234 bytes -> "1.2 KB"; binary units as file managers show them."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{format_number(size / scale, 1)} {unit}"
    return f"{format_number(size, 0)} B"


@cache
def open_folder() -> Path:
    """This run's private folder (0700) for copies handed to a viewer; removed when the app exits."""
    folder = Path(tempfile.mkdtemp(prefix="deliverydesk-open-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files of a drag (folders and remote URLs are left out)."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


def take_dropped_files(event: QDropEvent) -> list[Path]:
    """The dropped local files; the drop is accepted when there are any."""
    files = dropped_files(event.mimeData())
    if files:
        event.acceptProposedAction()
    return files


class FileDrops(QObject):
    """Files dropped on a list's rows: ``on_drop(row, paths)`` for the row under the drop."""

    def __init__(
        self, view: QAbstractItemView, on_drop: Callable[[int, list[Path]], None], *, read_only: bool = False
    ) -> None:
        super().__init__(view)
        self.view, self.on_drop, self.read_only = view, on_drop, read_only
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QDropEvent):  # QDragEnterEvent and QDragMoveEvent are drop events too
            return super().eventFilter(watched, event)
        row = self.view.indexAt(event.position().toPoint()).row()
        files = dropped_files(event.mimeData())
        if row < 0 or not files or self.read_only:
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.on_drop(row, files)
        return True


def choose_files(parent: QWidget) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Attachments", "Attach files"),
        str(Path.home()),
        QCoreApplication.translate("Attachments", "All files (*)"),
    )
    return [Path(name) for name in names]


class AttachmentPicker(QWidget):
    """Files to attach once the record is saved: each is checked on a worker as it is added, so a
    refused one (too big, a pixel bomb, unreadable) is named at once and never kept."""

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("attachmentPicker")
        self.checked: list[FileCheck] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 5)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(lambda: self.add(choose_files(self)))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(ERROR_STYLE)
        self.note.hide()
        self._lay_out()
        self.setAcceptDrops(True)
        self.add_button.setEnabled(not env.readonly)
        self._refresh()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("or drop files here"), self)
        hint.setStyleSheet(MUTED_STYLE)
        buttons.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

    def paths(self) -> list[Path]:
        return [check.path for check in self.checked]

    def add(self, paths: Sequence[Path]) -> None:
        for path in paths:
            if path not in self.paths():
                self.env.tasks.submit(partial(check_file, path), self._checked, self._refused)

    def _checked(self, check: FileCheck) -> None:
        if check.path in self.paths():
            return
        self.checked.append(check)
        item = QListWidgetItem(f"{check.filename}  ·  {format_size(check.size)}", self.list)
        item.setToolTip(str(check.path))
        self._refresh()

    def _refused(self, error: DeliveryDeskError) -> None:
        fields = field_messages(error) if isinstance(error, ValidationError) else {}
        message = "\n".join(fields.values()) or error_text(error)
        self.note.setText(message)
        self.note.show()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.checked):
            del self.checked[row]
            self.list.takeItem(row)
        self._refresh()

    def _refresh(self) -> None:
        self.list.setVisible(bool(self.checked))
        self.remove_button.setEnabled(bool(self.checked))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.env.readonly and dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add(take_dropped_files(event))
