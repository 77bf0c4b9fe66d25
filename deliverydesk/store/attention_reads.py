"""Today's report (the Home page) in plain SQL (``store.plain``): what needs attention across live
projects, bounded per kind, read in one ``Database.reading()`` unit.

The report is the first thing the window shows: through the ORM its first run in a process cost three
times its SQL (mappers set up, every statement built and compiled once). The statements and their
plans are those of the ORM queries they replace; each returns at most ``limit`` rows (most urgent
first) plus the count of all matches, as dicts of the domain's values (dates, enums, aware UTC
timestamps) keyed by the names the service reads. The rules that pick and word the lines stay in
``services.attention``; the handover gate's facts and the deferred B-items are the domain's records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    HandoverKind,
    LetterKind,
    LetterStatus,
    MilestoneStatus,
    OwnerSide,
    ProjectStatus,
    ScopeStatus,
    Severity,
    SignatureParty,
    SignMethod,
    Triage,
)
from deliverydesk.domain.handover import HandoverFacts, IssueFact, OpenItemFact, ScopeFact
from deliverydesk.domain.scope_guard import is_waiting_b_item, main_goal_met
from deliverydesk.domain.scope_meters import DeferredBItems, DeferredItem
from deliverydesk.store import letter_sql
from deliverydesk.store.meter_sql import GOODWILL_USED, OUT_OF_SCOPE, WORK_LOGGED
from deliverydesk.store.plain import (
    Params,
    Reader,
    in_list,
    quoted,
    to_date,
    to_datetime,
    to_day,
    to_enum,
    to_moment,
)

Row = dict[str, Any]
Column = tuple[str, Callable[[Any], Any] | None]  # a result column's name and its converter
MAX_ROWS = 1000  # per project and table for the handover facts and B-items (``document_rows``)
WATCHED_PROJECTS = (ProjectStatus.PLANNING, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)


WATCHED = f"p.status IN ({quoted(*WATCHED_PROJECTS)})"
LIVE_WATCHED = f"p.archived_at IS NULL AND {WATCHED}"
WATCHED_IDS = f"(SELECT p.id FROM project p WHERE {LIVE_WATCHED})"
PROJECT_SQL = "p.id, p.code, p.name"
PROJECT: tuple[Column, ...] = (("project_id", None), ("project_code", None), ("project_name", None))
MILESTONE_DATE = "coalesce(m.actual_date, m.forecast_date, m.baseline_date)"
OPEN_MILESTONE = (
    f"m.archived_at IS NULL AND m.status NOT IN ({quoted(MilestoneStatus.DONE, MilestoneStatus.ACCEPTED)})"
)


def _bounded(
    r: Reader, sql: str, order_by: str, columns: Sequence[Column], limit: int, params: Params | None = None
) -> tuple[list[Row], int]:
    """The first ``limit`` rows of ``sql`` in ``order_by``, mapped, and how many there are in all."""
    params = params or {}
    total = int(r.scalar(f"SELECT count(*) FROM ({sql}) counted", params) or 0)
    rows = r.rows(f"{sql} ORDER BY {order_by} LIMIT :limit", {**params, "limit": limit})
    return _mapped(rows, columns), total


def _mapped(rows: Sequence[Sequence[Any]], columns: Sequence[Column]) -> list[Row]:
    return [
        {
            name: value if convert is None or value is None else convert(value)
            for (name, convert), value in zip(columns, row, strict=True)
        }
        for row in rows
    ]


# --- milestones -------------------------------------------------------------------------------------
MILESTONE: tuple[Column, ...] = (
    ("id", None),
    ("ref", None),
    ("name", None),
    ("baseline_date", to_day),
    ("forecast_date", to_date),
    ("actual_date", to_date),
    ("status", lambda value: to_enum(MilestoneStatus, value)),
    ("holiday_calendar", None),
    *PROJECT,
)


def milestones_needing_attention(
    r: Reader, today: date, limit: int, *, overdue: bool
) -> tuple[list[Row], int]:
    """Open milestones whose date has passed (``overdue``), or else that are at risk: forecast later
    than baseline, or waiting on the client. The service confirms the slip in working days. The page
    walks ``ix_milestone_due`` in date order; the count stays in the project's index."""
    if overdue:
        condition = f"{MILESTONE_DATE} < :today"
    else:
        condition = (
            f"{MILESTONE_DATE} >= :today AND (m.forecast_date > m.baseline_date"
            f" OR m.status = '{MilestoneStatus.WAITING_ON_CLIENT.value}')"
        )
    params = {"today": r.day(today)}
    rows = _mapped(
        r.rows(
            "SELECT m.id, m.ref, m.name, m.baseline_date, m.forecast_date, m.actual_date, m.status,"
            f" p.holiday_calendar, {PROJECT_SQL}"
            " FROM milestone m JOIN project p ON p.id = m.project_id"
            f" WHERE {LIVE_WATCHED} AND {OPEN_MILESTONE} AND ({condition})"
            f" ORDER BY {MILESTONE_DATE}, p.code, m.ref LIMIT :limit",
            {**params, "limit": limit},
        ),
        MILESTONE,
    )
    if len(rows) < limit:  # the page holds every match
        return rows, len(rows)
    total = r.scalar(
        f"SELECT count(*) FROM milestone m WHERE m.project_id IN {WATCHED_IDS}"
        f" AND {OPEN_MILESTONE} AND ({condition})",
        params,
    )
    return rows, int(total or 0)


