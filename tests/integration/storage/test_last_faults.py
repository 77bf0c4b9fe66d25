"""The last storage faults: each gets a plain message and loses nothing (issue 13).

Disk-full tests use a real small file system (a tmpfs mounted for the test) and need root; elsewhere
they are skipped (``benchmarks/faults.py`` falls back to ``max_page_count`` there)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.cli import main
from deliverydesk.errors import BundleError, DatabaseLockedError, DiskFullError, StorageError
from deliverydesk.paths import DataPaths
from deliverydesk.services.bundle.check import read_bundle
from deliverydesk.services.storage import OpenOptions, open_workspace
from deliverydesk.store.lock import lock_path_for
from tests.integration.storage.helpers import SteppingClock, add_client, client_names


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB file system of its own (tmpfs), unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small real file system needs root (mount -t tmpfs)")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=False)
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    """Use every free byte of the file system holding ``folder``."""
    with (folder / "filler").open("ab", buffering=0) as stream:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 8, 1):
            while True:
                try:
                    stream.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    assert shutil.disk_usage(folder).free == 0


def healthy_copy(existing_db: Path, folder: Path) -> DataPaths:
    paths = DataPaths(folder / "data")
    paths.root.mkdir()
    with closing(sqlite3.connect(existing_db)) as source, closing(sqlite3.connect(paths.database)) as copy:
        source.backup(copy)
    return paths


def test_opening_with_no_free_byte_says_the_disk_is_full_and_leaves_no_lock(
    existing_db: Path, small_disk: Path, clock: SteppingClock
) -> None:
    paths = healthy_copy(existing_db, small_disk)
    fill(small_disk)
    with pytest.raises(DiskFullError, match="full"):
        open_workspace(OpenOptions(data_dir=paths.root), clock)
    assert not lock_path_for(paths.database).exists()
    (small_disk / "filler").unlink()
    workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)  # at once, no 60 s wait
    try:
        assert "Acme 甲方" in client_names(workspace)
    finally:
        workspace.close()


@pytest.mark.parametrize("command", ["check", "backup"])
def test_check_and_backup_on_a_full_disk_say_so(
    existing_db: Path, small_disk: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    paths = healthy_copy(existing_db, small_disk)
    fill(small_disk)
    capsys.readouterr()
    code = main([command, "--data-dir", str(paths.root)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "disk" in err and "full" in err
    assert "cannot be read" not in err and "I/O error" not in err
    (small_disk / "filler").unlink()
    assert main(["check", "--data-dir", str(paths.root)]) == 0  # it was healthy all along


CREATE_AND_DIE = """
import os, signal, sys
from deliverydesk.services.storage import OpenOptions, open_workspace
import deliverydesk.store.opening as opening
real = opening.upgrade
def upgrade_then_die(connection, migrations_dir=None):
    real(connection, migrations_dir)
    os.kill(os.getpid(), signal.SIGKILL)  # before the creation's transaction commits
