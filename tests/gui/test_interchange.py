"""File ▸ Import ▸ Microsoft Project… and Scope from a spreadsheet…, File ▸ Export ▸ Calendar file: the
preview dialogs driven as a user would (no file dialog: ``open_file`` is what choosing a file calls)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu

from deliverydesk.gui.dialogs.interchange.calendar_export import CalendarExportDialog
from deliverydesk.gui.dialogs.interchange.plan_import import PlanImportDialog
from deliverydesk.gui.dialogs.interchange.preview_model import ImportPreviewModel
from deliverydesk.gui.dialogs.interchange.scope_import import ScopeImportDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.services.interchange.changes import Action, Kind, Line
from deliverydesk.services.records.milestones import list_milestone_changes, list_milestones
from deliverydesk.services.records.projects import get_project_by_code
from deliverydesk.services.records.scope import list_scope_items
from tests.gui.conftest import wait_idle

DATA = Path(__file__).resolve().parents[1] / "data" / "interchange"
CODE = "DD-2026-014"


def _row(dialog: PlanImportDialog | ScopeImportDialog, key: str) -> int:
    return next(r for r in range(dialog.model.rowCount()) if dialog.model.row_item(r).key == key)


def _cell(dialog: PlanImportDialog | ScopeImportDialog, key: str, column: int) -> str:
    return str(dialog.model.index(_row(dialog, key), column).data())


def test_the_plan_preview_lets_tasks_be_chosen_then_imports(qtbot, demo_env: GuiEnv) -> None:
    project = get_project_by_code(demo_env.ctx, CODE)
    before = len(list_milestones(demo_env.ctx, project.id).rows)
    dialog = PlanImportDialog(demo_env, project.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(DATA / "msproject_plan.xml")
    wait_idle(qtbot, demo_env.tasks)

    assert _cell(dialog, "3", 3) == "Design signed off" and _cell(dialog, "3", 7).startswith("New")
    assert _cell(dialog, "2", 7) == "Not imported"  # a task, not chosen
    assert dialog.import_button.isEnabled()
    task = dialog.model.index(_row(dialog, "5"), 0)
    assert task.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.model.setData(task, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    wait_idle(qtbot, demo_env.tasks)
    assert _cell(dialog, "5", 2) == "Scope item" and _cell(dialog, "5", 7).startswith("New")
    assert "9 new" in dialog.summary.text() and "Make-up working Saturday" in dialog.summary.text()

    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    wait_idle(qtbot, demo_env.tasks)
    assert len(list_milestones(demo_env.ctx, project.id).rows) == before + 3
    assert any(
        s.title.startswith("ERP interface (work orders")
        for s in list_scope_items(demo_env.ctx, project.id).rows
    )
    assert not dialog.isVisible()


def test_a_refused_plan_shows_why_and_imports_nothing(qtbot, demo_env: GuiEnv, tmp_path: Path) -> None:
    project = get_project_by_code(demo_env.ctx, CODE)
    hostile = tmp_path / "plan.xml"
    hostile.write_text(
        '<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]><Project>&e;</Project>', encoding="utf-8"
    )
    dialog = PlanImportDialog(demo_env, project.id)
    qtbot.addWidget(dialog)
    dialog.open_file(hostile)
    wait_idle(qtbot, demo_env.tasks)
    assert "DTD or entities" in dialog.message_bar.text() and not dialog.import_button.isEnabled()
    assert dialog.model.rowCount() == 0


def test_the_scope_preview_gives_a_verdict_per_row_and_refuses_all_or_nothing(
    qtbot, demo_env: GuiEnv
) -> None:
    project = get_project_by_code(demo_env.ctx, CODE)
    dialog = ScopeImportDialog(demo_env, project.id)
    qtbot.addWidget(dialog)
    dialog.open_file(DATA / "scope_en_bom.csv")
    wait_idle(qtbot, demo_env.tasks)

    assert dialog.encoding.text() == "CSV, UTF-8 with BOM"
    assert dialog.columns["title"].currentData() == "Deliverable"
    assert _cell(dialog, "6", 6) == "row 6: the due date 31/02 does not exist"
    assert dialog.model.index(_row(dialog, "6"), 6).data(Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert "6 row(s) cannot be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_scope_dialog_chooses_a_sheet_maps_columns_and_imports(qtbot, demo_env: GuiEnv) -> None:
    project = get_project_by_code(demo_env.ctx, "DD-2026-018")
    dialog = ScopeImportDialog(demo_env, project.id)
    qtbot.addWidget(dialog)
    dialog.open_file(DATA / "scope_lists.xlsx")
    wait_idle(qtbot, demo_env.tasks)
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == [
        "Cover",
        "Scope EN",
        "范围 中文",
    ]

    dialog.sheet.setCurrentIndex(2)
    wait_idle(qtbot, demo_env.tasks)
    assert dialog.columns["title"].currentData() == "交付物"  # recognised from the Chinese headers
    dialog.columns["description"].setCurrentIndex(0)  # (none): the description is not imported
    wait_idle(qtbot, demo_env.tasks)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    wait_idle(qtbot, demo_env.tasks)
    item = next(s for s in list_scope_items(demo_env.ctx, project.id).rows if s.title == "温湿度监控系统部署")
    assert (item.description, item.effort_hours) == ("", 96.0)
    milestone = next(m for m in list_milestones(demo_env.ctx, project.id).rows if m.name == "系统验收")
    assert milestone.baseline_date == date(2026, 6, 12) and not list_milestone_changes(
        demo_env.ctx, milestone.id
    )


def test_the_preview_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ImportPreviewModel("UID", ("Baseline",))
    model.set_rows(
        [
            Line("1", Kind.MILESTONE, "M", Action.NEW, first_date=date(2026, 3, 2)),
            Line("2", Kind.TASK, "T", Action.SKIPPED, choosable=True),
            Line("3", Kind.SCOPE_ITEM, "S", Action.ERROR, message="row 3: the title is empty"),
        ]
    )
    qtmodeltester.check(model)


def test_the_file_menu_has_import_and_export_and_the_calendar_exports(
    qtbot, demo_env: GuiEnv, tmp_path: Path, monkeypatch
) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    imports = window.findChild(QMenu, "importMenu")
    exports = window.findChild(QMenu, "exportMenu")
    assert [a.text() for a in imports.actions()] == [
        "Project &bundle…",
        "&Microsoft Project…",
        "&Scope from a spreadsheet…",
    ]
    assert [a.text() for a in exports.actions()] == ["&Microsoft Project…", "&Calendar file (iCalendar)…"]

    out = tmp_path / "all.ics"
    monkeypatch.setattr(
        "deliverydesk.gui.dialogs.interchange.calendar_export.ask_export_path", lambda *a, **k: out
    )
    window.interchange.export_calendar()
    dialog = window.interchange.dialog
    assert isinstance(dialog, CalendarExportDialog) and dialog.every_project.isChecked()  # no project open
    dialog.accept()
    wait_idle(qtbot, demo_env.tasks)
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert len(events) >= 10
    window.close()


def test_a_calendar_export_with_no_file_chosen_says_so_and_stays_open(
    qtbot, demo_env: GuiEnv, monkeypatch
) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    monkeypatch.setattr(
        "deliverydesk.gui.dialogs.interchange.calendar_export.ask_export_path", lambda *a, **k: None
    )
    window.interchange.export_calendar()
    dialog = window.interchange.dialog
    assert isinstance(dialog, CalendarExportDialog)
    dialog.accept()  # the dialog's own sentence (Qt's tr) in a ValidationError: shown as it is
    shown = [label.text() for label in dialog.findChildren(QLabel) if not label.isHidden()]
    assert "Choose where to save the calendar file." in [*shown, dialog.message_bar.text()]
    assert dialog.isVisible()
    window.close()
