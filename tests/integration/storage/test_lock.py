"""Single writer: a second process is refused naming the holder; a dead holder's lock is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.errors import DatabaseLockedError
from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import OpenOptions, list_backups, open_workspace, restore_backup
from deliverydesk.store.lock import lock_path_for
from tests.integration.storage.helpers import SteppingClock, client_names, python_child

HOLDER = """
    import sys
    from pathlib import Path
    from deliverydesk.services.storage import OpenOptions, open_workspace
    workspace = open_workspace(OpenOptions(data_dir=Path(sys.argv[1])))
    print("ready", flush=True)
    sys.stdin.readline()
    workspace.close()
"""


@pytest.fixture
def holder(existing_db: Path, paths: DataPaths) -> Iterator[subprocess.Popen[str]]:
    """Another DeliveryDesk process with the database open for writing."""
    child = python_child(HOLDER, str(paths.root))
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line == "ready\n", child.stderr.read() if child.stderr else line
    yield child
    child.communicate("\n", timeout=30)


def test_second_writer_process_is_refused_naming_the_holder(
    holder: subprocess.Popen[str], paths: DataPaths, clock: SteppingClock
) -> None:
    with pytest.raises(DatabaseLockedError) as refused:
        open_workspace(OpenOptions(data_dir=paths.root), clock)

    message = str(refused.value)
    assert f"process {holder.pid}" in message
    assert socket.gethostname() in message
    assert str(lock_path_for(paths.database)) in message  # tells how to clear a lock left behind


def test_reading_is_allowed_while_another_process_writes(
    holder: subprocess.Popen[str], paths: DataPaths, clock: SteppingClock
) -> None:
    reader = open_workspace(OpenOptions(data_dir=paths.root, readonly=True), clock)
    try:
        assert client_names(reader) == ["Acme 甲方"]
    finally:
        reader.close()
    assert lock_path_for(paths.database).exists()  # the holder's lock was not touched


def test_restore_is_refused_while_another_process_holds_the_database(
    holder: subprocess.Popen[str], paths: DataPaths, clock: SteppingClock, tmp_path: Path
) -> None:
    backups = list_backups(paths)
    assert backups, "the holder took the daily backup when it opened"
    with pytest.raises(DatabaseLockedError):
        restore_backup(OpenOptions(data_dir=paths.root), backups[0].path, clock)


def test_a_second_writer_in_the_same_process_is_refused(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    first = open_workspace(OpenOptions(data_dir=paths.root), clock)
    try:
        with pytest.raises(DatabaseLockedError, match=f"process {os.getpid()}"):
            open_workspace(OpenOptions(data_dir=paths.root), clock)
    finally:
        first.close()


def dead_pid() -> int:
    """The PID of a process that has exited and been reaped."""
    probe = subprocess.Popen([sys.executable, "-c", "pass"])
    probe.wait()
    return probe.pid


def write_lock(db: Path, host: str, pid: int) -> None:
    lock_path_for(db).write_text(json.dumps({"host": host, "pid": pid, "since": "2026-03-01T08:00:00+00:00"}))


def test_stale_lock_of_a_dead_process_on_this_host_is_taken_over(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    write_lock(existing_db, socket.gethostname(), dead_pid())

    workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)

    held = json.loads(lock_path_for(existing_db).read_text())
    assert held["pid"] == os.getpid()
    workspace.close()
    assert not lock_path_for(existing_db).exists()


def test_lock_naming_this_process_but_not_held_by_it_is_stale(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    """After a reboot an old lock can name the PID this process now has."""
    write_lock(existing_db, socket.gethostname(), os.getpid())

    open_workspace(OpenOptions(data_dir=paths.root), clock).close()

    assert not lock_path_for(existing_db).exists()


@pytest.mark.skipif(not hasattr(time, "CLOCK_BOOTTIME"), reason="boot time is known on Linux only")
def test_lock_written_before_the_last_boot_is_stale_even_if_its_pid_is_alive(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    write_lock(existing_db, socket.gethostname(), 1)  # PID 1 is always alive
    os.utime(lock_path_for(existing_db), (1_000_000_000, 1_000_000_000))  # 2001

    open_workspace(OpenOptions(data_dir=paths.root), clock).close()

    assert not lock_path_for(existing_db).exists()


def test_lock_of_a_live_process_on_this_host_is_respected(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    write_lock(existing_db, socket.gethostname(), 1)  # PID 1 is always alive; the lock is fresh

    with pytest.raises(DatabaseLockedError, match="process 1,"):
        open_workspace(OpenOptions(data_dir=paths.root), clock)


def test_lock_held_from_another_host_is_respected_and_named(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    write_lock(existing_db, "laptop-of-wang-wei", 4242)

    with pytest.raises(DatabaseLockedError, match=r"laptop-of-wang-wei.*process 4242.*2026-03-01") as refused:
        open_workspace(OpenOptions(data_dir=paths.root), clock)
    chinese = refused.value.message.render(Language.ZH_CN)
    assert "laptop-of-wang-wei 上的 DeliveryDesk（进程 4242，自 2026-03-01" in chinese
    assert json.loads(lock_path_for(existing_db).read_text())["pid"] == 4242


def test_readonly_open_takes_no_lock(existing_db: Path, paths: DataPaths, clock: SteppingClock) -> None:
    reader = open_workspace(OpenOptions(data_dir=paths.root, readonly=True), clock)
    try:
        assert not lock_path_for(existing_db).exists()
        writer = open_workspace(OpenOptions(data_dir=paths.root), clock)
        writer.close()
    finally:
        reader.close()


def test_an_unreadable_lock_is_respected_while_fresh_and_taken_over_when_old(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    lock = lock_path_for(existing_db)
    lock.write_bytes(b"")  # a crash between creating the lock and writing the holder into it

    with pytest.raises(DatabaseLockedError, match="its lock file cannot be read") as refused:
        open_workspace(OpenOptions(data_dir=paths.root), clock)
    assert "另一个 DeliveryDesk（无法读取其锁文件）" in refused.value.message.render(Language.ZH_CN)

    five_minutes_ago = time.time() - 300
    os.utime(lock, (five_minutes_ago, five_minutes_ago))
    open_workspace(OpenOptions(data_dir=paths.root), clock).close()
    assert not lock.exists()
