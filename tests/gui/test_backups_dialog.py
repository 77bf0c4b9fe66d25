"""File ▸ Backups…: the list, a backup taken now (as long work), and a restore with the command
line's checks: the window closes the database, restores, keeps a safety backup, and reopens."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.domain.drafts import ClientDraft
from deliverydesk.gui.application import WindowHost
from deliverydesk.gui.dialogs.backups import BackupsDialog
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.gui.ui_state import UiState
from deliverydesk.paths import data_paths
from deliverydesk.services.records.clients import create_client, list_clients
from deliverydesk.services.storage import OpenOptions, list_backups, open_workspace
from tests.conftest import fixed_clock
from tests.gui.conftest import wait_idle


@pytest.fixture
def host(qtbot, data_dir: Path, tasks: TaskRunner):
    made = WindowHost(tasks, UiState(data_paths(data_dir).settings_file), "en")
    workspace = open_workspace(OpenOptions(data_dir=data_dir, create=True), clock=fixed_clock)
    made.show(workspace)
    yield made
    if made.window is not None:
        made.window.close()
    made.close()


def _dialog(qtbot, host: WindowHost) -> BackupsDialog:
    assert host.window is not None
    host.window.act_backups.trigger()
    dialog = host.window.last_dialog
    assert isinstance(dialog, BackupsDialog)
    wait_idle(qtbot, host.tasks)
    return dialog


def test_take_a_backup_then_restore_it(qtbot, host: WindowHost, data_dir: Path) -> None:
    assert host.workspace is not None
    create_client(host.workspace.ctx, ClientDraft(name="Before the backup"))
    dialog = _dialog(qtbot, host)
    count = len(dialog.backups)
    dialog.take_button.click()
    wait_idle(qtbot, host.tasks)
    assert len(dialog.backups) == count + 1 and dialog.list.topLevelItemCount() == count + 1
    assert dialog.status.text().startswith("Backup taken")
    create_client(host.workspace.ctx, ClientDraft(name="After the backup"))
    first_window = host.window
    box = dialog.ask_restore()
    assert box is not None and "safety backup" in box.text()
    next(b for b in box.buttons() if b.text() == "Restore").click()
    qtbot.waitUntil(lambda: host.window is not None and host.window is not first_window, timeout=20_000)
    wait_idle(qtbot, host.tasks)
    assert host.workspace is not None
    names = [c.name for c in list_clients(host.workspace.ctx).rows]
    assert names == ["Before the backup"], "the database is the backup's"
    assert len(list_backups(data_paths(data_dir))) == count + 2, "the replaced database was kept first"
    assert "Restored the backup" in host.window.statusBar().currentMessage()


def test_a_server_database_has_no_backups_here(qtbot, env) -> None:
    from deliverydesk.services.storage import Workspace

    server = Workspace(
        ctx=env.ctx, paths=env.paths, db_url="postgresql+psycopg://server/team", readonly=False
    )
    dialog = BackupsDialog(env, server)
    qtbot.addWidget(dialog)
    assert not dialog.take_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert "server database" in dialog.status.text()
