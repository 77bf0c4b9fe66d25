"""Fixtures for the project pages: a workspace on a project created through the New-project dialog,
typing helpers (Chinese per character) and an archive confirmation the tests answer."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.gui.dialogs.new_project import NewProjectDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project import panel as panel_module
from deliverydesk.gui.pages.workspace import ProjectWorkspace
from tests.gui.conftest import wait_idle


def type_text(widget: QWidget, text: str) -> None:
    """Per character: qtbot.keyClicks aborts on non-ASCII text (Qt assertion in qasciikey.cpp)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@dataclass
class Confirmations:
    """Stands in for the archive question: records what was asked and answers ``answer``."""

    answer: bool = True
    asked: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget, what: str) -> bool:
        self.asked.append(what)
        return self.answer


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> Confirmations:
    answers = Confirmations()
    monkeypatch.setattr(panel_module, "confirm_archive", answers)
    return answers


def create_project_through_dialog(qtbot, env: GuiEnv, code: str = "DD-2026-100") -> str:
    """A new client typed into the New-project dialog, and its project; returns the project id."""
    dialog = NewProjectDialog(env, [], env.ctx.today(), Language.ZH_CN)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.client.lineEdit(), "Acme Foods")
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClicks(dialog.name, "Line 4 commissioning")
    dialog.goodwill.setValue(10)
    dialog.effort.setValue(200)
    dialog.accept()
    assert dialog.result_value is not None, dialog.message_bar.text()
    return str(dialog.result_value.id)


@dataclass
class Workbench:
    """A shown workspace on one project, with helpers to reach its pages."""

    qtbot: object
    env: GuiEnv
    workspace: ProjectWorkspace
    project_id: str

    def page(self, area: str) -> ProjectPage:
        page = self.workspace.page_for(area)
        assert page is not None, area
        self.workspace.open_record(area, "")
        self.idle()
        return page

    def idle(self) -> None:
        wait_idle(self.qtbot, self.env.tasks)


@pytest.fixture
def bench(qtbot, env: GuiEnv) -> Workbench:
    project_id = create_project_through_dialog(qtbot, env)
    return open_bench(qtbot, env, project_id)


def open_bench(qtbot, env: GuiEnv, project_id: str) -> Workbench:
    workspace = ProjectWorkspace(env)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 700)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.set_project(project_id)
    bench = Workbench(qtbot, env, workspace, project_id)
    bench.idle()
    return bench
