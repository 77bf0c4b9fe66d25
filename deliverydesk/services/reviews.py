"""Butterfly reviews: client and company side, short / mid / long term, lessons, follow-up."""

from __future__ import annotations

from deliverydesk.domain.drafts import ReviewDraft
from deliverydesk.domain.models import ReviewItem
from deliverydesk.domain.validation import validate_review
from deliverydesk.services.common import check_same_project, to_item
from deliverydesk.services.records import ProjectRecords, mapped
from deliverydesk.store.records import Session
from deliverydesk.store.tables import IssueRow, ProjectRow, ReviewRow


def _check_links(session: Session, draft: ReviewDraft, project: ProjectRow, _row: ReviewRow | None) -> None:
    check_same_project(session, "issue_id", IssueRow, draft.issue_id, project.id)


REVIEWS: ProjectRecords[ReviewRow, ReviewDraft, ReviewItem] = ProjectRecords(
    ReviewRow,
    "review",
    validate=lambda ctx, draft: validate_review(draft, ctx.today()),
    to_items=mapped(lambda row: to_item(ReviewItem, row)),
    order_by=("held_on", "created_at"),
    descending=True,  # newest review first
    check_links=_check_links,
)

create_review = REVIEWS.create
update_review = REVIEWS.update
get_review = REVIEWS.get
list_reviews = REVIEWS.list
archive_review = REVIEWS.archive
restore_review = REVIEWS.restore