# --- change requests --------------------------------------------------------------------------------
REQUEST: tuple[Column, ...] = (
    ("id", None),
    ("ref", None),
    ("title", None),
    ("requested_on", to_day),
    *PROJECT,
)
LIVE_REQUEST_OF_WATCHED = "cr.archived_at IS NULL AND " + LIVE_WATCHED


def change_requests_awaiting(r: Reader, decision: Decision, limit: int) -> list[Row]:
    """The oldest ``limit`` live requests of watched projects awaiting ``decision`` (in date order from
    ``ix_change_request_waiting``); ``awaiting_totals`` counts them all."""
    return _mapped(
        r.rows(
            f"SELECT cr.id, cr.ref, cr.title, cr.requested_on, {PROJECT_SQL}"
            " FROM change_request cr JOIN project p ON p.id = cr.project_id"
            f" WHERE {LIVE_REQUEST_OF_WATCHED} AND cr.decision = :decision"
            " ORDER BY cr.requested_on, p.code, cr.ref LIMIT :limit",
            {"decision": decision.value, "limit": limit},
        ),
        REQUEST,
    )


def awaiting_totals(r: Reader, decisions: Sequence[Decision]) -> dict[Decision, int]:
    """How many live requests of watched projects await each of ``decisions`` (one pass)."""
    params: dict[str, Any] = {}
    rows = r.rows(
        f"SELECT cr.decision, count(*) FROM change_request cr WHERE cr.project_id IN {WATCHED_IDS}"
        " AND cr.archived_at IS NULL"
        f" AND cr.decision IN {in_list('d', [d.value for d in decisions], params)} GROUP BY cr.decision",
        params,
    )
    return {Decision(decision): int(count) for decision, count in rows}


def work_without_decision(r: Reader, decisions: Sequence[Decision], limit: int) -> tuple[list[Row], int]:
    """Undecided change requests (``decisions``) that live log entries already point at: work done
    without a decision. Newest logged work first."""
    params: dict[str, Any] = {}
    sql = (
        f"SELECT cr.id, cr.ref, cr.title, cr.requested_on, logged.log_entries, logged.last_logged_at,"
        f" {PROJECT_SQL} FROM change_request cr JOIN ("
        "SELECT le.change_request_id AS request_id, count(*) AS log_entries,"
        " max(le.occurred_at) AS last_logged_at FROM log_entry le"
        f" WHERE {WORK_LOGGED} GROUP BY le.change_request_id"
        ") logged ON logged.request_id = cr.id JOIN project p ON p.id = cr.project_id"
        f" WHERE {LIVE_REQUEST_OF_WATCHED}"
        f" AND cr.decision IN {in_list('d', [d.value for d in decisions], params)}"
    )
    columns = (*REQUEST[:4], ("log_entries", None), ("last_logged_at", to_moment), *PROJECT)
    return _bounded(r, sql, "logged.last_logged_at DESC, p.code, cr.ref", columns, limit, params)


