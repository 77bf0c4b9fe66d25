"""Python's cycle collector, run on the GUI thread only.

Qt objects must be destroyed on the thread that owns them. When a worker thread (a task of the
TaskRunner) allocates enough to trigger an automatic collection, Python frees every unreachable cycle
there and then, Qt objects in such cycles included: their destructors ran on the worker and deadlocked
with the GUI thread (the worker waiting for the GIL inside the destructor, the GUI thread holding the
GIL while it waited on a Qt lock). While the window lives, automatic collection is therefore off and a
timer on the GUI thread collects each generation when its count passes Python's own threshold, as the
collector itself would have done."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # how often the counts are looked at; cycles wait at most this long


class GuiThreadCollector(QObject):
    """Turns automatic collection off in ``start`` and back on in ``stop``; collects from its timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds (youngest first, as gc does)."""
        young, middle, old = gc.get_count()
        if young <= self._threshold[0]:
            return
        gc.collect(0)
        if middle > self._threshold[1]:
            gc.collect(1)
            if old > self._threshold[2]:
                gc.collect(2)
