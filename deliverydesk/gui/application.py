"""Runs the window: a light opening frame at once, then the MainWindow once the database is open.

Only light modules are imported here, so the first paint does not wait for SQLAlchemy, Alembic, the
pages or the PDF modules (issue 3, item 9: about 0.8 s of imports on a 2-core machine); ``show``
imports them when the workspace is ready."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.collector import GuiThreadCollector
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.icons import app_icon
from deliverydesk.gui.messages import error_message, show_error
from deliverydesk.gui.screen_fit import place_main_window
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState

if TYPE_CHECKING:
    from collections.abc import Callable

    from deliverydesk.gui.main_window import MainWindow
    from deliverydesk.services.storage import Workspace

log = logging.getLogger(__name__)
UI_LANGUAGE_KEY = "ui/language"
MAIN_WINDOW_KEY = "main_window"  # MainWindow's geometry key: the opening frame takes its place
BACKUP_LATEST_MS = 5000  # the day's backup waits for the first pages, but not longer than this
CHECK_LATEST_MS = 5000  # the deferred integrity check waits for Today's rows, but not longer than this
ANNOUNCE_ANYWAY_MS = 500  # a window that is not painted (started minimised) must not stall the opening
SCREENSHOT_LATEST_MS = 20000  # --screenshot: the first pages have loaded, or this long has passed
SCREENSHOT_SETTLE_MS = 300  # after the task runner goes idle: the rows it delivered are painted


class OpeningWindow(QMainWindow):
    """Where the main window will be, shown while the database is opened, checked and backed up.

    ``painted`` is emitted once, after the first paint: the caller then starts the slow part."""

    painted = Signal()

    def __init__(self, ui_state: UiState, message: str = "") -> None:
        super().__init__()
        self._message = message
        self.setObjectName("openingWindow")
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "DeliveryDesk"))
        self.setWindowIcon(app_icon())
        self.setCentralWidget(self._content())
        place_main_window(self, ui_state.restore_geometry(MAIN_WINDOW_KEY, self))
        self.replaced = self._announced = False
        QTimer.singleShot(ANNOUNCE_ANYWAY_MS, self._announce)

    def _content(self) -> QWidget:
        """The app's icon over one muted line, in the middle of the window."""
        content = QWidget(self)
        picture = QLabel(content)
        picture.setPixmap(app_icon().pixmap(64, 64))
        message = QLabel(self._message or self.tr("Opening and checking the database…"), content)
        message.setObjectName("openingMessage")
        message.setStyleSheet(MUTED_STYLE)
        layout = QVBoxLayout(content)
        layout.addStretch(1)
        for label in (picture, message):
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return content

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        QTimer.singleShot(0, self._announce)  # after the paint has reached the screen

    def _announce(self) -> None:
        if not self._announced:
            self._announced = True
            self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self.replaced:  # the user closed it: they want to quit, not wait for the window
            quit_application()


