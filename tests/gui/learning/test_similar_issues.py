"""Logging an issue shows similar issues at other clients (same category, similar words) with how
they were resolved; a double-click opens the other client's issue in the main window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from deliverydesk.domain.recurrence import SimilarIssue
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.base import AREA_ISSUES
from deliverydesk.gui.pages.project.issues import IssuesPage
from deliverydesk.gui.widgets.similar_issues import SimilarIssuesPanel
from deliverydesk.services.records.issues import list_issues
from deliverydesk.services.records.projects import get_project_by_code
from tests.gui.conftest import wait_idle


def _rows(panel: SimilarIssuesPanel) -> list[SimilarIssue]:
    return [panel.model.row_item(row) for row in range(panel.model.rowCount())]


def test_log_an_issue_and_see_the_similar_issue_from_another_client(qtbot, demo_env: GuiEnv) -> None:
    window = MainWindow(demo_env)
    qtbot.addWidget(window)
    project = get_project_by_code(demo_env.ctx, "DD-2026-014")
    window.open_record(project.id, AREA_ISSUES, "")
    wait_idle(qtbot, demo_env.tasks)
    page = window.workspace.page_for(AREA_ISSUES)
    assert isinstance(page, IssuesPage)
    page.edit_issue(None)
    dialog = page.dialog
    panel = dialog.similar
    qtbot.keyClicks(dialog.title, "Lot codes truncated in the migration extract")
    dialog.category.setCurrentIndex(dialog.category.findText("Data migration"))
    qtbot.waitUntil(lambda: bool(_rows(panel)), timeout=10_000)
    found = {row.client_name: row for row in _rows(panel)}
    assert "Pacific Foods Ltd." in found and project.client_id not in {r.client_id for r in _rows(panel)}
    other = found["Pacific Foods Ltd."]
    assert "Pacific Foods Ltd." in panel.model.index(0, 0).data()
    dialog.accept()  # the new issue is logged; the similar one stays where it is
    wait_idle(qtbot, demo_env.tasks)
    titles = [i.title for i in list_issues(demo_env.ctx, project.id).rows]
    assert "Lot codes truncated in the migration extract" in titles
    index = next(panel.model.index(r, 0) for r in range(panel.model.rowCount()) if _rows(panel)[r] is other)
    panel.view.activated.emit(index)  # what a double-click or Enter does
    wait_idle(qtbot, demo_env.tasks)
    assert window.workspace.project_id == other.project_id


def test_searches_once_the_typing_pauses_and_drops_older_results(qtbot, env: GuiEnv) -> None:
    asked: list[tuple[str, str, str | None]] = []

    def search(title: str, symptoms: str, category_id: str | None) -> list[SimilarIssue]:
        asked.append((title, symptoms, category_id))
        return []

    panel = SimilarIssuesPanel(env, search)
    qtbot.addWidget(panel)
    for typed in ("L", "La", "Lab", "Label"):
        panel.update_query(typed, "", None)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    wait_idle(qtbot, env.tasks)
    assert asked == [("Label", "", None)]
    assert panel.view.model().rowCount() == 0 and panel.status.text()
    panel._activated(QModelIndex())  # nothing selected: nothing opens
