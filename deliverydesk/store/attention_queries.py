"""Read-side SQL for the Home page: what needs attention across live projects, bounded per kind.

Every query returns at most ``limit`` rows (most urgent first) plus the count of all matches, so the
page stays fast with thousands of projects."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from deliverydesk.domain.enums import (
    Decision,
    ExpectationStatus,
    HandoverKind,
    LetterKind,
    LetterStatus,
    MilestoneStatus,
    ProjectStatus,
    ScopeStatus,
    Severity,
    SignatureParty,
    SignMethod,
    Triage,
)
from deliverydesk.store.document_queries import expectations_differ, latest_issued_id
from deliverydesk.store.queries import CLOSED_MILESTONE, MILESTONE_DATE, meter_hours
from deliverydesk.store.tables import (
    ChangeRequestRow,
    CommitmentRow,
    HandoverItemRow,
    IssueRow,
    LetterRow,
    LogEntryRow,
    MilestoneRow,
    PersonRow,
    ProjectRow,
    ReviewActionRow,
    ReviewRow,
    ScopeItemRow,
    SignatureRow,
)

WATCHED_PROJECTS = (ProjectStatus.PLANNING, ProjectStatus.ACTIVE, ProjectStatus.ON_HOLD)
PROJECT_COLUMNS = (
    ProjectRow.id.label("project_id"),
    ProjectRow.code.label("project_code"),
    ProjectRow.name.label("project_name"),
)


def _live_project(record_project_id: Any) -> list[ColumnElement[bool]]:
    return [
        ProjectRow.id == record_project_id,
        ProjectRow.archived_at.is_(None),
        ProjectRow.status.in_(WATCHED_PROJECTS),
    ]


def _bounded(session: Session, query: Any, limit: int) -> tuple[list[dict[str, Any]], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = [dict(row) for row in session.execute(query.limit(limit)).mappings()]
    return rows, total


def _page_and_count(session: Session, query: Any, count: Any, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` rows of ``query`` and ``count``'s number: for a page that an index hands out
    in order (it stops after ``limit`` rows) and a count that stays inside an index."""
    rows = [dict(row) for row in session.execute(query.limit(limit)).mappings()]
    if len(rows) < limit:  # the page holds every match
        return rows, len(rows)
    return rows, session.scalar(count) or 0


