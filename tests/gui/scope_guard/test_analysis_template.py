"""The change-request editor's Client's view tab asks the template's guiding questions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel

from deliverydesk.domain.enums import Language
from deliverydesk.gui.dialogs.records.change_request import ChangeRequestDialog
from deliverydesk.gui.env import GuiEnv
from tests.gui.project.conftest import Workbench


@pytest.mark.parametrize(
    ("language", "question", "hint"),
    [
        (Language.EN, "What does the client gain?", "Which goal of theirs does it serve"),
        (Language.ZH_CN, "客户能获得什么收益", "它服务于客户的哪个目标"),
    ],
)
def test_each_analysis_field_shows_its_question_and_hint(
    qtbot, bench: Workbench, language: str, question: str, hint: str
) -> None:
    env: GuiEnv = replace(bench.env, language=language)
    dialog = ChangeRequestDialog(env, bench.project_id, None, "CR-1")
    qtbot.addWidget(dialog)
    benefit = dialog.client_benefit
    assert question in benefit.placeholderText() and hint in benefit.placeholderText()
    (caption,) = [shown for shown in dialog.findChildren(QLabel) if shown.buddy() is benefit]
    assert caption.text() == dialog.tr("Benefit to the client") and question in caption.toolTip()
    for name in ("client_cost", "risks", "alternatives", "recommendation"):
        assert dialog.field_widgets[name].placeholderText(), name
    assert benefit.toPlainText() == "", "the guide is a placeholder, never saved text"
