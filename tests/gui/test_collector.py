"""Garbage cycles die on the GUI thread, never on a worker that happened to trigger a collection."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.gui.collector import INTERVAL_MS, GuiThreadCollector


class Cycle:
    """Refers to itself, so only the cycle collector frees it; remembers the thread it died on."""

    died_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.died_on.append(threading.get_ident())


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    # The autouse fixture of tests/gui already runs one; this one is stopped by the test itself.
    Cycle.died_on.clear()
    made = GuiThreadCollector()
    yield made
    made.stop()
    gc.disable()  # the autouse collector's state for the rest of the test
    made.deleteLater()
    KEPT.clear()


KEPT: list[list[int]] = []


def churn_on_worker() -> None:
    """Make a cycle garbage, then allocate (and keep) far past the youngest generation's threshold:
    the count only grows with objects that stay alive."""
    Cycle()
    KEPT.extend([index] for index in range(gc.get_threshold()[0] * 5))


def test_a_cycle_left_by_a_worker_is_freed_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    collector.start()
    worker = threading.Thread(target=churn_on_worker)
    worker.start()
    worker.join()

    assert Cycle.died_on == []  # nothing was collected on the worker
    qtbot.waitUntil(lambda: Cycle.died_on != [], timeout=5000)
    assert Cycle.died_on == [threading.get_ident()]


def test_without_it_the_worker_frees_the_cycle_itself() -> None:
    """The hazard the collector removes (and proof the first test can fail)."""
    Cycle.died_on.clear()
    assert gc.isenabled() is False  # the autouse collector of tests/gui is on
    gc.enable()
    try:
        worker = threading.Thread(target=churn_on_worker)
        worker.start()
        worker.join()
        worker_id = worker.ident
    finally:
        gc.disable()
        KEPT.clear()
    assert worker_id in Cycle.died_on


def test_a_starting_collector_leaves_the_start_alone_then_freezes_it(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    """While the window starts, the objects it builds are not walked (a start's ~200,000 objects cost
    0.1-0.5 s per collection on the GUI thread); ``settle`` moves them to the permanent generation,
    and cycles made after it are collected on the GUI thread again."""
    app = QApplication.instance()
    others = [c for c in app.findChildren(GuiThreadCollector) if c is not collector and c.running]
    for other in others:  # the autouse collector of tests/gui would collect the start itself
        other.stop()
    collector.starting = True
    collector.start()
    try:
        worker = threading.Thread(target=churn_on_worker)
        worker.start()
        worker.join()
        qtbot.wait(3 * INTERVAL_MS)
        assert Cycle.died_on == []  # the start is not collected (well under START_LIMIT)
        assert gc.get_freeze_count() == 0
        collector.settle()
        assert collector.starting is False
        assert gc.get_freeze_count() > len(KEPT)  # the start's objects: out of every collection
        Cycle.died_on.clear()
        worker = threading.Thread(target=churn_on_worker)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: Cycle.died_on != [], timeout=5000)
        assert Cycle.died_on == [threading.get_ident()]
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual
        for other in others:
            other.start()


def test_stopping_turns_automatic_collection_back_on(collector: GuiThreadCollector) -> None:
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
