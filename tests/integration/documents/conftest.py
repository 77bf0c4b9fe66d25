"""A project with something to print in every document: expectations, exclusions, milestones, a
decided change request, handover entries and a log entry (created through the services)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ExclusionDraft,
    ExpectationDraft,
    HandoverEntryDraft,
    LogEntryDraft,
    MilestoneDraft,
    ScopeItemDraft,
    SettingsDraft,
)
from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    HandoverKind,
    LogKind,
    MilestoneStatus,
    OwnerSide,
    ScopeStatus,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.handover import create_handover_entry
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.records.milestones import create_milestone
from deliverydesk.services.records.scope import create_exclusion, create_scope_item
from deliverydesk.services.records.settings import update_settings
from deliverydesk.services.scope_guard.change_requests import create_change_request
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import make_client, make_project

TODAY = FIXED_NOW.date()


@dataclass(frozen=True)
class Project:
    id: str
    code: str
    signer_id: str  # may sign
    coordinator_id: str  # may not sign
    expectation_id: str
    decided_request_id: str
    pending_request_id: str
    log_entry_id: str


@pytest.fixture
def project(ctx: ServiceContext) -> Project:
    client_id, signer_id, coordinator_id = make_client(ctx)
    project_id = make_project(ctx, client_id, summary_rrule="FREQ=WEEKLY;BYDAY=FR")
    create_scope_item(
        ctx, ScopeItemDraft(project_id=project_id, title="扫码报工", status=ScopeStatus.ACCEPTED)
    )
    create_exclusion(
        ctx, ExclusionDraft(project_id=project_id, text="ERP changes <b>not</b> included & more")
    )
    expectation = create_expectation(
        ctx,
        ExpectationDraft(
            project_id=project_id,
            statement="扫码报工 2 秒内完成",
            measure="20 次中 19 次 ≤ 2 秒",
            due_date=TODAY + timedelta(days=20),
            agreed_with_id=signer_id,
            status=ExpectationStatus.CONFIRMED,
        ),
    )
    create_milestone(
        ctx,
        MilestoneDraft(
            project_id=project_id, name="SAT", baseline_date=TODAY + timedelta(days=10), is_main=True
        ),
    )
    create_milestone(
        ctx,
        MilestoneDraft(
            project_id=project_id,
            name="Network ready",
            baseline_date=TODAY + timedelta(days=3),
            owner_side=OwnerSide.CLIENT,
            status=MilestoneStatus.WAITING_ON_CLIENT,
        ),
    )
    decided = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project_id,
            title="Extra report",
            requested_on=TODAY - timedelta(days=2),
            requested_by_id=signer_id,
            effort_hours=6,
            cost_cents=120_000,
            decision=Decision.APPROVED_BILLABLE,
            decided_by="张浩",
            decided_on=TODAY,
            rationale="Out of scope; billed.",
        ),
    )
    pending = create_change_request(
        ctx, ChangeRequestDraft(project_id=project_id, title="Another ask", requested_on=TODAY)
    )
    training = create_handover_entry(
        ctx,
        HandoverEntryDraft(
            project_id=project_id,
            kind=HandoverKind.TRAINING,
            title="Operator training",
            item_date=TODAY,
            attendees="王建国, Li Na",
        ),
    )
    create_handover_entry(  # the training's written material
        ctx,
        HandoverEntryDraft(
            project_id=project_id,
            kind=HandoverKind.DOCUMENT,
            title="Operator manual",
            item_date=TODAY,
            training_id=training.id,
        ),
    )
    entry = add_log_entry(
        ctx,
        LogEntryDraft(
            project_id=project_id,
            occurred_at=FIXED_NOW,
            kind=LogKind.EMAIL,
            participants="王建国",
            summary="Client confirmed by e-mail",
        ),
    )
    update_settings(
        ctx, SettingsDraft(engineer_name="张浩", engineer_title="现场工程师", engineer_place="苏州")
    )
    return Project(
        project_id, "DD-2026-014", signer_id, coordinator_id, expectation.id, decided.id, pending.id, entry.id
    )


def signature_png() -> bytes:
    """A small transparent PNG with a dark stroke (what the signature pad exports)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (120, 20), (200, 70), (290, 30)], fill="#1B2430", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
