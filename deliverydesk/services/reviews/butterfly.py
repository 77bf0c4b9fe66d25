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
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    check_page,
    check_same_project,
    get_editable,
    get_row,
    live_project,
    page_of,
    save_changes,
)
from deliverydesk.services.records.kinds import ProjectRecords, mapped
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import IssueRow, ProjectRow, ReviewActionRow, ReviewRow

ACTION = "follow-up action"


def _check_links(session: Session, draft: ReviewDraft, project: ProjectRow, _row: ReviewRow | None) -> None:
    check_same_project(session, "issue_id", IssueRow, draft.issue_id, project.id)


REVIEWS = ProjectRecords(
    ReviewRow,
    "review",
    validate=lambda ctx, draft: validate_review(draft, ctx.today()),
    write=mapping.write_review,
    to_items=mapped(mapping.review_item),
    order_by=("held_on", "created_at"),
    descending=True,  # newest review first
    check_links=_check_links,
)

create_review = REVIEWS.create
update_review = REVIEWS.update
get_review = REVIEWS.get
list_reviews = REVIEWS.list  # issue_id=... filters
archive_review = REVIEWS.archive
restore_review = REVIEWS.restore


def _check_action_links(
    session: Session, draft: ReviewActionDraft, project: ProjectRow, row: ReviewActionRow | None
) -> None:
    """An action belongs to a live review of its project and stays with it."""
    if row is not None and row.review_id != draft.review_id:
        raise ValidationError({"review_id": msg("A follow-up action cannot move to another review.")})
    check_same_project(session, "review_id", ReviewRow, draft.review_id, project.id)
    review = session.get(ReviewRow, draft.review_id)
    if review is not None and review.archived_at is not None:
        raise RuleError(
            msg("This review is archived."), msg("Restore the review before changing its actions.")
        )


REVIEW_ACTIONS = ProjectRecords(
    ReviewActionRow,
    ACTION,
    validate=lambda _ctx, draft: validate_review_action(draft),
    write=mapping.write_review_action,
    to_items=mapped(mapping.review_action_item),
    order_by=("revisit_on", "created_at", "id"),
    check_links=_check_action_links,
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
        get_row(session, ReviewRow, review_id, "review")
        rows, total = list_rows(
            session,
            ReviewActionRow,
            where=where,
            include_archived=include_archived,
            order_by=REVIEW_ACTIONS.order_by,
            offset=offset,
            limit=limit,
        )
        return page_of(REVIEW_ACTIONS.to_items(session, rows), total, offset, limit)


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
    row = _changeable_action(session, action_id)
    if row.done_on is not None:
        raise RuleError(
            msg("This follow-up action is already done."), msg("Reopen it first to complete it again.")
        )
    row.done_on, row.outcome = done_on, outcome
    save_changes(ctx, session, row)
    return REVIEW_ACTIONS.item(session, row)


def reopen_review_action(ctx: ServiceContext, action_id: str) -> ReviewActionItem:
    """Open again (it was not done after all); the outcome is cleared."""
    with ctx.db.unit_of_work() as session:
        return reopen_review_action_in(ctx, session, action_id)


def reopen_review_action_in(ctx: ServiceContext, session: Session, action_id: str) -> ReviewActionItem:
    row = _changeable_action(session, action_id)
    if row.done_on is None:
        raise RuleError(msg("This follow-up action is still open."))
    row.done_on, row.outcome = None, ""
    save_changes(ctx, session, row)
    return REVIEW_ACTIONS.item(session, row)


def _changeable_action(session: Session, action_id: str) -> ReviewActionRow:
    """The action to change; neither it nor its project archived."""
    row = get_editable(session, ReviewActionRow, action_id, ACTION)
    live_project(session, row.project_id)
    return row


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
        item = REVIEW_ACTIONS.item(session, get_row(session, ReviewActionRow, draft.id, ACTION))
    if change.done and item.done_on is None:
        return complete_review_action_in(ctx, session, item.id, ctx.today())
    if not change.done and item.done_on is not None:
        return reopen_review_action_in(ctx, session, item.id)
    return item
