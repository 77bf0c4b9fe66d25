"""Milestones (M-n) with slip in working days, and the history of every date change."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from deliverydesk.domain.drafts import MilestoneDraft, draft_from
from deliverydesk.domain.models import MilestoneChangeItem, MilestoneItem, Page
from deliverydesk.domain.validation import validate_milestone
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of, require_id
from deliverydesk.store import kinds, mapping, milestone_rows
from deliverydesk.store.queries import milestone_changes
from deliverydesk.store.record_rows import get_row
from deliverydesk.store.records import Session


def create_milestone(ctx: ServiceContext, draft: MilestoneDraft) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return create_milestone_in(ctx, session, draft)


def create_milestone_in(ctx: ServiceContext, session: Session, draft: MilestoneDraft) -> MilestoneItem:
    draft = validate_milestone(draft, ctx.today())
    return add_milestone(ctx, session, draft)


def add_milestone(
    ctx: ServiceContext, session: Session, draft: MilestoneDraft, *, external_ref: str = ""
) -> MilestoneItem:
    """Insert a validated milestone with the next M-n, inside the caller's unit of work (``external_ref``:
    where an import took it from)."""
    return milestone_rows.add_milestone(ctx.now(), session, draft, ctx.today(), external_ref=external_ref)


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
    require_id(draft.id, "milestone")
    draft = validate_milestone(draft, ctx.today())
    return milestone_rows.update_milestone(
        ctx.now(), session, draft, ctx.today(), reason=reason, change_request_id=change_request_id
    )


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
    current = milestone_rows.get_milestone(session, milestone_id, ctx.today())
    draft = draft_from(MilestoneDraft, current, forecast_date=forecast_date)
    return update_milestone_in(ctx, session, draft, reason=reason, change_request_id=change_request_id)


def record_dates_written_back_in(
    ctx: ServiceContext, session: Session, milestone_id: str, values: Mapping[str, Any], reason: str
) -> None:
    """Dates an Undo (or Redo) writes back on a milestone are in its date history too, like any move;
    ``values``: the fields about to be written."""
    milestone_rows.record_dates_written_back(ctx.now(), session, milestone_id, values, reason)


def get_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return milestone_rows.get_milestone(session, milestone_id, ctx.today())


def list_milestones(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 500
) -> Page[MilestoneItem]:
    """Milestones by baseline date."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        items, total = milestone_rows.milestone_page(
            session, project_id, ctx.today(), include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(items, total, offset, limit)


def list_milestone_changes(ctx: ServiceContext, milestone_id: str) -> list[MilestoneChangeItem]:
    """The date history of one milestone, oldest first."""
    with ctx.db.unit_of_work() as session:
        get_row(session, kinds.MILESTONE, milestone_id)
        return [
            mapping.milestone_change_item(change, change_request_ref=ref)
            for change, ref in milestone_changes(session, milestone_id)
        ]


def archive_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return milestone_rows.set_milestone_archived(
            ctx.now(), session, milestone_id, ctx.today(), archived=True
        )


def restore_milestone(ctx: ServiceContext, milestone_id: str) -> MilestoneItem:
    with ctx.db.unit_of_work() as session:
        return milestone_rows.set_milestone_archived(
            ctx.now(), session, milestone_id, ctx.today(), archived=False
        )
