"""Python's cycle collector, run on the GUI thread only.

Qt objects must be destroyed on the thread that owns them. When a worker thread (a task of the
TaskRunner) allocates enough to trigger an automatic collection, Python frees every unreachable cycle
there and then, Qt objects in such cycles included: their destructors ran on the worker and deadlocked
with the GUI thread (the worker waiting for the GIL inside the destructor, the GUI thread holding the
GIL while it waited on a Qt lock). While the window lives, automatic collection is therefore off and a
timer on the GUI thread collects each generation when its count passes Python's own threshold, as the
collector itself would have done.

A start allocates about 200,000 objects (modules, classes, the window) that nearly all live as long as
the process (627 of 193,000 were garbage when the window had settled, on the generated large file):
collecting them cost 0.1–0.5 s on the GUI thread between the opening frame and Today's rows, and every
later full collection would walk them again. A collector made with ``starting=True`` leaves them be
until ``settle`` (the window's first pages have loaded), which moves everything alive then to the
permanent generation (``gc.freeze``) that no collection looks at; the timer then collects what comes
after as before. A start that never settles (a dialog waits for the user) still collects once the
youngest generation passes START_LIMIT."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # how often the counts are looked at; cycles wait at most this long
START_LIMIT = 1_000_000  # while starting, collect only past this many young objects


class GuiThreadCollector(QObject):
    """Turns automatic collection off in ``start`` and back on in ``stop``; collects from its timer."""

    def __init__(self, parent: QObject | None = None, *, starting: bool = False) -> None:
        super().__init__(parent)
        self.starting = starting
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

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def settle(self) -> None:
        """The start is over: what it built is kept out of every later collection (once; what was
        garbage among it, a few hundred objects, is never freed)."""
        if self.starting:
            self.starting = False
            gc.freeze()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds (youngest first, as gc does)."""
        young, middle, old = gc.get_count()
        if young <= (START_LIMIT if self.starting else self._threshold[0]):
            return
        gc.collect(0)
        if middle > self._threshold[1]:
            gc.collect(1)
            if old > self._threshold[2]:
                gc.collect(2)
