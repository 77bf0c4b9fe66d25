"""Search on a real PostgreSQL server (the index-free ILIKE path): skipped unless
``DELIVERYDESK_TEST_POSTGRES_URL`` names a server database to connect to (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); the test creates and drops its own
database there."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import make_url

from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.log import add_log_entry, correct_log_entry
from deliverydesk.services.scope_guard.change_requests import archive_change_request, create_change_request
from deliverydesk.services.search import search_records
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade
from tests.conftest import fixed_clock
from tests.integration.services.conftest import make_client, make_project

SERVER = os.environ.get("DELIVERYDESK_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not SERVER, reason="set DELIVERYDESK_TEST_POSTGRES_URL to a PostgreSQL server"),
]


@pytest.fixture
def pg_ctx() -> Iterator[ServiceContext]:
    name = f"dd_search_{uuid.uuid4().hex[:12]}"
    admin = make_engine(SERVER).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    database = Database(url=url, engine=make_engine(url))
    try:
        with database.engine.begin() as connection:
            upgrade(connection)
        yield ServiceContext(db=database, clock=fixed_clock)
    finally:
        database.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()


def test_the_server_finds_chinese_english_short_and_literal_terms(pg_ctx: ServiceContext) -> None:
    ctx = pg_ctx
    client_id, _signer, _coordinator = make_client(ctx)
    project_id = make_project(ctx, client_id)
    at = datetime(2026, 3, 1, tzinfo=UTC)
    entry = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project_id, occurred_at=at, summary="客户要求现场培训", details="合同 100%_done"
        ),
    )
    draft = LogEntryDraft(
        project_id=project_id, occurred_at=at, summary="客户要求现场培训两天", details="Data Migration"
    )
    correction = correct_log_entry(ctx, entry.id, draft)
    request = create_change_request(
        ctx, ChangeRequestDraft(project_id=project_id, title="报表导出 Excel", requested_on=date(2026, 3, 2))
    )

    def found(text: str, **options: object) -> set[str]:
        return {hit.record_id for hit in search_records(ctx, text, **options).rows}  # type: ignore[arg-type]

    assert found("现场培训") == {entry.id, correction.id}
    assert found("合同") == {entry.id}
    assert found("data MIGRATION") == {correction.id}
    assert found("100%_done") == {entry.id} and found("0_%don") == set()
    assert found('"CR-1 报表导出"') == {request.id}
    assert found('"*" AND (x') == set()
    archive_change_request(ctx, request.id)
    assert found("Excel") == set() and found("Excel", include_archived=True) == {request.id}
