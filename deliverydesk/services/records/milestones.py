"""Milestones (M-n) with slip in working days, and the history of every date change."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from deliverydesk.domain.drafts import MilestoneDraft, draft_from
from deliverydesk.domain.metrics import milestone_health
from deliverydesk.domain.models import MilestoneChangeItem, MilestoneItem, Page
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_milestone
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    add_with_ref,
    check_page,
    check_same_project,
    editable_record,
    get_row,
    live_project,
    page_of,
    require_id,
    save_changes,
    set_archived,
    stamp_new,
)
from deliverydesk.store import mapping
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.queries import milestone_changes
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ChangeRequestRow, MilestoneChangeRow, MilestoneRow, ProjectRow

DATE_FIELDS = ("baseline", "forecast", "actual")


def milestone_item(
    session: Session, row: MilestoneRow, today: date, extra_days: frozenset[date] | None = None
) -> MilestoneItem:
    """``extra_days``: the project's extra non-working days (read when not given)."""
    project = get_row(session, ProjectRow, row.project_id, "project")
    if extra_days is None:
        extra_days = extra_non_working_days(session, [row.project_id]).get(row.project_id, frozenset())
    calendar = with_extra_days(
        calendar_covering(project.holiday_calendar, row.baseline_date, row.forecast_date, row.actual_date),
        extra_days,
    )
    slip = slip_working_days(row.baseline_date, row.forecast_date, row.actual_date, calendar)
    effective = row.actual_date or row.forecast_date or row.baseline_date
    health = milestone_health(row.status, effective, slip, today)
    return mapping.milestone_item(row, slip_days=slip, health=health)


def create_milestone(ctx: ServiceContext, draft: MilestoneDraft) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return create_milestone_in(ctx, session, draft)


def create_milestone_in(ctx: ServiceContext, session: Session, draft: MilestoneDraft) -> MilestoneItem:
    draft = validate_milestone(draft, ctx.today())
    return milestone_item(session, add_milestone(ctx, session, draft), ctx.today())


def add_milestone(
    ctx: ServiceContext, session: Session, draft: MilestoneDraft, *, external_ref: str = ""
) -> MilestoneRow:
    """Insert a validated milestone with the next M-n, inside the caller's unit of work (``external_ref``:
    where an import took it from)."""
    live_project(session, draft.project_id)
    row = MilestoneRow(external_ref=external_ref)
    mapping.write_milestone(row, draft)
    add_with_ref(ctx, session, row, RefPrefix.MILESTONE)
    return row


def update_milestone(
    ctx: ServiceContext, draft: MilestoneDraft, *, reason: str = "", change_request_id: str | None = None
) -> MilestoneItem:
    """Save the milestone; each changed date (baseline, forecast, actual) is recorded in its history.

    Moving the baseline hides slip, so it needs a reason."""
    with ctx.db.unit_of_work() as session:
        return update_milestone_in(ctx, session, draft, reason=reason, change_request_id=change_request_id)


def update_milestone_in(
    ctx: ServiceContext,
    session: Session,
    draft: MilestoneDraft,
    *,
    reason: str = "",
    change_request_id: str | None = None,
) -> MilestoneItem:
    milestone_id = require_id(draft.id, "milestone")
    draft = validate_milestone(draft, ctx.today())
    row, _ = editable_record(session, MilestoneRow, milestone_id, "milestone", draft.project_id)
    apply_milestone_update(ctx, session, row, draft, reason=reason, change_request_id=change_request_id)
    return milestone_item(session, row, ctx.today())


def apply_milestone_update(
    ctx: ServiceContext,
    session: Session,
    row: MilestoneRow,
    draft: MilestoneDraft,
    *,
    reason: str,
    change_request_id: str | None = None,
) -> None:
    """Save a validated draft onto an editable milestone inside the caller's unit of work, recording
    each changed date (old, new, reason) in its history."""
    check_same_project(session, "change_request_id", ChangeRequestRow, change_request_id, row.project_id)
    if draft.baseline_date != row.baseline_date and not reason.strip():
        raise ValidationError(
            {"reason": msg("Say why the baseline date moves: it is what slip is measured from.")}
        )
    for field in DATE_FIELDS:
        old, new = getattr(row, f"{field}_date"), getattr(draft, f"{field}_date")
        if old != new:
            record_date_change(ctx, session, row, field, old, new, reason, change_request_id)
    mapping.write_milestone(row, draft)
    save_changes(ctx, session, row)