def _counted_once(session: Session, query: Any, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` rows of ``query`` and how many there are, from one evaluation of its filter
    (``count(*) OVER ()``): for a filter that must look at every candidate anyway (per-project EXISTS
    or sums), where a separate count would evaluate it a second time."""
    counted = query.add_columns(func.count().over().label("_total")).limit(limit)
    rows = [dict(row) for row in session.execute(counted).mappings()]
    total = rows[0]["_total"] if rows else 0
    for row in rows:
        del row["_total"]
    return rows, total


def _watched_project_ids() -> Any:
    """The ids of live projects Home watches, for ``project_id IN (...)`` in a count: SQLite reads them
    once into a list and counts the records from their own (project-led) index."""
    return select(ProjectRow.id).where(
        ProjectRow.archived_at.is_(None), ProjectRow.status.in_(WATCHED_PROJECTS)
    )


def milestones_needing_attention(
    session: Session, today: date, limit: int, *, overdue: bool
) -> tuple[list[dict[str, Any]], int]:
    """Open milestones whose date has passed (``overdue``), or else that are at risk: forecast later
    than baseline, or waiting on the client. The service confirms the slip in working days."""
    condition: ColumnElement[bool]
    if overdue:
        condition = MILESTONE_DATE.op("<")(today)
    else:
        condition = and_(
            MILESTONE_DATE.op(">=")(today),
            or_(
                MilestoneRow.forecast_date > MilestoneRow.baseline_date,
                MilestoneRow.status == MilestoneStatus.WAITING_ON_CLIENT,
            ),
        )
    open_milestone = (
        MilestoneRow.archived_at.is_(None),
        MilestoneRow.status.not_in(CLOSED_MILESTONE),
        condition,
    )
    # The page walks ``ix_milestone_due`` in date order and stops after ``limit`` rows.
    query = (
        select(MilestoneRow, ProjectRow.holiday_calendar, *PROJECT_COLUMNS)
        .join(ProjectRow, ProjectRow.id == MilestoneRow.project_id)
        .where(*_live_project(MilestoneRow.project_id), *open_milestone)
        .order_by(MILESTONE_DATE, ProjectRow.code, MilestoneRow.ref)
    )
    count = (
        select(func.count())
        .select_from(MilestoneRow)
        .where(MilestoneRow.project_id.in_(_watched_project_ids()), *open_milestone)
    )
    return _page_and_count(session, query, count, limit)


def change_requests_awaiting(session: Session, decision: Decision, limit: int) -> list[dict[str, Any]]:
    """The oldest ``limit`` live requests of watched projects awaiting ``decision`` (read in date order
    from ``ix_change_request_waiting``); ``awaiting_totals`` counts them all."""
    query = (
        select(
            ChangeRequestRow.id,
            ChangeRequestRow.ref,
            ChangeRequestRow.title,
            ChangeRequestRow.requested_on,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == ChangeRequestRow.project_id)
        .where(
            *_live_project(ChangeRequestRow.project_id),
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision == decision,
        )
        .order_by(ChangeRequestRow.requested_on, ProjectRow.code, ChangeRequestRow.ref)
        .limit(limit)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def awaiting_totals(session: Session, decisions: tuple[Decision, ...]) -> dict[Decision, int]:
    """How many live requests of watched projects await each of ``decisions``: one pass through
    ``ix_change_request_open`` for all of them."""
    query = (
        select(ChangeRequestRow.decision, func.count())
        .where(
            ChangeRequestRow.project_id.in_(_watched_project_ids()),
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision.in_(decisions),
        )
        .group_by(ChangeRequestRow.decision)
    )
    return {Decision(row[0]): int(row[1]) for row in session.execute(query)}


def work_without_decision(
    session: Session, decisions: tuple[Decision, ...], limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Undecided change requests (``decisions``) that live log entries already point at: work done
    without a decision. Newest logged work first."""
    logged = (
        select(
            LogEntryRow.change_request_id.label("request_id"),
            func.count().label("log_entries"),
            func.max(LogEntryRow.occurred_at).label("last_logged_at"),
        )
        .where(
            LogEntryRow.change_request_id.is_not(None),
            LogEntryRow.archived_at.is_(None),
            LogEntryRow.voided_at.is_(None),
        )
        .group_by(LogEntryRow.change_request_id)
        .subquery()
    )
    query = (
        select(
            ChangeRequestRow.id,
            ChangeRequestRow.ref,
            ChangeRequestRow.title,
            ChangeRequestRow.requested_on,
            logged.c.log_entries,
            logged.c.last_logged_at,
            *PROJECT_COLUMNS,
        )
        .join(logged, logged.c.request_id == ChangeRequestRow.id)
        .join(ProjectRow, ProjectRow.id == ChangeRequestRow.project_id)
        .where(
            *_live_project(ChangeRequestRow.project_id),
            ChangeRequestRow.archived_at.is_(None),
            ChangeRequestRow.decision.in_(decisions),
        )
        .order_by(logged.c.last_logged_at.desc(), ProjectRow.code, ChangeRequestRow.ref)
    )
    return _bounded(session, query, limit)


def projects_near_meter_limits(
    session: Session, warning_share: float, epsilon: float, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Live projects whose goodwill used or accepted out-of-scope effort reaches ``warning_share`` of
    its budget (goodwill budget, contracted effort; a budget of 0 measures nothing), by code. The
    sums are the navigator's (``queries.meter_hours``); ``epsilon`` is the meters' float tolerance."""
    goodwill, creep = meter_hours(ProjectRow.id)
    readings = (
        select(
            *PROJECT_COLUMNS,
            ProjectRow.goodwill_budget_hours,
            ProjectRow.contracted_effort_hours,
            goodwill,
            creep,
        )
        .where(ProjectRow.archived_at.is_(None), ProjectRow.status.in_(WATCHED_PROJECTS))
        .subquery()
    )
    c = readings.c

    def reached(used: Any, allowed: Any) -> ColumnElement[bool]:
        return and_(allowed > 0, used >= allowed * warning_share - epsilon)

    query = (
        select(readings)
        .where(
            or_(
                reached(c.goodwill_hours_used, c.goodwill_budget_hours),
                reached(c.out_of_scope_hours, c.contracted_effort_hours),
            )
        )
        .order_by(c.project_code)
    )
    return _bounded(session, query, limit)


def _refused(letter_id: Any) -> ColumnElement[bool]:
    """The client refused to sign the letter (an issued letter has no client signature otherwise)."""
    return exists().where(
        SignatureRow.letter_id == letter_id,
        SignatureRow.archived_at.is_(None),
        SignatureRow.party == SignatureParty.CLIENT,
        SignatureRow.method == SignMethod.REFUSED,
    )


def letters_unsigned(
    session: Session, limit: int, *, refused: bool = False
) -> tuple[list[dict[str, Any]], int]:
    """Issued letters not yet signed: waiting for the client, or (``refused``) refused by the client."""
    query = (
        select(
            LetterRow.id,
            LetterRow.ref,
            LetterRow.kind,
            LetterRow.version,
            LetterRow.issued_at,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == LetterRow.project_id)
        .where(
            ProjectRow.archived_at.is_(None),
            LetterRow.archived_at.is_(None),
            LetterRow.status == LetterStatus.ISSUED,
            _refused(LetterRow.id) if refused else not_(_refused(LetterRow.id)),
            LetterRow.kind != LetterKind.PROGRESS_SUMMARY,  # a summary informs: nobody signs it
        )
        .order_by(LetterRow.issued_at, ProjectRow.code, LetterRow.ref)
    )
    return _bounded(session, query, limit)


def handover_blocked_projects(
    session: Session, statuses: tuple[ProjectStatus, ...], ends_by: date, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Live projects due for handover (marked handed over, or in ``statuses`` and contracted to end by
    ``ends_by``) with no handover report issued and something in the way of issuing one (the rule of
    ``domain.handover``, told in SQL: a training without a document handed over for it, a scope item
    neither accepted nor an open item with owner and date, a high-severity issue without a caution)."""
    query = (
        select(ProjectRow.end_date.label("due"), *PROJECT_COLUMNS)
        .where(
            ProjectRow.archived_at.is_(None),
            or_(
                ProjectRow.status == ProjectStatus.HANDED_OVER,
                and_(ProjectRow.status.in_(statuses), ProjectRow.end_date <= ends_by),
            ),
            not_(_handover_issued(ProjectRow.id)),
            or_(_training_without_material(), _scope_item_open(), _issue_without_caution()),
        )
        .order_by(ProjectRow.end_date, ProjectRow.code)
    )
    return _counted_once(session, query, limit)


def _handover_issued(project_id: Any) -> ColumnElement[bool]:
    return exists().where(
        LetterRow.project_id == project_id,
        LetterRow.kind == LetterKind.HANDOVER,
        LetterRow.status.in_((LetterStatus.ISSUED, LetterStatus.SIGNED)),
        LetterRow.archived_at.is_(None),
    )


def _live_entry(entry: Any, kind: HandoverKind, project_id: Any) -> list[ColumnElement[bool]]:
    """A live handover entry of this kind of the project (found through its project's index).

    ``project_id`` is the enclosing query's own column: an EXISTS correlates only with the query just
    around it, so naming ``ProjectRow`` two levels down would add the whole project table to its FROM."""
    return [entry.project_id == project_id, entry.kind == kind, entry.archived_at.is_(None)]


def _training_without_material() -> ColumnElement[bool]:
    training, document = aliased(HandoverItemRow), aliased(HandoverItemRow)
    material = exists().where(
        document.training_id == training.id,
        *_live_entry(document, HandoverKind.DOCUMENT, training.project_id),
    )
    return exists().where(*_live_entry(training, HandoverKind.TRAINING, ProjectRow.id), not_(material))


def _scope_item_open() -> ColumnElement[bool]:
    listed = exists().where(
        HandoverItemRow.scope_item_id == ScopeItemRow.id,
        *_live_entry(HandoverItemRow, HandoverKind.OPEN_ITEM, ScopeItemRow.project_id),
        func.trim(HandoverItemRow.owner) != "",
        HandoverItemRow.item_date.is_not(None),
    )
    return exists().where(
        ScopeItemRow.project_id == ProjectRow.id,
        ScopeItemRow.archived_at.is_(None),
        ScopeItemRow.status != ScopeStatus.ACCEPTED,
        not_(listed),
    )


def _issue_without_caution() -> ColumnElement[bool]:
    cautioned = exists().where(
        HandoverItemRow.issue_id == IssueRow.id,
        *_live_entry(HandoverItemRow, HandoverKind.RISK, IssueRow.project_id),
    )
    return exists().where(
        IssueRow.project_id == ProjectRow.id,
        IssueRow.archived_at.is_(None),
        IssueRow.severity.in_((Severity.HIGH, Severity.CRITICAL)),
        not_(cautioned),
    )


def people_with_own_limits(session: Session, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Live people of the roster whose role and authority limits stand as they set them themselves."""
    query = (
        select(
            PersonRow.id,
            PersonRow.name,
            PersonRow.role,
            PersonRow.hours_per_change,
            PersonRow.cost_cents_per_change,
            PersonRow.goodwill_hours_per_project,
            PersonRow.limits_set_at,
        )
        .where(PersonRow.archived_at.is_(None), PersonRow.limits_set_by_id == PersonRow.id)
        .order_by(PersonRow.limits_set_at.desc(), PersonRow.name)
    )
    return _bounded(session, query, limit)


def expectation_letters_outdated(
    session: Session, statuses: tuple[ExpectationStatus, ...], limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Live projects whose newest issued expectation letter no longer lists their expectations in
    ``statuses`` (the rule of ``document_queries.expectations_differ``), by project code."""
    newest = latest_issued_id(ProjectRow.id, LetterKind.EXPECTATION_CONFIRMATION)
    query = (
        select(LetterRow.id, LetterRow.ref, LetterRow.version, LetterRow.issued_at, *PROJECT_COLUMNS)
        .join(LetterRow, LetterRow.id == newest)
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status.in_(WATCHED_PROJECTS),
            expectations_differ(LetterRow, statuses),
        )
        .order_by(ProjectRow.code)
    )
    return _bounded(session, query, limit)


def commitments_needing_attention(
    session: Session, due_by: date, limit: int, *, awaiting_confirmation: bool
) -> tuple[list[dict[str, Any]], int]:
    """Open commitments due on or before ``due_by``, or else (``awaiting_confirmation``) commitments
    flagged "confirm in writing" with nothing written linked yet, open or closed. Soonest due first."""
    condition: list[ColumnElement[bool]]
    if awaiting_confirmation:
        condition = [
            CommitmentRow.confirm_in_writing.is_(True),
            CommitmentRow.confirmation_log_entry_id.is_(None),
            CommitmentRow.confirmation_letter_id.is_(None),
        ]
    else:
        condition = [CommitmentRow.closed_on.is_(None), CommitmentRow.due_date <= due_by]
    query = (
        select(
            CommitmentRow.id,
            CommitmentRow.owner_side,
            CommitmentRow.owner_name,
            CommitmentRow.description,
            CommitmentRow.due_date,
            *PROJECT_COLUMNS,
        )
        .join(ProjectRow, ProjectRow.id == CommitmentRow.project_id)
        .where(*_live_project(CommitmentRow.project_id), CommitmentRow.archived_at.is_(None), *condition)
        .order_by(CommitmentRow.due_date, ProjectRow.code, CommitmentRow.created_at, CommitmentRow.id)
    )
    return _bounded(session, query, limit)


def summary_cadences(session: Session) -> list[dict[str, Any]]:
    """Active projects with a summary cadence, and the date of their last issued progress summary."""
    last_summary = (
        select(func.max(LetterRow.issued_at))
        .where(
            LetterRow.project_id == ProjectRow.id,
            LetterRow.archived_at.is_(None),
            LetterRow.kind == LetterKind.PROGRESS_SUMMARY,
            LetterRow.status.in_((LetterStatus.ISSUED, LetterStatus.SIGNED, LetterStatus.SUPERSEDED)),
        )
        .scalar_subquery()
    )
    query = (
        select(
            *PROJECT_COLUMNS,
            ProjectRow.summary_rrule,
            ProjectRow.start_date,
            ProjectRow.created_at,
            last_summary.label("last_summary_at"),
        )
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status == ProjectStatus.ACTIVE,
            ProjectRow.summary_rrule != "",
        )
        .order_by(ProjectRow.code)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def review_actions_due(session: Session, today: date, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Open follow-up actions of live reviews whose revisit date has come (today or earlier), oldest
    date first. Any project status counts: the long-term revisit often falls after the handover."""
    query = (
        select(
            ReviewActionRow.id,
            ReviewActionRow.review_id,
            ReviewActionRow.description,
            ReviewActionRow.owner,
            ReviewActionRow.revisit_on,
            *PROJECT_COLUMNS,
        )
        .join(ReviewRow, ReviewRow.id == ReviewActionRow.review_id)
        .join(ProjectRow, ProjectRow.id == ReviewActionRow.project_id)
        .where(
            ProjectRow.archived_at.is_(None),
            ReviewRow.archived_at.is_(None),
            ReviewActionRow.archived_at.is_(None),
            ReviewActionRow.done_on.is_(None),
            ReviewActionRow.revisit_on <= today,
        )
        .order_by(ReviewActionRow.revisit_on, ProjectRow.code, ReviewActionRow.created_at, ReviewActionRow.id)
    )
    return _bounded(session, query, limit)


def projects_with_deferred_b_items(session: Session, limit: int) -> list[str]:
    """Live watched projects whose main goal is met (main milestones, every live one accepted) and that
    still hold live B-items deferred until then, by code: at most ``limit`` project ids. The main
    milestones are tested first, in ``ix_milestone_main``: few milestones are main ones."""
    main = (
        MilestoneRow.project_id == ProjectRow.id,
        MilestoneRow.archived_at.is_(None),
        MilestoneRow.is_main,
    )
    query = (
        select(ProjectRow.id)
        .where(
            ProjectRow.archived_at.is_(None),
            ProjectRow.status.in_(WATCHED_PROJECTS),
            exists().where(*main),
            not_(exists().where(*main, MilestoneRow.status != MilestoneStatus.ACCEPTED)),
            exists().where(
                ChangeRequestRow.project_id == ProjectRow.id,
                ChangeRequestRow.archived_at.is_(None),
                ChangeRequestRow.decision == Decision.DEFERRED,
                ChangeRequestRow.triage == Triage.B,
            ),
        )
        .order_by(ProjectRow.code)
        .limit(limit)
    )
    return list(session.scalars(query))
