"""Writes wait for the integrity check of a file opened with the check deferred (``store.opening``)."""

from __future__ import annotations

import threading

from deliverydesk.errors import DeliveryDeskError


class WriteGate:
    """Writes wait here until the file has passed its integrity check (a database opened with the check
    deferred: it is read, and shown, while ``PRAGMA quick_check`` runs). A failed check keeps the gate
    shut for good: every later write raises the check's error, so a damaged file is never written to.
    While the gate is not open every connection is ``PRAGMA query_only``: SQLite itself refuses a write
    that would come by another road than a session's flush or DML statement."""

    def __init__(self) -> None:
        self._decided = threading.Event()
        self._error: DeliveryDeskError | None = None

    @property
    def pending(self) -> bool:
        return not self._decided.is_set()

    @property
    def writable(self) -> bool:
        return self._decided.is_set() and self._error is None

    def open(self) -> None:
        self._decided.set()

    def fail(self, error: DeliveryDeskError) -> None:
        self._error = error
        self._decided.set()

    def wait(self) -> None:
        """Block until the check has ended; raise its error when it failed."""
        self._decided.wait()
        if self._error is not None:
            raise self._error