def projects_near_meter_limits(
    r: Reader, warning_share: float, epsilon: float, limit: int
) -> tuple[list[Row], int]:
    """Live watched projects whose goodwill used or accepted out-of-scope effort reaches
    ``warning_share`` of its budget (a budget of 0 measures nothing), by code. The sums are the
    navigator's; ``epsilon`` is the meters' float tolerance."""
    readings = (
        f"SELECT {PROJECT_SQL}, p.goodwill_budget_hours, p.contracted_effort_hours,"
        f" {GOODWILL_USED} AS goodwill_hours_used, {OUT_OF_SCOPE} AS out_of_scope_hours"
        f" FROM project p WHERE {LIVE_WATCHED}"
    )
    sql = (
        f"SELECT * FROM ({readings}) s WHERE"
        " (s.goodwill_budget_hours > 0 AND s.goodwill_hours_used >= s.goodwill_budget_hours * :share - :eps)"
        " OR (s.contracted_effort_hours > 0"
        " AND s.out_of_scope_hours >= s.contracted_effort_hours * :share - :eps)"
    )
    columns = (
        *PROJECT,
        ("goodwill_budget_hours", None),
        ("contracted_effort_hours", None),
        ("goodwill_hours_used", None),
        ("out_of_scope_hours", None),
    )
    params = {"share": warning_share, "eps": epsilon}
    return _bounded(r, sql, "s.code", columns, limit, params)


# --- letters ----------------------------------------------------------------------------------------
REFUSED = (
    "EXISTS (SELECT 1 FROM signature s WHERE s.letter_id = l.id AND s.archived_at IS NULL"
    f" AND s.party = '{SignatureParty.CLIENT.value}' AND s.method = '{SignMethod.REFUSED.value}')"
)


def letters_unsigned(r: Reader, limit: int, *, refused: bool = False) -> tuple[list[Row], int]:
    """Issued letters not yet signed: waiting for the client, or (``refused``) refused by the client."""
    sql = (
        f"SELECT l.id, l.ref, l.kind, l.version, l.issued_at, {PROJECT_SQL}"
        " FROM letter l JOIN project p ON p.id = l.project_id"
        " WHERE p.archived_at IS NULL AND l.archived_at IS NULL"
        f" AND l.status = '{LetterStatus.ISSUED.value}' AND {'' if refused else 'NOT '}{REFUSED}"
        f" AND l.kind != '{LetterKind.PROGRESS_SUMMARY.value}'"  # a summary informs: nobody signs it
    )
    columns = (
        ("id", None),
        ("ref", None),
        ("kind", lambda value: to_enum(LetterKind, value)),
        ("version", None),
        ("issued_at", to_datetime),
        *PROJECT,
    )
    return _bounded(r, sql, "l.issued_at, p.code, l.ref", columns, limit)


def expectation_letters_outdated(
    r: Reader, statuses: Sequence[ExpectationStatus], limit: int
) -> tuple[list[Row], int]:
    """Live watched projects whose newest issued expectation letter no longer lists their expectations
    in ``statuses`` (``letter_sql.expectations_differ``), by project code."""
    newest = letter_sql.newest_issued("p.id", LetterKind.EXPECTATION_CONFIRMATION)
    differ = letter_sql.expectations_differ(r.sqlite, statuses)
    sql = (
        f"SELECT l.id, l.ref, l.version, l.issued_at, {PROJECT_SQL}"
        f" FROM project p JOIN letter l ON l.id = ({newest})"
        f" WHERE {LIVE_WATCHED} AND {differ}"
    )
    columns = (("id", None), ("ref", None), ("version", None), ("issued_at", to_datetime), *PROJECT)
    return _bounded(r, sql, "p.code", columns, limit)


