"""Scope guard rules: what each triage implies, when a decision needs a manager, which transitions of
a change request are legal, and when deferred B-items come back. Pure: no I/O, no Qt.

A change request moves through: captured (pending) -> scope checked -> triaged -> assessed ->
decided. A decision the engineer may not take alone (effort or cost above their authority, goodwill
beyond the project's budget or their goodwill authority) is held as *pending approval* until a
manager's approval is recorded. Once its change-decision letter is issued the request is frozen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from deliverydesk.domain.enums import Decision, MilestoneStatus, ScopeCheck, Triage
from deliverydesk.domain.frozen import frozen_record
from deliverydesk.domain.metrics import (
    ACCEPTED_DECISIONS,
    HOURS_EPSILON,
    OPEN_DECISIONS,
    ChangeEffort,
    Meter,
    MeterLevel,
    accepted_out_of_scope_hours,
    goodwill_hours_used,
    meter,
)
from deliverydesk.domain.refs import ref_sort_key
from deliverydesk.domain.workdays import WorkCalendar
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import Message, msg

if TYPE_CHECKING:
    from deliverydesk.domain.models import ChangeRequestItem

DECISION_OUTCOMES = (
    Decision.APPROVED_BILLABLE,
    Decision.APPROVED_GOODWILL,
    Decision.DEFERRED,
    Decision.DECLINED,
    Decision.WITHDRAWN,
)


# --- transitions -----------------------------------------------------------------------------------


class GuardAction(StrEnum):
    CHECK_SCOPE = "check_scope"
    TRIAGE = "triage"
    ASSESS = "assess"  # impact and client-perspective analysis
    DECIDE = "decide"
    APPROVE = "approve"
    MOVE_MILESTONES = "move_milestones"


@dataclass(frozen=True)
class RequestFacts:
    """What the transition rules need to know about one change request."""

    ref: str
    decision: Decision
    scope_check: ScopeCheck = ScopeCheck.UNCHECKED
    letter_issued: bool = False  # a change-decision letter for it is issued or signed (not superseded)

    @property
    def closed_as_in_scope(self) -> bool:
        """The scope check found it part of the contract: closed, no change decision needed."""
        return self.decision is Decision.WITHDRAWN and self.scope_check is ScopeCheck.IN_SCOPE


def check_action(facts: RequestFacts, action: GuardAction) -> None:
    """Refuse an illegal step with RuleError (a plain sentence and what to do instead)."""
    if action is GuardAction.MOVE_MILESTONES:
        if facts.decision not in ACCEPTED_DECISIONS:
            raise RuleError(
                msg("{ref} is not approved: only an approved change moves milestones.", ref=facts.ref),
                msg("Decide it (and get any approval it needs) first."),
            )
        return
    if facts.letter_issued:
        raise RuleError(
            msg(
                "The change decision letter of {ref} is issued: its decision can no longer change.",
                ref=facts.ref,
            ),
            msg("Supersede the letter first, then change the request and issue a new version."),
        )
    if facts.closed_as_in_scope:
        if action is not GuardAction.CHECK_SCOPE:
            raise RuleError(
                msg("{ref} is part of the contracted scope: it needs no change decision.", ref=facts.ref),
                msg("Check its scope again if it is not."),
            )
        return
    _check_open(facts, action)


def _check_open(facts: RequestFacts, action: GuardAction) -> None:
    if facts.decision is Decision.WITHDRAWN:
        if action is GuardAction.APPROVE:
            raise RuleError(msg("{ref} was withdrawn: there is nothing to approve.", ref=facts.ref))
        raise RuleError(
            msg("{ref} was withdrawn: it can no longer change.", ref=facts.ref),
            msg("If the client asks again, capture it as a new ask."),
        )
    if action is GuardAction.APPROVE and facts.decision is not Decision.PENDING_APPROVAL:
        raise RuleError(
            msg("{ref} is not waiting for a manager's approval.", ref=facts.ref),
            msg("Only a decision held for approval can be approved."),
        )


def check_outcome(facts: RequestFacts, outcome: Decision) -> None:
    """A decision must be one of the five outcomes, on a request that may still be decided."""
    check_action(facts, GuardAction.DECIDE)
    if outcome not in DECISION_OUTCOMES:
        raise ValidationError(
            {
                "decision": msg(
                    "Choose approved (billable), approved as goodwill, deferred, declined or withdrawn."
                )
            }
        )


@dataclass(frozen=True)
class Verdict:
    """A manager's verdict on a decision held for approval (approve or refuse): who, when, and the
    facts of the held decision it answers."""

    manager: str  # a manager of the roster, picked (never typed)
    on: date
    decided_by: str  # who took the held decision
    decided_on: date | None


def _check_verdict(verdict: Verdict, check: dict[str, Message]) -> None:
    if same_person(verdict.manager, verdict.decided_by):
        check["manager_id"] = msg(
            "{manager} took this decision: another manager must approve or refuse it.",
            manager=verdict.manager,
        )
    if verdict.decided_on is not None and verdict.on < verdict.decided_on:
        check["approved_on"] = msg("The manager's answer cannot come before the decision.")


def same_person(name: str, other: str) -> bool:
    """Roster names are unique without case, so the same name is the same person."""
    return bool(name.strip()) and name.strip().casefold() == other.strip().casefold()


def check_approval(verdict: Verdict, proposed: Decision | None, outcome: Decision | None = None) -> Decision:
    """An approval answers what was proposed when the decision was held (the manager may approve it as
    goodwill instead of billable, or the other way), by a manager who did not take it.

    Returns the approved outcome."""
    check: dict[str, Message] = {}
    final = outcome or proposed
    if proposed is None:
        check["outcome"] = msg(
            "Nothing was proposed for approval: refuse it with a reason, so that the engineer decides again."
        )
    elif final not in ACCEPTED_DECISIONS:
        check["outcome"] = msg("Say whether the manager approves it as billable or as goodwill.")
    _check_verdict(verdict, check)
    if check or final is None:
        raise ValidationError(check)
    return final


def check_refusal(verdict: Verdict, reason: str) -> str:
    """A refusal says why (the engineer and the log read it), by a manager who did not take the
    decision. Returns the reason, stripped."""
    check: dict[str, Message] = {}
    if not reason.strip():
        check["reason"] = msg("Say why: the engineer decides again with it, and the log keeps it.")
    _check_verdict(verdict, check)
    if check:
        raise ValidationError(check)
    return reason.strip()


def resulting_decision(outcome: Decision, needs_approval: bool) -> Decision:
    """What is stored: the outcome, or *pending approval* while a manager must confirm it."""
    return Decision.PENDING_APPROVAL if needs_approval and outcome in ACCEPTED_DECISIONS else outcome


# --- authority and meters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorityLimits:
    """The engineer's limits (Settings): per change request, and goodwill per project. The cost limit
    is an amount in ``cost_currency``: it says nothing of a cost in another currency."""

    hours_per_change: float = 8.0
    cost_cents_per_change: int = 500_00
    goodwill_hours_per_project: float = 16.0
    cost_currency: str = "CNY"


class ApprovalReason(StrEnum):
    EFFORT_OVER_AUTHORITY = "effort_over_authority"
    COST_OVER_AUTHORITY = "cost_over_authority"
    COST_IN_OTHER_CURRENCY = "cost_in_other_currency"  # no rate is assumed: a manager decides
    GOODWILL_OVER_BUDGET = "goodwill_over_budget"  # the project's goodwill budget
    GOODWILL_OVER_AUTHORITY = "goodwill_over_authority"  # the engineer's goodwill hours per project


@dataclass(frozen=True)
class ProposedChange:
    outcome: Decision
    effort_hours: float
    cost_cents: int
    scope_check: ScopeCheck


@dataclass(frozen=True)
class ProjectFrame:
    """The project's budgets and its *other* change requests (without the one being decided)."""

    goodwill_budget_hours: float
    contracted_effort_hours: float
    others: tuple[ChangeEffort, ...] = ()
    currency: str = ""  # the project's, which its costs are in ("": not known, never within a limit)


