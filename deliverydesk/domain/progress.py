"""How long work reports how far it is and learns that the user wants it stopped (no Qt, no threads).

A long service call (an evidence pack, a bundle import, a backup, later a sync) takes a ``Progress``
and calls ``step(done, total, what)`` at the points where stopping is safe: there, ``step`` raises
``errors.Cancelled`` when the user asked to stop. The service then leaves nothing half-written (a file
is replaced only after the last step; a transaction is rolled back). The window's task runner passes
one that reports to the status bar; the command line and tests use ``NO_PROGRESS``."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def step(self, done: int, total: int, what: str = "") -> None:
        """``done`` of ``total`` (0 total: no measure); raises ``Cancelled`` when asked to stop."""


class _Silent:
    def step(self, done: int, total: int, what: str = "") -> None:
        return None


NO_PROGRESS: Progress = _Silent()
