"""Scope guard use cases, one import for the GUI: capture an extra ask, check it against the
contracted scope, triage it, assess its impact and the client's side of it, preview and take the
decision (held for a manager of the roster when beyond your authority), record a manager's approval
or refusal, and move the milestones it causes.

Every call is one unit of work; the rules live in ``domain.scope_guard``. Capture, scope check and
triage are in ``services.scope_guard.capture``, the read side (meters, deferred B-items, work without a
decision) in ``services.scope_guard.meters``, milestone moves in ``services.scope_guard.moves``; all are
re-exported here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from deliverydesk.domain.enums import Decision, RiskLevel
from deliverydesk.domain.metrics import Meter, MeterLevel
from deliverydesk.domain.models import ChangeRequestItem, ProjectItem
from deliverydesk.domain.scope_guard import (
    ApprovalReason,
    DecisionPreview,
    GuardAction,
    ProposedChange,
    check_outcome,
    check_schedule_days,
    impact_reopens_decision,
)
from deliverydesk.domain.scope_guard import preview_decision as preview_rules
from deliverydesk.domain.scope_guard_texts import AnalysisQuestion, analysis_questions, explain_preview
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.auto_log import log_request_decided
from deliverydesk.services.records.settings import you_row
from deliverydesk.services.scope_guard.approval import (
    ApprovalView,
    approval_view,
    approve_change_request,
    refuse_change_request,
)
from deliverydesk.services.scope_guard.capture import (
    AskDraft,
    DecisionRequest,
    DecisionResult,
    MatchKind,
    ScopeCheckResult,
    ScopeMatch,
    TriageResult,
    capture_ask,
    check_scope,
    clear_decision,
    editable_request,
    guarded_request,
    suggest_scope_matches,
    triage_change_request,
    validated_request,
)
from deliverydesk.services.scope_guard.meters import (
    DeferredBItems,
    DeferredItem,
    ProjectMeters,
    UndecidedWork,
    authority_limits,
    deferred_b_items,
    deferred_b_items_due,
    project_meters,
    project_meters_many,
    work_without_decision,
)
from deliverydesk.services.scope_guard.moves import (
    MilestoneShift,
    apply_schedule_impact,
    move_if_approved,
    planned_shifts,
)
from deliverydesk.store import request_rows
from deliverydesk.store.record_rows import get_project
from deliverydesk.store.records import Session
from deliverydesk.store.request_rows import request_facts

__all__ = [
    "AnalysisDraft",
    "AnalysisQuestion",
    "ApprovalReason",
    "ApprovalView",
    "AskDraft",
    "DecisionPreview",
    "DecisionRequest",
    "DecisionResult",
    "DeferredBItems",
    "DeferredItem",
    "ImpactAssessment",
    "ImpactDraft",
    "MatchKind",
    "Meter",
    "MeterLevel",
    "MilestoneShift",
    "ProjectMeters",
    "ScopeCheckResult",
    "ScopeMatch",
    "TriageResult",
    "UndecidedWork",
    "analysis_questions",
    "apply_schedule_impact",
    "approval_view",
    "approve_change_request",
    "assess_impact",
    "capture_ask",
    "check_scope",
    "decide_change_request",
    "deferred_b_items",
    "deferred_b_items_due",
    "explain_preview",
    "milestone_shifts",
    "preview_decision",
    "project_meters",
    "project_meters_many",
    "record_analysis",
    "refuse_change_request",
    "suggest_scope_matches",
    "triage_change_request",
    "work_without_decision",
]


# --- impact and analysis ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ImpactDraft:
    effort_hours: float = 0.0
    cost_cents: int = 0
    schedule_days: int = 0  # working days the change would move open milestones by
    risk: RiskLevel = RiskLevel.LOW


@dataclass(frozen=True, kw_only=True)
class ImpactAssessment:
    request: ChangeRequestItem
    milestone_shifts: tuple[MilestoneShift, ...]  # open milestones and where they would move to
    decision_reopened: bool  # new effort/cost voided an approval (or a held one): decide again


def assess_impact(ctx: ServiceContext, request_id: str, impact: ImpactDraft) -> ImpactAssessment:
    with ctx.db.unit_of_work() as session:
        request, project = guarded_request(session, request_id, GuardAction.ASSESS)
        check_schedule_days(impact.schedule_days)
        draft = validated_request(ctx, request, **impact.__dict__)
        reopen = impact_reopens_decision(
            request.decision,
            (request.effort_hours, request.cost_cents),
            (draft.effort_hours, draft.cost_cents),
        )
        if reopen:
            request = replace(clear_decision(request), decision=Decision.PENDING)
        request = replace(
            request,
            effort_hours=draft.effort_hours,
            cost_cents=draft.cost_cents,
            schedule_days=draft.schedule_days,
            risk=draft.risk,
        )
        saved = request_rows.save_request(ctx.now(), session, request)
        shifts = planned_shifts(session, project, saved.schedule_days, ctx.today())
        return ImpactAssessment(request=saved, milestone_shifts=shifts, decision_reopened=reopen)


def milestone_shifts(ctx: ServiceContext, request_id: str) -> tuple[MilestoneShift, ...]:
    """Which open milestones the request's schedule impact would move, and to which dates."""
    with ctx.db.unit_of_work() as session:
        request = request_rows.get_request(session, request_id)
        project = get_project(session, request.project_id)
        return planned_shifts(session, project, request.schedule_days, ctx.today())


