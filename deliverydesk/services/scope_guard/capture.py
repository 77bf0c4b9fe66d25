"""Scope guard, first steps: capture an extra ask in seconds, check it against the contracted scope
(with suggestions by text), and triage it A / B / C with the consequences built in.

Helpers shared with ``services.scope_guard`` (the decision side) live here too."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from deliverydesk.domain.drafts import ChangeRequestDraft, LogEntryDraft, draft_from
from deliverydesk.domain.enums import Channel, Decision, LogKind, Triage
from deliverydesk.domain.models import ChangeRequestItem, LogEntryItem, MilestoneItem, ProjectItem
from deliverydesk.domain.scope_guard import (
    DecisionPreview,
    GuardAction,
    TriageConsequence,
    check_action,
    scope_check_for,
    triage_consequence,
)
from deliverydesk.domain.scope_guard_texts import (
    client_notice,
    in_scope_rationale,
    scope_check_message,
    triage_rationale,
)
from deliverydesk.domain.text_match import MatchCandidate, rank_matches
from deliverydesk.domain.validation import TITLE_MAX, validate_change_request
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import Message, msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.scope_guard.change_requests import CHANGE_REQUESTS
from deliverydesk.store import kinds, project_tables, request_rows, roster_rows
from deliverydesk.store.log_rows import get_log_entry
from deliverydesk.store.record_rows import check_same_project
from deliverydesk.store.records import Session, contact_names
from deliverydesk.store.request_rows import editable_request, request_facts

WHAT = "change request"
CHANNEL_OF_LOG = {
    LogKind.MEETING: Channel.MEETING,
    LogKind.CALL: Channel.CALL,
    LogKind.EMAIL: Channel.EMAIL,
    LogKind.MESSAGE: Channel.MESSAGE,
    LogKind.SITE_VISIT: Channel.SITE_VISIT,
}
LOG_OF_CHANNEL = {channel: kind for kind, channel in CHANNEL_OF_LOG.items()}


__all__ = ["editable_request"]


def guarded_request(
    session: Session, request_id: str, action: GuardAction
) -> tuple[ChangeRequestItem, ProjectItem]:
    """A request that may change, with its project, on which ``action`` is allowed now."""
    request, project = editable_request(session, request_id)
    check_action(request_facts(session, request), action)
    return request, project


def validated_request(
    ctx: ServiceContext, request: ChangeRequestItem, **changes: object
) -> ChangeRequestDraft:
    """The request's values with ``changes``, through the change request's field rules."""
    return validate_change_request(draft_from(ChangeRequestDraft, request, **changes), ctx.today())


def engineer_name(session: Session, given: str) -> str:
    """``given``, else the engineer's name in the settings."""
    return given.strip() or roster_rows.engineer_name(session)


def clear_decision(request: ChangeRequestItem) -> ChangeRequestItem:
    """The request without its decision, approval and escalation (the refusal stays)."""
    return replace(
        request,
        proposed_decision=None,
        decided_by="",
        decided_on=None,
        rationale="",
        escalation_needed=False,
        approved_by="",
        approved_on=None,
        approval_note="",
    )


# --- capture -----------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AskDraft:
    """A quick capture: what was asked, who asked, when, by which channel (from a log entry: its
    summary, day, participants and kind fill whatever is left empty)."""

    project_id: str
    what: str = ""
    asked_by_id: str | None = None  # a contact of the project's client
    asked_by_name: str = ""  # free text when the asker is not a contact
    asked_on: date | None = None  # default: today (or the log entry's day)
    channel: Channel | None = None  # default: meeting (or the log entry's kind)
    details: str = ""
    category_id: str | None = None  # a category of the shared taxonomy (repeated asks show a gap)
    from_log_entry_id: str | None = None


