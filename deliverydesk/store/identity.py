"""Is this file a DeliveryDesk database this build can use? Answered by SQLite itself, read-only.

The file is never read with ``open()``: closing any descriptor of a live database in this process
drops SQLite's POSIX locks (see platform-notes). Probes use a ``mode=ro`` connection.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deliverydesk.errors import (
    CorruptDatabaseError,
    DiskFullError,
    ForeignFileError,
    NewerVersionError,
    StorageError,
)
from deliverydesk.i18n import msg
from deliverydesk.store.health import sqlite_problem

# PRAGMA application_id: "DDS1". Marks the file as a DeliveryDesk database; never change it.
APPLICATION_ID = 0x44445331
# PRAGMA user_version: the schema generation this build writes. Every release whose Alembic revisions
# change the schema bumps this constant once (and each revision's file says which generation covers
# it), so an older DeliveryDesk can refuse a file written by a newer one before it touches it.
# Generation 2: revisions 0002-0005; generation 3: revisions 0006 and later of this release.
SCHEMA_GENERATION = 3

# SQLite primary result codes that mean "the environment", not "a bug".
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


@dataclass(frozen=True)
class FileIdentity:
    application_id: int
    user_version: int
    table_count: int
    revision: str | None  # Alembic revision, None when there is no alembic_version table


def sidecar_files(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


_WAL_VERSION = 2  # bytes 18 and 19 of the header: 2 = write-ahead log (SQLite's file format)


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///PATH`` URL."""
    return Path(url.split("///", 1)[1])


def in_wal_mode(path: Path) -> bool:
    """Opening a file in WAL mode writes nothing to it; any other would be switched (a write)."""
    with path.open("rb") as file:
        header = file.read(20)
    return len(header) == 20 and header[18] == header[19] == _WAL_VERSION


def readonly_uri(path: Path) -> str:
    """A ``mode=ro`` URI; ``immutable`` when the folder is read-only (no -shm can be created there)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


@contextmanager
def probe(path: Path, *, tidy: bool = False) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path``.

    For a WAL-mode file SQLite creates an empty -wal/-shm that a read-only connection cannot
    remove. ``tidy`` removes the ones this probe created: only pass it while holding the writer
    lock, when no other DeliveryDesk can have started using them in the meantime."""
    created = [side for side in sidecar_files(path) if not side.exists()]
    connection = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()
        if tidy:
            remove_empty_sidecars(path, created)


def remove_empty_sidecars(path: Path, created: list[Path]) -> None:
    """Remove the -wal/-shm in ``created`` (made by a read-only connection) when the log is empty."""
    wal = sidecar_files(path)[0]
    if wal in created and wal.exists() and wal.stat().st_size == 0:
        for side in created:
            with suppress(FileNotFoundError):
                side.unlink()


def _scalar(connection: sqlite3.Connection, sql: str) -> Any:
    return connection.execute(sql).fetchone()[0]


def read_identity(connection: sqlite3.Connection) -> FileIdentity:
    tables = _scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'")
    has_alembic = _scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'")
    revision = _scalar(connection, "SELECT version_num FROM alembic_version") if has_alembic else None
    return FileIdentity(
        application_id=_scalar(connection, "PRAGMA application_id"),
        user_version=_scalar(connection, "PRAGMA user_version"),
        table_count=tables,
        revision=revision,
    )


def sqlite_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of ``exc`` (0 when unknown)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else 0


FULL_DISK_BYTES = 64 * 1024  # less free than this, and an I/O error is the full disk


def disk_full(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has (next to) no free space left."""
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


def full_disk_error(path: Path) -> DiskFullError:
    return DiskFullError(
        msg(
            "The disk holding {path} is full: SQLite cannot even open the file to read it (it needs room"
            " for its shared-memory index). Nothing was changed.",
            path=path,
        ),
        hint=msg("Free some space, then try again."),
    )


def storage_error_for(path: Path, exc: sqlite3.DatabaseError) -> StorageError:
    """The user-facing error for a failure of SQLite to read ``path``."""
    code = sqlite_code(exc)
    if code in (SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN) and disk_full(path.parent):
        return full_disk_error(path)
    if code == SQLITE_NOTADB:
        return ForeignFileError(
            msg("{path} is not a DeliveryDesk database (it is not a SQLite database at all).", path=path),
            hint=msg("Choose another file or folder; this one was left untouched."),
        )
    if code == SQLITE_CORRUPT:
        return CorruptDatabaseError(
            msg("{path} is damaged: SQLite reports '{problem}'.", path=path, problem=sqlite_problem(exc))
        )
    return StorageError(msg("{path} cannot be read: {problem}.", path=path, problem=sqlite_problem(exc)))


def require_deliverydesk_file(path: Path, identity: FileIdentity) -> None:
    """Refuse a file that is not ours, is empty, or is newer than this build."""
    untouched = msg("The file was left untouched.")
    if identity.application_id != APPLICATION_ID:
        kind = (
            msg("an empty SQLite database")
            if identity.table_count == 0
            else msg("another program's database")
        )
        raise ForeignFileError(
            msg("{path} is not a DeliveryDesk database ({kind}).", path=path, kind=kind), hint=untouched
        )
    if identity.user_version > SCHEMA_GENERATION:
        raise NewerVersionError(
            msg(
                "{path} was written by a newer DeliveryDesk (schema generation {user_version}; this version"
                " understands up to {schema_generation}).",
                path=path,
                user_version=identity.user_version,
                schema_generation=SCHEMA_GENERATION,
            ),
            hint=msg("Update DeliveryDesk to open it. The file was left untouched."),
        )


def identify(path: Path, *, tidy: bool = False) -> FileIdentity:
    """Identify ``path`` read-only and refuse it unless it is a usable DeliveryDesk database.

    ``tidy``: see ``probe``."""
    if path.stat().st_size == 0:
        raise ForeignFileError(
            msg("{path} is an empty file, not a DeliveryDesk database.", path=path),
            hint=msg("It was left untouched; delete it or choose another location to create a new database."),
        )
    try:
        with probe(path, tidy=tidy) as connection:
            identity = read_identity(connection)
    except sqlite3.DatabaseError as exc:
        raise storage_error_for(path, exc) from exc
    require_deliverydesk_file(path, identity)
    return identity


def stamp_identity(execute: Any) -> None:
    """Mark the database as ours, inside the caller's transaction (these pragmas are transactional)."""
    execute(f"PRAGMA application_id = {APPLICATION_ID}")
    execute(f"PRAGMA user_version = {SCHEMA_GENERATION}")
