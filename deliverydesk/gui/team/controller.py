"""Background sync: at start, every few minutes and on demand, on the task runner (never on the GUI
thread). One sync at a time; the window hears when it is done (``synced``), what it had to say
(``notices``) and how things stand (``status_changed``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from deliverydesk.domain.sync_status import SyncStatus
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_text

if TYPE_CHECKING:  # the sync services load with the first sync (after the first pages)
    from deliverydesk.services.sync.client import SyncReport

INTERVAL_MS = 5 * 60 * 1000
TransportFactory = Callable[[], Any]  # the transport to the team server; None when not in a team


def team_transports(env: GuiEnv) -> TransportFactory:
    """The window's way to the team server: the environment's (tests) or the stored token's."""
    if env.team_transport is not None:
        return env.team_transport

    def stored() -> Any:
        from deliverydesk.services.sync.client import stored_transport

        return stored_transport(env.ctx, env.paths.root)

    return stored


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncReport
    failed = Signal(str)  # the error, in the UI language
    running_changed = Signal(bool)

    def __init__(
        self, env: GuiEnv, transport_factory: TransportFactory | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.env = env
        self.transport_factory = transport_factory or team_transports(env)
        self.status = SyncStatus(joined=False)
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        """At the window's start: read the status, sync once, then every few minutes."""
        if self.env.readonly:
            return
        self.refresh_status(then_sync=True)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh_status(self, then_sync: bool = False) -> None:
        from deliverydesk.services.sync.client import sync_status

        ctx = self.env.ctx

        def done(status: SyncStatus) -> None:
            self._status(status)
            if then_sync and status.joined:
                self.sync_now()

        self.env.tasks.submit(
            lambda: sync_status(ctx), done, self._status_failed, key="sync-status", owner=self
        )

    def sync_now(self) -> None:
        if self.running or self.env.readonly:
            return
        ctx, factory = self.env.ctx, self.transport_factory

        def work() -> SyncReport | None:
            from deliverydesk.services.sync.client import sync_now

            transport = factory()
            if transport is None:
                return None
            try:
                return sync_now(ctx, transport)
            finally:
                closing = getattr(transport, "close", None)
                if closing is not None:
                    closing()

        self._set_running(True)
        self.env.tasks.submit(work, self._done, self._failed, key="sync", owner=self)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)

    def _done(self, report: SyncReport | None) -> None:
        self._set_running(False)
        if report is not None:
            self.synced.emit(report)
        self.refresh_status()

    def _failed(self, error: DeliveryDeskError) -> None:
        self._set_running(False)
        self.failed.emit(error_text(error))
        self.refresh_status()

    def _status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _status_failed(self, error: DeliveryDeskError) -> None:
        self.failed.emit(error_text(error))
