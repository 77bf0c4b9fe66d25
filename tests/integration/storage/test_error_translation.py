"""Database failures caused by the environment become plain-words errors; bugs stay bugs."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from deliverydesk.errors import (
    CorruptDatabaseError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.services.storage import Workspace
from deliverydesk.store.database import storage_error_from
from deliverydesk.store.tables import ClientRow, ContactRow
from tests.integration.storage.helpers import add_client, client_names


def sqlite_failure(message: str, code: int) -> OperationalError:
    original = sqlite3.OperationalError(message)
    original.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("INSERT ...", {}, original)


@pytest.mark.parametrize(
    ("code", "message", "expected"),
    [
        (13, "database or disk is full", DiskFullError),
        (8, "attempt to write a readonly database", ReadOnlyStorageError),
        (10 | (12 << 8), "disk I/O error", StorageError),  # SQLITE_IOERR_READ: extended code
        (11, "database disk image is malformed", CorruptDatabaseError),
        (5, "database is locked", StorageError),
    ],
)
def test_environment_failures_get_a_plain_message(code: int, message: str, expected: type) -> None:
    error = storage_error_from(sqlite_failure(message, code))
    assert type(error) is expected
    assert error is not None and "not saved" in str(error.message)


def test_other_database_errors_are_left_alone_as_bugs() -> None:
    assert storage_error_from(sqlite_failure("no such table: nope", 1)) is None


def test_a_refused_constraint_is_not_translated_and_the_next_action_works(workspace: Workspace) -> None:
    add_client(workspace, "kept")
    with pytest.raises(IntegrityError), workspace.ctx.db.unit_of_work() as session:
        session.add(ContactRow(client_id="no-such-client", name="orphan"))
    with workspace.ctx.db.unit_of_work() as session:
        assert session.query(ContactRow).count() == 0
        session.add(ClientRow(name="after"))
    assert client_names(workspace) == ["after", "kept"]
