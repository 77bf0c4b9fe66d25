"""The Home page's question: across all projects, what needs attention today?"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from deliverydesk.domain.attention import (
    COMMITMENT_LOOKAHEAD_DAYS,
    AttentionItem,
    AttentionKind,
    AttentionReport,
    summary_due_date,
)
from deliverydesk.domain.enums import LETTER_STATUSES, Decision
from deliverydesk.domain.handover import HANDOVER_NEAR_DAYS, NEAR_HANDOVER, BlockerKind, handover_blockers
from deliverydesk.domain.metrics import (
    HOURS_EPSILON,
    OPEN_DECISIONS,
    MeterLevel,
    MilestoneHealth,
    Thresholds,
    meter,
    milestone_health,
)
from deliverydesk.domain.revisits import days_overdue
from deliverydesk.domain.scope_guard import AuthorityLimits
from deliverydesk.domain.scope_meters import DeferredBItems
from deliverydesk.domain.workdays import (
    calendar_covering,
    slip_working_days,
    with_extra_days,
    working_days_between,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store import attention_reads as q
from deliverydesk.store.plain import Reader
from deliverydesk.store.working_days import non_working_days

DEFAULT_LIMIT = 50


def get_attention(ctx: ServiceContext, *, limit: int = DEFAULT_LIMIT) -> AttentionReport:
    """At most ``limit`` items of each kind, most urgent first, as of ``ctx.today()``."""
    today = ctx.today()
    items: list[AttentionItem] = []
    totals: dict[AttentionKind, int] = {}
    with ctx.db.reading() as r:  # plain SQL: the window's first screen, no ORM set-up on the way
        for collect in (
            _milestones,
            _change_requests,
            _work_without_decision,
            _letters,
            _refused_letters,
            _expectation_letters,
            _summaries,
            _commitments,
            _scope_meters,
            _review_follow_ups,
            _blocked_handovers,
            _own_limits,
            _deferred_b_items,
        ):
            found, counts = collect(r, today, limit)
            items += found
            totals.update(counts)
        projects = q.count_live_projects(r)
    return AttentionReport(items=tuple(items), totals=totals, today=today, projects=projects)


PROJECT_KEYS = ("project_id", "project_code", "project_name")


def _project(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in PROJECT_KEYS}


def _project_of(found: Any) -> dict[str, Any]:
    """The project fields of a record that names its project (a blocked handover, deferred B-items)."""
    return {key: getattr(found, key) for key in PROJECT_KEYS}


def _milestones(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    items: list[AttentionItem] = []
    counts: dict[Any, int] = {}
    for kind in (AttentionKind.OVERDUE_MILESTONE, AttentionKind.AT_RISK_MILESTONE):
        rows, total = q.milestones_needing_attention(
            r, today, limit, overdue=kind is AttentionKind.OVERDUE_MILESTONE
        )
        extra = non_working_days(r, [row["project_id"] for row in rows])
        found = [
            item
            for row in rows
            if (item := _milestone_item(row, today, extra.get(row["project_id"], frozenset())))
            and item.kind is kind
        ]
        items += found
        dropped = len(rows) - len(found)  # a calendar-day slip that is no working-day slip
        counts[kind] = total - dropped
    return items, counts


def _milestone_item(row: dict[str, Any], today: date, extra_days: frozenset[date]) -> AttentionItem | None:
    """The line for an overdue or at-risk milestone; None when it is neither in working days."""
    baseline, forecast, actual = row["baseline_date"], row["forecast_date"], row["actual_date"]
    calendar = with_extra_days(calendar_covering(row["holiday_calendar"], baseline, today), extra_days)
    slip = slip_working_days(baseline, forecast, actual, calendar)
    effective = actual or forecast or baseline
    health = milestone_health(row["status"], effective, slip, today)
    kind = {
        MilestoneHealth.OVERDUE: AttentionKind.OVERDUE_MILESTONE,
        MilestoneHealth.AT_RISK: AttentionKind.AT_RISK_MILESTONE,
    }.get(health)
    if kind is None:
        return None
    return AttentionItem(
        kind=kind,
        **_project(row),
        record_id=row["id"],
        ref=row["ref"],
        title=row["name"],
        due=effective,
        slip_days=slip,
        days_late=working_days_between(effective, today, calendar) if effective < today else None,
    )


def _change_requests(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    items: list[AttentionItem] = []
    counts: dict[Any, int] = {}
    kinds = {
        Decision.PENDING: AttentionKind.DECISION_PENDING,
        Decision.PENDING_APPROVAL: AttentionKind.APPROVAL_PENDING,
    }
    totals = q.awaiting_totals(r, tuple(kinds))
    for decision, kind in kinds.items():
        rows = q.change_requests_awaiting(r, decision, limit)
        counts[kind] = totals.get(decision, 0)
        items += [
            AttentionItem(
                kind=kind,
                **_project(row),
                record_id=row["id"],
                ref=row["ref"],
                title=row["title"],
                due=row["requested_on"],
            )
            for row in rows
        ]
    return items, counts


def _letters(
    r: Reader, _today: date, limit: int, *, kind: AttentionKind = AttentionKind.LETTER_UNSIGNED
) -> tuple[list[AttentionItem], dict[Any, int]]:
    rows, total = q.letters_unsigned(r, limit, refused=kind is AttentionKind.LETTER_REFUSED)
    items = [
        AttentionItem(
            kind=kind,
            **_project(row),
            record_id=row["id"],
            ref=f"{row['ref']} v{row['version']}",
            title=str(row["kind"]),
            due=row["issued_at"].date() if row["issued_at"] else None,
        )
        for row in rows
    ]
    return items, {kind: total}


def _refused_letters(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Issued letters the client refused to sign: nothing was confirmed; talk to the client."""
    return _letters(r, today, limit, kind=AttentionKind.LETTER_REFUSED)