@dataclass(frozen=True)
class DecisionPreview:
    """What deciding would do, shown before saving: held for approval? how full the meters get?"""

    outcome: Decision
    resulting_decision: Decision
    reasons: tuple[ApprovalReason, ...]
    goodwill: Meter  # after the decision
    scope_creep: Meter  # after the decision
    limits: AuthorityLimits
    effort_hours: float
    cost_cents: int
    currency: str = ""  # the project's

    @property
    def needs_approval(self) -> bool:
        return bool(self.reasons)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Which meters warn after the decision: "goodwill", "scope_creep"."""
        named = (("goodwill", self.goodwill), ("scope_creep", self.scope_creep))
        return tuple(name for name, m in named if m.level in (MeterLevel.WARNING, MeterLevel.LIMIT))


def approval_reasons(
    change: ProposedChange, frame: ProjectFrame, limits: AuthorityLimits
) -> tuple[ApprovalReason, ...]:
    """Why the engineer may not take this decision alone; exactly at a limit is still allowed."""
    if change.outcome not in ACCEPTED_DECISIONS:
        return ()  # deferring, declining or recording a withdrawal gives nothing away
    reasons = []
    if change.effort_hours > limits.hours_per_change + HOURS_EPSILON:
        reasons.append(ApprovalReason.EFFORT_OVER_AUTHORITY)
    if change.cost_cents > 0 and frame.currency != limits.cost_currency:
        reasons.append(ApprovalReason.COST_IN_OTHER_CURRENCY)
    elif change.cost_cents > limits.cost_cents_per_change:
        reasons.append(ApprovalReason.COST_OVER_AUTHORITY)
    if change.outcome is Decision.APPROVED_GOODWILL:
        after = goodwill_hours_used(frame.others) + change.effort_hours
        if after > frame.goodwill_budget_hours + HOURS_EPSILON:
            reasons.append(ApprovalReason.GOODWILL_OVER_BUDGET)
        if after > limits.goodwill_hours_per_project + HOURS_EPSILON:
            reasons.append(ApprovalReason.GOODWILL_OVER_AUTHORITY)
    return tuple(reasons)


def meters_after(change: ProposedChange | None, frame: ProjectFrame) -> tuple[Meter, Meter]:
    """Goodwill and scope-creep meters once ``change`` is decided (None: as they stand)."""
    efforts = list(frame.others)
    if change is not None:
        efforts.append(ChangeEffort(change.outcome, change.scope_check, change.effort_hours))
    goodwill = meter(goodwill_hours_used(efforts), frame.goodwill_budget_hours)
    creep = meter(accepted_out_of_scope_hours(efforts), frame.contracted_effort_hours)
    return goodwill, creep


def preview_decision(change: ProposedChange, frame: ProjectFrame, limits: AuthorityLimits) -> DecisionPreview:
    """Everything the decision dialog shows before saving (``scope_guard_texts`` words it)."""
    reasons = approval_reasons(change, frame, limits)
    goodwill, creep = meters_after(change, frame)
    return DecisionPreview(
        outcome=change.outcome,
        resulting_decision=resulting_decision(change.outcome, bool(reasons)),
        reasons=reasons,
        goodwill=goodwill,
        scope_creep=creep,
        limits=limits,
        effort_hours=change.effort_hours,
        cost_cents=change.cost_cents,
        currency=frame.currency,
    )


# --- triage, scope check, B-items, work without decision -----------------------------------------------


@dataclass(frozen=True)
class TriageConsequence:
    triage: Triage
    do_now: bool  # A: do it now (the decision, billable or goodwill, is still the engineer's)
    notify_client: bool  # A: a log entry telling the client is drafted
    defer_until_main_goal: bool  # B: deferred now, back when the main milestone is accepted
    separate_request: bool  # C: a separate request or quote; the decision letter says so


def triage_consequence(triage: Triage) -> TriageConsequence:
    return TriageConsequence(
        triage=triage,
        do_now=triage is Triage.A,
        notify_client=triage is Triage.A,
        defer_until_main_goal=triage is Triage.B,
        separate_request=triage is Triage.C,
    )


def scope_check_for(scope_item_id: str | None, exclusion_id: str | None) -> ScopeCheck:
    """Linked to a scope item: in scope; to an exclusion: excluded; to neither: out of scope."""
    if scope_item_id and exclusion_id:
        raise ValidationError(
            {"exclusion_id": msg("Link the ask to a scope item or to an exclusion, not to both.")}
        )
    if scope_item_id:
        return ScopeCheck.IN_SCOPE
    return ScopeCheck.EXCLUDED if exclusion_id else ScopeCheck.OUT_OF_SCOPE


def needs_change_request(check: ScopeCheck) -> bool:
    """Work inside the contracted scope is simply done: it needs no change request."""
    return check is not ScopeCheck.IN_SCOPE


def main_goal_met(main_milestone_statuses: Sequence[MilestoneStatus]) -> bool:
    """The main goal is met when the project has main milestones and every one is accepted."""
    return bool(main_milestone_statuses) and all(
        s is MilestoneStatus.ACCEPTED for s in main_milestone_statuses
    )


def is_waiting_b_item(triage: Triage, decision: Decision) -> bool:
    """A B-item deferred until the main goal is met (it comes back in Home and the handover)."""
    return triage is Triage.B and decision is Decision.DEFERRED


def decision_order(request: ChangeRequestItem) -> tuple[date, tuple[str, int]]:
    """Orders decisions as they were taken: by the day decided (else asked), the same day by ref."""
    return (request.decided_on or request.requested_on, ref_sort_key(request.ref))


def done_without_decision(decision: Decision, linked_log_entries: int) -> bool:
    """Something was logged against a request nobody has decided (or a manager has not approved)."""
    return decision in OPEN_DECISIONS and linked_log_entries > 0


# A project's live change requests with one decision, counted (in the database: ``overview_queries.
# request_groups``): decision, requests, their effort hours, the hours of those not in scope (None:
# none), how many are triaged B, how many have work logged against them (``meter_sql.WORK_LOGGED``).
RequestGroup = tuple[Decision, int, float, float | None, int, int]


@dataclass(frozen=True)
class RequestTally:
    """What a project's live change requests add up to: the Overview's counts and the meters' hours."""

    by_decision: dict[Decision, int]  # in the order the groups come
    goodwill_hours_used: float  # goodwill_hours_used
    out_of_scope_hours_accepted: float  # accepted_out_of_scope_hours
    done_without_decision: int  # requests for which done_without_decision holds
    deferred_b_items: int  # requests for which is_waiting_b_item holds


