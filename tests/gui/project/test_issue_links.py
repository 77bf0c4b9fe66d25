"""An issue shows what links to it (log entries, change requests that arose from it); a change request
picks its category from the taxonomy and the issue of its project that gave rise to it."""

from __future__ import annotations

from datetime import timedelta

from deliverydesk.domain.drafts import ChangeRequestDraft, IssueDraft, LogEntryDraft
from deliverydesk.domain.enums import Language
from deliverydesk.gui.dialogs.records.category_combo import CategoryCombo
from deliverydesk.gui.dialogs.records.change_request import ChangeRequestDialog
from deliverydesk.gui.dialogs.records.issue import IssueDialog
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_ISSUES
from deliverydesk.gui.pages.project.change_requests import ChangeRequestsPage
from deliverydesk.gui.pages.project.issues import IssuesPage
from deliverydesk.services.records.categories import list_categories
from deliverydesk.services.records.issues import create_issue
from deliverydesk.services.records.log import add_log_entry
from deliverydesk.services.scope_guard.change_requests import create_change_request, get_change_request
from tests.gui.project.conftest import Workbench, type_text


def _lines(dialog: IssueDialog) -> list[str]:
    return [dialog.links.item(row).text() for row in range(dialog.links.count())]


def test_the_issue_dialog_lists_the_records_linked_to_it(bench: Workbench) -> None:
    ctx, pid = bench.env.ctx, bench.project_id
    issue = create_issue(ctx, IssueDraft(project_id=pid, title="Gateway drops", reported_on=ctx.today()))
    create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=pid, title="Second gateway", requested_on=ctx.today(), issue_id=issue.id
        ),
    )
    when = ctx.now() - timedelta(hours=1)
    add_log_entry(
        ctx, LogEntryDraft(project_id=pid, occurred_at=when, summary="王工 called", issue_id=issue.id)
    )
    page = bench.page(AREA_ISSUES)
    assert isinstance(page, IssuesPage)
    page.edit_issue(page.issues.records[0])
    dialog = page.dialog
    assert isinstance(dialog, IssueDialog)
    bench.idle()
    lines = _lines(dialog)
    assert len(lines) == 2
    assert lines[0].startswith("CR-1 Second gateway") and "王工 called" in lines[1]
    dialog.reject()


def test_a_new_issue_has_no_links_yet(bench: Workbench) -> None:
    page = bench.page(AREA_ISSUES)
    assert isinstance(page, IssuesPage)
    page.issues.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, IssueDialog)
    assert _lines(dialog) == ["Nothing links to this issue yet."]
    dialog.reject()


def test_a_change_request_takes_a_category_and_the_issue_it_arose_from(bench: Workbench) -> None:
    ctx, pid = bench.env.ctx, bench.project_id
    issue = create_issue(ctx, IssueDraft(project_id=pid, title="Slow reports", reported_on=ctx.today()))
    page = bench.page(AREA_CHANGE_REQUESTS)
    assert isinstance(page, ChangeRequestsPage)
    page.panel.new_wanted.emit()
    dialog = page.dialog
    assert isinstance(dialog, ChangeRequestDialog)
    type_text(dialog.title, "Faster reports")
    dialog.issue.setCurrentIndex(dialog.issue.findData(issue.id))
    type_text(dialog.category.lineEdit(), "no such category")
    dialog.accept()
    assert dialog.isVisible() and "Pick a category" in dialog.field_error("category_id")
    dialog.category.lineEdit().clear()
    type_text(dialog.category.lineEdit(), "报表与看板")  # the Chinese name works in English too
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible(), dialog.message_bar.text()
    saved = get_change_request(ctx, dialog.result_value.id)
    reports = next(c for c in list_categories(ctx) if c.name_en == "Reports and dashboards")
    assert (saved.issue_id, saved.category_id) == (issue.id, reports.id)


def test_the_category_list_is_in_pinyin_order_in_chinese(bench: Workbench) -> None:
    combo = CategoryCombo(bench.workspace, list_categories(bench.env.ctx), Language.ZH_CN, None)
    names = [combo.itemText(row) for row in range(1, combo.count())]
    assert names[:3] == ["报表与看板", "集成接口", "培训与文档"]  # bao, ji, pei: not code-point order
    assert combo.category_id() is None  # nothing chosen: no category
