"""Butterfly reviews (client and company side, short / mid / long term, lessons) of a project or a
major issue, and their follow-up actions: who does what, revisited on a date until done.

``save_review`` saves the guided review with its follow-up actions as one user action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from deliverydesk.domain.drafts import ReviewActionDraft, ReviewDraft
from deliverydesk.domain.models import Page, ReviewActionItem, ReviewItem
from deliverydesk.domain.validation import (
    validate_review,
    validate_review_action,
    validate_review_action_outcome,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import kinds, project_rows, project_tables
from deliverydesk.store.record_rows import get_row
from deliverydesk.store.records import Session

REVIEWS = ProjectRecords(
    project_tables.REVIEWS, validate=lambda ctx, draft: validate_review(draft, ctx.today())
)

create_review = REVIEWS.create
update_review = REVIEWS.update
get_review = REVIEWS.get
list_reviews = REVIEWS.list  # issue_id=... filters
archive_review = REVIEWS.archive
restore_review = REVIEWS.restore


REVIEW_ACTIONS = ProjectRecords(
    project_tables.REVIEW_ACTIONS, validate=lambda _ctx, draft: validate_review_action(draft)
)

create_review_action = REVIEW_ACTIONS.create
update_review_action = REVIEW_ACTIONS.update  # description, owner, revisit date
get_review_action = REVIEW_ACTIONS.get
archive_review_action = REVIEW_ACTIONS.archive
restore_review_action = REVIEW_ACTIONS.restore


def list_review_actions(
    ctx: ServiceContext,
    review_id: str,
    *,
    open_only: bool = False,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> Page[ReviewActionItem]:
    """The review's follow-up actions, soonest revisit first; ``open_only`` leaves out done ones."""
    limit = check_page(offset, limit)
    where: dict[str, object] = {"review_id": review_id}
    if open_only:
        where["done_on"] = None
    with ctx.db.unit_of_work() as session:
        get_row(session, kinds.REVIEW, review_id)
        items, total = REVIEW_ACTIONS.table.page(
            session, where, include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(items, total, offset, limit)


def complete_review_action(
    ctx: ServiceContext, action_id: str, done_on: date, outcome: str = ""
) -> ReviewActionItem:
    """Done on ``done_on`` (today at the latest); ``outcome`` says what came of it."""
    with ctx.db.unit_of_work() as session:
        return complete_review_action_in(ctx, session, action_id, done_on, outcome)


def complete_review_action_in(
    ctx: ServiceContext, session: Session, action_id: str, done_on: date, outcome: str = ""
) -> ReviewActionItem:
    outcome = validate_review_action_outcome(done_on, outcome, ctx.today())
    return project_rows.complete_review_action(ctx.now(), session, action_id, done_on, outcome)


def reopen_review_action(ctx: ServiceContext, action_id: str) -> ReviewActionItem:
    """Open again (it was not done after all); the outcome is cleared."""
    with ctx.db.unit_of_work() as session:
        return reopen_review_action_in(ctx, session, action_id)


def reopen_review_action_in(ctx: ServiceContext, session: Session, action_id: str) -> ReviewActionItem:
    return project_rows.reopen_review_action(ctx.now(), session, action_id)


# --- the guided review, saved as one ------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChange:
    """A follow-up action as the guided review leaves it. ``draft.id`` None: a new action (its
    ``review_id`` is filled in when the review is saved); ``edited``: save the draft's fields;
    ``done``: complete it today when open, reopen it when done."""

    draft: ReviewActionDraft
    done: bool = False
    edited: bool = True


@dataclass(frozen=True)
class SavedReview:
    review: ReviewItem
    actions: tuple[ReviewActionItem, ...]  # in the order of the changes given


def save_review(
    ctx: ServiceContext,
    draft: ReviewDraft,
    actions: Sequence[ActionChange] = (),
    *,
    removed_action_ids: Sequence[str] = (),
) -> SavedReview:
    """Create or update the review, archive the removed follow-up actions and save the others, in one
    unit of work: when any of it is refused, nothing is saved."""
    with ctx.db.unit_of_work() as session:
        review = (
            REVIEWS.create_in(ctx, session, draft)
            if draft.id is None
            else REVIEWS.update_in(ctx, session, draft)
        )
        for action_id in removed_action_ids:
            REVIEW_ACTIONS.archive_in(ctx, session, action_id)
        saved = tuple(_save_action(ctx, session, review.id, change) for change in actions)
        return SavedReview(review, saved)


def _save_action(
    ctx: ServiceContext, session: Session, review_id: str, change: ActionChange
) -> ReviewActionItem:
    draft = replace(change.draft, review_id=review_id)
    if draft.id is None:
        item = REVIEW_ACTIONS.create_in(ctx, session, draft)
    elif change.edited:
        item = REVIEW_ACTIONS.update_in(ctx, session, draft)
    else:
        item = REVIEW_ACTIONS.get_in(session, draft.id)
    if change.done and item.done_on is None:
        return complete_review_action_in(ctx, session, item.id, ctx.today())
    if not change.done and item.done_on is not None:
        return reopen_review_action_in(ctx, session, item.id)
    return item
