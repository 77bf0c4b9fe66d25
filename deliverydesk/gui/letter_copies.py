"""After a database opens for writing: keep a copy of the letters issued before DeliveryDesk kept one
(services/documents/copies.py), on the task runner, only when a cheap query finds any. The status bar says
how many were kept; a non-modal notice names the letters that no longer print byte for byte (once per
letter: the names announced are remembered in the UI state)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_message
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.copies import KeptCopies, copies_missing, keep_issued_copies

log = logging.getLogger(__name__)
ANNOUNCED_KEY = "letter_copies/announced"  # the letters already named in a notice, one per line
STATUS_MS = 15000


def _keep_when_missing(ctx: ServiceContext) -> KeptCopies | None:
    return keep_issued_copies(ctx) if copies_missing(ctx) else None


class CopyKeeper(QObject):
    """Started once by the main window; ``notice`` is the box naming what could not be kept, if any."""

    def __init__(self, env: GuiEnv, window: QMainWindow) -> None:
        super().__init__(window)
        self.env = env  # the window is the parent, never an attribute: no cycle for a worker's GC
        self.notice: QMessageBox | None = None
        if not env.readonly:
            ctx = env.ctx
            env.tasks.submit(lambda: _keep_when_missing(ctx), self._done, self._failed)

    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def _done(self, result: KeptCopies | None) -> None:
        if result is None:
            return
        if result.kept:
            message = self.tr(
                "Kept a copy of %n letter(s) issued before DeliveryDesk kept copies.", "", result.kept
            )
            self._window().statusBar().showMessage(message, STATUS_MS)
        announced = set(filter(None, self.env.ui_state.value(ANNOUNCED_KEY).split("\n")))
        new = [name for name in result.not_reproducible if name not in announced]
        if new:
            self._announce(new)
            self.env.ui_state.set_value(ANNOUNCED_KEY, "\n".join(sorted(announced | set(new))))

    def _announce(self, names: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Letters without a copy"), "", parent=self._window()
        )
        box.setObjectName("copiesNotice")
        box.setTextFormat(Qt.TextFormat.PlainText)  # letter refs are data
        box.setText(
            self.tr(
                "%n letter(s) issued before DeliveryDesk kept a copy of every issued PDF no longer "
                "print byte for byte, so no copy could be kept.",
                "",
                len(names),
            )
        )
        box.setInformativeText(
            self.tr(
                "Issue a new version to have a copy to print. The client's copy can still be checked "
                "with 'deliverydesk verify'. The letters are listed under Show Details."
            )
        )
        box.setDetailedText("\n".join(names))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.notice = box

    def _failed(self, error: DeliveryDeskError) -> None:
        log.warning("the copies of earlier letters could not be kept: %s", error)
        reason = error_message(error)
        message = self.tr("The copies of earlier letters could not be kept: %1").replace("%1", reason)
        self._window().statusBar().showMessage(message, STATUS_MS)
