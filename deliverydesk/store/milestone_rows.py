"""Milestones' rows: the item with its slip in working days and health (computed by the domain from
the row and its project's calendar), inserting with the next M-n, saving a draft while recording each
changed date in the milestone's history, and the page of a project's milestones."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from deliverydesk.domain.drafts import MilestoneDraft
from deliverydesk.domain.metrics import milestone_health
from deliverydesk.domain.models import MilestoneItem
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.record_rows import (
    add_with_ref,
    check_same_project,
    editable_record,
    get_row,
    live_project,
    save_changes,
    set_archived,
    stamp_new,
)
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import MilestoneChangeRow, MilestoneRow

DATE_FIELDS = ("baseline", "forecast", "actual")


def milestone_item(
    session: Session, row: MilestoneRow, today: date, extra_days: frozenset[date] | None = None
) -> MilestoneItem:
    """``extra_days``: the project's extra non-working days (read when not given)."""
    project = get_row(session, kinds.PROJECT, row.project_id)
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


def get_milestone(session: Session, milestone_id: str, today: date) -> MilestoneItem:
    return milestone_item(session, get_row(session, kinds.MILESTONE, milestone_id), today)


def add_milestone(
    now: datetime, session: Session, draft: MilestoneDraft, today: date, *, external_ref: str = ""
) -> MilestoneItem:
    """Insert a validated milestone with the next M-n (``external_ref``: where an import took it from)."""
    live_project(session, draft.project_id)
    row = MilestoneRow(external_ref=external_ref)
    mapping.write_milestone(row, draft)
    add_with_ref(now, session, row, RefPrefix.MILESTONE)
    return milestone_item(session, row, today)


def update_milestone(
    now: datetime,
    session: Session,
    draft: MilestoneDraft,
    today: date,
    *,
    reason: str,
    change_request_id: str | None,
) -> MilestoneItem:
    """Save a validated draft (its ``id`` set) onto an editable milestone of its project."""
    assert draft.id is not None
    row, _ = editable_record(session, kinds.MILESTONE, draft.id, draft.project_id)
    apply_milestone_update(now, session, row, draft, reason=reason, change_request_id=change_request_id)
    return milestone_item(session, row, today)


def apply_milestone_update(
    now: datetime,
    session: Session,
    row: MilestoneRow,
    draft: MilestoneDraft,
    *,
    reason: str,
    change_request_id: str | None = None,
) -> None:
    """Save a validated draft onto an editable milestone, recording each changed date (old, new,
    reason) in its history. Moving the baseline hides slip, so it needs a reason."""
    check_same_project(session, "change_request_id", kinds.CHANGE_REQUEST, change_request_id, row.project_id)
    if draft.baseline_date != row.baseline_date and not reason.strip():
        raise ValidationError(
            {"reason": msg("Say why the baseline date moves: it is what slip is measured from.")}
        )
    for field in DATE_FIELDS:
        old, new = getattr(row, f"{field}_date"), getattr(draft, f"{field}_date")
        if old != new:
            record_date_change(now, session, row, field, old, new, reason, change_request_id)
    mapping.write_milestone(row, draft)
    save_changes(now, session, row)


def record_dates_written_back(
    now: datetime, session: Session, milestone_id: str, values: Mapping[str, Any], reason: str
) -> None:
    """Dates an Undo (or Redo) writes back on a milestone are in its date history too, like any move;
    ``values``: the fields about to be written."""
    row = get_row(session, kinds.MILESTONE, milestone_id)
    for field in DATE_FIELDS:
        name = f"{field}_date"
        if name in values and values[name] != getattr(row, name):
            new: date | None = values[name]
            record_date_change(now, session, row, field, getattr(row, name), new, reason, None)


def record_date_change(
    now: datetime,
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
    stamp_new(now, change)
    session.add(change)


def milestone_page(
    session: Session, project_id: str, today: date, *, include_archived: bool, offset: int, limit: int
) -> tuple[list[MilestoneItem], int]:
    """The project's milestones by baseline date, and how many there are."""
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
    return [milestone_item(session, r, today, extra) for r in rows], total


def set_milestone_archived(
    now: datetime, session: Session, milestone_id: str, today: date, *, archived: bool
) -> MilestoneItem:
    return set_archived(
        now,
        session,
        kinds.MILESTONE,
        milestone_id,
        lambda session, row: milestone_item(session, row, today),
        archived=archived,
    )


def save_milestone(now: datetime, session: Session, draft: MilestoneDraft, *, reason: str) -> None:
    """Save a validated draft (its ``id`` set) onto its milestone, recording each changed date (an
    import, which has checked the milestone and its project already)."""
    assert draft.id is not None
    apply_milestone_update(now, session, get_row(session, kinds.MILESTONE, draft.id), draft, reason=reason)
