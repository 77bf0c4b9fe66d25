"""A project switch lays the window out before it paints: the workspace is painted once per switch,
not again for each level whose size changed when the new texts wrapped to other lines, and no
layout is left for after the switch (``ProjectWorkspace._opened``: ``lay_out_now``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle


class PaintPasses(QObject):
    """Counts the workspace's paints (its labels' paints) and the resizes in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window, self.workspace = window, window.workspace
        self.passes = self.resized = 0
        self.labels = 0  # paints of the workspace's labels

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.workspace:
            self.passes += 1
        elif event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
            self.labels += self.workspace.isAncestorOf(watched)
        elif event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.resized += watched.window() is self.window
        return False


def test_a_switch_is_painted_once(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    window.resize(900, 600)  # narrow: the Overview's facts wrap differently from project to project
    window.show()
    qtbot.waitExposed(window)
    window.show_projects()
    wait_idle(qtbot, demo_env.tasks)
    view, rows = window.navigator.view, window.navigator.model.rowCount()
    assert rows > 3
    counter = PaintPasses(window)
    app = QCoreApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        for row in range(rows):
            view.selectRow(row)
            assert window.workspace.title.text().startswith(window.navigator.model.row_item(row).code)
            counter.passes = counter.labels = counter.resized = 0
            for _ in range(6):  # what the switch left queued: layout (none left), then the paint
                QCoreApplication.processEvents()
            assert (counter.passes, counter.resized) == (1, 0), f"row {row}"
            assert counter.labels, f"row {row}: the new facts were painted"
    finally:
        app.removeEventFilter(counter)
