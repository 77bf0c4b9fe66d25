"""The one helper that runs slow work (> ~100 ms) off the GUI thread.

Workers only call the given function; the result travels back through a signal object created on
the GUI thread, so callbacks always run on the GUI thread and may touch widgets. Jobs submitted under
the same ``key`` supersede each other: only the newest result is delivered (an older filter keystroke
finishing late is dropped)."""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from deliverydesk.errors import DeliveryDeskError

log = logging.getLogger(__name__)

OnDone = Callable[[Any], object]  # what it returns is ignored
OnError = Callable[[DeliveryDeskError], object]


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it and Qt queues the call to the GUI thread."""

    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket, self._fn, self._relay = ticket, fn, relay

    def run(self) -> None:
        try:
            ok, payload = True, self._fn()
        except BaseException as exc:  # handed to the GUI thread, never swallowed
            ok, payload = False, exc
        try:
            self._relay.finished.emit(self._ticket, ok, payload)
        except RuntimeError:  # the runner was deleted while the job ran: nobody wants the result
            log.debug("task %s finished after its runner was deleted", self._ticket)


@dataclass
class _Pending:
    key: str | None
    on_done: OnDone
    on_error: OnError | None
    owner: QObject | None  # the widget the callbacks belong to: deleted -> result dropped

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


class TaskRunner(QObject):
    """Submit callables to a thread pool; get results on the GUI thread; drop stale keyed results."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}

    @property
    def is_busy(self) -> bool:
        return bool(self._pending)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: OnDone,
        on_error: OnError | None = None,
        *,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Run ``fn()`` on a worker. ``on_error`` receives user-facing errors; bugs go to the crash hook.

        ``owner`` (default: the object ``on_done`` is a method of) - when it has been deleted by the
        time the result arrives, the result is dropped instead of reaching a dead widget."""
        ticket = next(self._tickets)
        was_busy = self.is_busy
        if owner is None and isinstance(getattr(on_done, "__self__", None), QObject):
            owner = on_done.__self__  # type: ignore[attr-defined]
        self._pending[ticket] = _Pending(key, on_done, on_error, owner)
        if key is not None:
            self._latest[key] = ticket
        self._pool.start(_Job(ticket, fn, self._relay))
        if not was_busy:
            self.busy_changed.emit(True)
        return ticket

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are done (shutdown only: their results are still delivered later)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> None:
        """Wait for running jobs and drop every result not yet delivered (the window is closing)."""
        self._pool.waitForDone(msecs)
        self._pending.clear()
        self._latest.clear()

    @Slot(int, bool, object)
    def _on_finished(self, ticket: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(ticket, None)
        if not self.is_busy:
            self.busy_changed.emit(False)
        if pending is None or self._is_stale(ticket, pending.key) or pending.owner_gone():
            return
        if ok:
            pending.on_done(payload)
        elif isinstance(payload, DeliveryDeskError) and pending.on_error is not None:
            pending.on_error(payload)
        else:
            assert isinstance(payload, BaseException)
            sys.excepthook(type(payload), payload, payload.__traceback__)

    def _is_stale(self, ticket: int, key: str | None) -> bool:
        if key is None:
            return False
        if self._latest.get(key) != ticket:
            return True
        del self._latest[key]
        return False
