"""Deciding change requests through the guard: the approval notice before saving, the manager's
approval, milestone moves named after the change request, and the plain editor that cannot decide."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.drafts import ChangeRequestDraft, MilestoneDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.gui.dialogs.records.decision import ApproveDialog, DecideDialog
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_MILESTONES
from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
from deliverydesk.gui.pages.project.milestones import MilestonesPage
from deliverydesk.services.records.milestones import create_milestone, get_milestone
from deliverydesk.services.scope_guard.change_requests import create_change_request, get_change_request
from tests.gui.project.conftest import Workbench, type_text


def _request(bench: Workbench, effort: float, schedule_days: int = 0) -> str:
    draft = ChangeRequestDraft(
        project_id=bench.project_id,
        title="Extra report",
        requested_on=date(2026, 3, 2),
        effort_hours=effort,
        schedule_days=schedule_days,
    )
    return create_change_request(bench.env.ctx, draft).id


def _decide(bench: Workbench, request_id: str) -> tuple[ChangeRequestsPage, DecideDialog]:
    page = bench.page(AREA_CHANGE_REQUESTS)
    assert isinstance(page, ChangeRequestsPage)
    assert page.panel.select_record(request_id)
    assert page.act_decide.isEnabled() and not page.act_approve.isEnabled()
    page.act_decide.trigger()
    dialog = page.dialog
    assert isinstance(dialog, DecideDialog)
    bench.idle()
    return page, dialog


def _choose(bench: Workbench, dialog: DecideDialog, outcome: Decision) -> None:
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome.value))
    bench.idle()


def test_goodwill_over_budget_is_held_for_a_manager_then_approved(bench: Workbench) -> None:
    request_id = _request(bench, effort=12)  # the project's goodwill budget is 10 h
    page, dialog = _decide(bench, request_id)
    _choose(bench, dialog, Decision.DEFERRED)
    assert dialog.notice.isHidden()
    _choose(bench, dialog, Decision.APPROVED_GOODWILL)
    assert not dialog.notice.isHidden(), "shown before saving"
    assert "approval" in dialog.notice.text() and "goodwill" in dialog.notice.text().lower()
    assert "120 %" in dialog.goodwill.text() and "red" in dialog.goodwill.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("rationale"), "the rationale is required"
    type_text(dialog.rationale, "Keeps the plant manager on our side")
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("decided_by"), "no engineer name in Settings"
    type_text(dialog.decided_by, "张伟")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    held = get_change_request(bench.env.ctx, request_id)
    assert held.decision is Decision.PENDING_APPROVAL
    assert held.proposed_decision is Decision.APPROVED_GOODWILL
    assert page.panel.select_record(request_id) and page.act_approve.isEnabled()
    page.act_approve.trigger()
    approve = page.dialog
    assert isinstance(approve, ApproveDialog)
    approve.accept()
    assert approve.isVisible() and approve.field_error("approved_by")
    type_text(approve.approved_by, "李经理")
    approve.accept()
    bench.idle()
    assert not approve.isVisible(), approve.message_bar.text()
    approved = get_change_request(bench.env.ctx, request_id)
    assert (approved.decision, approved.approved_by) == (Decision.APPROVED_GOODWILL, "李经理")


def test_approved_change_moves_the_chosen_milestone_and_its_history_names_the_request(
    bench: Workbench,
) -> None:
    milestone = create_milestone(
        bench.env.ctx,
        MilestoneDraft(project_id=bench.project_id, name="Go-live", baseline_date=date(2026, 4, 6)),
    )
    request_id = _request(bench, effort=2, schedule_days=3)
    _page, dialog = _decide(bench, request_id)
    assert list(dialog.shifts.boxes) == [milestone.id]
    _choose(bench, dialog, Decision.DECLINED)
    assert not dialog.shifts.boxes[milestone.id].isEnabled(), "only an approved change moves dates"
    _choose(bench, dialog, Decision.APPROVED_BILLABLE)
    assert dialog.notice.isHidden()
    assert dialog.shifts.boxes[milestone.id].isEnabled()
    dialog.decided_by.setText("Zhang Wei")
    type_text(dialog.rationale, "Billable at the day rate")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    assert get_milestone(bench.env.ctx, milestone.id).forecast_date == date(2026, 4, 9)
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    assert page.panel.select_record(milestone.id)
    bench.idle()
    assert page.history_model.index(0, 4).data() == "CR-1"


def test_the_plain_editor_shows_the_decision_but_cannot_change_it(bench: Workbench) -> None:
    request_id = _request(bench, effort=1)
    _page, dialog = _decide(bench, request_id)
    _choose(bench, dialog, Decision.DECLINED)
    dialog.decided_by.setText("Zhang Wei")
    type_text(dialog.rationale, "Not needed")
    dialog.accept()
    bench.idle()
    page = bench.page(AREA_CHANGE_REQUESTS)
    assert isinstance(page, ChangeRequestsPage)
    assert page.panel.select_record(request_id)
    page.panel.edit_current()
    editor = page.dialog
    assert not hasattr(editor, "decision")
    editor.title.setText("Extra report, renamed")
    editor.accept()
    bench.idle()
    kept = get_change_request(bench.env.ctx, request_id)
    assert (kept.title, kept.decision, kept.rationale) == (
        "Extra report, renamed",
        Decision.DECLINED,
        "Not needed",
    )


def test_decided_by_defaults_to_the_engineer_in_settings(bench: Workbench) -> None:
    from dataclasses import replace

    from deliverydesk.services.records.settings import get_settings, settings_draft, update_settings

    ctx = bench.env.ctx
    update_settings(ctx, replace(settings_draft(get_settings(ctx)), engineer_name="王工"))
    _page, dialog = _decide(bench, _request(bench, effort=1))
    assert dialog.decided_by.text() == "王工"
