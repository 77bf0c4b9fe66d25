"""Deciding change requests through the guard: the approval notice before saving, you as the decider
(never typed), a manager of the roster approving or refusing (the whole held decision shown first),
milestone moves named after the change request, and the plain editor that cannot decide."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit

from deliverydesk.domain.drafts import ChangeRequestDraft, MilestoneDraft, PersonDraft
from deliverydesk.domain.enums import Decision, LogKind, PersonRole
from deliverydesk.gui.dialogs.records.approval import ApproveDialog
from deliverydesk.gui.dialogs.records.decision import DecideDialog
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_MILESTONES
from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
from deliverydesk.gui.pages.project.milestones import MilestonesPage
from deliverydesk.services.records.log import list_log_entries
from deliverydesk.services.records.milestones import create_milestone, get_milestone
from deliverydesk.services.records.people import save_person
from deliverydesk.services.records.settings import get_settings, settings_draft, update_settings
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


RATIONALE = "Keeps the plant manager on our side.\nSecond paragraph: the ask saves them a shift a week."


def _name_yourself(bench: Workbench, name: str = "张伟") -> None:
    ctx = bench.env.ctx
    update_settings(ctx, replace(settings_draft(get_settings(ctx)), engineer_name=name))


def _held(bench: Workbench) -> tuple[ChangeRequestsPage, str]:
    """A goodwill decision over the project's 10 h budget, held for a manager."""
    request_id = _request(bench, effort=12)
    page, dialog = _decide(bench, request_id)
    _choose(bench, dialog, Decision.DEFERRED)
    assert dialog.notice.isHidden()
    _choose(bench, dialog, Decision.APPROVED_GOODWILL)
    assert not dialog.notice.isHidden(), "shown before saving"
    assert "approval" in dialog.notice.text() and "goodwill" in dialog.notice.text().lower()
    assert "120 %" in dialog.goodwill.text() and "red" in dialog.goodwill.text()
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("rationale"), "the rationale is required"
    dialog.rationale.setPlainText(RATIONALE)  # two paragraphs (typing cannot press Enter in a field)
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("decided_by"), "no name of yours in Settings"
    _name_yourself(bench)
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    held = get_change_request(bench.env.ctx, request_id)
    assert (held.decision, held.proposed_decision, held.decided_by) == (
        Decision.PENDING_APPROVAL,
        Decision.APPROVED_GOODWILL,
        "张伟",
    )
    return page, request_id


def _approve_dialog(bench: Workbench, page: ChangeRequestsPage, request_id: str) -> ApproveDialog:
    assert page.panel.select_record(request_id) and page.act_approve.isEnabled()
    page.act_approve.trigger()
    approve = page.dialog
    assert isinstance(approve, ApproveDialog)
    bench.idle()
    return approve


def test_a_held_decision_is_approved_by_a_manager_picked_from_the_roster(bench: Workbench) -> None:
    page, request_id = _held(bench)
    ctx = bench.env.ctx
    manager = save_person(ctx, PersonDraft(name="李经理", role=PersonRole.MANAGER))
    save_person(ctx, PersonDraft(name="张伟 (2)", role=PersonRole.ENGINEER))
    approve = _approve_dialog(bench, page, request_id)
    assert approve.rationale.toPlainText() == RATIONALE  # the whole rationale, not its first line
    impact = approve.findChild(QLabel, "impactShown")
    assert impact is not None and "12.0 h" in impact.text() and "risk: Low" in impact.text()
    analysis = [w.toPlainText() for w in approve.findChildren(QPlainTextEdit) if w.isReadOnly()]
    assert len(analysis) == 6  # the rationale and the five questions of the client's view
    assert [approve.manager.itemText(i) for i in range(approve.manager.count())] == ["李经理"]
    assert not approve.manager.isEditable()  # picked, never typed
    approve.accept()
    bench.idle()
    assert not approve.isVisible(), approve.message_bar.text()
    approved = get_change_request(ctx, request_id)
    assert (approved.decision, approved.approved_by) == (Decision.APPROVED_GOODWILL, manager.name)


