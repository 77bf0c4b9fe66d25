"""Dates that make sense in the dialogs: a baseline a year before the contract, or a slip longer than
the project, warns next to the field and holds the save until "Keep this date" is clicked once."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from deliverydesk.domain.drafts import MilestoneDraft, ProjectDraft, draft_from
from deliverydesk.gui.dialogs.records.milestone import MilestoneDialog, MoveMilestoneDialog
from deliverydesk.gui.pages.base import AREA_MILESTONES
from deliverydesk.gui.pages.project.milestones import MilestonesPage
from deliverydesk.services.records.milestones import create_milestone, get_milestone
from deliverydesk.services.records.projects import get_project, update_project
from tests.gui.project.conftest import Workbench, type_text


def _page(bench: Workbench) -> MilestonesPage:
    project = get_project(bench.env.ctx, bench.project_id)
    start = date(2026, 3, 1)
    update_project(
        bench.env.ctx,
        draft_from(ProjectDraft, project, start_date=start, end_date=start + timedelta(days=90)),
    )
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    return page


def test_a_baseline_a_year_before_the_contract_warns_and_keeps_with_one_click(bench: Workbench) -> None:
    page = _page(bench)
    page.edit_milestone(None)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    dialog.name.setText("SAT")
    dialog.baseline.edit.setText("2025-03-01")
    assert dialog.baseline.needs_confirmation()
    assert dialog.baseline.warning_label.text() == "This is 365 day(s) before the contract starts."
    assert dialog.baseline.keep_button.isVisibleTo(dialog)
    dialog.accept()
    bench.idle()
    assert dialog.isVisible(), "held: not saved silently"
    assert "looks unlikely" in dialog.field_error("baseline_date")
    assert dialog.focusWidget() is dialog.baseline.edit, "the field that holds the save has the focus"
    dialog.baseline.keep_button.click()
    assert not dialog.baseline.needs_confirmation() and dialog.baseline.warning_label.text().startswith(
        "Kept"
    )
    dialog.accept()
    bench.idle()
    assert not dialog.isVisible()
    (saved,) = page.panel.records
    assert saved.baseline_date == date(2025, 3, 1)


def test_a_slip_longer_than_the_project_warns_when_moving_the_date(bench: Workbench) -> None:
    page = _page(bench)
    item = create_milestone(
        bench.env.ctx, MilestoneDraft(project_id=bench.project_id, name="SAT", baseline_date=date(2026, 5, 1))
    )
    page.refresh()
    bench.idle()
    page.panel.select_record(item.id)
    page.move_current()
    dialog = page.dialog
    assert isinstance(dialog, MoveMilestoneDialog)
    dialog.forecast.edit.setText("2028-05-01")  # +502 working days on a 90-day contract
    assert "longer than the whole project" in dialog.forecast.warning_label.text()
    dialog.reason.setText("Client postponed")
    dialog.accept()
    assert dialog.isVisible()
    dialog.forecast.edit.setText("1/15")  # changed instead: the current year, January 15th
    assert dialog.forecast.understood.full_text().startswith("Thursday 15 January 2026")
    dialog.forecast.edit.setText("+5")
    assert not dialog.forecast.needs_confirmation()
    dialog.accept()
    bench.idle()
    assert get_milestone(bench.env.ctx, item.id).forecast_date == bench.env.ctx.today() + timedelta(days=5)


def test_typing_keys_and_today_in_the_date_field(bench: Workbench) -> None:
    page = _page(bench)
    page.edit_milestone(None)
    field = page.dialog.baseline
    field.edit.clear()
    type_text(field.edit, "15 Jan 2027")
    assert field.value() == date(2027, 1, 15), "not 15 Dec 2027"
    field.normalise()
    assert field.text() == "15 Jan 2027"
    field.edit.setCursorPosition(1)  # on the day
    for _ in range(17):
        bench.qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date(2027, 1, 1), "the day wrapped in January; the year never moved"
    field.edit.setCursorPosition(4)  # on the month
    bench.qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.value() == date(2027, 12, 1)
    field.edit.setText("2027年3月5日")
    assert field.value() == date(2027, 3, 5)
    field.edit.setText("not a date")
    assert not field.is_readable() and "Not a date" in field.understood.full_text()
    field.today_button.click()
    assert field.value() == bench.env.ctx.today()
    page.dialog.discard()


def test_saving_with_no_date_in_a_date_field_says_so_once(bench: Workbench) -> None:
    """30 February typed and Save clicked: the field's own hint names what it takes; the message under
    it repeated that hint word for word ("Not a date: try 15 Jan 2027…" over "Type a date, e.g. 15 Jan
    2027…"), in English and Chinese alike."""
    page = _page(bench)
    page.edit_milestone(None)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    dialog.name.setText("SAT")
    dialog.baseline.edit.setText("2026/02/30")
    dialog.accept()
    error = dialog.findChild(QLabel, "error_baseline_date")
    assert dialog.isVisible() and error is not None and error.isVisibleTo(dialog)
    hint = dialog.baseline.understood.full_text()
    assert "Not a date" in hint and "15 Jan 2027" not in error.text()
    assert error.text() == "Not saved: correct this date first."
    dialog.discard()


def _centre_y(widget, dialog) -> int:
    return widget.mapTo(dialog, widget.rect().center()).y()


def test_an_optional_date_keeps_its_box_on_the_dates_line(bench: Workbench) -> None:
    """With a warning under the forecast, its Set box stays on the date's line (it sat halfway down
    the warning, below the row's label); an unset date keeps its calendar button next to the text."""
    page = _page(bench)
    page.edit_milestone(None)
    dialog = page.dialog
    assert isinstance(dialog, MilestoneDialog)
    dialog.show()
    bench.qtbot.waitExposed(dialog)
    dialog.baseline.edit.setText("2026/3/2")
    dialog.forecast.check.setChecked(True)
    dialog.forecast.edit.edit.setText("2026/12/1")  # a slip longer than the project: a warning
    bench.qtbot.waitUntil(lambda: dialog.forecast.edit.warning_box.isVisible())
    forecast = dialog.forecast
    bench.qtbot.waitUntil(lambda: forecast.height() > forecast.check.height() * 2)  # laid out
    assert abs(_centre_y(forecast.check, dialog) - _centre_y(forecast.edit.edit, dialog)) <= 2
    label = dialog.form.labelForField(forecast.parentWidget())
    assert abs(_centre_y(forecast.check, dialog) - _centre_y(label, dialog)) <= 3
    actual = dialog.actual.edit
    assert not dialog.actual.check.isChecked()
    assert actual.pick.x() - actual.edit.geometry().right() <= 12, "the calendar button by its text"
    dialog.discard()