@dataclass(frozen=True, kw_only=True)
class AnalysisDraft:
    """The client-perspective analysis (``scope_guard_texts.analysis_questions`` guides it)."""

    client_benefit: str = ""
    client_cost: str = ""  # their effort, delay to their main goal, maintenance, dependence
    risks: str = ""
    alternatives: str = ""
    recommendation: str = ""


def record_analysis(ctx: ServiceContext, request_id: str, analysis: AnalysisDraft) -> ChangeRequestItem:
    with ctx.db.unit_of_work() as session:
        request, _ = guarded_request(session, request_id, GuardAction.ASSESS)
        draft = validated_request(ctx, request, **analysis.__dict__)
        request = replace(
            request,
            client_benefit=draft.client_benefit,
            client_cost=draft.client_cost,
            risks=draft.risks,
            alternatives=draft.alternatives,
            recommendation=draft.recommendation,
        )
        return request_rows.save_request(ctx.now(), session, request)


# --- decision and approval -----------------------------------------------------------------------------


def _preview(
    session: Session, request: ChangeRequestItem, project: ProjectItem, outcome: Decision
) -> DecisionPreview:
    check_outcome(request_facts(session, request), outcome)
    change = ProposedChange(outcome, request.effort_hours, request.cost_cents, request.scope_check)
    frame = request_rows.project_frame(session, project, without=request)
    return preview_rules(change, frame, authority_limits(session))


def preview_decision(ctx: ServiceContext, request_id: str, outcome: Decision) -> DecisionPreview:
    """What deciding ``outcome`` would do, before saving: held for approval (and why), and the goodwill
    and scope-creep meters afterwards with their levels. Refuses an illegal decision like deciding."""
    with ctx.db.unit_of_work() as session:
        request, project = editable_request(session, request_id)
        return _preview(session, request, project, outcome)


def decide_change_request(
    ctx: ServiceContext, decision: DecisionRequest, *, move_milestone_ids: tuple[str, ...] = ()
) -> DecisionResult:
    """Record your decision (you: the roster's person who uses this machine); beyond your authority
    limits it is held as pending approval, for a manager of the roster. An approved decision then
    moves ``move_milestone_ids`` by its schedule impact (the CR as cause)."""
    with ctx.db.unit_of_work() as session:
        return decide_change_request_in(ctx, session, decision, move_milestone_ids=move_milestone_ids)


def decide_change_request_in(
    ctx: ServiceContext,
    session: Session,
    decision: DecisionRequest,
    *,
    move_milestone_ids: tuple[str, ...] = (),
) -> DecisionResult:
    if not decision.rationale.strip():
        raise ValidationError({"rationale": msg("Say why: the client and your manager will read it.")})
    request, project = editable_request(session, decision.request_id)
    preview = _preview(session, request, project, decision.outcome)
    replaced = request.proposed_decision if request.decision is Decision.PENDING_APPROVAL else None
    decided_by = you_row(ctx, session).name.strip()
    if not decided_by:
        raise ValidationError(
            {"decided_by": msg("Set your name in Settings first: decisions are taken under it.")}
        )
    draft = validated_request(
        ctx,
        request,
        decided_by=decided_by,
        decided_on=decision.decided_on or ctx.today(),
        rationale=decision.rationale,
    )
    request = replace(
        clear_decision(request),
        decision=preview.resulting_decision,
        proposed_decision=decision.outcome if preview.needs_approval else None,
        decided_by=draft.decided_by,
        decided_on=draft.decided_on,
        rationale=draft.rationale,
        escalation_needed=preview.needs_approval,
    )
    item = request_rows.save_request(ctx.now(), session, request)
    log_request_decided(ctx, session, item, replaced)
    moved = move_if_approved(ctx, session, item, move_milestone_ids)
    return DecisionResult(request=item, preview=preview, moved=moved)
