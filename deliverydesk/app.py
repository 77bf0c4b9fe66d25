"""Composition root of the window: arguments, logging, QApplication, translators, database, MainWindow.

``deliverydesk-gui [--data-dir DIR] [--db-url URL] [--lang en|zh_CN] [--screenshot PNG]``;
``python main.py`` is the same.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk import __version__
from deliverydesk.domain.enums import Language
from deliverydesk.logsetup import configure_logging
from deliverydesk.paths import DataPaths, data_paths

if TYPE_CHECKING:
    from deliverydesk.gui.application import WindowHost
    from deliverydesk.gui.tasks import TaskRunner
    from deliverydesk.gui.ui_state import UiState
    from deliverydesk.services.storage import OpenOptions

LANGUAGES = [language.value for language in Language]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="deliverydesk-gui", description="DeliveryDesk window")
    parser.add_argument("--data-dir", type=Path, help="folder for the database, backups, logs and UI state")
    parser.add_argument("--db-url", help="database URL instead of the data folder's file")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default: settings, system)")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="install check: open the window, save a PNG of it once its first pages have loaded, and quit",
    )
    parser.add_argument("--version", action="version", version=f"DeliveryDesk {__version__}")
    return parser.parse_args(argv)


def setup_logging(paths: DataPaths) -> None:
    """DeliveryDesk's records to the data folder's rotating log file; warnings also on stderr."""
    configure_logging(paths)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    logging.getLogger("deliverydesk").addHandler(console)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    paths = data_paths(args.data_dir)
    setup_logging(paths)
    return run_window(paths, args.db_url, args.lang, args.screenshot)


def run_window(paths: DataPaths, db_url: str | None, lang: str | None, screenshot: Path | None = None) -> int:
    """Wire the window: application, crash handler, font, translators, start-up, main window."""
    # Qt and the window are imported only now: ``--help`` and ``--version`` stay instant. Only what
    # the opening frame needs comes first; storage and pages load after its first paint.
    from deliverydesk.gui.application import WindowHost, create_application
    from deliverydesk.gui.crash import CrashHandler
    from deliverydesk.gui.i18n import install_translators
    from deliverydesk.gui.tasks import TaskRunner
    from deliverydesk.gui.ui_state import UiState

    keep_holiday_calendars()
    app = create_application(__version__)
    crash_handler = CrashHandler(paths.log_file)
    crash_handler.install()
    ui_state = UiState(paths.settings_file)
    language = choose_ui_language(lang, ui_state)
    install_translators(app, language)  # parented to the app: they live as long as it does
    tasks = TaskRunner(app)
    host = WindowHost(tasks, ui_state, language, screenshot)
    host.show_opening().painted.connect(lambda: start_opening(paths, db_url, tasks, host))
    logging.getLogger(__name__).info("DeliveryDesk %s starting (%s, %s)", __version__, paths.root, language)
    try:
        return app.exec()
    finally:
        host.close()
        crash_handler.uninstall()


def keep_holiday_calendars() -> None:
    """Holiday calendars from the cache folder: Today's report does not wait for the ``holidays``
    package (about 0.1 s) once a calendar has been computed by an earlier start."""
    from deliverydesk.domain.workdays import keep_calendars_in
    from deliverydesk.store.calendar_cache import CalendarFile

    keep_calendars_in(CalendarFile())


def start_opening(
    paths: DataPaths, db_url: str | None, tasks: TaskRunner, host: WindowHost, *, checked: bool = False
) -> None:
    """Show the window on the file read at once (``storage.open_started``: its full open, the
    integrity check and the day's backup follow while it shows), or else open the database on a
    worker (asking through dialogs when needed), then show the window."""
    from deliverydesk.services.storage import OpenOptions, open_started

    # host.show takes the day's backup and runs the integrity check (writes wait for it); when the
    # file turns out damaged, it is opened again the checked way, whose dialogs explain and offer a backup.
    options = OpenOptions(
        data_dir=paths.root, db_url=db_url, defer_daily_backup=True, defer_integrity_check=not checked
    )
    if not checked:
        host.integrity_failed.connect(lambda _error: start_opening(paths, db_url, tasks, host, checked=True))
        workspace = open_started(options)
        if workspace is not None:
            host.show(workspace)
            return
    open_on_worker(options, tasks, host)


def open_on_worker(options: OpenOptions, tasks: TaskRunner, host: WindowHost) -> None:
    """The usual open: on a worker, with the start-up dialogs for a missing, damaged, locked... file."""
    from PySide6.QtCore import QTimer

    from deliverydesk.gui.application import quit_application
    from deliverydesk.gui.startup import StartupController

    startup = StartupController(options, tasks, parent=host)
    startup.opened.connect(host.show)
    startup.cancelled.connect(quit_application)
    startup.dialog_shown.connect(host.close_opening)
    startup.start()
    # The window's modules load while the worker checks the file: SQLite's check releases the GIL.
    QTimer.singleShot(0, import_window_modules)


def import_window_modules() -> None:
    import deliverydesk.gui.main_window  # noqa: F401  (only loaded here; host.show builds it)


def choose_ui_language(requested: str | None, ui_state: UiState) -> Language:
    from deliverydesk.gui.application import saved_ui_language
    from deliverydesk.gui.i18n import choose_language

    return choose_language(requested, saved_ui_language(ui_state))
