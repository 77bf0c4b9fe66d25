"""The three in-window operations, done by the real MainWindow and by the bare window, timed alike.

Each operation starts with the user's action (a row selected, a character typed, the view asking
for more rows) and ends when the data is in the widgets and the resulting repaint has been
processed. The app's work runs on its task runner; the bare window queries on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from benchmarks import raw_sql
from benchmarks.bare_window import BareWindow

TIMEOUT_S = 60.0


SETTLE_ROUNDS = 10  # a switch needs up to six: layout levels, a scroll area's queued update, the paint


def settle() -> None:
    """Deliver what is queued (results, layout, repaint), and what delivering it queues in turn (a layout
    pass posts its parent's, a scroll area's scroll-bar update is a queued call), until a round of the
    event loop finds nothing to do: all of an operation is timed with it, none of it is left to land
    in the next operation's time (one round left a switch's second layout and paint to the Qt floor)."""
    dispatcher = QCoreApplication.eventDispatcher()
    if dispatcher is None:
        QCoreApplication.processEvents()
        return
    for _ in range(SETTLE_ROUNDS):
        if not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
            return


def wait_until(done: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
    """Run the event loop until ``done()``; short sleeps hand the GIL to the app's worker threads."""
    deadline = time.perf_counter() + timeout
    while not done():
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show the expected data in time")
        time.sleep(0.0001)


def timed(action: Callable[[], None], done: Callable[[], bool] = lambda: True) -> float:
    started = time.perf_counter()
    action()
    wait_until(done)
    settle()
    return time.perf_counter() - started


class AppSide:
    """The real MainWindow on an open workspace, as ``deliverydesk-gui`` builds it."""

    def __init__(self, data_dir: Path) -> None:
        from deliverydesk.domain.enums import Language
        from deliverydesk.gui.application import WindowHost
        from deliverydesk.gui.tasks import TaskRunner
        from deliverydesk.gui.ui_state import UiState
        from deliverydesk.paths import data_paths
        from deliverydesk.services.storage import OpenOptions, open_workspace

        tasks = TaskRunner()
        host = WindowHost(tasks, UiState(data_paths(data_dir).settings_file), Language.EN)
        self._attach(host, host.show(open_workspace(OpenOptions(data_dir=data_dir))))

    @classmethod
    def of(cls, host: Any, window: Any) -> AppSide:
        """The window the real app (``deliverydesk.app.main``) has just shown, once it can be used."""
        side = cls.__new__(cls)
        side._attach(host, window)
        return side

    def _attach(self, host: Any, window: Any) -> None:
        self.tasks, self.host, self.window = host.tasks, host, window
        wait_until(self.ready)
        self.window.show_projects()
        self.navigator, self.workspace = self.window.navigator, self.window.workspace
        self.resets = 0
        self.navigator.model.modelReset.connect(self._count_reset)
        wait_until(lambda: self.navigator.model.rowCount() > 0)
        self.idle()

    def idle(self) -> None:
        """Untimed: let earlier work (Today's report, the day's backup) finish before the next action."""
        wait_until(lambda: not self.tasks.is_busy)
        settle()

    def ready(self) -> bool:
        """The window can be used (the database is open and checked)."""
        return getattr(self.window, "ready", True) is not False

    def _count_reset(self) -> None:
        self.resets += 1

    def project_ids(self) -> list[str]:
        model = self.navigator.model
        return [model.row_item(row).id for row in range(model.rowCount())]

    def switch(self, row: int) -> float:
        """Select row ``row`` of the navigator; done when the header and the Overview show it."""
        self.workspace.show_page(self.workspace.pages[0])
        self.idle()
        target = self.navigator.model.row_item(row)
        overview = self.workspace.pages[0]

        def shown() -> bool:
            data = getattr(overview, "data", None)
            loaded = data is not None and data.overview.project.id == target.id
            return loaded and self.workspace.title.text().startswith(target.code)

        return timed(lambda: self.navigator.view.selectRow(row), shown)

    def shown_widgets(self) -> tuple[int, int, int]:
        """Labels, item views and painted bars (the Overview's meters) the workspace shows now (after
        a switch): the Qt floor's shape."""
        from deliverydesk.gui.pages.project.meters import Meter, SegmentBar

        shown = [w for w in self.workspace.findChildren(QWidget) if w.isVisible()]
        labels = [w for w in shown if isinstance(w, QLabel)]
        views = [w for w in shown if isinstance(w, QAbstractItemView)]
        bars = [w for w in shown if isinstance(w, Meter | SegmentBar)]
        return len(labels), len(views), len(bars)

    def set_filter(self, text: str) -> None:
        if self.navigator.filter_edit.text() != text:
            seen = self.resets
            self.navigator.filter_edit.setText(text)
            wait_until(lambda: self.resets > seen)

    def type_filter(self, prefix: str, char: str) -> float:
        """With ``prefix`` in the filter box, type ``char``; done when the new first page is shown."""
        self.set_filter(prefix)
        self.idle()
        seen = self.resets
        return timed(lambda: self.navigator.filter_edit.insert(char), lambda: self.resets > seen)

    def open_log(self, project_id: str) -> None:
        page: Any = next(page for page in self.workspace.pages if page.area == "log")  # the log page
        self.log_model = page.panel.model
        self.workspace.set_project(project_id)
        self.workspace.show_page(page)
        wait_until(lambda: page.data is not None and self.log_model.rowCount() > 0)

    def next_log_page(self) -> float:
        """The view reached the end of the log: fetch the next 100 entries; done when they are shown."""
        self.idle()
        before = self.log_model.rowCount()
        if not self.log_model.canFetchMore(QModelIndex()):
            raise ValueError("the log has no further page")
        return timed(
            lambda: self.log_model.fetchMore(QModelIndex()), lambda: self.log_model.rowCount() > before
        )

    def close(self) -> None:
        self.window.close()
        self.host.close()


