"""Start-up order: an opening frame paints first; the MainWindow replaces it; the day's backup follows."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from deliverydesk.errors import CorruptDatabaseError
from deliverydesk.gui import application
from deliverydesk.gui.application import WindowHost
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState
from deliverydesk.paths import data_paths
from deliverydesk.services.storage import OpenOptions, list_backups, open_workspace
from tests.conftest import fixed_clock
from tests.gui.conftest import wait_idle
from tests.integration.storage.helpers import sha256
from tests.integration.storage.test_refusals import damage_a_table_page


@pytest.fixture
def host(data_dir: Path, tasks: TaskRunner):
    made = WindowHost(tasks, UiState(data_paths(data_dir).settings_file), "en")
    yield made
    if made.window is not None:
        made.window.close()
    made.close()


def test_the_frame_paints_first_then_the_window_replaces_it_and_backs_up_the_day(
    qtbot, host: WindowHost, data_dir: Path, demo_template: Path
) -> None:
    frame = host.show_opening()
    with qtbot.waitSignal(frame.painted, timeout=5000):
        pass
    assert frame.isVisible()
    assert "checking the database" in frame.findChild(QLabel, "openingMessage").text()
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    workspace = open_workspace(OpenOptions(data_dir=data_dir, defer_daily_backup=True), clock=fixed_clock)
    assert workspace.backup_due and list_backups(workspace.paths) == []

    window = host.show(workspace)

    assert window.isVisible()
    assert host.opening is None and not frame.isVisible()
    qtbot.waitUntil(lambda: len(list_backups(workspace.paths)) == 1, timeout=10_000)


def test_closing_the_frame_quits_but_replacing_it_does_not(
    qtbot, host: WindowHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(application, "quit_application", lambda: quits.append(True))
    host.show_opening()
    host.close_opening()  # a start-up dialog takes over
    assert quits == [] and host.opening is None

    host.show_opening().close()  # the user closes it while the database opens
    assert quits == [True]


def test_the_window_shows_before_the_check_and_goes_when_the_file_is_damaged(
    qtbot, host: WindowHost, data_dir: Path, demo_template: Path
) -> None:
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    damage_a_table_page(data_dir / "deliverydesk.db")
    before = sha256(data_dir / "deliverydesk.db")
    options = OpenOptions(data_dir=data_dir, defer_daily_backup=True, defer_integrity_check=True)
    workspace = open_workspace(options, clock=fixed_clock)  # not checked yet: no refusal
    assert workspace.check_pending

    with qtbot.waitSignal(host.integrity_failed, timeout=20_000) as failed:
        window = host.show(workspace)
        assert window.isVisible()

    assert isinstance(failed.args[0], CorruptDatabaseError)
    assert host.window is None and host.workspace is None and not window.isVisible()
    assert sha256(data_dir / "deliverydesk.db") == before  # read, never written (no backup either)
    assert list_backups(workspace.paths) == []


def test_a_healthy_file_is_checked_behind_the_window_and_then_written(
    qtbot, host: WindowHost, data_dir: Path, demo_template: Path
) -> None:
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    options = OpenOptions(data_dir=data_dir, defer_daily_backup=True, defer_integrity_check=True)
    workspace = open_workspace(options, clock=fixed_clock)

    host.show(workspace)

    qtbot.waitUntil(lambda: not workspace.check_pending, timeout=20_000)
    qtbot.waitUntil(lambda: len(list_backups(workspace.paths)) == 1, timeout=20_000)  # after the check
    assert host.window is not None


def test_what_waits_for_the_first_pages_comes_after_todays_rows(
    qtbot, host: WindowHost, data_dir: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's backup, keeping the UI language (and the team sync, the install check's screenshot)
    wait until Today's rows are on screen: the task runner is idle for a moment before they are asked
    for, and it goes idle as it hands them over, before they are painted."""
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    workspace = open_workspace(OpenOptions(data_dir=data_dir, defer_daily_backup=True), clock=fixed_clock)
    assert workspace.backup_due and not workspace.check_pending
    seen: list[tuple[str, int]] = []

    def shown_rows() -> int:
        home = None if host.window is None else host.window.home
        return home.model.item_count() if home is not None and home.has_shown_rows else 0

    monkeypatch.setattr(host, "take_daily_backup", lambda: seen.append(("backup", shown_rows())))
    monkeypatch.setattr(host, "remember_ui_language", lambda: seen.append(("language", shown_rows())))
    from deliverydesk.services import attention

    release, get_attention = threading.Event(), attention.get_attention

    def report_after_the_first_paint(ctx: object) -> object:
        release.wait(10)  # Today's report comes in after the window has started (as on a large file)
        return get_attention(ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(attention, "get_attention", report_after_the_first_paint)

    host.show(workspace)

    qtbot.waitUntil(lambda: host.window is not None and host.window.has_started, timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert sorted(name for name, _rows in seen) == ["backup", "language"]
    assert all(rows > 0 for _name, rows in seen)


def test_the_window_shows_the_file_read_at_once_and_a_write_waits_for_the_full_open_and_the_check(
    qtbot,
    host: WindowHost,
    data_dir: Path,
    demo_template: Path,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from deliverydesk.app import start_opening
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.services.records.clients import create_client, list_clients
    from deliverydesk.store.starting import StartingDatabase
    from deliverydesk.store.write_gate import WriteGate

    events: list[str] = []
    gate_open = WriteGate.open

    def check_passed(gate: WriteGate) -> None:
        events.append("check passed")
        gate_open(gate)

    monkeypatch.setattr(WriteGate, "open", check_passed)
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    start_opening(data_paths(data_dir), None, tasks, host)  # no worker: the window is shown at once

    window, workspace = host.window, host.workspace
    assert window is not None and workspace is not None and window.isVisible()
    assert isinstance(workspace.ctx.db, StartingDatabase) and workspace.open_pending
    assert workspace.check_pending  # it starts once Today's rows are shown: after this write is asked for

    def write() -> None:
        name = create_client(workspace.ctx, ClientDraft(name="New")).name
        events.append(f"written {name}")

    writer = threading.Thread(target=write)
    writer.start()  # right after the start: waits for the full open and the integrity check
    qtbot.waitUntil(lambda: window.home.model.item_count() > 0, timeout=10_000)  # Today, from the file
    qtbot.waitUntil(lambda: not writer.is_alive(), timeout=30_000)  # the window goes on meanwhile
    assert events == ["check passed", "written New"]
    assert not workspace.open_pending and not workspace.check_pending
    assert "New" in [client.name for client in list_clients(workspace.ctx).rows]
    wait_idle(qtbot, tasks)


def test_the_check_starts_once_todays_rows_are_shown(
    qtbot, host: WindowHost, data_dir: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started with the window, the check took the second core from Today's report; started when the
    task runner first went idle, it could start before Today's report was even asked for."""
    from deliverydesk.services import storage

    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    options = OpenOptions(data_dir=data_dir, defer_daily_backup=True, defer_integrity_check=True)
    workspace = open_workspace(options, clock=fixed_clock)
    rows_shown_at_check: list[bool] = []
    finish_check = storage.finish_check

    def check(started: object) -> None:
        rows_shown_at_check.append(host.window is not None and host.window.home.has_shown_rows)
        finish_check(started)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "finish_check", check)

    host.show(workspace)

    qtbot.waitUntil(lambda: not workspace.check_pending, timeout=20_000)
    assert rows_shown_at_check == [True]
    assert host.window is not None and host.window.home.model.item_count() > 0


def test_writes_holding_every_worker_do_not_hold_up_the_check(
    qtbot,
    host: WindowHost,
    data_dir: Path,
    demo_template: Path,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check has a thread of its own: two writes waiting for it on both of the task runner's workers
    (Today's report queued behind them, so its rows never show: the check starts at its latest time)
    neither deadlock nor get lost, and Today's rows come after them."""
    from deliverydesk.domain.drafts import ClientDraft
    from deliverydesk.services.records.clients import create_client, list_clients

    monkeypatch.setattr(application, "CHECK_LATEST_MS", 0)
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    options = OpenOptions(data_dir=data_dir, defer_daily_backup=True, defer_integrity_check=True)
    workspace = open_workspace(options, clock=fixed_clock)
    written: list[str] = []
    for name in ("First", "Second"):
        draft = ClientDraft(name=name)
        tasks.submit(lambda d=draft: create_client(workspace.ctx, d).name, written.append)
    assert workspace.check_pending

    window = host.show(workspace)

    qtbot.waitUntil(lambda: len(written) == 2, timeout=20_000)
    assert not workspace.check_pending
    assert {"First", "Second"} <= {client.name for client in list_clients(workspace.ctx).rows}
    qtbot.waitUntil(lambda: window.home.has_shown_rows, timeout=10_000)
    wait_idle(qtbot, tasks)


def test_a_damaged_file_shown_at_once_closes_and_the_usual_open_explains_it(
    qtbot,
    host: WindowHost,
    data_dir: Path,
    demo_template: Path,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from deliverydesk.app import start_opening
    from deliverydesk.gui.startup import StartupDialog

    monkeypatch.setattr(application, "quit_application", lambda: None)
    shutil.copyfile(demo_template, data_dir / "deliverydesk.db")
    damage_a_table_page(data_dir / "deliverydesk.db")
    before = sha256(data_dir / "deliverydesk.db")

    with qtbot.waitSignal(host.integrity_failed, timeout=20_000) as failed:
        start_opening(data_paths(data_dir), None, tasks, host)
        assert host.window is not None and host.window.isVisible()

    assert isinstance(failed.args[0], CorruptDatabaseError)

    def dialog() -> StartupDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, StartupDialog) and w.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=20_000)  # the checked open's refusal
    found = dialog()
    assert found is not None and found.objectName() == "startup_corrupt"
    assert host.window is None
    found.reject()
    assert sha256(data_dir / "deliverydesk.db") == before  # read, never written (no backup either)
    assert list_backups(data_paths(data_dir)) == []
