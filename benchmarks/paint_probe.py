"""First-paint detection for the start-up measurements (used inside the measured processes).

The parent puts ``time.time()`` into ``BENCH_T0`` just before it spawns the process, so the figure
includes the interpreter's own start and every import. Lines printed on stdout: ``painted <s>`` at the
main window's first paint event, ``data <s>`` when it shows data (the app's Today rows painted), and
for the app ``first <s>`` at the first paint of any window of its own (the opening frame).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

T0_ENV = "BENCH_T0"
QUIT_AFTER_S = 60.0  # a window that never paints or never loads still ends


def started_at() -> float:
    return float(os.environ.get(T0_ENV) or time.time())


def report(what: str, t0: float) -> None:
    sys.stdout.write(f"{what} {time.time() - t0:.4f}\n")
    sys.stdout.flush()


class PaintProbe(QObject):
    """Prints ``painted`` at the first paint of ``window``; quits then, or after ``data`` when asked."""

    def __init__(
        self, window: QWidget, t0: float, *, wait_for_data: bool = False, word: str = "painted"
    ) -> None:
        super().__init__(window)
        self.t0, self.wait_for_data, self.word = t0, wait_for_data, word
        self.painted = self.has_data = False
        window.installEventFilter(self)
        QTimer.singleShot(int(QUIT_AFTER_S * 1000), QApplication.quit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            report(self.word, self.t0)
            if self.word == "painted":
                self._quit_when_done()
        return False

    def data_shown(self) -> None:
        if not self.has_data:
            self.has_data = True
            report("data", self.t0)
            self._quit_when_done()

    def _quit_when_done(self) -> None:
        if self.painted and (self.has_data or not self.wait_for_data):
            QTimer.singleShot(0, QApplication.quit)

    def report_exit(self) -> None:
        report("exit", self.t0)
        sys.stdout.write(f"peak_kib {peak_rss_kib()}\n")
        sys.stdout.flush()


def peak_rss_kib() -> int:
    """This process's own peak resident set (KiB). Not the parent's ``wait4`` figure: on Linux a
    child's ``ru_maxrss`` keeps the high-water mark of the memory it had before ``exec`` — its
    parent's, as spawned — so every window measured from a benchmark process of 112 MiB read 112 MiB.
    ``VmHWM`` is the peak of this program's own address space."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: getrusage is this process's own there
        import resource

        return int(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
        )
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))


VIEWPORT_NAME = "qt_scrollarea_viewport"  # the object name QAbstractScrollArea gives its viewport


class RowsPaintedProbe(QObject):
    """Calls ``probe.data_shown`` when ``view``'s rows are first painted after ``arm()`` (the model
    filled): the rows on screen, not the model's reset — what follows the reset on the GUI thread
    (expanding the tree, fitting the columns) is part of what the user waits for. A reset that left
    nothing to paint counts at once.

    The viewport is found among the view's children, not asked for with ``view.viewport()``: PySide6
    gives the QWidget that returns its Python type by resolving it through every QWidget subclass,
    which creates those classes' types and enums on first use (~28 ms of CPU, ~70 enums): work the
    measured process did only for the probe, before the main window's first paint, and the app never
    does on its way to Today's rows. Reached as one of the view's children, it costs ~2 ms."""

    def __init__(self, view: QAbstractItemView, probe: PaintProbe) -> None:
        super().__init__(view)
        self.view, self.probe, self.armed = view, probe, False
        viewport_of(view).installEventFilter(self)

    def arm(self) -> None:
        model = self.view.model()
        if model is None or model.rowCount() == 0:
            self.probe.data_shown()
        else:
            self.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            self.probe.data_shown()
        return False


def viewport_of(view: QAbstractItemView) -> QObject:
    """``view``'s viewport, without ``viewport()``'s type resolution (see RowsPaintedProbe)."""
    for child in view.children():
        if child.objectName() == VIEWPORT_NAME:
            return child
    return view.viewport()
