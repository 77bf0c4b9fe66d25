"""The review lifecycle: a review, its standard follow-up actions with revisit dates a month, three
months and a year on, the one whose date has come on Home, completed, gone from Home."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.attention import AttentionKind
from deliverydesk.domain.drafts import ReviewActionDraft, ReviewDraft
from deliverydesk.domain.enums import Language, ProjectStatus
from deliverydesk.domain.review_texts import default_action
from deliverydesk.domain.revisits import Horizon
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import archive_project
from deliverydesk.services.reviews.butterfly import (
    archive_review,
    complete_review_action,
    create_review,
    create_review_action,
    list_review_actions,
)
from deliverydesk.services.reviews.followups import schedule_default_actions
from tests.integration.recurrence.conftest import TODAY, client, project

HELD_ON = date(2026, 2, 16)  # a month before the fixed clock's 2026-03-16


def _follow_ups(ctx: ServiceContext) -> list[tuple[str | None, str, date | None, int | None]]:
    items = get_attention(ctx).of_kind(AttentionKind.REVIEW_FOLLOW_UP_DUE)
    return [(item.record_id, item.title, item.due, item.days_late) for item in items]


def test_review_actions_with_default_revisit_dates_come_due_on_home_until_done(ctx: ServiceContext) -> None:
    project_id = project(ctx, client(ctx, "华东精密"), "DD-1", language=Language.ZH_CN)
    review = create_review(ctx, ReviewDraft(project_id=project_id, held_on=HELD_ON, title="上线复盘"))
    assert _follow_ups(ctx) == []

    actions = schedule_default_actions(ctx, review.id, owner="王工")

    assert [a.revisit_on for a in actions] == [date(2026, 3, 16), date(2026, 5, 16), date(2027, 2, 16)]
    assert [a.description for a in actions] == [default_action(h, Language.ZH_CN) for h in Horizon]
    assert {a.owner for a in actions} == {"王工"}
    short = actions[0]
    assert _follow_ups(ctx) == [(review.id, short.description, TODAY, 0)]  # due today, opens the review
    [item] = get_attention(ctx).of_kind(AttentionKind.REVIEW_FOLLOW_UP_DUE)
    assert (item.project_id, item.project_code, item.ref) == (project_id, "DD-1", "王工")

    complete_review_action(ctx, short.id, TODAY, "客户确认修复稳定")

    assert _follow_ups(ctx) == []
    still_open = list_review_actions(ctx, review.id, open_only=True).rows
    assert [a.id for a in still_open] == [a.id for a in actions[1:]]


def test_overdue_actions_count_days_and_closed_projects_still_remind(ctx: ServiceContext) -> None:
    project_id = project(ctx, client(ctx, "Acme"), "DD-2", status=ProjectStatus.CLOSED)
    review = create_review(ctx, ReviewDraft(project_id=project_id, held_on=date(2025, 12, 1)))
    late = create_review_action(
        ctx,
        ReviewActionDraft(
            project_id=project_id,
            review_id=review.id,
            description="Send the apology letter",
            revisit_on=date(2026, 3, 6),
        ),
    )
    assert _follow_ups(ctx) == [(review.id, late.description, date(2026, 3, 6), 10)]  # closed: still reminds
    report = get_attention(ctx)
    assert report.totals[AttentionKind.REVIEW_FOLLOW_UP_DUE] == 1


def test_archived_reviews_and_projects_leave_home(ctx: ServiceContext) -> None:
    first = project(ctx, client(ctx, "A"), "DD-3")
    second = project(ctx, client(ctx, "B"), "DD-4")
    for project_id in (first, second):
        review = create_review(ctx, ReviewDraft(project_id=project_id, held_on=HELD_ON))
        schedule_default_actions(ctx, review.id, horizons=(Horizon.SHORT,))
        if project_id == first:
            archive_review(ctx, review.id)
    due = get_attention(ctx).of_kind(AttentionKind.REVIEW_FOLLOW_UP_DUE)
    assert [item.project_code for item in due] == ["DD-4"]
    archive_project(ctx, second)
    assert _follow_ups(ctx) == []
