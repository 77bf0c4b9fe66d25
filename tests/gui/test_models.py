"""Qt models fed rows without a database or a window: qtmodeltester, paging, sort requests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from deliverydesk.domain.attention import AttentionItem, AttentionKind, AttentionReport
from deliverydesk.domain.enums import Language, ProjectStatus
from deliverydesk.domain.models import ProjectSummary
from deliverydesk.gui.models.attention import DETAIL, ITEM_ROLE, URGENT, WHEN, AttentionModel
from deliverydesk.gui.models.projects import CODE, NAME, NEXT_MILESTONE, ProjectListModel

TODAY = date(2026, 3, 16)


def summary(n: int, **changes) -> ProjectSummary:
    values = {
        "id": f"id-{n}",
        "code": f"DD-2026-{n:03d}",
        "name": f"项目 <b>{n}</b>",
        "client_id": "c",
        "client_name": "华东精密",
        "status": ProjectStatus.ACTIVE,
        "language": Language.ZH_CN,
        "start_date": None,
        "end_date": None,
        "next_milestone_name": "Go-live",
        "next_milestone_date": TODAY,
        "slip_days": 3,
        "overdue_milestones": 1,
        "waiting_on_client": 0,
        "pending_decisions": 2,
        "archived_at": None,
    }
    values.update(changes)
    return ProjectSummary(**values)


def test_project_model_is_fed_pages_and_asks_for_more(qtmodeltester) -> None:
    model = ProjectListModel()
    wanted: list[int] = []
    model.more_wanted.connect(wanted.append)
    model.set_rows([summary(n) for n in range(3)], total=5)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # a second request while the first is out is not sent
    assert wanted == [3]
    model.append_rows([summary(3), summary(4)], total=5)
    assert model.rowCount() == 5 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_project_model_shows_text_literally_and_marks_slips(qtmodeltester) -> None:
    model = ProjectListModel()
    model.set_rows(
        [
            summary(1),
            summary(2, slip_days=None, next_milestone_name=None, overdue_milestones=0, pending_decisions=0),
        ]
    )
    assert model.index(0, NAME).data() == "项目 <b>1</b>"
    assert model.index(0, CODE).data() == "DD-2026-001"
    assert "3" in model.index(0, NEXT_MILESTONE).data()
    assert model.index(0, NEXT_MILESTONE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, NEXT_MILESTONE).data() == ""
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None
    qtmodeltester.check(model)


def test_header_click_asks_for_sql_sorting() -> None:
    model = ProjectListModel()
    asked: list[tuple[int, bool]] = []
    model.sort_wanted.connect(lambda column, descending: asked.append((column, descending)))
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert asked == [(NAME, True)]


def item(kind: AttentionKind, n: int, **changes) -> AttentionItem:
    values = {
        "kind": kind,
        "project_id": f"p{n}",
        "project_code": f"DD-{n}",
        "project_name": "MES 二期",
        "record_id": f"r{n}",
        "ref": f"M-{n}",
        "title": "<i>go-live</i>",
        "due": date(2026, 3, 10),
    }
    values.update(changes)
    return AttentionItem(**values)


def test_attention_model_groups_by_kind(qtmodeltester) -> None:
    model = AttentionModel()
    report = AttentionReport(
        items=(
            item(AttentionKind.DECISION_PENDING, 1, ref="CR-1"),
            item(AttentionKind.OVERDUE_MILESTONE, 2, days_late=4),
            item(AttentionKind.OVERDUE_MILESTONE, 3, days_late=1),
            item(AttentionKind.SUMMARY_DUE, 4, record_id=None, ref="", title=""),
        ),
        totals={AttentionKind.OVERDUE_MILESTONE: 7, AttentionKind.DECISION_PENDING: 1},
        today=TODAY,
    )
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # overdue, decisions, summaries (in that order)
    overdue = model.index(0, 0)
    assert "2 of 7" in overdue.data()
    assert model.rowCount(overdue) == 2
    first = model.index(0, 0, overdue)
    assert first.data(ITEM_ROLE).ref == "M-2"
    assert first.data() == "M-2  <i>go-live</i>"
    assert "4" in model.index(0, 3, overdue).data()
    assert model.item_count() == 4
    model.set_report(AttentionReport(items=(), today=TODAY))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_attention_model_lists_a_column_s_texts_as_data_shows_them() -> None:
    """``column_texts`` (what fitting Today's columns reads) is ``data``'s text, cell for cell."""
    model = AttentionModel()
    kinds = (AttentionKind.DECISION_PENDING, AttentionKind.OVERDUE_MILESTONE, AttentionKind.SUMMARY_DUE)
    items = tuple(item(kinds[n % 3], n, days_late=n, due=date(2026, 3, n + 1)) for n in range(9))
    model.set_report(AttentionReport(items=items, totals={AttentionKind.SUMMARY_DUE: 5}, today=TODAY))
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    for parent in [*groups, model.index(0, 0)]:
        for column in range(model.columnCount() + 1):
            shown = [model.index(row, column, parent).data() or "" for row in range(model.rowCount(parent))]
            assert model.column_texts(column, parent) == shown, (parent.row(), column)
    for column in range(model.columnCount()):
        assert model.column_texts(column) == [group.siblingAtColumn(column).data() or "" for group in groups]
    assert "showing 3 of 5" in model.column_texts(0)[2]
    assert model.column_texts(1, model.index(0, 0, groups[0])) == []  # an item has no rows under it


def test_attention_model_details_count_days() -> None:
    model = AttentionModel()
    model.set_report(
        AttentionReport(items=(item(AttentionKind.DECISION_PENDING, 1, due=date(2026, 3, 11)),), today=TODAY)
    )
    group = model.index(0, 0)
    assert "5" in model.index(0, 3, group).data()
    assert datetime.now(UTC)  # the model never reads the clock: "today" comes with the report


def test_a_late_detail_is_drawn_in_the_urgent_colour() -> None:
    """The model gives the colour; Qt's delegate turns it into the text's brush."""
    model = AttentionModel()
    model.set_report(
        AttentionReport(items=(item(AttentionKind.OVERDUE_MILESTONE, 1, days_late=2),), today=TODAY)
    )
    late = model.index(0, DETAIL, model.index(0, 0))
    for cell, urgent in ((late, True), (late.siblingAtColumn(WHEN), False)):
        option = QStyleOptionViewItem()
        QStyledItemDelegate().initStyleOption(option, cell)
        assert (option.palette.color(QPalette.ColorRole.Text) == URGENT) is urgent


def test_a_letter_issued_today_says_today_not_zero_days() -> None:
    model = AttentionModel()
    letters = (
        item(AttentionKind.LETTER_UNSIGNED, 1, due=TODAY),
        item(AttentionKind.LETTER_UNSIGNED, 2, due=date(2026, 3, 13)),
    )
    model.set_report(AttentionReport(items=letters, today=TODAY))
    group = model.index(0, 0)
    details = {model.index(row, 3, group).data() for row in range(2)}
    assert details == {"issued today, not signed", "issued 3 day(s) ago, not signed"}


def test_a_request_waiting_since_today_says_today_not_zero_days() -> None:
    """An ask captured today, or a decision held for a manager today: not "waiting 0 day(s)"."""
    model = AttentionModel()
    waiting = (
        item(AttentionKind.DECISION_PENDING, 1, due=TODAY),
        item(AttentionKind.APPROVAL_PENDING, 2, due=TODAY),
        item(AttentionKind.APPROVAL_PENDING, 3, due=date(2026, 3, 14)),
    )
    model.set_report(AttentionReport(items=waiting, today=TODAY))
    details = {
        model.index(row, 3, group).data()
        for group in (model.index(0, 0), model.index(1, 0))
        for row in range(model.rowCount(group))
    }
    assert details == {
        "asked today, waiting for your decision",
        "above your authority, held today",
        "above your authority, waiting 2 day(s)",
    }