def capture_ask(ctx: ServiceContext, ask: AskDraft) -> ChangeRequestItem:
    """Record the ask as a new change request (CR-n), pending, unchecked, untriaged."""
    draft = ChangeRequestDraft(
        project_id=ask.project_id,
        title=ask.what,
        requested_on=ask.asked_on or ctx.today(),
        description=ask.details,
        requested_by_id=ask.asked_by_id,
        requested_by_name=ask.asked_by_name,
        channel=ask.channel or Channel.MEETING,
        category_id=ask.category_id,
    )
    with ctx.db.unit_of_work() as session:
        if ask.from_log_entry_id is not None:
            draft = _from_log_entry(session, ask, draft)
        return CHANGE_REQUESTS.create_in(ctx, session, draft)


def fit_line(text: str, limit: int = TITLE_MAX) -> str:
    """A log entry's longer text cut to a change request's single-line field."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _from_log_entry(session: Session, ask: AskDraft, draft: ChangeRequestDraft) -> ChangeRequestDraft:
    """Fill what the quick capture left empty from the log entry (a long summary stays whole in the
    description); an entry about an issue makes that issue the one the ask arose from."""
    assert ask.from_log_entry_id is not None
    entry = get_log_entry(session, ask.from_log_entry_id)
    if entry.project_id != ask.project_id:
        raise ValidationError({"from_log_entry_id": msg("This log entry belongs to another project.")})
    day = entry.occurred_at.astimezone().date()
    return replace(
        draft,
        title=ask.what or fit_line(entry.summary),
        requested_on=ask.asked_on or day,
        description=ask.details or _described(entry),
        requested_by_name=ask.asked_by_name or ("" if ask.asked_by_id else fit_line(entry.participants)),
        channel=ask.channel or CHANNEL_OF_LOG.get(entry.kind, Channel.OTHER),
        issue_id=entry.issue_id,
    )


def _described(entry: LogEntryItem) -> str:
    if len(" ".join(entry.summary.split())) <= TITLE_MAX:
        return entry.details
    return "\n\n".join(part for part in (entry.summary, entry.details) if part)


# --- scope check -------------------------------------------------------------------------------------


class MatchKind(StrEnum):
    SCOPE_ITEM = "scope_item"
    EXCLUSION = "exclusion"


@dataclass(frozen=True, kw_only=True)
class ScopeMatch:
    """A likely scope item or exclusion for an ask; ``score`` 0..1, 1.0 when the ask names its ref."""

    kind: MatchKind
    id: str
    ref: str
    text: str
    score: float


def suggest_scope_matches(
    ctx: ServiceContext, project_id: str, text: str, *, limit: int = 5
) -> tuple[ScopeMatch, ...]:
    """The project's scope items and exclusions that read most like ``text``, best first."""
    with ctx.db.unit_of_work() as session:
        where: dict[str, object] = {"project_id": project_id}
        items, _ = project_tables.SCOPE_ITEMS.page(
            session, where, include_archived=False, offset=0, limit=1000
        )
        exclusions, _ = project_tables.EXCLUSIONS.page(
            session, where, include_archived=False, offset=0, limit=1000
        )
    known = {s.id: (MatchKind.SCOPE_ITEM, s.title) for s in items}
    known.update({x.id: (MatchKind.EXCLUSION, x.text) for x in exclusions})
    candidates = [
        MatchCandidate(s.id, s.ref, (s.title, s.description, s.acceptance_criteria)) for s in items
    ] + [MatchCandidate(x.id, x.ref, (x.text,)) for x in exclusions]
    return tuple(
        ScopeMatch(kind=known[m.key][0], id=m.key, ref=m.ref, text=known[m.key][1], score=m.score)
        for m in rank_matches(text, candidates, limit=limit)
    )


@dataclass(frozen=True, kw_only=True)
class ScopeCheckResult:
    request: ChangeRequestItem
    needs_change_request: bool  # False: in scope, closed (withdrawn) with an "in scope" rationale
    message: Message  # the verdict, shown in the window's language