def _blocked_handovers(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Projects due for handover whose report cannot be issued: one line per thing in the way."""
    rows, _total = q.handover_blocked_projects(
        r, NEAR_HANDOVER, today + timedelta(days=HANDOVER_NEAR_DAYS), limit
    )
    items = [
        AttentionItem(
            kind=AttentionKind.HANDOVER_BLOCKED,
            **_project(row),
            record_id=blocker.record_id if blocker.kind is BlockerKind.TRAINING_WITHOUT_MATERIAL else None,
            ref=blocker.ref,
            title=blocker.title,
            due=row["due"],
            blocker=blocker,
        )
        for row in rows
        for blocker in handover_blockers(q.handover_facts(r, row["project_id"]))
    ]
    return items[:limit], {AttentionKind.HANDOVER_BLOCKED: len(items)}


def _own_limits(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """People of the roster who set their own authority limits (a manager has not confirmed them)."""
    rows, total = q.people_with_own_limits(r, limit)
    items = [
        AttentionItem(
            kind=AttentionKind.OWN_LIMITS_SET,
            project_id="",
            project_code="",
            project_name="",
            record_id=row["id"],
            ref=row["name"],
            title=str(row["role"]),
            due=row["limits_set_at"].astimezone().date() if row["limits_set_at"] else None,
            limits=AuthorityLimits(
                row["hours_per_change"],
                row["cost_cents_per_change"],
                row["goodwill_hours_per_project"],
                row["cost_currency"],
            ),
        )
        for row in rows
    ]
    return items, {AttentionKind.OWN_LIMITS_SET: total}


def _expectation_letters(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Projects whose expectations changed since their expectation letter was issued: the letter
    (``record_id``) no longer confirms them, a new version must be issued and signed."""
    rows, total = q.expectation_letters_outdated(r, LETTER_STATUSES, limit)
    items = [
        AttentionItem(
            kind=AttentionKind.EXPECTATION_LETTER_OUTDATED,
            **_project(row),
            record_id=row["id"],
            ref=f"{row['ref']} v{row['version']}",
            title="",
            due=row["issued_at"].date() if row["issued_at"] else None,
        )
        for row in rows
    ]
    return items, {AttentionKind.EXPECTATION_LETTER_OUTDATED: total}


def _summaries(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    items = []
    for row in q.summary_cadences(r):
        start = row["start_date"] or row["created_at"].date()
        last = row["last_summary_at"].date() if row["last_summary_at"] else None
        due = summary_due_date(row["summary_rrule"], start, last, today)
        if due is not None:
            items.append(
                AttentionItem(
                    kind=AttentionKind.SUMMARY_DUE,
                    **_project(row),
                    record_id=None,
                    ref="",
                    title="",
                    due=due,
                )
            )
    items.sort(key=lambda item: (item.due or today, item.project_code))
    return items[:limit], {AttentionKind.SUMMARY_DUE: len(items)}


def _commitments(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Open commitments falling due (overdue first), then the verbal ones still to confirm in writing."""
    items: list[AttentionItem] = []
    counts: dict[Any, int] = {}
    due_by = today + timedelta(days=COMMITMENT_LOOKAHEAD_DAYS)
    for kind in (AttentionKind.COMMITMENT_DUE, AttentionKind.CONFIRM_IN_WRITING):
        rows, counts[kind] = q.commitments_needing_attention(
            r, due_by, limit, awaiting_confirmation=kind is AttentionKind.CONFIRM_IN_WRITING
        )
        items += [
            AttentionItem(
                kind=kind,
                **_project(row),
                record_id=row["id"],
                ref=row["owner_name"],
                title=row["description"],
                due=row["due_date"],
                days_late=max((today - row["due_date"]).days, 0),
                owner_side=row["owner_side"],
            )
            for row in rows
        ]
    return items, counts


def _work_without_decision(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    rows, total = q.work_without_decision(r, tuple(OPEN_DECISIONS), limit)
    items = [
        AttentionItem(
            kind=AttentionKind.WORK_WITHOUT_DECISION,
            **_project(row),
            record_id=row["id"],
            ref=row["ref"],
            title=row["title"],
            due=row["last_logged_at"].date(),
            logged=row["log_entries"],
        )
        for row in rows
    ]
    return items, {AttentionKind.WORK_WITHOUT_DECISION: total}


WARNING_LEVELS = (MeterLevel.WARNING, MeterLevel.LIMIT)


def _scope_meters(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Projects whose goodwill budget or scope-creep meter reads amber or red, by code."""
    thresholds = Thresholds()
    rows, total = q.projects_near_meter_limits(r, thresholds.warning, HOURS_EPSILON, limit)
    items = []
    for row in rows:
        goodwill = meter(row["goodwill_hours_used"], row["goodwill_budget_hours"], thresholds)
        creep = meter(row["out_of_scope_hours"], row["contracted_effort_hours"], thresholds)
        if goodwill.level in WARNING_LEVELS or creep.level in WARNING_LEVELS:  # SQL and rule agree
            items.append(
                AttentionItem(
                    kind=AttentionKind.SCOPE_METER_WARNING,
                    **_project(row),
                    record_id=None,
                    ref="",
                    title="",
                    due=None,
                    goodwill=goodwill,
                    scope_creep=creep,
                )
            )
    return items, {AttentionKind.SCOPE_METER_WARNING: total}


def _deferred_b_items(r: Reader, _today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """B-items deferred until the main milestone, now that it is accepted: time to raise them."""
    items = [
        AttentionItem(
            kind=AttentionKind.DEFERRED_B_DUE,
            **_project_of(project),
            record_id=item.request_id,
            ref=item.ref,
            title=item.title,
            due=item.decided_on or item.requested_on,
        )
        for project in _deferred_b_items_due(r, limit)
        for item in project.items
    ]
    return items[:limit], {AttentionKind.DEFERRED_B_DUE: len(items)}


def _review_follow_ups(r: Reader, today: date, limit: int) -> tuple[list[AttentionItem], dict[Any, int]]:
    """Follow-up actions of butterfly reviews whose revisit date has come and that are not done;
    each opens its review (``record_id``); ``ref`` names the owner."""
    rows, total = q.review_actions_due(r, today, limit)
    items = [
        AttentionItem(
            kind=AttentionKind.REVIEW_FOLLOW_UP_DUE,
            **_project(row),
            record_id=row["review_id"],
            ref=row["owner"],
            title=row["description"],
            due=row["revisit_on"],
            days_late=days_overdue(row["revisit_on"], today),
        )
        for row in rows
    ]
    return items, {AttentionKind.REVIEW_FOLLOW_UP_DUE: total}


def _deferred_b_items_due(r: Reader, limit: int) -> list[DeferredBItems]:
    """``meters.deferred_b_items_due_in`` in the report's reading: the SQL told the rule; the domain's
    word is final."""
    found = (q.deferred_b_items(r, project_id) for project_id in q.projects_with_deferred_b_items(r, limit))
    return [items for items in found if items is not None and items.due]
