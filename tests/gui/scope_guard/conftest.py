"""Scope-guard GUI fixtures: a shown workspace on a new project (goodwill budget 10 h, 200 h contracted)."""

from __future__ import annotations

import pytest

from deliverydesk.domain.drafts import SettingsDraft
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.records.settings import update_settings
from tests.gui.project.conftest import Workbench, create_project_through_dialog, open_bench


@pytest.fixture
def bench(qtbot, env: GuiEnv) -> Workbench:
    project_id = create_project_through_dialog(qtbot, env)
    return open_bench(qtbot, env, project_id)


def name_yourself(bench: Workbench, name: str = "Zhang") -> None:
    """You decide (never typed): your name in Settings, the roster's person who uses this machine."""
    update_settings(bench.env.ctx, SettingsDraft(engineer_name=name))
