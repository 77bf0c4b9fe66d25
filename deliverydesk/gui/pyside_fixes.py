"""Work around a PySide6 6.12.0 reference-count bug that aborts the interpreter (Python < 3.12).

Seen on this machine (PySide6 6.12.0, Python 3.11.7): every ``SignalInstance.emit()`` called from
Python releases one reference to ``True`` that it never took (200 emits: refcount 590 -> 390). When
the count reaches zero the process dies with "Fatal Python error: bool_dealloc". PySide6 6.11.3 does
not do this, and from Python 3.12 on ``True`` is immortal, so the leak is harmless there.

Until the dependency pin excludes the affected version, keep ``True``'s count topped up: a timer
checks it and, when low, adds a block of references. They are added to the count itself (never held
by a Python object), because a holder freed at interpreter exit would hand them back and underflow."""

from __future__ import annotations

import ctypes
import sys

import PySide6
from PySide6.QtCore import QObject, QTimer

LOW_WATER = 100_000
BLOCK = 200_000
CHECK_MS = 250


def affected() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")


def top_up() -> None:
    """Give ``True`` another block of references when its count runs low."""
    if affected() and sys.getrefcount(True) < LOW_WATER:
        # ob_refcnt is the first field of every CPython object (CPython 3.11 layout).
        ctypes.c_ssize_t.from_address(id(True)).value += BLOCK


def install(parent: QObject) -> QTimer | None:
    """Top up now and every ``CHECK_MS`` while ``parent`` lives (the application object)."""
    if not affected():
        return None
    top_up()
    timer = QTimer(parent)
    timer.setObjectName("trueRefcountGuard")
    timer.timeout.connect(top_up)
    timer.start(CHECK_MS)
    return timer
