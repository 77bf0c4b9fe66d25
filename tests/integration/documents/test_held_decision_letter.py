"""A change decision held for a manager's approval: its letter says what approving it would use of
the goodwill budget and add to the contract value, and does not say it is used already."""

from __future__ import annotations

import io
from decimal import Decimal

from pypdf import PdfReader

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    PersonDraft,
    ProjectDraft,
    SettingsDraft,
    draft_from,
)
from deliverydesk.domain.enums import Decision, Language, LetterKind, PersonRole
from deliverydesk.reports.documents.data import ChangeDecisionData
from deliverydesk.reports.render import render
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.build import DocumentRequest, build_document
from deliverydesk.services.records.people import save_person
from deliverydesk.services.records.projects import get_project, update_project
from deliverydesk.services.records.settings import update_settings
from deliverydesk.services.scope_guard import approve_change_request, decide_change_request
from deliverydesk.services.scope_guard.capture import DecisionRequest
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.integration.documents.conftest import TODAY, Project


def _decided(ctx: ServiceContext, project: Project, hours: float, outcome: Decision) -> str:
    """A change request of ``hours`` decided as ``outcome`` by an engineer whose limit is 8 hours."""
    update_settings(ctx, SettingsDraft(engineer_name="张浩"))
    ask = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project.id,
            title="One more board",
            requested_on=TODAY,
            effort_hours=hours,
            cost_cents=150_000,
        ),
    )
    decide_change_request(ctx, DecisionRequest(request_id=ask.id, outcome=outcome, rationale="Asked twice."))
    return ask.id


def _letter(ctx: ServiceContext, project: Project, request_id: str) -> tuple[ChangeDecisionData, str]:
    data = build_document(
        ctx, DocumentRequest(project.id, LetterKind.CHANGE_DECISION, change_request_id=request_id)
    )
    assert isinstance(data, ChangeDecisionData)
    pages = PdfReader(io.BytesIO(render(data))).pages
    return data, " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_held_goodwill_is_not_counted_as_used_until_approved(ctx: ServiceContext, project: Project) -> None:
    request_id = _decided(ctx, project, 12, Decision.APPROVED_GOODWILL)  # budget 16 h, nothing used
    data, text = _letter(ctx, project, request_id)
    assert data.decision is Decision.PENDING_APPROVAL and data.goodwill is not None
    assert data.goodwill.held and data.goodwill.this_change_hours == Decimal(12)
    assert "0 h of 16 h used; 12 h if this change is approved, 4 h left" in text
    assert "used with this change" not in text

    manager = save_person(ctx, PersonDraft(name="Manager Wu", role=PersonRole.MANAGER))
    approve_change_request(ctx, request_id, manager_id=manager.id)
    data, text = _letter(ctx, project, request_id)
    assert data.goodwill is not None and not data.goodwill.held
    assert "12 h of 16 h used with this change, 4 h left" in text


def test_goodwill_over_the_budget_says_by_how_much(ctx: ServiceContext, project: Project) -> None:
    request_id = _decided(ctx, project, 20, Decision.APPROVED_GOODWILL)
    _data, text = _letter(ctx, project, request_id)
    assert "0 h of 16 h used; 20 h if this change is approved, 4 h over the budget" in text
    assert "-4" not in text


def test_held_billable_change_shows_the_contract_value_if_approved(
    ctx: ServiceContext, project: Project
) -> None:
    draft = draft_from(ProjectDraft, get_project(ctx, project.id), contract_value_cents=10_000_000)
    update_project(ctx, draft)
    request_id = _decided(ctx, project, 12, Decision.APPROVED_BILLABLE)
    data, text = _letter(ctx, project, request_id)
    value = data.contract_value
    assert value is not None and value.held and value.after.amount - value.before.amount == Decimal(1500)
    assert "if this change is approved" in text and "after this change" not in text


def test_the_chinese_letter_says_the_same(ctx: ServiceContext, project: Project) -> None:
    update_project(ctx, draft_from(ProjectDraft, get_project(ctx, project.id), language=Language.ZH_CN))
    request_id = _decided(ctx, project, 20, Decision.APPROVED_GOODWILL)
    _data, text = _letter(ctx, project, request_id)
    assert "已用 0 小时（共 16 小时）；本次变更获批后为 20 小时，超出预算 4 小时" in text


def test_a_held_goodwill_change_is_free_to_the_client(ctx: ServiceContext, project: Project) -> None:
    """Its estimated cost (CNY 1,500) is ours: the price row says no charge, "if approved" as the
    contract value and goodwill rows do, in both languages; approved, it says no charge outright."""
    request_id = _decided(ctx, project, 12, Decision.APPROVED_GOODWILL)
    _data, text = _letter(ctx, project, request_id)
    assert "12 h, price no charge (goodwill) if this change is approved" in text
    assert "1,500" not in text
    update_project(ctx, draft_from(ProjectDraft, get_project(ctx, project.id), language=Language.ZH_CN))
    _data, text = _letter(ctx, project, request_id)
    assert "12 小时，价格 本次变更获批后不收费（友情支持）" in text and "1,500" not in text
    manager = save_person(ctx, PersonDraft(name="Manager Wu", role=PersonRole.MANAGER))
    approve_change_request(ctx, request_id, manager_id=manager.id)
    _data, text = _letter(ctx, project, request_id)
    assert "12 小时，价格 不收费（友情支持）" in text


def test_a_held_billable_change_keeps_its_price(ctx: ServiceContext, project: Project) -> None:
    request_id = _decided(ctx, project, 12, Decision.APPROVED_BILLABLE)
    _data, text = _letter(ctx, project, request_id)
    assert "12 h, price CNY 1,500.00" in text and "no charge" not in text
