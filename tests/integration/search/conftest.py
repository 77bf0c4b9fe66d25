"""A project (and a second one) with records of every searchable kind, created through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, ExpectationDraft, IssueDraft, LogEntryDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.issues import create_issue
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.integration.services.conftest import (  # noqa: F401 (fixtures)
    make_client,
    make_project,
    migrated_db,
    migrated_template,
)

WHEN = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Records:
    project_id: str
    other_project_id: str
    log_id: str
    change_request_id: str
    expectation_id: str
    issue_id: str
    other_log_id: str


@pytest.fixture
def records(ctx: ServiceContext) -> Records:
    client_id, _signer, _coordinator = make_client(ctx)
    project_id = make_project(ctx, client_id)
    other_id = make_project(ctx, client_id, code="DD-2026-099")
    log = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project_id,
            occurred_at=WHEN,
            summary="客户要求增加现场培训",
            participants="王建国, Li Na",
            details="Client asked for a second on-site training day; 合同 第三条 says one day.",
        ),
    )
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project_id,
            title="报表导出 Excel",
            requested_on=date(2026, 3, 11),
            description="Export the monthly yield report to Excel",
            rationale="超出合同范围，按变更处理",
        ),
    )
    expectation = create_expectation(
        ctx,
        ExpectationDraft(
            project_id=project_id, statement="产线看板实时刷新", measure="Latency under 2 seconds"
        ),
    )
    issue = create_issue(
        ctx,
        IssueDraft(
            project_id=project_id,
            title="Barcode scanner drops reads",
            reported_on=date(2026, 3, 12),
            root_cause="扫码枪固件版本过旧",
        ),
    )
    other_log = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=other_id, occurred_at=WHEN, summary="另一个项目的现场培训", details="training"
        ),
    )
    return Records(project_id, other_id, log.id, request.id, expectation.id, issue.id, other_log.id)
