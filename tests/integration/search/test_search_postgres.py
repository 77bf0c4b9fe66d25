"""Search on a real PostgreSQL server (the index-free ILIKE path): skipped unless
``DELIVERYDESK_TEST_POSTGRES_URL`` names a server database to connect to (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); the test creates and drops its own
database there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.log import add_log_entry, correct_log_entry
from deliverydesk.services.scope_guard.change_requests import archive_change_request, create_change_request
from deliverydesk.services.search import search_records
from tests.integration.postgres import NO_SERVER, SERVER, postgres_ctx
from tests.integration.services.conftest import make_client, make_project

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not SERVER, reason=NO_SERVER)]


@pytest.fixture
def pg_ctx() -> Iterator[ServiceContext]:
    with postgres_ctx("dd_search") as ctx:
        yield ctx


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