class BareSide:
    """The bare window over raw sqlite3, shown next to the app in the same process."""

    def __init__(self, db_path: Path) -> None:
        self.window = BareWindow(str(db_path))
        self.window.show_projects()
        self.window.show()
        settle()

    def switch(self, project_id: str) -> float:
        return timed(lambda: self.window.show_overview(project_id))

    def match(self, labels: int, views: int, bars: int) -> None:
        self.window.match(labels, views, bars)
        settle()

    def switch_like(self, project_id: str, row: int | None = None) -> float:
        """The Qt floor of a switch: row ``row`` of the bare list selected, then the app's number of
        labels, tables and bars filled from raw SQL. What the app left queued (its own repaints, its
        finished tasks) is delivered first, untimed, as the app side waits until it is idle before its
        own switch."""
        settle()
        return timed(lambda: self.window.show_overview_like(project_id, row))

    def set_filter(self, text: str) -> None:
        self.window.filter_edit.setText(text)
        settle()

    def type_filter(self, prefix: str, char: str) -> float:
        self.set_filter(prefix)
        return timed(lambda: self.window.filter_edit.insert(char))

    def open_log(self, project_id: str) -> None:
        self.log_project = project_id
        self.window.show_log(project_id)
        settle()

    def next_log_page(self) -> float:
        return timed(lambda: self.window.next_log_page(self.log_project))

    def close(self) -> None:
        self.window.close()
        self.window.close_db()


def biggest_log(db_path: Path) -> tuple[str, int]:
    """The project with the most log entries, and how many it has."""
    db = raw_sql.connect(str(db_path))
    try:
        return raw_sql.biggest_log_project(db)
    finally:
        db.close()


def peak_python_kib(run: Callable[[], Any]) -> float:
    """Peak Python heap of ``run()`` in KiB (tracemalloc: Python objects, not SQLite's or Qt's own)."""
    import tracemalloc

    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()