class WindowHost(QObject):
    """Owns the open workspace and its window; closes the database when the window goes."""

    integrity_failed = Signal(object)  # the deferred check found the file damaged: the window is gone

    def __init__(
        self, tasks: TaskRunner, ui_state: UiState, language: Language, screenshot: Path | None = None
    ) -> None:
        super().__init__()
        self.tasks, self.ui_state, self.language = tasks, ui_state, language
        self.screenshot = screenshot
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.opening: OpeningWindow | None = None
        # The deferred integrity check's own thread: writes (and the day's backup) wait for the check
        # on the task runner's workers, so the check must never queue behind them there.
        self.checks = TaskRunner(self, max_threads=1)
        self._checked: Workspace | None = None  # the workspace whose check was started

    def show_opening(self, message: str = "") -> OpeningWindow:
        """The frame shown at once, before anything slow is imported or read."""
        self.opening = OpeningWindow(self.ui_state, message)
        self.opening.show()
        return self.opening

    def close_opening(self) -> None:
        """Start-up dialogs (damaged, locked... files) stand alone, as before the frame existed."""
        if self.opening is not None:
            self.opening.replaced = True
            self.opening.close()
            self.opening.deleteLater()
            self.opening = None

    def show(self, workspace: Workspace) -> MainWindow:
        from deliverydesk.gui.env import GuiEnv
        from deliverydesk.gui.main_window import MainWindow

        self.workspace = workspace
        env = GuiEnv(
            ctx=workspace.ctx,
            tasks=self.tasks,
            ui_state=self.ui_state,
            paths=workspace.paths,
            language=self.language,
            readonly=workspace.readonly,
        )
        self.window = MainWindow(env, workspace.db_url)
        self.window.settings_saved.connect(self.remember_ui_language)
        self.window.restore_requested.connect(self.restore)
        for notice in workspace.notices:
            self.window.statusBar().showMessage(shown(notice), 15000)
        self.window.show()
        self.close_opening()
        QApplication.setQuitOnLastWindowClosed(True)  # off while start-up dialogs come and go
        if workspace.check_pending:
            self._check_once_today_shown(self.window, workspace)
        self.window.started.connect(lambda: self._once_started(workspace))
        return self.window

    def _once_started(self, workspace: Workspace) -> None:
        """The window has painted and asked for its first pages: what waits for them to load."""
        if self.workspace is not workspace:
            return
        if workspace.open_pending:  # first: the day's backup and the sync need the full open too
            self._when_idle(self._finish_open, latest_ms=BACKUP_LATEST_MS)
        if workspace.backup_due:
            self._backup_when_idle()
        # Once the first pages have loaded (they have the workers and the CPU first): keep the UI
        # language, and sync with the team server if this computer has joined one.
        self._when_idle(self._settle, latest_ms=BACKUP_LATEST_MS)
        if self.screenshot is not None:
            self._when_idle(lambda: QTimer.singleShot(SCREENSHOT_SETTLE_MS, self.save_screenshot_and_quit))

    def _settle(self) -> None:
        settle_collector()  # what the start built stays: no collection walks it again
        window = self.window
        if window is None:
            return
        self.remember_ui_language()
        window.start_sync()

    def _check_once_today_shown(self, window: MainWindow, workspace: Workspace) -> None:
        """Start the integrity check once Today's first rows are on screen (``HomePage.rows_shown``),
        at the latest after CHECK_LATEST_MS: started with the window, its ~0.2 s of CPU per 77 MB
        took the second core from Today's report. Not when the task runner goes idle: it is idle
        for a moment before Today's report is asked for (session 9)."""

        def started() -> None:
            if not window.today_pending:  # Today was not asked for, or is shown already
                self._finish_check(workspace)

        window.home.rows_shown.connect(lambda: self._finish_check(workspace))
        window.started.connect(started)
        QTimer.singleShot(CHECK_LATEST_MS, self, lambda: self._finish_check(workspace))

    def _finish_check(self, workspace: Workspace) -> None:
        """The integrity check, once, on its own thread while the window shows the file (writes wait for
        it). A damaged file closes the window: the caller opens it again the checked way, whose
        dialogs say what is wrong and offer the newest good backup; nothing was written to it."""
        from deliverydesk.services.storage import finish_check

        if self.workspace is not workspace or self._checked is workspace or not workspace.check_pending:
            return
        self._checked = workspace

        def failed(error: DeliveryDeskError) -> None:
            log.error("the database failed its integrity check: %s", error)
            self._give_up(workspace, error)

        self.checks.submit(lambda: finish_check(workspace), lambda _none: None, failed, key="integrity-check")

    def _finish_open(self) -> None:
        """A quick start's full open (SQLAlchemy, the ORM), on a worker once the first pages have
        loaded, so that the first write does not wait for it. When it fails (the file changed since
        it was read), the window closes as for a failed check and the usual open says why."""
        from deliverydesk.services.storage import finish_open

        workspace = self.workspace
        if workspace is None or not workspace.open_pending:
            return

        def failed(error: DeliveryDeskError) -> None:
            log.error("the database could not be opened in full: %s", error)
            self._give_up(workspace, error)

        self.tasks.submit(lambda: finish_open(workspace), lambda _none: None, failed, key="full-open")

    def _give_up(self, workspace: Workspace, error: DeliveryDeskError) -> None:
        """Close the window and the database; ``integrity_failed`` asks for the checked open."""
        if self.workspace is not workspace:
            return
        QApplication.setQuitOnLastWindowClosed(False)  # the start-up dialogs follow
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.tasks.wait(10_000)  # pages still reading the file let go of it
        self.checks.wait(10_000)
        workspace.close()
        self.workspace = None
        self.integrity_failed.emit(error)

    def _when_idle(self, action: Callable[[], None], latest_ms: int = SCREENSHOT_LATEST_MS) -> None:
        """``action`` once, when Today's first rows are on screen and the task runner is (or goes) idle,
        at the latest after ``latest_ms``. The runner alone is not enough: it is idle for a moment
        before Today's report is asked for, and it goes idle as it hands the report over, before the
        rows are painted. Idle is looked at one event-loop pass after the runner says so."""
        done = False
        window = self.window

        def run(latest: bool = False) -> None:
            nonlocal done
            waiting = self.tasks.is_busy or (window is not None and window.today_pending)
            if not done and (latest or not waiting):
                done = True
                action()

        def went_idle(busy: bool) -> None:
            if not busy:
                QTimer.singleShot(0, self, run)

        self.tasks.busy_changed.connect(went_idle)
        if window is not None:
            window.home.rows_shown.connect(lambda: run())
        QTimer.singleShot(latest_ms, self, lambda: run(latest=True))
        QTimer.singleShot(0, self, run)

    def save_screenshot_and_quit(self) -> None:
        """``--screenshot FILE``: an install check that needs nobody at the screen. What the screen shows
        of the window (the window's own rendering where there is no screen to read, offscreen) goes to
        FILE as PNG; one line names the file, its size, the UI language and the menus; then quit."""
        window, path = self.window, self.screenshot
        if window is None or path is None:
            return
        screen, platform = window.screen(), QApplication.platformName()
        frame = window.frameGeometry().intersected(screen.geometry())
        shot = QPixmap()
        if platform not in ("offscreen", "minimal"):
            shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if shot.isNull():
            shot = window.grab()
        saved = shot.save(str(path), "PNG")
        menus = " | ".join(action.text() for action in window.menuBar().actions())
        size = f"{shot.width()}x{shot.height()}"
        print(f"screenshot {path} {size} {platform} {self.language}: {menus}", flush=True)
        if not saved:
            log.error("could not save the screenshot to %s", path)
        QApplication.exit(0 if saved else 1)

    def _backup_when_idle(self) -> None:
        """Start the day's backup once the window's first pages have loaded (the task runner goes idle),
        so it does not slow them down; at the latest after BACKUP_LATEST_MS."""
        self._when_idle(self.take_daily_backup, latest_ms=BACKUP_LATEST_MS)

    def take_daily_backup(self) -> None:
        """The day's verified backup, on a worker while the window is already in use (the file was
        checked before it opened); the status bar's busy mark shows it running."""
        from deliverydesk.services.storage import backup_now

        workspace = self.workspace
        if workspace is None:
            return

        def failed(error: DeliveryDeskError) -> None:
            log.warning("the daily backup could not be taken: %s", error)
            if self.window is not None:
                reason = error_message(error)
                message = self.tr("The daily backup could not be taken: %1").replace("%1", reason)
                self.window.statusBar().showMessage(message, 15000)

        self.tasks.submit(lambda: backup_now(workspace), lambda _info: None, failed, key="daily-backup")

    def restore(self, backup: Path) -> None:
        """File ▸ Backups ▸ Restore: close the window and the database, restore the backup with the
        command line's checks (verified, safety backup, refused while another program has the file),
        then open the restored database in a new window. A refused restore reopens the database as it
        was and says why."""
        from deliverydesk.services.storage import OpenOptions, open_workspace, restore_backup

        workspace, window = self.workspace, self.window
        if workspace is None or window is None:
            return
        options = OpenOptions(data_dir=workspace.paths.root, db_url=workspace.db_url)
        clock = workspace.ctx.clock
        QApplication.setQuitOnLastWindowClosed(False)  # the window closes before the new one opens
        opening = self.show_opening(self.tr("Restoring the backup…"))
        window.save_state()
        window.close()
        window.deleteLater()
        self.window = None
        self.tasks.shutdown()
        self.checks.shutdown()  # a check still running ends before its file is closed and replaced
        workspace.close()
        self.workspace = None

        def job() -> tuple[Workspace, DeliveryDeskError | None]:
            try:
                restore_backup(options, backup, clock)
            except DeliveryDeskError as refused:
                return open_workspace(options, clock), refused
            return open_workspace(options, clock), None

        def reopened(result: tuple[Workspace, DeliveryDeskError | None]) -> None:
            restored, refused = result
            shown = self.show(restored)
            if refused is not None:
                self.restore_error = show_error(shown, refused)
            else:
                message = self.tr("Restored the backup %1.").replace("%1", backup.name)
                shown.statusBar().showMessage(message, 15000)

        self.tasks.submit(job, reopened, self._reopen_failed, owner=opening)

    def _reopen_failed(self, error: DeliveryDeskError) -> None:
        """The database could not be opened again: say so; closing the frame quits."""
        self.close_opening()
        QApplication.setQuitOnLastWindowClosed(True)
        self.restore_error = show_error(None, error)

    def remember_ui_language(self) -> None:
        """Keep the UI language beside the database settings: it is needed before the database opens."""
        from deliverydesk.services.records.settings import get_settings

        if self.workspace is None:
            return
        ctx = self.workspace.ctx

        def store(language: str) -> None:
            self.ui_state.set_value(UI_LANGUAGE_KEY, language)
            self.ui_state.sync()

        def failed(error: DeliveryDeskError) -> None:
            log.warning("could not read the settings: %s", error)

        self.tasks.submit(lambda: get_settings(ctx).ui_language, store, failed, key="ui-language")

    def close(self) -> None:
        self.tasks.shutdown()
        self.checks.shutdown()  # the file is checkpointed on close only once it passed its check
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None