def check_scope(
    ctx: ServiceContext,
    request_id: str,
    *,
    scope_item_id: str | None = None,
    exclusion_id: str | None = None,
    checked_by: str = "",
) -> ScopeCheckResult:
    """Link the ask to a scope item (in scope: closed as withdrawn with an "in scope" rationale,
    replacing any earlier decision: no change request is needed), to an exclusion (excluded), or to
    neither (out of scope). Re-checking an ask closed as in scope reopens it as pending."""
    check = scope_check_for(scope_item_id, exclusion_id)
    with ctx.db.unit_of_work() as session:
        request, project = guarded_request(session, request_id, GuardAction.CHECK_SCOPE)
        check_same_project(session, "scope_item_id", kinds.SCOPE_ITEM, scope_item_id, project.id)
        check_same_project(session, "exclusion_id", kinds.EXCLUSION, exclusion_id, project.id)
        was_closed = request_facts(session, request).closed_as_in_scope
        request = replace(request, scope_check=check, scope_item_id=scope_item_id, exclusion_id=exclusion_id)
        linked = request_rows.linked_ref(session, scope_item_id, exclusion_id)
        if scope_item_id is not None:
            request = replace(
                clear_decision(request),
                decision=Decision.WITHDRAWN,
                decided_on=ctx.today(),
                decided_by=engineer_name(session, checked_by),
                rationale=in_scope_rationale(linked, project.language),
            )
        elif was_closed:
            request = replace(clear_decision(request), decision=Decision.PENDING)
        saved = request_rows.save_request(ctx.now(), session, request)
        message = scope_check_message(check, linked)
        return ScopeCheckResult(request=saved, needs_change_request=scope_item_id is None, message=message)


# --- triage ------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DecisionRequest:
    """A decision as you take it (the roster's person who uses this machine, within your authority
    limits): one of the five outcomes, with a rationale."""

    request_id: str
    outcome: Decision
    rationale: str
    decided_on: date | None = None  # default: today


@dataclass(frozen=True, kw_only=True)
class DecisionResult:
    request: ChangeRequestItem
    preview: DecisionPreview | None  # what the decision was checked against (None for an approval)
    moved: tuple[MilestoneItem, ...]  # milestones moved with this request as the cause


@dataclass(frozen=True, kw_only=True)
class TriageResult:
    request: ChangeRequestItem
    consequence: TriageConsequence
    default_rationale: str  # pre-fills the decision dialog (project language)
    client_notice: LogEntryDraft | None  # A: drafted, NOT saved; confirm it with log.add_log_entry


def triage_change_request(
    ctx: ServiceContext, request_id: str, triage: Triage, *, decided_by: str = ""
) -> TriageResult:
    """Set the triage. B defers a pending request at once (nothing is given away, so no authority is
    needed); A says "do it now" and drafts the client notice, and leaves the decision (billable or
    goodwill) to the engineer; C says: separate request or quote."""
    with ctx.db.unit_of_work() as session:
        request, project = guarded_request(session, request_id, GuardAction.TRIAGE)
        consequence = triage_consequence(triage)
        mains = request_rows.main_milestone_names(session, project.id)
        rationale = triage_rationale(triage, project.language, mains[0] if mains else None)
        request = replace(request, triage=triage)
        if consequence.defer_until_main_goal and request.decision is Decision.PENDING:
            request = replace(
                request,
                decision=Decision.DEFERRED,
                rationale=rationale,
                decided_by=engineer_name(session, decided_by),
                decided_on=ctx.today(),
            )
        saved = request_rows.save_request(ctx.now(), session, request)
        notice = _client_notice(ctx, session, saved, project) if consequence.notify_client else None
        return TriageResult(
            request=saved,
            consequence=consequence,
            default_rationale=rationale,
            client_notice=notice,
        )


def _client_notice(
    ctx: ServiceContext, session: Session, row: ChangeRequestItem, project: ProjectItem
) -> LogEntryDraft:
    summary, details = client_notice(row.ref, row.title, project.language)
    asker = row.requested_by_name
    if row.requested_by_id is not None:
        asker = contact_names(session, [row.requested_by_id]).get(row.requested_by_id, asker)
    return LogEntryDraft(
        project_id=project.id,
        occurred_at=ctx.now(),
        summary=summary,
        details=details,
        kind=LOG_OF_CHANNEL.get(row.channel, LogKind.MESSAGE),
        participants=asker,
        change_request_id=row.id,
    )
