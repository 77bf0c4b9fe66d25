"""Butterfly reviews: client and company side, short / mid / long term, lessons, follow-up."""

from __future__ import annotations

from deliverydesk.domain.drafts import ReviewDraft
from deliverydesk.domain.models import Page, ReviewItem
from deliverydesk.domain.validation import validate_review
from deliverydesk.services.common import (
    apply_draft,
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
    to_item,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import IssueRow, ReviewRow


def _item(_session: Session, row: ReviewRow) -> ReviewItem:
    return to_item(ReviewItem, row)


def create_review(ctx: ServiceContext, draft: ReviewDraft) -> ReviewItem:
    draft = validate_review(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        check_same_project(session, "issue_id", IssueRow, draft.issue_id, draft.project_id)
        row = ReviewRow()
        apply_draft(row, draft)
        stamp_new(ctx, row)
        session.add(row)
        session.flush()
        return _item(session, row)


def update_review(ctx: ServiceContext, draft: ReviewDraft) -> ReviewItem:
    review_id = require_id(draft.id, "review")
    draft = validate_review(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        row, _ = editable_record(session, ReviewRow, review_id, "review", draft.project_id)
        check_same_project(session, "issue_id", IssueRow, draft.issue_id, row.project_id)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _item(session, row)


def get_review(ctx: ServiceContext, review_id: str) -> ReviewItem:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, ReviewRow, review_id, "review"))


def list_reviews(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[ReviewItem]:
    """Newest review first."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ReviewRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("held_on", "created_at"),
            descending=True,
            offset=offset,
            limit=limit,
        )
        return page_of([_item(session, r) for r in rows], total, offset, limit)


def archive_review(ctx: ServiceContext, review_id: str) -> ReviewItem:
    return set_archived(ctx, ReviewRow, review_id, "review", _item, archived=True)


def restore_review(ctx: ServiceContext, review_id: str) -> ReviewItem:
    return set_archived(ctx, ReviewRow, review_id, "review", _item, archived=False)
