"""Long work shows in the status bar with its progress and a Cancel button, never blocking the window;
a cancelled export leaves nothing half-written."""

from __future__ import annotations

import threading
from pathlib import Path

from deliverydesk.domain.progress import Progress
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.widgets.progress_panel import LongTaskPanel
from deliverydesk.services.files import write_file_atomically
from tests.gui.conftest import wait_idle


def test_progress_shows_and_cancel_stops_at_the_next_safe_point(qtbot, tasks: TaskRunner) -> None:
    panel = LongTaskPanel(tasks)
    qtbot.addWidget(panel)
    reached, go_on = threading.Event(), threading.Event()
    outcome: list[str] = []

    def job(progress: Progress) -> str:
        progress.step(1, 4, "first")
        reached.set()
        go_on.wait(10)
        progress.step(2, 4, "second")  # raises: the user asked to stop
        return "finished"

    task = tasks.submit_long(
        job, outcome.append, title="Exporting pack.pdf", on_cancelled=lambda: outcome.append("cancelled")
    )
    assert reached.wait(10)
    qtbot.waitUntil(lambda: panel.bar.value() == 1)
    assert not panel.isHidden()
    assert panel.label.text() == "Exporting pack.pdf" and panel.bar.maximum() == 4
    assert panel.cancel_button.isEnabled() and panel.cancel_button.accessibleName()
    panel.cancel_button.click()
    assert task.progress.cancel_requested and not panel.cancel_button.isEnabled()
    go_on.set()
    wait_idle(qtbot, tasks)
    assert outcome == ["cancelled"]
    assert panel.isHidden() and tasks.long_tasks() == []


def test_a_cancelled_export_writes_no_file(qtbot, tasks: TaskRunner, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    reached, go_on = threading.Event(), threading.Event()

    def job(progress: Progress) -> None:
        reached.set()
        go_on.wait(10)
        write_file_atomically(out, b"%PDF-1.7 a large document", progress)

    task = tasks.submit_long(job, lambda _r: None, title="Exporting letter.pdf")
    assert reached.wait(10)
    task.cancel()
    go_on.set()
    wait_idle(qtbot, tasks)
    assert list(tmp_path.iterdir()) == [], "neither the file nor its temp file"
