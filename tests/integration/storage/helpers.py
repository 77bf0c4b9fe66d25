"""Helpers for the storage tests: a stepping clock, rows, file hashes, child processes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deliverydesk.services.storage import Workspace
from deliverydesk.store.identity import sidecar_files
from deliverydesk.store.tables import ClientRow, ContactRow

START = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[3]


class SteppingClock:
    """A fixed clock the test moves forward by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def add_client(workspace: Workspace, name: str, contacts: int = 0) -> str:
    with workspace.ctx.db.unit_of_work() as session:
        client = ClientRow(name=name)
        session.add(client)
        session.flush()
        for number in range(contacts):
            session.add(ContactRow(client_id=client.id, name=f"contact {number}"))
        return client.id


def client_names(workspace: Workspace) -> list[str]:
    with workspace.ctx.db.unit_of_work() as session:
        return sorted(row.name for row in session.query(ClientRow))


def sha256(path: Path) -> str:
    """Hash a file that no connection in this process has open (see platform-notes on POSIX locks)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars_left(path: Path) -> list[Path]:
    return [side for side in sidecar_files(path) if side.exists()]


def python_child(script: str, *args: str) -> subprocess.Popen[str]:
    """A real second process running ``script`` (dedented) with ``args`` in sys.argv[1:]."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