def summary_cadences(r: Reader) -> list[Row]:
    """Active projects with a summary cadence, and the time of their last issued progress summary."""
    last_summary = (
        "(SELECT max(l.issued_at) FROM letter l WHERE l.project_id = p.id AND l.archived_at IS NULL"
        f" AND l.kind = '{LetterKind.PROGRESS_SUMMARY.value}'"
        f" AND l.status IN ({quoted(*letter_sql.ISSUED)}))"
    )
    rows = r.rows(
        f"SELECT {PROJECT_SQL}, p.summary_rrule, p.start_date, p.created_at, {last_summary}"
        f" FROM project p WHERE p.archived_at IS NULL AND p.status = '{ProjectStatus.ACTIVE.value}'"
        " AND p.summary_rrule != '' ORDER BY p.code"
    )
    columns = (
        *PROJECT,
        ("summary_rrule", None),
        ("start_date", to_date),
        ("created_at", to_moment),
        ("last_summary_at", to_datetime),
    )
    return _mapped(rows, columns)


# --- commitments, reviews, people -------------------------------------------------------------------
def commitments_needing_attention(
    r: Reader, due_by: date, limit: int, *, awaiting_confirmation: bool
) -> tuple[list[Row], int]:
    """Open commitments due on or before ``due_by``, or else (``awaiting_confirmation``) commitments
    flagged "confirm in writing" with nothing written linked yet, open or closed. Soonest due first."""
    params: dict[str, Any] = {}
    if awaiting_confirmation:
        condition = (
            "c.confirm_in_writing = :yes AND c.confirmation_log_entry_id IS NULL"
            " AND c.confirmation_letter_id IS NULL"
        )
        params["yes"] = True
    else:
        condition = "c.closed_on IS NULL AND c.due_date <= :due_by"
        params["due_by"] = r.day(due_by)
    sql = (
        f"SELECT c.id, c.owner_side, c.owner_name, c.description, c.due_date, {PROJECT_SQL}"
        " FROM commitment c JOIN project p ON p.id = c.project_id"
        f" WHERE {LIVE_WATCHED} AND c.archived_at IS NULL AND {condition}"
    )
    columns = (
        ("id", None),
        ("owner_side", lambda value: to_enum(OwnerSide, value)),
        ("owner_name", None),
        ("description", None),
        ("due_date", to_day),
        *PROJECT,
    )
    return _bounded(r, sql, "c.due_date, p.code, c.created_at, c.id", columns, limit, params)


def review_actions_due(r: Reader, today: date, limit: int) -> tuple[list[Row], int]:
    """Open follow-up actions of live reviews whose revisit date has come (today or earlier), oldest
    date first. Any project status counts: the long-term revisit often falls after the handover."""
    sql = (
        f"SELECT a.id, a.review_id, a.description, a.owner, a.revisit_on, {PROJECT_SQL}"
        " FROM review_action a JOIN review v ON v.id = a.review_id JOIN project p ON p.id = a.project_id"
        " WHERE p.archived_at IS NULL AND v.archived_at IS NULL AND a.archived_at IS NULL"
        " AND a.done_on IS NULL AND a.revisit_on <= :today"
    )
    params = {"today": r.day(today)}
    columns = (
        ("id", None),
        ("review_id", None),
        ("description", None),
        ("owner", None),
        ("revisit_on", to_day),
        *PROJECT,
    )
    return _bounded(r, sql, "a.revisit_on, p.code, a.created_at, a.id", columns, limit, params)


def people_with_own_limits(r: Reader, limit: int) -> tuple[list[Row], int]:
    """Live people of the roster whose role and authority limits stand as they set them themselves."""
    sql = (
        "SELECT id, name, role, hours_per_change, cost_cents_per_change, goodwill_hours_per_project,"
        " cost_currency, limits_set_at FROM person WHERE archived_at IS NULL AND limits_set_by_id = id"
    )
    columns = (
        ("id", None),
        ("name", None),
        ("role", None),
        ("hours_per_change", None),
        ("cost_cents_per_change", None),
        ("goodwill_hours_per_project", None),
        ("cost_currency", None),
        ("limits_set_at", to_datetime),
    )
    return _bounded(r, sql, "limits_set_at DESC, name", columns, limit)


def count_live_projects(r: Reader) -> int:
    return int(r.scalar("SELECT count(*) FROM project WHERE archived_at IS NULL") or 0)