opening.upgrade = upgrade_then_die
open_workspace(OpenOptions(data_dir=sys.argv[1], create=True))
"""


def test_a_creation_killed_half_way_never_blocks_the_next_start(
    paths: DataPaths, clock: SteppingClock
) -> None:
    done = subprocess.run([sys.executable, "-c", CREATE_AND_DIE, str(paths.root)], check=False, timeout=120)
    assert done.returncode == -9
    assert not paths.database.exists()  # created under a temporary name, renamed only when complete
    workspace = open_workspace(OpenOptions(data_dir=paths.root, create=True), clock)
    try:
        add_client(workspace, "after the crash")
    finally:
        workspace.close()
    leftovers = [p.name for p in paths.root.iterdir() if p.name.startswith(".deliverydesk.db")]
    assert leftovers == []  # the dead creation's files were tidied up
    assert main(["check", "--data-dir", str(paths.root)]) == 0


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_second_writer_through_another_path_to_the_same_file_is_refused(
    existing_db: Path, paths: DataPaths, tmp_path: Path, clock: SteppingClock, link: str
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (os.symlink if link == "symlink" else os.link)(paths.database, other / "deliverydesk.db")
    workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)
    try:
        with pytest.raises(DatabaseLockedError, match="already open for writing"):
            open_workspace(OpenOptions(data_dir=other), clock)
    finally:
        workspace.close()
    second = open_workspace(OpenOptions(data_dir=other), clock)  # free again once the first closed
    second.close()


def _read_in_thread(path: Path) -> list[BaseException]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            read_bundle(path)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive() and stat.S_ISFIFO(os.stat(path).st_mode):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # let the blocked reader go
        thread.join(10)
        pytest.fail("reading the bundle blocked on a FIFO")
    return errors


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_fifo_device_or_folder_is_refused_at_once_as_bundle_input(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bundle.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path = Path("/dev/zero")
    errors = _read_in_thread(path)
    assert len(errors) == 1 and isinstance(errors[0], BundleError), errors
    assert "not a regular file" in str(errors[0].message)


def test_demo_leaves_a_dangling_symlink_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    target = tmp_path / "elsewhere" / "real.db"
    (data / "deliverydesk.db").symlink_to(target)
    assert main(["demo", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "link" in err and str(target) in err and "disk I/O" not in err
    assert (data / "deliverydesk.db").is_symlink() and not target.exists()


def test_exported_files_follow_the_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data)]) == 0
    previous = os.umask(0o022)
    try:
        out = tmp_path / "p.json"
        assert (
            main(["export-bundle", "--project", "DD-2026-014", "--out", str(out), "--data-dir", str(data)])
            == 0
        )
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        os.umask(0o027)
        assert (
            main(["export-bundle", "--project", "DD-2026-014", "--out", str(out), "--data-dir", str(data)])
            == 0
        )
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(previous)


def test_a_clean_close_leaves_one_file_at_rest(
    paths: DataPaths, existing_db: Path, clock: SteppingClock
) -> None:
    workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)
    reader = sqlite3.connect(paths.database)  # another program holding the file open: no auto-checkpoint
    reader.execute("SELECT count(*) FROM client").fetchone()
    try:
        add_client(workspace, "written just before closing")
        workspace.close()
        wal = paths.database.with_name(paths.database.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        copy = paths.root / "copied-alone.db"
        shutil.copyfile(paths.database, copy)  # what a backup tool copying only the .db gets
        with closing(sqlite3.connect(copy)) as copied:
            names = [row[0] for row in copied.execute("SELECT name FROM client")]
        assert "written just before closing" in names
    finally:
        reader.close()


@pytest.mark.parametrize(
    "url", ["nonsense", "nosuchdriver://x/y", "postgresql+nosuchdbapi://user:secret@host/db"]
)
def test_check_with_an_unusable_db_url_is_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    assert main(["check", "--data-dir", str(tmp_path), "--db-url", url]) == 1
    err = capsys.readouterr().err
    assert "database URL cannot be used" in err and "secret" not in err and "bug" not in err


@pytest.mark.parametrize("command", [["check"], ["list-projects"], ["backups"], ["verify", "x.pdf"]])
def test_nothing_is_created_in_a_folder_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    main([*command, "--data-dir", str(missing)])
    assert not (tmp_path / "no").exists()


def test_a_plain_refusal_for_a_storage_error_path(tmp_path: Path) -> None:
    """A StorageError is the family every message above belongs to (the CLI maps it to exit 1)."""
    assert issubclass(DiskFullError, StorageError)


def test_a_network_folder_is_detected_warned_and_written_with_a_rollback_journal(
    paths: DataPaths, clock: SteppingClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deliverydesk.store import filesystems

    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:35 / {tmp_path} rw - nfs4 server:/export rw\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(filesystems, "MOUNTINFO", mountinfo)
    workspace = open_workspace(OpenOptions(data_dir=paths.root, create=True), clock)
    try:
        assert any("network folder (nfs4)" in str(notice) for notice in workspace.notices)
        add_client(workspace, "on the share")
        with workspace.ctx.db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert not paths.database.with_name(paths.database.name + "-wal").exists()
    finally:
        workspace.close()
