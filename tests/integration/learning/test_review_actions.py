"""Follow-up actions of a butterfly review: create, edit, list by review, complete with an outcome,
reopen; they stay with their review and project."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deliverydesk.domain.drafts import ClientDraft, ProjectDraft, ReviewActionDraft, ReviewDraft
from deliverydesk.domain.models import ReviewItem
from deliverydesk.errors import RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import clients, projects
from deliverydesk.services.reviews import butterfly as reviews
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def project(ctx: ServiceContext, code: str) -> str:
    client = clients.create_client(ctx, ClientDraft(name=f"Client of {code}")).id
    return projects.create_project(ctx, ProjectDraft(code=code, name=code, client_id=client)).id


@pytest.fixture
def review(ctx: ServiceContext) -> ReviewItem:
    pid = project(ctx, "DD-1")
    return reviews.create_review(ctx, ReviewDraft(project_id=pid, held_on=day(-1), title=" Late SAT "))


def action(review: ReviewItem, description: str, revisit: int, owner: str = "") -> ReviewActionDraft:
    return ReviewActionDraft(
        project_id=review.project_id,
        review_id=review.id,
        description=description,
        owner=owner,
        revisit_on=day(revisit),
    )


def test_actions_are_listed_by_review_soonest_revisit_first(ctx: ServiceContext, review: ReviewItem) -> None:
    assert review.title == "Late SAT"
    later = reviews.create_review_action(ctx, action(review, "Check in after 90 days", 90, " 张浩 "))
    sooner = reviews.create_review_action(ctx, action(review, "Call the client", 30))
    assert later.owner == "张浩" and later.is_open
    listed = reviews.list_review_actions(ctx, review.id)
    assert [a.id for a in listed.rows] == [sooner.id, later.id] and listed.total == 2
    edited = reviews.update_review_action(ctx, replace(action(review, "Call Wang Fang", 7), id=sooner.id))
    assert (edited.description, edited.revisit_on) == ("Call Wang Fang", day(7))


def test_complete_with_an_outcome_then_reopen(ctx: ServiceContext, review: ReviewItem) -> None:
    made = reviews.create_review_action(ctx, action(review, "Call the client", 30))
    done = reviews.complete_review_action(ctx, made.id, day(0), "  Called; they are happy.  ")
    assert (done.done_on, done.outcome, done.is_open) == (day(0), "Called; they are happy.", False)
    assert reviews.list_review_actions(ctx, review.id, open_only=True).total == 0
    with pytest.raises(RuleError, match="already done"):
        reviews.complete_review_action(ctx, made.id, day(0))
    reopened = reviews.reopen_review_action(ctx, made.id)
    assert (reopened.done_on, reopened.outcome) == (None, "")
    with pytest.raises(RuleError, match="still open"):
        reviews.reopen_review_action(ctx, made.id)


def test_completion_cannot_be_in_the_future(ctx: ServiceContext, review: ReviewItem) -> None:
    made = reviews.create_review_action(ctx, action(review, "Call the client", 30))
    with pytest.raises(ValidationError) as future:
        reviews.complete_review_action(ctx, made.id, day(1))
    assert "done_on" in future.value.fields
    assert reviews.get_review_action(ctx, made.id).is_open


@pytest.mark.parametrize(
    ("description", "revisit", "wrong"), [(" ", 30, "description"), ("x", 40_000, "revisit_on")]
)
def test_an_action_says_what_and_when(
    ctx: ServiceContext, review: ReviewItem, description: str, revisit: int, wrong: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        reviews.create_review_action(ctx, action(review, description, revisit))
    assert wrong in refused.value.fields


def test_an_action_stays_with_its_review_and_project(ctx: ServiceContext, review: ReviewItem) -> None:
    other = reviews.create_review(ctx, ReviewDraft(project_id=project(ctx, "DD-2"), held_on=day(-2)))
    with pytest.raises(ValidationError) as foreign:
        reviews.create_review_action(ctx, replace(action(review, "x", 1), review_id=other.id))
    assert "review_id" in foreign.value.fields
    made = reviews.create_review_action(ctx, action(review, "x", 1))
    second = reviews.create_review(ctx, ReviewDraft(project_id=review.project_id, held_on=day(0)))
    with pytest.raises(ValidationError, match="review"):
        reviews.update_review_action(ctx, replace(action(review, "x", 1), id=made.id, review_id=second.id))


def test_an_archived_review_takes_no_new_actions(ctx: ServiceContext, review: ReviewItem) -> None:
    reviews.archive_review(ctx, review.id)
    with pytest.raises(RuleError, match="archived"):
        reviews.create_review_action(ctx, action(review, "x", 1))
