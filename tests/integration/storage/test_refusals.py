"""Files that are not a usable DeliveryDesk database are refused with a clear error, never modified."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from deliverydesk.errors import CorruptDatabaseError, ForeignFileError, NewerVersionError, StorageError
from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import (
    OpenOptions,
    backup_now,
    check_database,
    list_backups,
    open_workspace,
)
from deliverydesk.store.identity import SCHEMA_GENERATION, sidecar_files
from deliverydesk.store.lock import lock_path_for
from tests.integration.storage.helpers import SteppingClock, sha256, sidecars_left


def write_garbage(db: Path) -> None:
    db.write_bytes(b"this is a spreadsheet, honestly\n" * 300)


def make_empty(db: Path) -> None:
    db.write_bytes(b"")


def truncate_to_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def make_foreign_sqlite(db: Path) -> None:
    db.unlink()
    with closing(sqlite3.connect(db)) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        other.execute("INSERT INTO invoices (total) VALUES (12.5)")
        other.commit()


def make_other_application(db: Path) -> None:
    make_foreign_sqlite(db)
    with closing(sqlite3.connect(db)) as other:
        other.execute("PRAGMA application_id = 1234567")


def make_newer_generation(db: Path) -> None:
    with closing(sqlite3.connect(db)) as newer:
        newer.execute(f"PRAGMA user_version = {SCHEMA_GENERATION + 1}")


def make_newer_revision(db: Path) -> None:
    with closing(sqlite3.connect(db)) as newer:
        newer.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
        newer.commit()


CASES: list[tuple[Callable[[Path], None], type[StorageError], str]] = [
    (write_garbage, ForeignFileError, "not a SQLite database"),
    (make_empty, ForeignFileError, "empty file"),
    (truncate_to_half, CorruptDatabaseError, "damaged"),
    (make_foreign_sqlite, ForeignFileError, "another program's database"),
    (make_other_application, ForeignFileError, "another program's database"),
    (make_newer_generation, NewerVersionError, "newer DeliveryDesk"),
    (make_newer_revision, NewerVersionError, "newer DeliveryDesk"),
]
IDS = [case[0].__name__ for case in CASES]


def assert_untouched(db: Path, before: str, paths: DataPaths, *, tidied: bool = True) -> None:
    assert sha256(db) == before
    if tidied:
        assert sidecars_left(db) == []
    else:  # read-only SQLite cannot remove the -wal/-shm of a WAL-mode file: the -wal must be empty
        wal = sidecar_files(db)[0]
        assert not wal.exists() or wal.stat().st_size == 0
    assert not lock_path_for(db).exists()
    assert list_backups(paths) == []


@pytest.mark.parametrize(("damage", "error", "words"), CASES, ids=IDS)
@pytest.mark.parametrize("readonly", [False, True], ids=["write", "readonly"])
def test_unusable_file_is_refused_and_left_untouched(
    existing_db: Path,
    paths: DataPaths,
    clock: SteppingClock,
    damage: Callable[[Path], None],
    error: type[StorageError],
    words: str,
    readonly: bool,
) -> None:
    damage(existing_db)
    before = sha256(existing_db)
    clock.advance(days=2)  # a daily backup would be due: it must not be taken of a bad file

    with pytest.raises(error, match=words):
        open_workspace(OpenOptions(data_dir=paths.root, readonly=readonly, create=True), clock)

    assert_untouched(existing_db, before, paths, tidied=not readonly)


@pytest.mark.parametrize(("damage", "error", "words"), CASES, ids=IDS)
def test_check_reports_unusable_file_without_touching_it(
    existing_db: Path, paths: DataPaths, damage: Callable[[Path], None], error: type, words: str
) -> None:
    damage(existing_db)
    before = sha256(existing_db)

    result = check_database(OpenOptions(data_dir=paths.root))

    assert not result.ok
    assert words.lower() in "\n".join(result.lines).lower()
    assert_untouched(existing_db, before, paths, tidied=False)


def test_check_of_a_healthy_database_is_ok_and_names_each_check(existing_db: Path, paths: DataPaths) -> None:
    before = sha256(existing_db)
    result = check_database(OpenOptions(data_dir=paths.root))
    assert result.ok
    text = "\n".join(result.lines)
    for expected in ("identity: DeliveryDesk", "integrity: ok", "foreign keys: ok", "(current)"):
        assert expected in text
    assert sha256(existing_db) == before


def damage_a_table_page(db: Path) -> None:
    """Overwrite the client table's root page: the header stays valid, quick_check finds it."""
    with closing(sqlite3.connect(db)) as reader:
        page_size = reader.execute("PRAGMA page_size").fetchone()[0]
        root = reader.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()[0]
    data = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_a_table_page, truncate_to_half])
def test_corrupt_file_names_the_newest_good_backup_and_no_backup_is_taken(
    paths: DataPaths, clock: SteppingClock, damage: Callable[[Path], None]
) -> None:
    workspace = open_workspace(OpenOptions(data_dir=paths.root, create=True), clock)
    good = backup_now(workspace)
    workspace.close()
    damage(paths.database)
    before = sha256(paths.database)
    clock.advance(days=3)

    with pytest.raises(CorruptDatabaseError) as refused:
        open_workspace(OpenOptions(data_dir=paths.root), clock)

    assert refused.value.newest_backup == good.path
    assert str(good.path) in str(refused.value)
    assert f"newest good backup: {good.path}" in check_database(OpenOptions(data_dir=paths.root)).lines
    assert sha256(paths.database) == before
    assert [backup.path for backup in list_backups(paths)] == [good.path]


def test_missing_database_is_not_created_unless_asked(paths: DataPaths, clock: SteppingClock) -> None:
    with pytest.raises(StorageError, match="no DeliveryDesk database"):
        open_workspace(OpenOptions(data_dir=paths.root), clock)
    assert not paths.database.exists()
