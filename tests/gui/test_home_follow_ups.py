"""Home's "Review follow-ups due": a follow-up action whose revisit date has come shows under its own
heading, says how late it is, and opens its project's Issues & reviews area on the review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from deliverydesk.domain.attention import AttentionItem, AttentionKind, AttentionReport
from deliverydesk.domain.drafts import ReviewDraft
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.models.attention import DETAIL, ITEM_ROLE, WHAT, AttentionModel
from deliverydesk.gui.pages.base import AREA_ISSUES
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.services.records.projects import list_projects
from deliverydesk.services.reviews.butterfly import create_review
from deliverydesk.services.reviews.followups import schedule_default_actions
from tests.gui.conftest import wait_idle

TODAY = date(2026, 3, 16)


def _follow_up(revisit_on: date, owner: str = "王工") -> AttentionItem:
    return AttentionItem(
        kind=AttentionKind.REVIEW_FOLLOW_UP_DUE,
        project_id="p1",
        project_code="DD-1",
        project_name="MES",
        record_id="review-1",
        ref=owner,
        title="与客户确认修复是否稳定",
        due=revisit_on,
        days_late=(TODAY - revisit_on).days,
    )


def test_model_shows_the_group_owner_and_lateness(qtbot) -> None:
    model = AttentionModel()
    items = (_follow_up(date(2026, 3, 6)), _follow_up(TODAY, owner=""))
    model.set_report(
        AttentionReport(items=items, totals={AttentionKind.REVIEW_FOLLOW_UP_DUE: 2}, today=TODAY)
    )
    group = model.index(0, 0)
    assert group.data() == "Review follow-ups due (2)"
    late, today = model.index(0, WHAT, group), model.index(1, WHAT, group)
    assert late.data() == "王工: 与客户确认修复是否稳定"
    assert today.data() == "与客户确认修复是否稳定"  # no owner named
    assert model.index(0, DETAIL, group).data() == "revisit was due 10 day(s) ago"
    assert model.index(0, DETAIL, group).data(Qt.ItemDataRole.ForegroundRole) is not None  # late: red
    assert model.index(1, DETAIL, group).data() == "revisit today: look again and record the outcome"
    assert model.index(1, DETAIL, group).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_due_follow_up_on_home_opens_the_review_in_issues_and_reviews(qtbot, demo_env: GuiEnv) -> None:
    ctx = demo_env.ctx
    project = list_projects(ctx, limit=1).rows[0]
    review = create_review(ctx, ReviewDraft(project_id=project.id, held_on=date(2026, 2, 16)))
    schedule_default_actions(ctx, review.id, owner="王工")  # the one-month revisit falls today
    page = HomePage(demo_env)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, demo_env.tasks)
    model = page.model
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    [group] = [g for g in groups if g.data().startswith("Review follow-ups due")]
    rows = [model.index(row, 0, group) for row in range(model.rowCount(group))]
    [index] = [i for i in rows if i.data(ITEM_ROLE).record_id == review.id]
    page.view.scrollTo(index)
    opened: list[tuple[str, str, str]] = []
    page.record_opened.connect(lambda *args: opened.append(args))
    QTest.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center()
    )
    assert opened == [(project.id, AREA_ISSUES, review.id)]


def test_an_overdue_progress_summary_is_red_like_an_overdue_commitment(qtbot) -> None:
    """Today showed "1 day overdue" of a commitment in red and "59 days overdue" of a summary in
    plain text, as if the older debt to the client mattered less."""
    summaries = tuple(
        AttentionItem(
            kind=AttentionKind.SUMMARY_DUE,
            project_id=f"p{n}",
            project_code=f"DD-{n}",
            project_name="MES",
            record_id=f"p{n}",
            ref="",
            title="Progress summary",
            due=due,
        )
        for n, due in enumerate((date(2026, 1, 16), TODAY))
    )
    model = AttentionModel()
    model.set_report(AttentionReport(items=summaries, totals={AttentionKind.SUMMARY_DUE: 2}, today=TODAY))
    group = model.index(0, 0)
    late, today = model.index(0, DETAIL, group), model.index(1, DETAIL, group)
    assert (late.data(), today.data()) == ("59 day(s) overdue", "due today")
    assert late.data(Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert today.data(Qt.ItemDataRole.ForegroundRole) is None
