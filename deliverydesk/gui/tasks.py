"""The one helper that runs slow work (> ~100 ms) off the GUI thread.

Workers only call the given function; the result travels back through a signal object created on
the GUI thread, so callbacks always run on the GUI thread and may touch widgets. Jobs submitted under
the same ``key`` supersede each other: only the newest result is delivered (an older filter keystroke
finishing late is dropped).

Long work (exports of large documents, evidence packs, imports, backups, later sync) goes through
``submit_long``: the job receives a ``TaskProgress`` (``domain.progress.Progress``) to report how far
it is, and the runner announces it (``long_started``, ``progressed``, ``long_finished``) so the
window shows it in the status bar with a Cancel button, never blocking. Cancel asks the job to stop at
its next safe point (it raises ``errors.Cancelled`` there and writes nothing); ``on_cancelled`` runs
instead of ``on_done``."""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from deliverydesk.errors import Cancelled, DeliveryDeskError

log = logging.getLogger(__name__)

OnDone = Callable[[Any], object]  # what it returns is ignored
OnError = Callable[[DeliveryDeskError], object]


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it and Qt queues the call to the GUI thread."""

    finished = Signal(int, bool, object)
    progressed = Signal(int, int, int, str)  # ticket, done, total, what


class TaskProgress:
    """Given to a long job on its worker: ``step`` reports (queued to the GUI thread) and raises
    ``Cancelled`` once the user asked to stop; ``cancel`` is called on the GUI thread."""

    def __init__(self, ticket: int, relay: _Relay) -> None:
        self.ticket, self._relay = ticket, relay
        self._stop = threading.Event()

    def step(self, done: int, total: int, what: str = "") -> None:
        if self._stop.is_set():
            raise Cancelled()
        with contextlib.suppress(RuntimeError):  # the runner is gone (window closed): nobody listens
            self._relay.progressed.emit(self.ticket, done, total, what)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()


@dataclass
class LongTask:
    """What the window shows of a long job: its title, whether it can stop, how to ask it to."""

    ticket: int
    title: str
    cancellable: bool
    progress: TaskProgress

    def cancel(self) -> None:
        if self.cancellable:
            self.progress.cancel()


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
    on_cancelled: Callable[[], None] | None = None  # a long job the user stopped
    long: LongTask | None = None

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


class TaskRunner(QObject):
    """Submit callables to a thread pool; get results on the GUI thread; drop stale keyed results."""

    busy_changed = Signal(bool)
    long_started = Signal(object)  # LongTask
    progressed = Signal(int, int, int, str)  # ticket, done, total, what
    long_finished = Signal(int)  # ticket (done, failed or cancelled)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.progressed.connect(self.progressed)
        self._long: dict[int, LongTask] = {}
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

    def submit_long(
        self,
        fn: Callable[[TaskProgress], Any],
        on_done: OnDone,
        on_error: OnError | None = None,
        *,
        title: str,
        cancellable: bool = True,
        on_cancelled: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> LongTask:
        """Run ``fn(progress)`` on a worker, shown in the status bar as ``title`` with its progress
        and (``cancellable``) a Cancel button. Results come back as with ``submit``."""
        ticket = next(self._tickets)
        progress = TaskProgress(ticket, self._relay)
        task = LongTask(ticket, title, cancellable, progress)
        was_busy = self.is_busy
        if owner is None and isinstance(getattr(on_done, "__self__", None), QObject):
            owner = on_done.__self__  # type: ignore[attr-defined]
        self._pending[ticket] = _Pending(None, on_done, on_error, owner, on_cancelled, task)
        self._long[ticket] = task
        self._pool.start(_Job(ticket, lambda: fn(progress), self._relay))
        if not was_busy:
            self.busy_changed.emit(True)
        self.long_started.emit(task)
        return task

    def long_tasks(self) -> list[LongTask]:
        """The long jobs running now, oldest first."""
        return list(self._long.values())

    def cancel_all(self) -> None:
        for task in self._long.values():
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the workers are done (shutdown only: their results are still delivered later)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10_000) -> None:
        """Ask long jobs to stop, wait for running jobs and drop every result not yet delivered (the
        window is closing)."""
        self.cancel_all()
        self._pool.waitForDone(msecs)
        self._pending.clear()
        self._latest.clear()
        self._long.clear()

    @Slot(int, bool, object)
    def _on_finished(self, ticket: int, ok: bool, payload: object) -> None:
        pending = self._pending.pop(ticket, None)
        if self._long.pop(ticket, None) is not None:
            self.long_finished.emit(ticket)
        if not self.is_busy:
            self.busy_changed.emit(False)
        if pending is None or self._is_stale(ticket, pending.key) or pending.owner_gone():
            return
        if not ok and isinstance(payload, Cancelled):
            if pending.on_cancelled is not None:
                pending.on_cancelled()
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
