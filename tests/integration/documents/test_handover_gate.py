"""The handover gate in the service: a handover report cannot be issued while a training has no
written material, a scope item is neither accepted nor an open item with an owner and a date, or a
high-severity issue has no risk or caution noted; each blocker is named in words, on Home too; a
draft can always be previewed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import (
    HandoverEntryDraft,
    IssueDraft,
    ProjectDraft,
    ScopeItemDraft,
    draft_from,
)
from deliverydesk.domain.enums import HandoverKind, LetterKind, ProjectStatus, ScopeStatus, Severity
from deliverydesk.domain.handover import BlockerKind, HandoverBlocked
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.documents.build import DocumentRequest
from deliverydesk.services.documents.handover_gate import project_handover_blockers
from deliverydesk.services.records import handover, issues, projects, scope
from tests.integration.documents.conftest import TODAY, Project


def request(project: Project) -> DocumentRequest:
    return DocumentRequest(project.id, LetterKind.HANDOVER)


def blocked(ctx: ServiceContext, project: Project) -> list[tuple[BlockerKind, str]]:
    return [(b.kind, b.ref or b.title) for b in project_handover_blockers(ctx, project.id)]


def test_each_blocker_is_named_and_settling_it_opens_the_gate(ctx: ServiceContext, project: Project) -> None:
    assert blocked(ctx, project) == []  # the fixture's training has its manual, its scope item is accepted
    training = handover.create_handover_entry(
        ctx, HandoverEntryDraft(project_id=project.id, kind=HandoverKind.TRAINING, title="Admin training")
    )
    item = scope.create_scope_item(
        ctx, ScopeItemDraft(project_id=project.id, title="报表", status=ScopeStatus.DELIVERED)
    )
    issue = issues.create_issue(
        ctx,
        IssueDraft(project_id=project.id, title="扫码枪断连", severity=Severity.CRITICAL, reported_on=TODAY),
    )
    issues.create_issue(
        ctx, IssueDraft(project_id=project.id, title="小问题", severity=Severity.MEDIUM, reported_on=TODAY)
    )
    assert blocked(ctx, project) == [
        (BlockerKind.TRAINING_WITHOUT_MATERIAL, "Admin training"),
        (BlockerKind.SCOPE_ITEM_OPEN, "S-2"),
        (BlockerKind.ISSUE_WITHOUT_CAUTION, "I-1"),
    ]
    with pytest.raises(HandoverBlocked) as refused:
        letters.issue_document(ctx, request(project))
    message = str(refused.value.message)
    assert "Training “Admin training” has no written material" in message
    assert "S-2 “报表” is neither accepted nor listed as an open item with an owner and a date" in message
    assert "I-1 “扫码枪断连” is a critical-severity issue with no risk or caution noted" in message
    assert letters.list_letters(ctx, project.id) == ()  # nothing issued
    assert letters.preview_document(ctx, request(project)).startswith(b"%PDF")  # a draft, always

    manual = handover.create_handover_entry(
        ctx, HandoverEntryDraft(project_id=project.id, kind=HandoverKind.DOCUMENT, title="Admin guide")
    )
    handover.save_handover_entry(
        ctx, draft_from(HandoverEntryDraft, handover.get_handover_entry(ctx, training.id)), [manual.id]
    )
    open_item = HandoverEntryDraft(
        project_id=project.id, kind=HandoverKind.OPEN_ITEM, title="报表 still open", scope_item_id=item.id
    )
    made = handover.create_handover_entry(ctx, open_item)  # no owner, no date: not yet enough
    assert [k for k, _ in blocked(ctx, project)] == [
        BlockerKind.SCOPE_ITEM_OPEN,
        BlockerKind.ISSUE_WITHOUT_CAUTION,
    ]
    handover.update_handover_entry(
        ctx, replace(open_item, id=made.id, owner="王工", item_date=TODAY + timedelta(days=7))
    )
    handover.create_handover_entry(
        ctx,
        HandoverEntryDraft(
            project_id=project.id, kind=HandoverKind.RISK, title="重启扫码服务", issue_id=issue.id
        ),
    )
    assert blocked(ctx, project) == []
    issued = letters.issue_document(ctx, request(project)).letter
    assert issued.kind is LetterKind.HANDOVER


def test_archived_material_no_longer_counts(ctx: ServiceContext, project: Project) -> None:
    (manual,) = handover.list_handover_entries(ctx, project.id, kind=HandoverKind.DOCUMENT).rows
    handover.archive_handover_entry(ctx, manual.id)
    assert blocked(ctx, project) == [(BlockerKind.TRAINING_WITHOUT_MATERIAL, "Operator training")]


def test_home_names_the_blockers_of_projects_due_for_handover(ctx: ServiceContext, project: Project) -> None:
    handover.create_handover_entry(
        ctx, HandoverEntryDraft(project_id=project.id, kind=HandoverKind.TRAINING, title="Admin training")
    )
    assert get_attention(ctx).of_kind(AttentionKind.HANDOVER_BLOCKED) == ()  # ends in 60 days: not yet
    current = projects.get_project(ctx, project.id)
    projects.update_project(ctx, draft_from(ProjectDraft, current, status=ProjectStatus.HANDED_OVER))
    (line,) = get_attention(ctx).of_kind(AttentionKind.HANDOVER_BLOCKED)
    assert line.project_id == project.id and line.blocker is not None
    assert line.blocker.kind is BlockerKind.TRAINING_WITHOUT_MATERIAL and line.title == "Admin training"
    projects.update_project(
        ctx,
        draft_from(ProjectDraft, current, end_date=TODAY + timedelta(days=10)),
    )  # active again, ending in ten days: due for handover
    assert len(get_attention(ctx).of_kind(AttentionKind.HANDOVER_BLOCKED)) == 1
