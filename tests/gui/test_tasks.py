"""The task runner: results on the GUI thread, stale keyed results dropped, errors routed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from deliverydesk.errors import RuleError
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.i18n import msg
from tests.gui.conftest import wait_idle


def test_result_arrives_on_the_gui_thread(qtbot, tasks: TaskRunner) -> None:
    seen: list[tuple[object, bool]] = []
    gui_thread = QThread.currentThread()
    tasks.submit(
        lambda: threading.current_thread().name,
        lambda r: seen.append((r, QThread.currentThread() is gui_thread)),
    )
    wait_idle(qtbot, tasks)
    assert seen and seen[0][1] is True
    assert seen[0][0] != threading.main_thread().name  # the work itself ran on a worker


def test_an_older_keyed_result_is_dropped(qtbot, tasks: TaskRunner) -> None:
    release = threading.Event()
    delivered: list[str] = []
    tasks.submit(lambda: release.wait(5) and "old", delivered.append, key="filter")
    tasks.submit(lambda: "new", delivered.append, key="filter")
    qtbot.waitUntil(lambda: delivered == ["new"])
    release.set()
    wait_idle(qtbot, tasks)
    assert delivered == ["new"]


def test_user_errors_go_to_on_error(qtbot, tasks: TaskRunner) -> None:
    errors: list[Exception] = []

    def fail() -> None:
        raise RuleError(msg("Issued letters cannot change."))

    tasks.submit(fail, lambda _r: None, errors.append)
    wait_idle(qtbot, tasks)
    assert [str(e) for e in errors] == ["Issued letters cannot change."]


def test_bugs_go_to_the_crash_hook(qtbot, tasks: TaskRunner, monkeypatch) -> None:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: hooked.append(kind))

    def bug() -> None:
        raise ZeroDivisionError

    tasks.submit(bug, lambda _r: None, lambda _e: None)
    wait_idle(qtbot, tasks)
    assert hooked == [ZeroDivisionError]


def test_busy_signal_brackets_the_work(qtbot, tasks: TaskRunner) -> None:
    states: list[bool] = []
    tasks.busy_changed.connect(states.append)
    tasks.submit(lambda: 1, lambda _r: None)
    wait_idle(qtbot, tasks)
    assert states == [True, False]