# Read per group by tally_request_groups (enums.py says why not through the class).
_GOODWILL, _DEFERRED = Decision.APPROVED_GOODWILL, Decision.DEFERRED


def tally_request_groups(groups: Iterable[RequestGroup]) -> RequestTally:
    """The rules of ``goodwill_hours_used``, ``accepted_out_of_scope_hours``, ``done_without_decision``
    and ``is_waiting_b_item`` asked once per decision of a project's requests (a switch shows all of
    this). The hours are the groups' sums: goodwill's is its group's, out of scope adds the accepted
    decisions' (the same as adding request by request up to the float rounding between the groups;
    exactly the same for hours in quarters). No hours are the integer 0, as ``sum`` of none."""
    by_decision: dict[Decision, int] = {}
    goodwill: float = 0
    out_of_scope: list[float] = []
    undecided = waiting = 0
    for decision, count, hours, outside, b_items, logged in groups:
        by_decision[decision] = count
        if decision is _GOODWILL:
            goodwill = hours
        if outside is not None and decision in ACCEPTED_DECISIONS:
            out_of_scope.append(outside)
        if decision in OPEN_DECISIONS:
            undecided += logged
        if decision is _DEFERRED:
            waiting += b_items
    fields = {
        "by_decision": by_decision,
        "goodwill_hours_used": goodwill,
        "out_of_scope_hours_accepted": sum(out_of_scope),
        "done_without_decision": undecided,
        "deferred_b_items": waiting,
    }
    return frozen_record(RequestTally, fields)


