"""A DeliveryDesk file opened read-only with plain ``sqlite3``, for short commands that must not pay for
SQLAlchemy (the command line's export of a draft).

``open_readonly(path)`` hands out a ``plain.Reader`` on one ``mode=ro`` connection (``PRAGMA
query_only`` too) inside a read transaction, after the checks the read-only open of ``store.opening``
makes: the file is ours
(identity), healthy (``PRAGMA quick_check``) and at this build's schema revision. Anything else
(a missing, foreign, damaged, older or newer file, a server URL) raises ``NeedsFullOpen``: the caller
then opens the usual way, which refuses, upgrades or reports exactly as it always has. Nothing is
ever written through this connection, so no writer lock is taken and no backup is due.

The reads themselves are ``plain.Reader`` reads (``document_reads``), which the services run through
their session (``plain.reader``): the same SQL on both roads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.store.filesystems import network_kind
from deliverydesk.store.health import quick_check
from deliverydesk.store.identity import probe, read_identity, require_deliverydesk_file
from deliverydesk.store.migrate import head_revision
from deliverydesk.store.plain import Reader, SqliteSnapshot


class NeedsFullOpen(Exception):
    """The file cannot be read the plain way; open it the usual way (``services.storage``)."""


def local_file(url: str) -> Path:
    """The file of a plain ``sqlite:///PATH`` URL on a local disk; ``NeedsFullOpen`` for any other
    database, or for a file on a network share (the usual open warns about those)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        raise NeedsFullOpen(url)
    path = Path(url[len(prefix) :])
    if network_kind(path) is not None:
        raise NeedsFullOpen(url)
    return path


@contextmanager
def open_readonly(path: Path, migrations_dir: Path | None = None) -> Iterator[Reader]:
    """A read-only connection to a checked, current DeliveryDesk file, in one read transaction (one
    snapshot for everything read through it); ``NeedsFullOpen`` when the file is anything else, or
    when SQLite fails while reading it (the usual open then says what is wrong)."""
    if path.is_symlink() or not path.is_file() or path.stat().st_size == 0:
        raise NeedsFullOpen(path)
    try:
        with probe(path) as connection:
            _require_current(path, connection, migrations_dir)
            connection.execute("PRAGMA query_only = ON")
            with SqliteSnapshot(connection) as reader:
                yield reader
    except sqlite3.DatabaseError as exc:
        raise NeedsFullOpen(path) from exc


def _require_current(path: Path, connection: sqlite3.Connection, migrations_dir: Path | None) -> None:
    """Ours, healthy and at this build's revision (as the read-only open of ``store.opening`` requires)."""
    identity = read_identity(connection)
    try:
        require_deliverydesk_file(path, identity)
    except DeliveryDeskError as exc:
        raise NeedsFullOpen(path) from exc
    if identity.revision != head_revision(migrations_dir) or quick_check(connection):
        raise NeedsFullOpen(path)
