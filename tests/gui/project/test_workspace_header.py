"""The workspace title follows the project: renamed through "Edit project…", it shows the new name."""

from __future__ import annotations

from deliverydesk.gui.dialogs.records.client import ProjectDialog
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.project.overview import OverviewPage
from tests.gui.project.conftest import Workbench


def test_renaming_the_project_updates_the_workspace_title(bench: Workbench) -> None:
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    assert bench.workspace.title.text() == "DD-2026-100  Line 4 commissioning"
    page.edit_project_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ProjectDialog)
    dialog.name.setText("Line 5 <b>retrofit</b> 改造")
    dialog.code.setText("DD-2026-101")
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    bench.idle()
    assert bench.workspace.title.text() == "DD-2026-101  Line 5 <b>retrofit</b> 改造"
