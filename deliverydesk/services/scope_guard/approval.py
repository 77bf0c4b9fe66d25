"""A manager's answer to a decision held for approval: approve it, or refuse it with a reason.

The manager is a person of the team roster with the manager role, picked by id (never a typed name),
and never the person who took the decision. An approval turns the held decision into the outcome
proposed when it was held; a refusal sends the request back to pending, keeps the reason on the
request (``refused_by`` / ``refused_on`` / ``refusal_reason``) and records it in the decision log,
in one unit of work. ``approval_view`` gathers what the Approve dialog shows: the whole request
(rationale, impact, client-perspective analysis), the managers who may answer, and the milestones an
approval would move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import Decision, LogKind
from deliverydesk.domain.models import ChangeRequestItem, PersonItem
from deliverydesk.domain.scope_guard import (
    GuardAction,
    Verdict,
    check_approval,
    check_refusal,
    same_person,
)
from deliverydesk.domain.scope_guard_texts import refusal_log_texts
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.auto_log import log_request_approved
from deliverydesk.services.records.common import save_changes
from deliverydesk.services.records.log import add_log_entry_in
from deliverydesk.services.records.settings import you_row
from deliverydesk.services.scope_guard.capture import (
    DecisionResult,
    clear_decision,
    fit_line,
    guarded_request,
    request_item,
    validated_request,
)
from deliverydesk.services.scope_guard.moves import MilestoneShift, move_if_approved, planned_shifts
from deliverydesk.services.sync.gate import check_team_answerer
from deliverydesk.store import roster_rows
from deliverydesk.store.roster_rows import live_manager

SUMMARY_MAX = 500  # a log entry's summary (domain.validation)


@dataclass(frozen=True, kw_only=True)
class ApprovalView:
    """What a manager sees before answering: the request as it stands and who may answer."""

    request: ChangeRequestItem
    managers: tuple[PersonItem, ...]  # the roster's managers, without the person who decided
    milestone_shifts: tuple[MilestoneShift, ...]  # what an approval would move


def approval_view(ctx: ServiceContext, request_id: str) -> ApprovalView:
    with ctx.db.unit_of_work() as session:
        row, project = guarded_request(session, request_id, GuardAction.APPROVE)
        people = roster_rows.managers(ctx.now(), session)
        managers = tuple(p for p in people if not same_person(p.name, row.decided_by))
        return ApprovalView(
            request=request_item(row),
            managers=managers,
            milestone_shifts=planned_shifts(session, project, row.schedule_days),
        )


def approve_change_request(
    ctx: ServiceContext,
    request_id: str,
    *,
    manager_id: str,
    approved_on: date | None = None,
    note: str = "",
    outcome: Decision | None = None,
    move_milestone_ids: tuple[str, ...] = (),
) -> DecisionResult:
    """Approve the held decision: it becomes the outcome proposed when it was held (or ``outcome``,
    billable or goodwill, when the manager approves it the other way); then the chosen milestones move."""
    with ctx.db.unit_of_work() as session:
        row, _ = guarded_request(session, request_id, GuardAction.APPROVE)
        manager = live_manager(session, manager_id, "manager_id")
        check_team_answerer(session, manager.id, you_row(ctx, session).id)
        verdict = Verdict(manager.name, approved_on or ctx.today(), row.decided_by, row.decided_on)
        final = check_approval(verdict, row.proposed_decision, outcome)
        draft = validated_request(
            ctx, row, approved_by=manager.name, approved_on=verdict.on, approval_note=note
        )
        row.decision, row.proposed_decision, row.escalation_needed = final, None, False
        row.approved_by = draft.approved_by
        row.approved_on, row.approval_note = draft.approved_on, draft.approval_note
        save_changes(ctx, session, row)
        log_request_approved(ctx, session, row)
        item = request_item(row)
        moved = move_if_approved(ctx, session, item, move_milestone_ids)
        return DecisionResult(request=item, preview=None, moved=moved)


def refuse_change_request(
    ctx: ServiceContext, request_id: str, *, manager_id: str, reason: str, refused_on: date | None = None
) -> ChangeRequestItem:
    """Refuse the held decision: the request is pending again (to be decided anew), the reason stays
    on it and goes into the decision log, in the project's language, with the manager as participant."""
    with ctx.db.unit_of_work() as session:
        row, project = guarded_request(session, request_id, GuardAction.APPROVE)
        manager = live_manager(session, manager_id, "manager_id")
        check_team_answerer(session, manager.id, you_row(ctx, session).id)
        verdict = Verdict(manager.name, refused_on or ctx.today(), row.decided_by, row.decided_on)
        reason = check_refusal(verdict, reason)
        draft = validated_request(ctx, row, approval_note=reason)  # the reason, held to a note's limits
        summary, details = refusal_log_texts(
            row.ref, row.title, manager.name, row.proposed_decision, draft.approval_note, project.language
        )
        clear_decision(row)
        row.decision = Decision.PENDING
        row.refused_by, row.refused_on, row.refusal_reason = manager.name, verdict.on, draft.approval_note
        save_changes(ctx, session, row)
        add_log_entry_in(
            ctx,
            session,
            LogEntryDraft(
                project_id=row.project_id,
                occurred_at=ctx.now(),
                kind=LogKind.DECISION,
                participants=manager.name,
                summary=fit_line(summary, SUMMARY_MAX),
                details=details,
                change_request_id=row.id,
            ),
        )
        return request_item(row)
