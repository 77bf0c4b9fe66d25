"""Database failures caused by the environment become plain-words errors; bugs stay bugs."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from deliverydesk.domain.enums import Language
from deliverydesk.errors import (
    CorruptDatabaseError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
)
from deliverydesk.services.storage import Workspace
from deliverydesk.store.database import storage_error_from
from deliverydesk.store.health import sqlite_problem
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


def test_sqlites_usual_words_are_translated_in_the_message_and_others_quoted() -> None:
    error = storage_error_from(sqlite_failure("database disk image is malformed", 11))
    assert error is not None and "(database disk image is malformed)" in str(error.message)
    chinese = error.message.render(Language.ZH_CN)
    assert "数据库磁盘映像已损坏" in chinese and "malformed" not in chinese
    page_list = "*** in database main ***\nPage 5: btreeInitPage() returns error code 11"
    assert sqlite_problem(page_list).render(Language.ZH_CN) == page_list
    not_a_database = sqlite3.DatabaseError("file is not a database")
    assert sqlite_problem(not_a_database).render(Language.ZH_CN) == "文件不是数据库"


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
