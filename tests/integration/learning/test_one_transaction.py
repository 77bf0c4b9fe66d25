"""The guided review with its follow-up actions and the default follow-up actions are each saved as
one transaction: made to fail in the middle, nothing of them remains."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError

from deliverydesk.domain.drafts import ReviewActionDraft, ReviewDraft
from deliverydesk.errors import RuleError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.reviews import butterfly as reviews
from deliverydesk.services.reviews.followups import schedule_default_actions
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.learning.test_review_actions import day, project


def _action(project_id: str, description: str, revisit: int, review_id: str = "") -> ReviewActionDraft:
    return ReviewActionDraft(
        project_id=project_id, review_id=review_id, description=description, revisit_on=day(revisit)
    )


def test_a_new_review_whose_third_action_fails_saves_neither_the_review_nor_any_action(
    ctx: ServiceContext,
) -> None:
    pid = project(ctx, "DD-1")
    draft = ReviewDraft(project_id=pid, held_on=day(-1), title="SAT 延期复盘")
    actions = [reviews.ActionChange(_action(pid, f"行动 {n}", 30 * n)) for n in (1, 2, 3)]
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "INSERT", "review_action", "NEW.description = '行动 3'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        reviews.save_review(ctx, draft, actions)
    assert database_state(ctx.db) == before
    saved = reviews.save_review(ctx, draft, actions)
    assert [a.description for a in saved.actions] == ["行动 1", "行动 2", "行动 3"]
    assert all(a.review_id == saved.review.id for a in saved.actions)


def test_editing_a_review_removes_completes_reopens_and_adds_actions_or_changes_nothing(
    ctx: ServiceContext,
) -> None:
    pid = project(ctx, "DD-1")
    first = reviews.save_review(
        ctx,
        ReviewDraft(project_id=pid, held_on=day(-1), title="复盘"),
        [
            reviews.ActionChange(_action(pid, d, r), done=done)
            for d, r, done in (("甲", 7, False), ("乙", 9, True))
        ],
    )
    open_one, done_one = first.actions
    assert done_one.done_on == day(0) and open_one.done_on is None
    edit = replace(
        ReviewDraft(project_id=pid, held_on=day(-1), title="复盘（修订）", lessons="早沟通"),
        id=first.review.id,
    )
    changes = [
        reviews.ActionChange(replace(_action(pid, "乙", 9, first.review.id), id=done_one.id), edited=False),
        reviews.ActionChange(_action(pid, "丙", 30)),
    ]
    before = database_state(ctx.db)
    with fail_writes(ctx.db, "INSERT", "review_action"), pytest.raises(IntegrityError, match=INJECTED):
        reviews.save_review(ctx, edit, changes, removed_action_ids=[open_one.id])
    assert database_state(ctx.db) == before
    saved = reviews.save_review(ctx, edit, changes, removed_action_ids=[open_one.id])
    assert saved.review.title == "复盘（修订）"
    assert [(a.description, a.done_on) for a in saved.actions] == [("乙", None), ("丙", None)]  # reopened
    listed = reviews.list_review_actions(ctx, first.review.id).rows
    assert [a.description for a in listed] == ["乙", "丙"]  # 甲 archived
    reviews.archive_review(ctx, first.review.id)
    before = database_state(ctx.db)
    with pytest.raises(RuleError, match="archived"):  # refused by a rule: nothing saved either
        reviews.save_review(ctx, edit, [reviews.ActionChange(_action(pid, "丁", 3))])
    assert database_state(ctx.db) == before


def test_default_actions_whose_last_one_fails_add_none(ctx: ServiceContext) -> None:
    pid = project(ctx, "DD-1")
    review = reviews.create_review(ctx, ReviewDraft(project_id=pid, held_on=day(-1), title="复盘"))
    before = database_state(ctx.db)
    with (
        fail_writes(ctx.db, "INSERT", "review_action", f"NEW.revisit_on > '{day(200).isoformat()}'"),
        pytest.raises(IntegrityError, match=INJECTED),
    ):
        schedule_default_actions(ctx, review.id, owner="王工")  # a month, three months, a year
    assert database_state(ctx.db) == before
    assert len(schedule_default_actions(ctx, review.id, owner="王工")) == 3
