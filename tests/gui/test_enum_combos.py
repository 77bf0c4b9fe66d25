"""Enum choices give the member back: the drafts New project and Settings build carry enum members
(Qt would hand a StrEnum back as a plain str), whichever entry was picked."""

from __future__ import annotations

from deliverydesk.domain.enums import Language, PaperSize, ProjectStatus
from deliverydesk.gui.dialogs.new_project import NewProjectDialog
from deliverydesk.gui.dialogs.settings import SettingsDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import EnumCombo, enum_combo
from deliverydesk.services.records.settings import get_settings


def test_the_combo_returns_members_and_starts_on_the_current_one(qtbot) -> None:
    combo = enum_combo(None, ProjectStatus, ProjectStatus.ON_HOLD)
    qtbot.addWidget(combo)
    assert combo.currentData() is ProjectStatus.ON_HOLD
    assert [combo.itemData(i) for i in range(combo.count())] == [m.value for m in ProjectStatus]
    combo.set_value(ProjectStatus.CLOSED)
    assert combo.currentData() is ProjectStatus.CLOSED


def test_the_new_project_draft_carries_enum_members(qtbot, env: GuiEnv) -> None:
    dialog = NewProjectDialog(env, [], env.ctx.today(), Language.ZH_CN)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.status, EnumCombo)
    dialog.status.set_value(ProjectStatus.ON_HOLD)
    draft = dialog._draft(client_id="client")
    assert draft.status is ProjectStatus.ON_HOLD
    assert draft.language is Language.ZH_CN
    dialog.language.set_value(Language.EN)
    assert dialog._draft(client_id="client").language is Language.EN


def test_the_settings_draft_carries_enum_members(qtbot, env: GuiEnv) -> None:
    dialog = SettingsDialog(env, get_settings(env.ctx))
    qtbot.addWidget(dialog)
    dialog.default_language.set_value(Language.ZH_CN)
    dialog.paper_size.set_value(PaperSize.LETTER)
    draft = dialog.draft()
    assert draft.default_language is Language.ZH_CN
    assert draft.paper_size is PaperSize.LETTER
