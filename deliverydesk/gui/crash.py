"""Unexpected exceptions: log the traceback, tell the user in plain words where the log is.

A bug never loses saved data (every user action is its own transaction), so the window stays open;
the dialog says what happened and where the log file is."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("deliverydesk.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_message_box(summary: str, details: str, log_file: Path, parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashHandler", "Unexpected error"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate("CrashHandler", "DeliveryDesk hit an unexpected error: {summary}").format(
            summary=summary
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CrashHandler",
            "Everything you saved before is safe. The details were written to the log file:\n{log}",
        ).format(log=log_file)
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class CrashHandler(QObject):
    """Installed as ``sys.excepthook`` and ``threading.excepthook``; shows one dialog per crash."""

    crashed = Signal(str, str)  # summary, traceback text (queued from other threads)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.last_box: QMessageBox | None = None
        self._previous: tuple[ExceptHook, Callable[..., object]] | None = None
        self.crashed.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error\n%s", details)
        self.crashed.emit(f"{kind.__name__}: {exc}", details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if QApplication.instance() is None:
            print(details, file=sys.stderr)
            return
        self.last_box = crash_message_box(summary, details, self.log_file, QApplication.activeWindow())
        self.last_box.open()