def tallied_meters(
    tally: RequestTally, goodwill_budget_hours: float, contracted_effort_hours: float
) -> tuple[Meter, Meter]:
    """Goodwill and scope-creep meters as they stand: ``meters_after(None, frame)`` from a tally."""
    return (
        meter(tally.goodwill_hours_used, goodwill_budget_hours),
        meter(tally.out_of_scope_hours_accepted, contracted_effort_hours),
    )


MAX_SCHEDULE_DAYS = 1000  # about four years of working days: more is a typo, and planning it would stall


def check_schedule_days(days: int) -> None:
    if abs(days) > MAX_SCHEDULE_DAYS:
        raise ValidationError(
            {
                "schedule_days": msg(
                    "Keep the schedule impact to {max_schedule_days:,} working days or fewer.",
                    max_schedule_days=MAX_SCHEDULE_DAYS,
                )
            }
        )


def shift_working_days(start: date, days: int, calendar: WorkCalendar) -> date:
    """The day ``days`` working days after ``start`` (before it when negative; start itself for 0)."""
    check_schedule_days(days)
    step = timedelta(days=1 if days >= 0 else -1)
    day, remaining = start, abs(days)
    while remaining:
        day += step
        remaining -= calendar.is_working_day(day)
    return day


def impact_reopens_decision(decision: Decision, old: tuple[float, int], new: tuple[float, int]) -> bool:
    """New effort or cost voids an approval (or a held one): it was decided on the old figures.

    ``old`` and ``new`` are (effort hours, cost cents)."""
    held_or_given = decision in ACCEPTED_DECISIONS or decision is Decision.PENDING_APPROVAL
    changed = abs(old[0] - new[0]) > HOURS_EPSILON or old[1] != new[1]
    return held_or_given and changed