def test_the_decider_is_never_offered_as_approver_and_a_refusal_sends_it_back(bench: Workbench) -> None:
    page, request_id = _held(bench)
    ctx = bench.env.ctx
    you = get_settings(ctx).person_id
    assert you is not None
    save_person(ctx, PersonDraft(id=you, name="张伟", role=PersonRole.MANAGER))  # you, a manager now
    approve = _approve_dialog(bench, page, request_id)
    assert approve.manager.count() == 0 and "No other manager" in approve.message_bar.text()
    approve.reject()
    manager = save_person(ctx, PersonDraft(name="陈经理", role=PersonRole.MANAGER))
    approve = _approve_dialog(bench, page, request_id)
    assert approve.manager.itemData(0) == manager.id and approve.manager.count() == 1
    approve.refuse()
    assert approve.isVisible() and approve.field_error("approval_note"), "a refusal says why"
    type_text(approve.note, "12 h of goodwill is too much this quarter")
    approve.refuse()
    bench.idle()
    assert not approve.isVisible(), approve.message_bar.text()
    back = get_change_request(ctx, request_id)
    assert (back.decision, back.refused_by, back.refusal_reason) == (
        Decision.PENDING,
        "陈经理",
        "12 h of goodwill is too much this quarter",
    )
    logged = list_log_entries(ctx, bench.project_id).rows
    assert [(e.kind, e.change_request_id) for e in logged] == [(LogKind.DECISION, request_id)] * 2, (
        "the held decision was logged (issue 17), then the refusal"
    )
    (refusal_entry,) = [e for e in logged if e.participants == "陈经理"]
    assert "12 h of goodwill is too much this quarter" in refusal_entry.details
    _page, dialog = _decide(bench, request_id)  # deciding again shows why it came back
    refusal = dialog.findChild(QLabel, "refusalShown")
    assert refusal is not None and "陈经理" in refusal.text() and "too much" in refusal.text()


def test_deciding_a_held_request_again_says_what_it_replaces_and_the_log_keeps_it(
    bench: Workbench,
) -> None:
    page, request_id = _held(bench)
    assert page.panel.select_record(request_id) and page.act_decide.isEnabled()
    page.act_decide.trigger()
    dialog = page.dialog
    assert isinstance(dialog, DecideDialog)
    bench.idle()
    held = dialog.findChild(QLabel, "heldShown")
    assert held is not None and not held.isHidden()
    assert "Approved as goodwill" in held.text() and "张伟" in held.text()
    assert "no longer be asked" in held.text()
    assert dialog.outcome.currentData() == Decision.APPROVED_GOODWILL.value, "starts from what is held"
    assert not dialog.has_unsaved_changes(), "the dialog's own starting point is not a change"
    _choose(bench, dialog, Decision.DECLINED)
    type_text(dialog.rationale, "The client withdrew the budget for it")
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    declined = get_change_request(bench.env.ctx, request_id)
    assert (declined.decision, declined.proposed_decision) == (Decision.DECLINED, None)
    summaries = [e.summary for e in list_log_entries(bench.env.ctx, bench.project_id).rows]
    replacing = [s for s in summaries if "取代" in s]  # the project's letters and log are in Chinese
    assert replacing == [f"{declined.ref} Extra report：拒绝；取代了待上级审批的决定（批准（友情支持））"], (
        summaries
    )


def test_nothing_proposed_can_only_be_refused(bench: Workbench) -> None:
    draft = ChangeRequestDraft(
        project_id=bench.project_id,
        title="Old held ask",
        requested_on=date(2026, 3, 2),
        effort_hours=30,
        decision=Decision.PENDING_APPROVAL,
        decided_by="张伟",
        decided_on=date(2026, 3, 2),
        rationale="held before proposals were recorded",
    )
    request_id = create_change_request(bench.env.ctx, draft).id
    save_person(bench.env.ctx, PersonDraft(name="陈经理", role=PersonRole.MANAGER))
    page = bench.page(AREA_CHANGE_REQUESTS)
    assert isinstance(page, ChangeRequestsPage)
    bench.idle()
    approve = _approve_dialog(bench, page, request_id)
    assert not approve.approve_button.isEnabled() and approve.refuse_button.isEnabled()
    proposed = approve.findChild(QLabel, "proposedOutcome")
    assert proposed is not None and "Nothing was proposed" in proposed.text()


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
    _name_yourself(bench, "Zhang Wei")
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
    _name_yourself(bench, "Zhang Wei")
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


def test_you_decide_and_your_name_is_shown_not_typed(bench: Workbench) -> None:
    _name_yourself(bench, "王工")
    _page, dialog = _decide(bench, _request(bench, effort=1))
    assert dialog.decided_by.text() == "王工 (you)"
    assert not hasattr(dialog.decided_by, "setReadOnly")  # a label: nobody types another name


def test_the_decision_dialog_names_the_request_it_decides(bench: Workbench) -> None:
    """In the dialog, not only in its title bar (as the check-and-triage dialog does)."""
    _page, dialog = _decide(bench, _request(bench, effort=1))
    assert dialog.request_shown.text() == "CR-1 Extra report" and dialog.request_shown.isVisibleTo(dialog)
    dialog.reject()
