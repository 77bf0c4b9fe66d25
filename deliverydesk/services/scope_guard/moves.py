"""Milestones a change request moves: where its schedule impact would put them, and moving them once
the change is approved, each date change recorded with the request as its cause (by
``services.records.milestones``, which keeps every milestone's history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.domain.enums import Decision
from deliverydesk.domain.metrics import CLOSED_MILESTONE
from deliverydesk.domain.models import ChangeRequestItem, MilestoneItem, ProjectItem
from deliverydesk.domain.scope_guard import GuardAction, check_action, shift_working_days
from deliverydesk.domain.workdays import calendar_covering, with_extra_days
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.milestones import move_milestone_in
from deliverydesk.services.scope_guard.meters import MAX_ROWS
from deliverydesk.store import milestone_rows, request_rows
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.record_rows import get_project
from deliverydesk.store.records import Session
from deliverydesk.store.request_rows import request_facts


@dataclass(frozen=True, kw_only=True)
class MilestoneShift:
    """An open milestone a change would move: from its current date (forecast, else baseline)."""

    milestone_id: str
    ref: str
    name: str
    from_date: date
    to_date: date


def _shift(
    row: MilestoneItem, project: ProjectItem, days: int, extra_days: frozenset[date]
) -> MilestoneShift:
    start = row.forecast_date or row.baseline_date
    calendar = calendar_covering(project.holiday_calendar, start, date(start.year + 1 + days // 200, 12, 31))
    calendar = with_extra_days(calendar, extra_days)
    return MilestoneShift(
        milestone_id=row.id,
        ref=row.ref,
        name=row.name,
        from_date=start,
        to_date=shift_working_days(start, days, calendar),
    )


def planned_shifts(
    session: Session, project: ProjectItem, days: int, today: date
) -> tuple[MilestoneShift, ...]:
    """Every open milestone of the project moved by ``days`` working days (none for 0 days)."""
    if days == 0:
        return ()
    rows, _ = milestone_rows.milestone_page(
        session, project.id, today, include_archived=False, offset=0, limit=MAX_ROWS
    )
    extra = _extra_days(session, project)
    return tuple(_shift(r, project, days, extra) for r in rows if r.status not in CLOSED_MILESTONE)


def apply_schedule_impact(
    ctx: ServiceContext, request_id: str, milestone_ids: tuple[str, ...], *, reason: str = ""
) -> tuple[MilestoneItem, ...]:
    """Move the chosen open milestones by the approved request's schedule days; each move is recorded
    in the milestone's history with the request as its cause. All are checked before any moves."""
    with ctx.db.unit_of_work() as session:
        return apply_schedule_impact_in(ctx, session, request_id, milestone_ids, reason=reason)


def apply_schedule_impact_in(
    ctx: ServiceContext,
    session: Session,
    request_id: str,
    milestone_ids: tuple[str, ...],
    *,
    reason: str = "",
) -> tuple[MilestoneItem, ...]:
    request = request_rows.get_request(session, request_id)
    check_action(request_facts(session, request), GuardAction.MOVE_MILESTONES)
    if request.schedule_days == 0:
        raise RuleError(msg("{ref} moves no dates: its schedule impact is 0 working days.", ref=request.ref))
    project = get_project(session, request.project_id)
    shifts = [
        _movable(session, project, milestone_id, request.schedule_days, ctx.today())
        for milestone_id in milestone_ids
    ]
    why = reason.strip() or f"{request.ref} {request.title} (+{request.schedule_days})"
    return tuple(
        move_milestone_in(ctx, session, s.milestone_id, s.to_date, reason=why, change_request_id=request_id)
        for s in shifts
    )


def _movable(
    session: Session, project: ProjectItem, milestone_id: str, days: int, today: date
) -> MilestoneShift:
    row = milestone_rows.get_milestone(session, milestone_id, today)
    if row.project_id != project.id:
        raise ValidationError({"milestone_ids": msg("This milestone belongs to another project.")})
    if row.archived_at is not None or row.status in CLOSED_MILESTONE:
        raise RuleError(
            msg(
                "{ref} {milestone} is archived or already done: its date stays as it is.",
                ref=row.ref,
                milestone=row.name,
            )
        )
    return _shift(row, project, days, _extra_days(session, project))


def _extra_days(session: Session, project: ProjectItem) -> frozenset[date]:
    return extra_non_working_days(session, [project.id]).get(project.id, frozenset())


def move_if_approved(
    ctx: ServiceContext, session: Session, item: ChangeRequestItem, milestone_ids: tuple[str, ...]
) -> tuple[MilestoneItem, ...]:
    """After a decision or an approval, in its unit of work (a move that fails undoes the decision):
    move the chosen milestones, unless the decision is held."""
    if not milestone_ids or item.decision is Decision.PENDING_APPROVAL:
        return ()  # held decisions move nothing until approved
    return apply_schedule_impact_in(ctx, session, item.id, milestone_ids)