def saved_ui_language(ui_state: UiState) -> str:
    return ui_state.value(UI_LANGUAGE_KEY)


def create_application(version: str) -> QApplication:
    """The QApplication with DeliveryDesk's name, icon and bundled CJK font."""
    from deliverydesk.gui.i18n import load_cjk_font
    from deliverydesk.gui.icons import app_icon

    # Qt's raster engine hands larger fills (a scroll bar's groove) to helper threads and waits for
    # them: on a busy machine a repaint then waits for the helpers to get a core (a project switch
    # took 2-3x its CPU time in wall clock); the window's widgets are small enough for one thread.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    share_one_malloc_arena()
    app = QApplication([sys.argv[0]])
    app.setApplicationName("DeliveryDesk")
    app.setApplicationVersion(version)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # start-up dialogs close before the window opens
    load_cjk_font(app)
    # Qt objects in garbage cycles die on the GUI thread; the start's own objects are left alone
    # until the window has settled (WindowHost._settle).
    collector = GuiThreadCollector(app, starting=True)
    collector.start()
    app.aboutToQuit.connect(collector.stop)
    return app


M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def share_one_malloc_arena() -> None:
    """glibc gives every thread that allocates its own malloc arena (up to eight per core), and each
    arena keeps the memory its thread freed: the window's workers (reads, the check, the backup) and
    Qt's threads held ~5 MiB of the window's ~144 MiB peak after use that way (issue 16). One arena
    for the whole process: small allocations still come from each thread's own cache (tcache) without
    the arena's lock, and the threads here mostly run Python, one at a time. Called before the first
    thread starts; glibc only (elsewhere, or when ``MALLOC_ARENA_MAX`` is set, nothing changes)."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a C library without mallopt (musl)
        return
    mallopt(M_ARENA_MAX, 1)


def settle_collector() -> None:
    """The window's first pages have loaded: the application's collector stops treating objects as
    the start's (``GuiThreadCollector.settle``)."""
    app = QApplication.instance()
    collector = app.findChild(GuiThreadCollector) if app is not None else None
    if collector is not None:
        collector.settle()


def quit_application() -> None:
    app = QApplication.instance()
    if app is not None:
        app.quit()
