"""Faults: a killed writer, a full disk, read-only files and folders. Nothing committed is lost and
the database stays usable for the next action."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from deliverydesk.errors import DiskFullError, ReadOnlyStorageError
from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import OpenOptions, Workspace, check_database, open_workspace
from deliverydesk.store.tables import ClientRow
from tests.integration.storage.helpers import SteppingClock, add_client, client_names, python_child

WRITER = """
    import sys
    from pathlib import Path
    from deliverydesk.services.storage import OpenOptions, open_workspace
    from deliverydesk.store.tables import ClientRow
    workspace = open_workspace(OpenOptions(data_dir=Path(sys.argv[1])))
    number = 0
    while True:
        with workspace.ctx.db.unit_of_work() as session:  # two rows per transaction
            session.add(ClientRow(name=f"{number:06d} first", notes="x" * 3000))
            session.flush()
            session.add(ClientRow(name=f"{number:06d} second", notes="y" * 3000))
        print(number, flush=True)  # only after the commit returned
        number += 1
"""
KILL_TRIALS = 5


def committed_by_killed_writer(paths: DataPaths, rng: random.Random) -> list[int]:
    """Run the writer, SIGKILL it at a random point mid-stream, return what it reported committed."""
    child = python_child(WRITER, str(paths.root))
    assert child.stdout is not None
    reported: list[int] = []
    kill_after = rng.randint(5, 120)
    while len(reported) < kill_after:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else "writer stopped"
        reported.append(int(line))
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)  # reaped: its PID is now dead, its lock stale
    child.stdout.close()
    if child.stderr:
        child.stderr.close()
    return reported


@pytest.mark.slow
def test_writer_killed_mid_transaction_loses_no_committed_row(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    rng = random.Random(20260316)
    for trial in range(KILL_TRIALS):
        reported = committed_by_killed_writer(paths, rng)

        workspace = open_workspace(OpenOptions(data_dir=paths.root), clock)  # takes over the stale lock
        try:
            names = set(client_names(workspace))
            with workspace.ctx.db.unit_of_work() as session:
                for row in session.query(ClientRow).filter(ClientRow.name != "Acme 甲方"):
                    session.delete(
                        row
                    )  # through the ORM: audited, so check still finds the records as recorded
        finally:
            workspace.close()
        for number in reported:
            assert {f"{number:06d} first", f"{number:06d} second"} <= names, f"trial {trial}"
        numbers = {name.split()[0] for name in names if name != "Acme 甲方"}
        assert all({f"{n} first", f"{n} second"} <= names for n in numbers), "a half transaction"
        assert check_database(OpenOptions(data_dir=paths.root)).ok, f"trial {trial}"


def cap_pages(workspace: Workspace, extra_pages: int) -> None:
    """Simulate a full disk: every connection may grow the file by only ``extra_pages`` pages."""
    engine = workspace.ctx.db.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(engine, "connect", limit)
    engine.dispose()


def test_full_disk_loses_nothing_and_the_next_action_works(workspace: Workspace) -> None:
    add_client(workspace, "saved before the disk filled")
    cap_pages(workspace, extra_pages=20)
    saved = []
    with pytest.raises(DiskFullError, match="not saved"):
        for number in range(100):
            with workspace.ctx.db.unit_of_work() as session:
                session.add(ClientRow(name=f"big {number:03d}", notes="字" * 4000))
            saved.append(f"big {number:03d}")

    assert saved, "some rows fit before the disk was full"
    assert client_names(workspace) == sorted(["saved before the disk filled", *saved])  # no Pending...
    with workspace.ctx.db.unit_of_work() as session:  # space is freed: the same session pool writes
        session.connection().exec_driver_sql("PRAGMA max_page_count = 1073741823")
    add_client(workspace, "after space was freed")
    assert "after space was freed" in client_names(workspace)
    assert check_database(OpenOptions(data_dir=workspace.paths.root)).ok


@pytest.fixture
def read_only(existing_db: Path) -> Iterator[list[Path]]:
    """Paths whose write permission the test removes; restored afterwards for cleanup."""
    changed: list[Path] = []
    yield changed
    for path in changed:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def make_read_only(path: Path, changed: list[Path]) -> None:
    path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    changed.append(path)


@pytest.mark.parametrize("which", ["file", "folder"])
def test_read_only_storage_is_refused_for_writing_and_opens_read_only(
    read_only: list[Path], existing_db: Path, paths: DataPaths, clock: SteppingClock, which: str
) -> None:
    make_read_only(existing_db if which == "file" else paths.root, read_only)

    with pytest.raises(ReadOnlyStorageError, match=f"{which} .* is read-only") as refused:
        open_workspace(OpenOptions(data_dir=paths.root), clock)
    assert "read-only" in str(refused.value.hint)

    reader = open_workspace(OpenOptions(data_dir=paths.root, readonly=True), clock)
    try:
        assert client_names(reader) == ["Acme 甲方"]
    finally:
        reader.close()


def test_writing_in_a_read_only_workspace_is_refused_and_it_stays_usable(
    existing_db: Path, paths: DataPaths, clock: SteppingClock
) -> None:
    reader = open_workspace(OpenOptions(data_dir=paths.root, readonly=True), clock)
    try:
        with pytest.raises(ReadOnlyStorageError, match="not saved"):
            add_client(reader, "must not be written")
        assert client_names(reader) == ["Acme 甲方"]
    finally:
        reader.close()
    with closing(sqlite3.connect(f"{existing_db.as_uri()}?mode=ro", uri=True)) as check:
        assert check.execute("SELECT count(*) FROM client").fetchone() == (1,)
