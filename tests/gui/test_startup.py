"""Start-up: first start offers empty/demo; damaged, locked, newer and read-only files get the right
dialog (shown non-blocking, inspected, answered through its buttons). Never a traceback."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from deliverydesk import errors
from deliverydesk.gui.startup import StartupController, StartupDialog
from deliverydesk.gui.startup_specs import Choice, SpecKind, error_spec, first_start_spec
from deliverydesk.gui.tasks import TaskRunner
from deliverydesk.i18n import msg
from deliverydesk.services import storage
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.storage import OpenOptions, Workspace, backup_now, open_workspace
from deliverydesk.store.identity import SCHEMA_GENERATION
from deliverydesk.store.lock import lock_path_for
from tests.conftest import fixed_clock

# --- the mapping, without any window --------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind", "choices"),
    [
        (errors.CorruptDatabaseError(msg("damaged")), SpecKind.CORRUPT, (Choice.CHOOSE_FILE, Choice.QUIT)),
        (
            errors.DatabaseLockedError(msg("held")),
            SpecKind.LOCKED,
            (Choice.RETRY, Choice.OPEN_READONLY, Choice.QUIT),
        ),
        (
            errors.ReadOnlyStorageError(msg("ro")),
            SpecKind.READ_ONLY,
            (Choice.OPEN_READONLY, Choice.CHOOSE_FILE, Choice.QUIT),
        ),
        (errors.NewerVersionError(msg("newer")), SpecKind.NEWER, (Choice.CHOOSE_FILE, Choice.QUIT)),
        (errors.ForeignFileError(msg("foreign")), SpecKind.FOREIGN, (Choice.CHOOSE_FILE, Choice.QUIT)),
        (
            errors.DiskFullError(msg("full")),
            SpecKind.DISK_FULL,
            (Choice.RETRY, Choice.OPEN_READONLY, Choice.QUIT),
        ),
        (
            errors.StorageError(msg("other")),
            SpecKind.STORAGE,
            (Choice.RETRY, Choice.CHOOSE_FILE, Choice.QUIT),
        ),
    ],
)
def test_each_error_maps_to_its_dialog(error, kind, choices) -> None:
    spec = error_spec(error)
    assert spec.kind is kind
    assert spec.choices == choices
    assert spec.default in spec.choices
    assert str(error.message) in spec.details


def test_a_damaged_file_with_a_backup_offers_to_restore_it(tmp_path: Path) -> None:
    error = errors.CorruptDatabaseError(msg("damaged"))
    error.newest_backup = tmp_path / "backup.db"  # type: ignore[attr-defined]
    spec = error_spec(error)
    assert spec.choices[0] is Choice.OPEN_BACKUP
    assert spec.default is Choice.OPEN_BACKUP
    assert str(tmp_path / "backup.db") in spec.details


def test_first_start_offers_empty_and_demo() -> None:
    spec = first_start_spec("/data/deliverydesk.db")
    assert spec.choices[:2] == (Choice.CREATE_EMPTY, Choice.CREATE_DEMO)
    assert "/data/deliverydesk.db" in spec.details


# --- the real start-up against real files ----------------------------------------------------------


def _start(qtbot, data_dir: Path, tasks: TaskRunner, **kwargs) -> tuple[StartupController, list[Workspace]]:
    controller = StartupController(OpenOptions(data_dir=data_dir), tasks, clock=fixed_clock, **kwargs)
    opened: list[Workspace] = []
    controller.opened.connect(opened.append)
    controller.start()
    return controller, opened


def _dialog(qtbot, controller: StartupController) -> StartupDialog:
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible(), timeout=10_000)
    assert controller.dialog is not None
    qtbot.addWidget(controller.dialog)
    return controller.dialog


def _existing(data_dir: Path) -> Path:
    open_workspace(OpenOptions(data_dir=data_dir, create=True), clock=fixed_clock).close()
    return data_dir / "deliverydesk.db"


def test_first_start_creates_a_demo_database(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    controller, opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.FIRST_START
    assert set(dialog.buttons) >= {Choice.CREATE_EMPTY, Choice.CREATE_DEMO}
    dialog.buttons[Choice.CREATE_DEMO].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    try:
        assert list_projects(opened[0].ctx).total >= 5
    finally:
        opened[0].close()


def test_first_start_creates_an_empty_database(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    controller, opened = _start(qtbot, data_dir, tasks)
    _dialog(qtbot, controller).buttons[Choice.CREATE_EMPTY].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    try:
        assert list_projects(opened[0].ctx).total == 0
    finally:
        opened[0].close()


def test_quit_cancels(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    controller, opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    with qtbot.waitSignal(controller.cancelled):
        dialog.buttons[Choice.QUIT].click()
    assert not opened


def test_a_damaged_database_shows_the_damaged_dialog(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    database = _existing(data_dir)
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.truncate(size // 2)
    controller, opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.CORRUPT
    assert Choice.CHOOSE_FILE in dialog.buttons
    assert database.stat().st_size == size // 2  # untouched
    assert not opened


def test_a_newer_database_shows_the_newer_dialog(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    database = _existing(data_dir)
    with closing(sqlite3.connect(database)) as newer:
        newer.execute(f"PRAGMA user_version = {SCHEMA_GENERATION + 1}")
    controller, _opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.NEWER
    assert set(dialog.buttons) == {Choice.CHOOSE_FILE, Choice.QUIT}


@pytest.fixture
def other_process():
    child = subprocess.Popen(["sleep", "60"])
    yield child
    child.kill()
    child.wait()


def test_a_locked_database_offers_read_only(qtbot, data_dir: Path, tasks: TaskRunner, other_process) -> None:
    database = _existing(data_dir)
    holder = {"host": socket.gethostname(), "pid": other_process.pid, "since": datetime.now(UTC).isoformat()}
    lock_path_for(database).write_text(json.dumps(holder), encoding="utf-8")
    controller, opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.LOCKED
    dialog.buttons[Choice.OPEN_READONLY].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    try:
        assert opened[0].readonly
    finally:
        opened[0].close()


def test_a_read_only_folder_offers_read_only(qtbot, data_dir: Path, tasks: TaskRunner, monkeypatch) -> None:
    _existing(data_dir)
    if os.geteuid() == 0:  # root writes through permissions: let the storage refuse as it would
        refusal = errors.ReadOnlyStorageError(msg("The folder is read-only."))
        monkeypatch.setattr(storage, "open_workspace", lambda *a, **k: (_ for _ in ()).throw(refusal))
    data_dir.chmod(0o555)
    try:
        controller, _opened = _start(qtbot, data_dir, tasks)
        dialog = _dialog(qtbot, controller)
        assert dialog.spec.kind is SpecKind.READ_ONLY
        assert Choice.OPEN_READONLY in dialog.buttons
    finally:
        data_dir.chmod(0o755)


def test_a_damaged_database_with_a_backup_is_restored(qtbot, data_dir: Path, tasks: TaskRunner) -> None:
    workspace = open_workspace(OpenOptions(data_dir=data_dir, create=True), clock=fixed_clock)
    backup_now(workspace)
    workspace.close()
    database = data_dir / "deliverydesk.db"
    with database.open("r+b") as handle:
        handle.truncate(database.stat().st_size // 2)
    controller, opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.CORRUPT
    dialog.buttons[Choice.OPEN_BACKUP].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    try:
        assert list_projects(opened[0].ctx).total == 0
    finally:
        opened[0].close()


def test_choose_another_file_opens_it(qtbot, data_dir: Path, tasks: TaskRunner, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = _existing(elsewhere)
    database = _existing(data_dir)
    database.write_bytes(b"not a database at all" * 100)
    controller, opened = _start(qtbot, data_dir, tasks, choose_file=lambda _parent: other)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.FOREIGN
    dialog.buttons[Choice.CHOOSE_FILE].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    try:
        assert opened[0].db_url.endswith(str(other))
    finally:
        opened[0].close()


def test_a_bug_while_opening_still_offers_choices(
    qtbot, data_dir: Path, tasks: TaskRunner, monkeypatch
) -> None:
    _existing(data_dir)

    def broken(*_args, **_kwargs):
        raise AttributeError("'NoneType' object has no attribute 'engine'")

    monkeypatch.setattr(storage, "open_workspace", broken)
    controller, _opened = _start(qtbot, data_dir, tasks)
    dialog = _dialog(qtbot, controller)
    assert dialog.spec.kind is SpecKind.STORAGE
    assert "AttributeError" in dialog.spec.details
    assert set(dialog.buttons) == {Choice.RETRY, Choice.CHOOSE_FILE, Choice.QUIT}
