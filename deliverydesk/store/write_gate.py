"""Writes wait for the integrity check of a file opened with the check deferred (``store.opening``),
and the check itself (``PRAGMA quick_check`` through a read-only connection), without SQLAlchemy: the
window runs it on a worker while it reads the file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.errors import DeliveryDeskError, StorageError
from deliverydesk.i18n import msg
from deliverydesk.store.backups import corrupt_error, newest_good_backup
from deliverydesk.store.health import quick_check, sqlite_problem
from deliverydesk.store.identity import probe, sqlite_path

if TYPE_CHECKING:
    from deliverydesk.store.starting import DatabaseHandle


class WriteGate:
    """Writes wait here until the file has passed its integrity check (a database opened with the check
    deferred: it is read, and shown, while ``PRAGMA quick_check`` runs). A failed check keeps the gate
    shut for good: every later write raises the check's error, so a damaged file is never written to.
    While the gate is not open every connection is ``PRAGMA query_only``: SQLite itself refuses a write
    that would come by another road than a session's flush or DML statement."""

    def __init__(self) -> None:
        self._decided = threading.Event()
        self._error: DeliveryDeskError | None = None

    @property
    def pending(self) -> bool:
        return not self._decided.is_set()

    @property
    def writable(self) -> bool:
        return self._decided.is_set() and self._error is None

    def open(self) -> None:
        self._decided.set()

    def fail(self, error: DeliveryDeskError) -> None:
        self._error = error
        self._decided.set()

    def wait(self) -> None:
        """Block until the check has ended; raise its error when it failed."""
        self._decided.wait()
        if self._error is not None:
            raise self._error


def check_integrity(path: Path, backups: Path, *, locked: bool) -> None:
    """``PRAGMA quick_check`` through a read-only connection; a damaged file raises the refusal that
    names the newest good backup."""
    try:
        with probe(path, tidy=locked) as connection:
            problems = quick_check(connection)
    except sqlite3.DatabaseError as exc:
        raise corrupt_error(path, sqlite_problem(exc), newest_good_backup(backups)) from exc
    if problems:
        raise corrupt_error(path, problems[0], newest_good_backup(backups))


def finish_integrity_check(db: DatabaseHandle, backups: Path) -> None:
    """The check a database opened with ``defer_integrity_check`` still owes: opens its write gate, or
    shuts it for good and raises the refusal (nothing was written meanwhile: writes waited)."""
    if db.gate is None or not db.gate.pending:
        if db.gate is not None:
            db.gate.wait()  # decided before: raise its error again
        return
    try:
        check_integrity(sqlite_path(db.url), backups, locked=True)
    except DeliveryDeskError as exc:
        db.gate.fail(exc)
        raise
    except BaseException as exc:
        db.gate.fail(StorageError(msg("The database could not be checked: {problem}", problem=str(exc))))
        raise
    db.gate.open()
