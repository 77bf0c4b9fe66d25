"""Start-up: open the user's database, or ask what to do (first start, damaged, locked...).

Non-blocking throughout: opening runs on the task runner; each question is a window-modal
``StartupDialog`` shown with ``open()``; the controller ends by emitting ``opened(workspace)`` or
``cancelled()``. Tests drive it with qtbot and never need ``exec()``."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk import errors
from deliverydesk.gui.icons import app_icon, icon
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.startup_specs import (
    Choice,
    SpecKind,
    StartupDialogSpec,
    choice_label,
    error_spec,
    first_start_spec,
)
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.i18n import verbatim
from deliverydesk.paths import sqlite_url
from deliverydesk.services import storage

log = logging.getLogger(__name__)

FileChooser = Callable[[QWidget | None], Path | None]
_FIRST_START = object()  # the worker found no database: ask before creating one


class StartupDialog(ScreenDialog):
    """Renders a ``StartupDialogSpec``: icon, plain-text message, one button per choice."""

    chosen = Signal(str)

    def __init__(self, spec: StartupDialogSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"startup_{spec.kind}")
        self.setWindowTitle(spec.title)
        self.setWindowIcon(app_icon())
        self.buttons: dict[Choice, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.addLayout(self._message_row(spec))
        layout.addSpacing(14)
        buttons = self._button_row(spec)
        layout.addLayout(buttons)
        self.setMinimumWidth(max(520, buttons.sizeHint().width() + 36))  # buttons never squeezed
        self.rejected.connect(lambda: self._choose(Choice.QUIT))

    def _message_row(self, spec: StartupDialogSpec) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        picture = QLabel(self)
        picture_icon = app_icon() if spec.kind == SpecKind.FIRST_START else icon("warning")
        picture.setPixmap(picture_icon.pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(picture)
        texts, labels = QVBoxLayout(), []
        for text, name in ((spec.title, "title"), (spec.text, "text"), (spec.details, "details")):
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages are data
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
            labels.append(label)
        title, _text, details = labels
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        title.setFont(title_font)
        details.setStyleSheet(MUTED_STYLE)
        row.addLayout(texts, 1)
        return row

    def _button_row(self, spec: StartupDialogSpec) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for choice in spec.choices:
            button = QPushButton(choice_label(choice), self)
            button.setObjectName(f"choice_{choice}")
            button.setDefault(choice == spec.default)
            button.setAutoDefault(choice == spec.default)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            self.buttons[choice] = button
            row.addWidget(button)
        return row

    def _choose(self, choice: Choice) -> None:
        if self.property("answered"):
            return
        self.setProperty("answered", True)
        self.chosen.emit(str(choice))
        self.done(QDialog.DialogCode.Accepted if choice != Choice.QUIT else QDialog.DialogCode.Rejected)


def ask_for_database_file(parent: QWidget | None) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Startup", "Open or create a DeliveryDesk database"),
        "",
        QCoreApplication.translate("Startup", "DeliveryDesk databases (*.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(path) if path else None


class StartupController(QObject):
    """Opens the database on a worker, asking the user through dialogs when something is in the way."""

    opened = Signal(object)  # storage.Workspace
    cancelled = Signal()
    dialog_shown = Signal(object)  # the StartupDialog now asking

    def __init__(
        self,
        options: storage.OpenOptions,
        tasks: TaskRunner,
        *,
        clock: Callable[[], Any] | None = None,
        choose_file: FileChooser = ask_for_database_file,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.dialog: StartupDialog | None = None
        self._tasks, self._clock, self._choose_file = tasks, clock, choose_file
        self._last_error: errors.DeliveryDeskError | None = None
        self._with_demo = False

    def start(self) -> None:
        options, with_demo = self.options, self._with_demo
        self._tasks.submit(lambda: self._open(options, with_demo), self._on_result, self._on_error)

    def _open(self, options: storage.OpenOptions, with_demo: bool) -> object:
        try:
            return self._open_or_ask(options, with_demo)
        except errors.DeliveryDeskError:
            raise
        except Exception as exc:  # a bug: logged in full; the user still gets choices, not a traceback
            log.exception("unexpected error while opening the database")
            message = QCoreApplication.translate(
                "Startup", "The database could not be opened because of an unexpected error (%1)."
            ).replace("%1", type(exc).__name__)
            hint = QCoreApplication.translate("Startup", "The details are in the log file.")
            raise errors.StorageError(verbatim(message), hint=verbatim(hint)) from exc

    def _open_or_ask(self, options: storage.OpenOptions, with_demo: bool) -> object:
        if not options.create and not options.readonly and not storage.database_exists(options):
            return _FIRST_START
        kwargs = {"clock": self._clock} if self._clock is not None else {}
        workspace = storage.open_workspace(options, **kwargs)
        if with_demo:
            from deliverydesk.services.demo.build import create_demo

            try:
                create_demo(workspace.ctx)
            except BaseException:
                workspace.close()  # release the lock: the user's next choice may open it again
                raise
        return workspace

    def _on_result(self, result: object) -> None:
        if result is _FIRST_START:
            self._ask(first_start_spec(self._location()))
            return
        self.opened.emit(result)

    def _on_error(self, error: errors.DeliveryDeskError) -> None:
        log.warning("could not open the database: %s", error)
        self._last_error = error
        self._ask(error_spec(error))

    def _location(self) -> str:
        return self.options.db_url or str(Path(self.options.data_dir or ".") / "deliverydesk.db")

    def _ask(self, spec: StartupDialogSpec) -> None:
        self.dialog = StartupDialog(spec)
        self.dialog.chosen.connect(self._on_choice)
        self.dialog.open()
        self.dialog_shown.emit(self.dialog)

    def _on_choice(self, value: str) -> None:
        choice = Choice(value)
        if choice == Choice.QUIT:
            self.cancelled.emit()
            return
        handler = {
            Choice.CREATE_EMPTY: lambda: self._retry_with(create=True),
            Choice.CREATE_DEMO: lambda: self._retry_with(create=True, demo=True),
            Choice.OPEN_READONLY: lambda: self._retry_with(readonly=True),
            Choice.RETRY: self.start,
            Choice.CHOOSE_FILE: self._choose_other_file,
            Choice.OPEN_BACKUP: self._restore_backup,
        }[choice]
        handler()

    def _retry_with(self, *, create: bool = False, readonly: bool = False, demo: bool = False) -> None:
        self.options = dataclasses.replace(self.options, create=create, readonly=readonly)
        self._with_demo = demo
        self.start()

    def _choose_other_file(self) -> None:
        path = self._choose_file(None)
        if path is None:
            self._ask(self.dialog.spec if self.dialog else first_start_spec(self._location()))
            return
        self.options = dataclasses.replace(
            self.options, db_url=sqlite_url(path), create=False, readonly=False
        )
        self._with_demo = False
        self.start()

    def _restore_backup(self) -> None:
        backup = getattr(self._last_error, "newest_backup", None)
        assert isinstance(backup, Path)  # the choice is offered only when there is a backup (startup_specs)
        options = self.options

        def restore() -> object:
            storage.restore_backup(options, backup)
            return self._open(options, False)

        self._tasks.submit(restore, self._on_result, self._on_error)
