"""Expectations, change requests, issues, reviews and handover entries through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ClientDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    IssueDraft,
    LogEntryDraft,
    ReviewDraft,
    ScopeItemDraft,
)
from deliverydesk.domain.enums import Decision, ExpectationStatus, HandoverKind, Language, ScopeCheck, Triage
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories, clients, expectations, handover, issues, log, scope
from deliverydesk.services.reviews import butterfly as reviews
from deliverydesk.services.scope_guard import change_requests
from tests.integration.services.conftest import Setup, day, make_client, make_project


def test_expectation_crud_with_agreed_contact(ctx: ServiceContext, setup: Setup) -> None:
    draft = ExpectationDraft(
        project_id=setup.project_id,
        statement="扫码报工 2 秒内完成",
        measure="抽查 20 次",
        due_date=day(30),
        agreed_with_id=setup.signer_id,
    )
    made = expectations.create_expectation(ctx, draft)
    assert (made.ref, made.agreed_with_name, made.status) == ("E-1", "王建国", ExpectationStatus.DRAFT)
    confirmed = expectations.update_expectation(
        ctx,
        replace(draft, id=made.id, status=ExpectationStatus.CONFIRMED, agreed_with_id=setup.coordinator_id),
    )
    assert confirmed.agreed_with_name == "Li Na" and confirmed.status is ExpectationStatus.CONFIRMED
    assert expectations.get_expectation(ctx, made.id) == confirmed
    only_draft = expectations.list_expectations(ctx, setup.project_id, status=ExpectationStatus.DRAFT)
    assert only_draft.total == 0
    expectations.archive_expectation(ctx, made.id)
    assert expectations.list_expectations(ctx, setup.project_id).total == 0
    assert not expectations.restore_expectation(ctx, made.id).archived


def test_agreed_with_must_be_a_contact_of_the_projects_client(ctx: ServiceContext, setup: Setup) -> None:
    _, stranger, _ = make_client(ctx, "Other client")
    draft = ExpectationDraft(project_id=setup.project_id, statement="x", agreed_with_id=stranger)
    with pytest.raises(ValidationError) as raised:
        expectations.create_expectation(ctx, draft)
    assert "not a contact of this project's client" in str(raised.value.fields["agreed_with_id"])
    clients.archive_contact(ctx, setup.signer_id)
    with pytest.raises(ValidationError):
        expectations.create_expectation(ctx, replace(draft, agreed_with_id=setup.signer_id))


def test_change_request_crud_keeps_decision_fields(ctx: ServiceContext, setup: Setup) -> None:
    s1 = scope.create_scope_item(ctx, ScopeItemDraft(project_id=setup.project_id, title="工单管理"))
    draft = ChangeRequestDraft(
        project_id=setup.project_id,
        title="扫码枪固件升级",
        requested_on=day(-3),
        requested_by_id=setup.signer_id,
        triage=Triage.A,
        scope_check=ScopeCheck.IN_SCOPE,
        scope_item_id=s1.id,
        effort_hours=6.0,
        client_benefit="报工可以上线",
    )
    made = change_requests.create_change_request(ctx, draft)
    assert made.ref == "CR-1" and made.decision is Decision.PENDING and made.scope_item_id == s1.id
    decided = replace(
        draft,
        id=made.id,
        decision=Decision.APPROVED_GOODWILL,
        decided_by="张浩",
        decided_on=day(-2),
        rationale="阻碍上线目标;本次为友情支持,不作为先例。",
        escalation_needed=True,
        approved_by="Manager",
        approved_on=day(-2),
    )
    updated = change_requests.update_change_request(ctx, decided)
    assert (updated.decision, updated.approved_by, updated.rationale) == (
        Decision.APPROVED_GOODWILL,
        "Manager",
        decided.rationale,
    )
    assert change_requests.list_change_requests(ctx, setup.project_id, decision=Decision.PENDING).total == 0
    change_requests.archive_change_request(ctx, made.id)
    assert change_requests.list_change_requests(ctx, setup.project_id).total == 0
    assert change_requests.restore_change_request(ctx, made.id).ref == "CR-1"


def test_change_request_links_must_stay_in_the_project(ctx: ServiceContext, setup: Setup) -> None:
    other = make_project(ctx, setup.client_id, "DD-2026-015")
    foreign_item = scope.create_scope_item(ctx, ScopeItemDraft(project_id=other, title="x"))
    draft = ChangeRequestDraft(
        project_id=setup.project_id, title="t", requested_on=day(0), scope_item_id=foreign_item.id
    )
    with pytest.raises(ValidationError) as raised:
        change_requests.create_change_request(ctx, draft)
    assert "scope_item_id" in raised.value.fields
    with pytest.raises(ValidationError) as future:
        change_requests.create_change_request(ctx, replace(draft, scope_item_id=None, requested_on=day(1)))
    assert "requested_on" in future.value.fields


def test_issue_crud_and_recurring_categories(ctx: ServiceContext, setup: Setup) -> None:
    taxonomy = {c.name_en: c.id for c in categories.list_categories(ctx)}
    migration_id, network_id = taxonomy["Data migration"], taxonomy["Site network"]
    draft = IssueDraft(
        project_id=setup.project_id, title="字段错位", category_id=migration_id, reported_on=day(-5)
    )
    made = issues.create_issue(ctx, draft)
    assert made.ref == "I-1"
    resolved = issues.update_issue(
        ctx, replace(draft, id=made.id, resolved_on=day(-1), root_cause="模板多一列")
    )
    assert issues.get_issue(ctx, made.id) == resolved and resolved.resolved_on == day(-1)
    assert resolved.category is not None and resolved.category.label(Language.ZH_CN) == "数据迁移"
    for name, code in (("Nordwerk", "DD-2026-009"), ("Pacific Foods", "DD-2026-021")):
        client = clients.create_client(ctx, ClientDraft(name=name)).id
        issues.create_issue(ctx, replace(draft, project_id=make_project(ctx, client, code)))
    issues.create_issue(ctx, replace(draft, category_id=network_id))
    in_use = {c.category_id: c for c in issues.list_issue_categories(ctx)}
    migration = in_use[migration_id]
    assert (migration.issue_count, migration.client_count, migration.systemic) == (3, 3, True)
    assert migration.category.name_en == "Data migration"
    assert not in_use[network_id].systemic
    issues.archive_issue(ctx, made.id)
    assert issues.list_issues(ctx, setup.project_id).total == 1
    assert {c.category_id: c.client_count for c in issues.list_issue_categories(ctx)}[migration_id] == 2
    issues.restore_issue(ctx, made.id)


def test_an_issues_links_list_entries_of_the_same_moment_as_the_log_does(
    ctx: ServiceContext, setup: Setup
) -> None:
    """Two calls at the same minute, written one after the other: the later-written comes first, as on
    the log page, not in the order of their random ids."""
    issue = issues.create_issue(
        ctx, IssueDraft(project_id=setup.project_id, title="网关掉线", reported_on=day(-3))
    )
    occurred = ctx.now() - timedelta(hours=2)
    written = []
    for minutes, summary in ((1, "first call"), (2, "second call"), (3, "third call")):
        later = replace(ctx, clock=lambda m=minutes: ctx.now() + timedelta(minutes=m))
        draft = LogEntryDraft(
            project_id=setup.project_id, occurred_at=occurred, summary=summary, issue_id=issue.id
        )
        written.append(log.add_log_entry(later, draft).summary)
    older = LogEntryDraft(
        project_id=setup.project_id,
        occurred_at=occurred - timedelta(days=1),
        summary="day before",
        issue_id=issue.id,
    )
    log.add_log_entry(ctx, older)
    links = issues.issue_links(ctx, issue.id)
    assert [entry.text for entry in links.log_entries] == [*reversed(written), "day before"]
    with pytest.raises(NotFoundError):
        issues.issue_links(ctx, "no-such-issue")


def test_review_crud(ctx: ServiceContext, setup: Setup) -> None:
    issue = issues.create_issue(ctx, IssueDraft(project_id=setup.project_id, title="x", reported_on=day(-9)))
    draft = ReviewDraft(
        project_id=setup.project_id,
        held_on=day(-1),
        issue_id=issue.id,
        client_short="三天内修复",
        company_long="预算迁移演练",
    )
    made = reviews.create_review(ctx, draft)
    updated = reviews.update_review(ctx, replace(draft, id=made.id, lessons="启动时要样例数据"))
    assert reviews.get_review(ctx, made.id) == updated and updated.client_short == "三天内修复"
    assert [r.id for r in reviews.list_reviews(ctx, setup.project_id).rows] == [made.id]
    reviews.archive_review(ctx, made.id)
    assert reviews.list_reviews(ctx, setup.project_id).total == 0
    reviews.restore_review(ctx, made.id)
    with pytest.raises(ValidationError):
        reviews.create_review(ctx, replace(draft, held_on=day(2)))


def test_handover_entries_by_kind(ctx: ServiceContext, setup: Setup) -> None:
    training = handover.create_handover_entry(
        ctx,
        HandoverEntryDraft(
            project_id=setup.project_id,
            kind=HandoverKind.TRAINING,
            title="Operator training",
            item_date=day(-2),
            attendees="Jonas Brandt, 6 operators",
        ),
    )
    handover.create_handover_entry(
        ctx,
        HandoverEntryDraft(
            project_id=setup.project_id,
            kind=HandoverKind.DOCUMENT,
            title="Manual v1.2",
            training_id=training.id,
        ),
    )
    training = handover.get_handover_entry(ctx, training.id)
    assert training.material == ("Manual v1.2",) and training.attendees == "Jonas Brandt, 6 operators"
    only = handover.list_handover_entries(ctx, setup.project_id, kind=HandoverKind.TRAINING)
    assert [e.title for e in only.rows] == ["Operator training"]
    draft = HandoverEntryDraft(
        id=training.id,
        project_id=setup.project_id,
        kind=HandoverKind.RISK,
        title="Dirty lenses",
        details="Clean weekly",
    )
    assert handover.update_handover_entry(ctx, draft).kind is HandoverKind.RISK
    documents = handover.list_handover_entries(ctx, setup.project_id, kind=HandoverKind.DOCUMENT).rows
    assert documents[0].training_id is None  # no longer a training: its material is let go
    assert handover.get_handover_entry(ctx, training.id).details == "Clean weekly"
    handover.archive_handover_entry(ctx, training.id)
    assert handover.list_handover_entries(ctx, setup.project_id).total == 1
    handover.restore_handover_entry(ctx, training.id)
    assert handover.list_handover_entries(ctx, setup.project_id).total == 2