def move_milestone(
    ctx: ServiceContext,
    milestone_id: str,
    forecast_date: date,
    *,
    reason: str,
    change_request_id: str | None = None,
) -> MilestoneItem:
    """Move the forecast date, recording old date, new date, reason and the causing change request."""
    with ctx.db.unit_of_work() as session:
        return move_milestone_in(
            ctx, session, milestone_id, forecast_date, reason=reason, change_request_id=change_request_id
        )


def move_milestone_in(
    ctx: ServiceContext,
    session: Session,
    milestone_id: str,
    forecast_date: date,
    *,
    reason: str,
    change_request_id: str | None = None,
) -> MilestoneItem:
    if not reason.strip():
        raise ValidationError({"reason": msg("Say why the date moves: the client will ask.")})
    current = milestone_item(session, get_row(session, MilestoneRow, milestone_id, "milestone"), ctx.today())
    draft = draft_from(MilestoneDraft, current, forecast_date=forecast_date)
    return update_milestone_in(ctx, session, draft, reason=reason, change_request_id=change_request_id)


def record_dates_written_back_in(
    ctx: ServiceContext, session: Session, milestone_id: str, values: Mapping[str, Any], reason: str
) -> None:
    """Dates an Undo (or Redo) writes back on a milestone are in its date history too, like any move;
    ``values``: the fields about to be written."""
    row = get_row(session, MilestoneRow, milestone_id, "milestone")
    for field in DATE_FIELDS:
        name = f"{field}_date"
        if name in values and values[name] != getattr(row, name):
            new: date | None = values[name]
            record_date_change(ctx, session, row, field, getattr(row, name), new, reason, None)


def record_date_change(
    ctx: ServiceContext,
    session: Session,
    row: MilestoneRow,
    field: str,
    old: date | None,
    new: date | None,
    reason: str,
    change_request_id: str | None,
) -> None:
    """One line of the milestone's date history (old, new, reason), in the caller's unit of work."""
    change = MilestoneChangeRow(
        milestone_id=row.id,
        field=field,
        old_date=old,
        new_date=new,
        reason=reason.strip(),
        change_request_id=change_request_id,
    )
    stamp_new(ctx, change)
    session.add(change)


def get_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return milestone_item(session, get_row(session, MilestoneRow, milestone_id, "milestone"), ctx.today())


def list_milestones(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 500
) -> Page[MilestoneItem]:
    """Milestones by baseline date."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            MilestoneRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("baseline_date", "ref"),
            offset=offset,
            limit=limit,
        )
        extra = extra_non_working_days(session, [project_id]).get(project_id, frozenset())
        return page_of([milestone_item(session, r, ctx.today(), extra) for r in rows], total, offset, limit)


def list_milestone_changes(ctx: ServiceContext, milestone_id: str) -> list[MilestoneChangeItem]:
    """The date history of one milestone, oldest first."""
    with ctx.db.unit_of_work() as session:
        get_row(session, MilestoneRow, milestone_id, "milestone")
        return [
            mapping.milestone_change_item(change, change_request_ref=ref)
            for change, ref in milestone_changes(session, milestone_id)
        ]


def archive_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return set_archived(
            ctx, session, MilestoneRow, milestone_id, "milestone", _item_today(ctx), archived=True
        )


def restore_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return set_archived(
            ctx, session, MilestoneRow, milestone_id, "milestone", _item_today(ctx), archived=False
        )


def _item_today(ctx: ServiceContext) -> Callable[[Session, MilestoneRow], MilestoneItem]:
    return lambda session, row: milestone_item(session, row, ctx.today())
