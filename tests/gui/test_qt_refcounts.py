"""PySide6 must not release references to True / None it never took.

PySide6 6.12.0 on Python 3.11 (where True and None are not immortal) drops one reference per
Python ``emit()``, per call into a Python override of a Qt virtual and per ``processEvents()``: the
counts fall by the thousands until the interpreter aborts ("Fatal Python error: bool_dealloc").
From Python 3.12 on, True and None are immortal (PEP 683): their counts never fall, the abort cannot
happen, and 6.12.0 passes this test and the GUI tests on 3.12 and 3.13. So setup.cfg keeps PySide6
below 6.12 only where ``python_version < "3.12"``; this test fails if an affected combination
comes back."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

ROUNDS = 3000
CHUNK = 100  # checked every CHUNK rounds: an affected version fails here instead of aborting later
MARGIN = 50  # the test's own temporaries may hold a few; the bug takes one per round at least


class _Sender(QObject):
    changed = Signal(int)


class _Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1


def refcounts() -> tuple[int, int]:
    return sys.getrefcount(True), sys.getrefcount(None)


def repeat_checking_refcounts(action: Callable[[], object]) -> None:
    """Call ``action`` ROUNDS times; fail as soon as True's or None's count has fallen."""
    before = refcounts()
    for _ in range(ROUNDS // CHUNK):
        for _ in range(CHUNK):
            action()
        after = refcounts()
        assert after[0] >= before[0] - MARGIN, f"references to True fell from {before[0]} to {after[0]}"
        assert after[1] >= before[1] - MARGIN, f"references to None fell from {before[1]} to {after[1]}"


def test_emitting_to_a_python_slot_keeps_the_references(qapp) -> None:
    sender, received = _Sender(), Counter[int]()

    def slot(value: int) -> None:  # returns None to Qt; holds no True (a list of them would mask a leak)
        received[value] += 1

    sender.changed.connect(slot)
    repeat_checking_refcounts(lambda: sender.changed.emit(7))
    assert received == {7: ROUNDS}


def test_qt_calling_a_python_paint_event_keeps_the_references(qtbot) -> None:
    widget = _Painted()
    qtbot.addWidget(widget)
    widget.resize(40, 40)
    widget.show()
    qtbot.waitExposed(widget)

    def paint() -> None:
        widget.repaint()  # synchronous: Qt calls the Python paintEvent
        QCoreApplication.processEvents()

    repeat_checking_refcounts(paint)
    assert widget.paints >= ROUNDS


def test_the_cap_holds_where_the_crash_can_happen() -> None:
    import PySide6

    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    assert sys.version_info >= (3, 12) or version < (6, 12)