# --- blocked handovers ------------------------------------------------------------------------------
def _live_entry(alias: str, kind: HandoverKind, project_id: str) -> str:
    return (
        f"{alias}.project_id = {project_id} AND {alias}.kind = '{kind.value}' AND {alias}.archived_at IS NULL"
    )


HANDOVER_ISSUED = (
    "EXISTS (SELECT 1 FROM letter l WHERE l.project_id = p.id"
    f" AND l.kind = '{LetterKind.HANDOVER.value}'"
    f" AND l.status IN ({quoted(LetterStatus.ISSUED, LetterStatus.SIGNED)}) AND l.archived_at IS NULL)"
)
TRAINING_WITHOUT_MATERIAL = (
    f"EXISTS (SELECT 1 FROM handover_item t WHERE {_live_entry('t', HandoverKind.TRAINING, 'p.id')}"
    " AND NOT EXISTS (SELECT 1 FROM handover_item d WHERE d.training_id = t.id"
    f" AND {_live_entry('d', HandoverKind.DOCUMENT, 't.project_id')}))"
)
SCOPE_ITEM_OPEN = (
    "EXISTS (SELECT 1 FROM scope_item s WHERE s.project_id = p.id AND s.archived_at IS NULL"
    f" AND s.status != '{ScopeStatus.ACCEPTED.value}'"
    " AND NOT EXISTS (SELECT 1 FROM handover_item o WHERE o.scope_item_id = s.id"
    f" AND {_live_entry('o', HandoverKind.OPEN_ITEM, 's.project_id')}"
    " AND trim(o.owner) != '' AND o.item_date IS NOT NULL))"
)
ISSUE_WITHOUT_CAUTION = (
    "EXISTS (SELECT 1 FROM issue i WHERE i.project_id = p.id AND i.archived_at IS NULL"
    f" AND i.severity IN ({quoted(Severity.HIGH, Severity.CRITICAL)})"
    " AND NOT EXISTS (SELECT 1 FROM handover_item k WHERE k.issue_id = i.id"
    f" AND {_live_entry('k', HandoverKind.RISK, 'i.project_id')}))"
)


def handover_blocked_projects(
    r: Reader, statuses: Sequence[ProjectStatus], ends_by: date, limit: int
) -> tuple[list[Row], int]:
    """Live projects due for handover (marked handed over, or in ``statuses`` and contracted to end by
    ``ends_by``) with no handover report issued and something in the way of issuing one (the rule of
    ``domain.handover`` told in SQL), by end date; counted in the same pass (``count(*) OVER ()``)."""
    rows = r.rows(
        f"SELECT p.end_date, {PROJECT_SQL}, count(*) OVER () FROM project p"
        " WHERE p.archived_at IS NULL"
        f" AND (p.status = '{ProjectStatus.HANDED_OVER.value}'"
        f" OR (p.status IN ({quoted(*statuses)}) AND p.end_date <= :ends_by))"
        f" AND NOT {HANDOVER_ISSUED}"
        f" AND ({TRAINING_WITHOUT_MATERIAL} OR {SCOPE_ITEM_OPEN} OR {ISSUE_WITHOUT_CAUTION})"
        " ORDER BY p.end_date, p.code LIMIT :limit",
        {"ends_by": r.day(ends_by), "limit": limit},
    )
    total = int(rows[0][-1]) if rows else 0
    return _mapped([row[:-1] for row in rows], (("due", to_date), *PROJECT)), total


BY_REF = "length(ref), ref"  # S-2 before S-10, as ``records.list_rows`` sorts refs


