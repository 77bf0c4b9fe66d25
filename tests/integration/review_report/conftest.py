"""A review of an issue whose category was met at two other clients, built through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from deliverydesk.domain.drafts import CategoryDraft, IssueDraft, ReviewActionDraft, ReviewDraft
from deliverydesk.domain.enums import Severity
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.categories import create_category
from deliverydesk.services.records.issues import create_issue
from deliverydesk.services.reviews.butterfly import (
    complete_review_action,
    create_review,
    create_review_action,
)
from tests.integration.services.conftest import (  # noqa: F401 (fixtures: a migrated copy per test)
    TODAY,
    make_client,
    make_project,
    migrated_db,
    migrated_template,
)


@dataclass(frozen=True)
class ReviewedIssue:
    project_id: str
    issue_id: str
    review_id: str
    category_id: str


def _issue(ctx: ServiceContext, project_id: str, category_id: str, title: str, resolution: str) -> str:
    draft = IssueDraft(
        project_id=project_id,
        title=title,
        category_id=category_id,
        severity=Severity.HIGH,
        reported_on=TODAY - timedelta(days=20),
        resolution=resolution,
    )
    return create_issue(ctx, draft).id


@pytest.fixture
def reviewed(ctx: ServiceContext) -> ReviewedIssue:
    category = create_category(ctx, CategoryDraft(name_en="Label printing", name_zh="标签打印")).id
    own = make_project(ctx, make_client(ctx, "华东精密制造有限公司")[0], "DD-2026-014")
    for number, client in enumerate(("Pacific Foods Ltd.", "Nordwerk GmbH")):
        project = make_project(ctx, make_client(ctx, client)[0], f"DD-2025-00{number + 1}")
        _issue(ctx, project, category, f"Lot codes truncated {number}", f"Extract widened {number}")
    issue = _issue(ctx, own, category, "历史工单迁移后工序字段错位", "映射脚本按列名读取")
    review = create_review(
        ctx,
        ReviewDraft(
            project_id=own,
            issue_id=issue,
            title="Migration review",
            held_on=TODAY - timedelta(days=2),
            client_short="客户当天得到修复计划",
            company_mid="<b>checklist</b> & sample files",
            lessons="Ask for sample data at kick-off.",
        ),
    )
    for description, days in (("Rehearse the migration", 30), ("Check the checklist", -1)):
        draft = ReviewActionDraft(
            project_id=own,
            review_id=review.id,
            description=description,
            owner="李娜",
            revisit_on=TODAY + timedelta(days=days),
        )
        action = create_review_action(ctx, draft)
    complete_review_action(ctx, action.id, TODAY)
    return ReviewedIssue(own, issue, review.id, category)
