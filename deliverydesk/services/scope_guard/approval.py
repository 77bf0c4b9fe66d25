"""A manager's answer to a decision held for approval: approve it, or refuse it with a reason.

The manager is a person of the team roster with the manager role, picked by id (never a typed name),
and never the person who took the decision. An approval turns the held decision into the outcome
proposed when it was held; a refusal sends the request back to pending, keeps the reason on the
request (``refused_by`` / ``refused_on`` / ``refusal_reason``) and records it in the decision log,
in one unit of work. ``approval_view`` gathers what the Approve dialog shows: the whole request
(rationale, impact, client-perspective analysis), the managers who may answer, and the milestones an
approval would move."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
from deliverydesk.services.records.log import add_log_entry_in
from deliverydesk.services.records.settings import you_row
from deliverydesk.services.scope_guard.capture import (
    DecisionResult,
    clear_decision,
    fit_line,
    guarded_request,
    validated_request,
)
from deliverydesk.services.scope_guard.moves import MilestoneShift, move_if_approved, planned_shifts
from deliverydesk.services.sync.gate import check_team_answerer
from deliverydesk.store import request_rows, roster_rows
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
        request, project = guarded_request(session, request_id, GuardAction.APPROVE)
        people = roster_rows.managers(ctx.now(), session)
        managers = tuple(p for p in people if not same_person(p.name, request.decided_by))
        return ApprovalView(
            request=request,
            managers=managers,
            milestone_shifts=planned_shifts(session, project, request.schedule_days, ctx.today()),
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
        request, _ = guarded_request(session, request_id, GuardAction.APPROVE)
        manager = live_manager(session, manager_id, "manager_id")
        check_team_answerer(session, manager.id, you_row(ctx, session).id)
        verdict = Verdict(manager.name, approved_on or ctx.today(), request.decided_by, request.decided_on)
        final = check_approval(verdict, request.proposed_decision, outcome)
        draft = validated_request(
            ctx, request, approved_by=manager.name, approved_on=verdict.on, approval_note=note
        )
        request = replace(
            request,
            decision=final,
            proposed_decision=None,
            escalation_needed=False,
            approved_by=draft.approved_by,
            approved_on=draft.approved_on,
            approval_note=draft.approval_note,
        )
        item = request_rows.save_request(ctx.now(), session, request)
        log_request_approved(ctx, session, item)
        moved = move_if_approved(ctx, session, item, move_milestone_ids)
        return DecisionResult(request=item, preview=None, moved=moved)


def refuse_change_request(
    ctx: ServiceContext, request_id: str, *, manager_id: str, reason: str, refused_on: date | None = None
) -> ChangeRequestItem:
    """Refuse the held decision: the request is pending again (to be decided anew), the reason stays
    on it and goes into the decision log, in the project's language, with the manager as participant."""
    with ctx.db.unit_of_work() as session:
        request, project = guarded_request(session, request_id, GuardAction.APPROVE)
        manager = live_manager(session, manager_id, "manager_id")
        check_team_answerer(session, manager.id, you_row(ctx, session).id)
        verdict = Verdict(manager.name, refused_on or ctx.today(), request.decided_by, request.decided_on)
        reason = check_refusal(verdict, reason)
        draft = validated_request(ctx, request, approval_note=reason)  # the reason, held to a note's limits
        summary, details = refusal_log_texts(
            request.ref,
            request.title,
            manager.name,
            request.proposed_decision,
            draft.approval_note,
            project.language,
        )
        request = replace(
            clear_decision(request),
            decision=Decision.PENDING,
            refused_by=manager.name,
            refused_on=verdict.on,
            refusal_reason=draft.approval_note,
        )
        saved = request_rows.save_request(ctx.now(), session, request)
        add_log_entry_in(
            ctx,
            session,
            LogEntryDraft(
                project_id=saved.project_id,
                occurred_at=ctx.now(),
                kind=LogKind.DECISION,
                participants=manager.name,
                summary=fit_line(summary, SUMMARY_MAX),
                details=details,
                change_request_id=saved.id,
            ),
        )
        return saved