def handover_facts(r: Reader, project_id: str) -> HandoverFacts:
    """What the handover gate (``domain.handover``) reads of the project's live records
    (``document_rows.handover_facts``)."""
    params = {"project_id": project_id, "limit": MAX_ROWS}
    live = "WHERE project_id = :project_id AND archived_at IS NULL"
    scope = r.rows(
        f"SELECT id, ref, title, status FROM scope_item {live} ORDER BY {BY_REF} LIMIT :limit", params
    )
    entries = r.rows(
        "SELECT kind, id, title, training_id, scope_item_id, owner, item_date, issue_id FROM handover_item"
        f" {live} ORDER BY item_date, created_at LIMIT :limit",
        params,
    )
    issues = r.rows(
        f"SELECT id, ref, title, severity FROM issue {live} ORDER BY {BY_REF} LIMIT :limit", params
    )

    def of(kind: HandoverKind) -> list[Sequence[Any]]:
        return [e for e in entries if e[0] == kind.value]

    return HandoverFacts(
        scope_items=tuple(ScopeFact(s[0], s[1], s[2], to_enum(ScopeStatus, s[3])) for s in scope),
        trainings=tuple((t[1], t[2]) for t in of(HandoverKind.TRAINING)),
        documents_for=tuple(d[3] for d in of(HandoverKind.DOCUMENT)),
        open_items=tuple(OpenItemFact(o[4], o[5], to_date(o[6])) for o in of(HandoverKind.OPEN_ITEM)),
        issues=tuple(IssueFact(i[0], i[1], i[2], to_enum(Severity, i[3])) for i in issues),
        cautioned_issue_ids=tuple(k[7] for k in of(HandoverKind.RISK)),
    )


# --- deferred B-items -------------------------------------------------------------------------------
def projects_with_deferred_b_items(r: Reader, limit: int) -> list[str]:
    """Live watched projects whose main goal is met (main milestones, every live one accepted) and that
    still hold live B-items deferred until then, by code: at most ``limit`` project ids."""
    main = "m.project_id = p.id AND m.archived_at IS NULL AND m.is_main = :yes"
    rows = r.rows(
        f"SELECT p.id FROM project p WHERE {LIVE_WATCHED}"
        f" AND EXISTS (SELECT 1 FROM milestone m WHERE {main})"
        f" AND NOT EXISTS (SELECT 1 FROM milestone m WHERE {main}"
        f" AND m.status != '{MilestoneStatus.ACCEPTED.value}')"
        " AND EXISTS (SELECT 1 FROM change_request cr WHERE cr.project_id = p.id AND cr.archived_at IS NULL"
        f" AND cr.decision = '{Decision.DEFERRED.value}' AND cr.triage = '{Triage.B.value}')"
        " ORDER BY p.code LIMIT :limit",
        {"yes": True, "limit": limit},
    )
    return [row[0] for row in rows]


def deferred_b_items(r: Reader, project_id: str) -> DeferredBItems | None:
    """The project's deferred B-items by ref and its live main milestones (``meter_rows.deferred_b_items``);
    None when the project is gone."""
    project = r.first("SELECT id, code, name FROM project WHERE id = :id", {"id": project_id})
    if project is None:
        return None
    params = {"project_id": project_id, "yes": True, "limit": MAX_ROWS}
    mains = r.rows(
        "SELECT name, status FROM milestone WHERE project_id = :project_id AND is_main = :yes"
        " AND archived_at IS NULL ORDER BY created_at LIMIT :limit",
        params,
    )
    requests = r.rows(
        "SELECT cr.id, cr.ref, cr.title, cr.requested_on, cr.decided_on, cr.rationale, cr.effort_hours,"
        " cr.triage, cr.decision FROM change_request cr WHERE cr.project_id = :project_id"
        f" AND cr.triage = '{Triage.B.value}' AND cr.decision = '{Decision.DEFERRED.value}'"
        f" AND cr.archived_at IS NULL ORDER BY {BY_REF} LIMIT :limit",
        params,
    )
    return DeferredBItems(
        project_id=project[0],
        project_code=project[1],
        project_name=project[2],
        main_milestones=tuple(m[0] for m in mains),
        main_goal_met=main_goal_met([to_enum(MilestoneStatus, m[1]) for m in mains]),
        items=tuple(
            DeferredItem(
                request_id=c[0],
                ref=c[1],
                title=c[2],
                requested_on=to_day(c[3]),
                decided_on=to_date(c[4]),
                rationale=c[5],
                effort_hours=c[6],
            )
            for c in requests
            if is_waiting_b_item(to_enum(Triage, c[7]), to_enum(Decision, c[8]))
        ),
    )
