"""The status bar's view of long work: what runs, how far it is, and Cancel where stopping is safe.

Fed by the task runner's ``long_started`` / ``progressed`` / ``long_finished``; the window stays
usable meanwhile. With several long jobs the newest is shown, with how many more run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from deliverydesk.gui.tasks import LongTask, TaskRunner


class LongTaskPanel(QWidget):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("longTaskPanel")
        self.tasks = tasks
        self._done: dict[int, tuple[int, int]] = {}
        self.label = QLabel(self)
        self.label.setObjectName("longTaskTitle")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("longTaskProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("longTaskCancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running task"))
        self.cancel_button.setToolTip(self.tr("Stop it: nothing of it is written"))
        self.cancel_button.clicked.connect(self.cancel_current)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        tasks.long_started.connect(self._started)
        tasks.progressed.connect(self._progressed)
        tasks.long_finished.connect(self._finished)
        self.hide()

    def current(self) -> LongTask | None:
        running = self.tasks.long_tasks()
        return running[-1] if running else None

    def cancel_current(self) -> None:
        task = self.current()
        if task is not None and task.cancellable:
            task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Stopping: %1…").replace("%1", task.title))

    def _started(self, task: LongTask) -> None:
        self._done[task.ticket] = (0, 0)
        self._show()

    def _progressed(self, ticket: int, done: int, total: int, _what: str) -> None:
        if ticket in self._done:
            self._done[ticket] = (done, total)
            self._show()

    def _finished(self, ticket: int) -> None:
        self._done.pop(ticket, None)
        self._show()

    def _show(self) -> None:
        task = self.current()
        self.setVisible(task is not None)
        if task is None:
            return
        more = len(self.tasks.long_tasks()) - 1
        title = task.title if not more else self.tr("%1 (and %n more)", "", more).replace("%1", task.title)
        if not task.progress.cancel_requested:
            self.label.setText(title)
        done, total = self._done.get(task.ticket, (0, 0))
        self.bar.setRange(0, total if total > 0 else 0)  # 0..0: busy, no measure yet
        if total > 0:
            self.bar.setValue(min(done, total))
        self.cancel_button.setVisible(task.cancellable)
        self.cancel_button.setEnabled(not task.progress.cancel_requested)
        self.label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
