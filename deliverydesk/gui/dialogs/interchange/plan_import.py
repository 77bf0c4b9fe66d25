"""File ▸ Import ▸ Microsoft Project…: choose an MSPDI plan, see what it changes (milestones, tasks that
may become scope items, non-working days), tick the tasks to import as scope items, import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from deliverydesk.gui.dialogs.interchange.base import ImportDialog
from deliverydesk.gui.dialogs.interchange.preview_model import ImportPreviewModel
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.interchange.changes import ImportOutcome
from deliverydesk.services.interchange.msproject import (
    PlanChoices,
    PlanFile,
    import_plan,
    preview_plan_import,
    read_plan,
)


class PlanImportDialog(ImportDialog):
    def __init__(self, env: GuiEnv, project_id: str, parent: QWidget | None = None) -> None:
        super().__init__(
            env,
            project_id,
            self.tr("Import a Microsoft Project plan"),
            self.tr("Microsoft Project XML (*.xml)"),
            parent,
        )
        self.setObjectName("planImportDialog")
        self.plan: PlanFile | None = None
        self.chosen: set[int] = set()
        intro = QLabel(
            self.tr(
                "Milestones of the plan become milestones (baseline from the plan's baseline, forecast from "
                "its finish, actual from its actual finish); tick the tasks that should become scope items. "
                "The plan's calendar exceptions become the project's extra non-working days. Importing the "
                "same plan again updates what it brought in; issued letters never change."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.all_tasks = QCheckBox(self.tr("Import every task as a scope item"), self)
        self.all_tasks.toggled.connect(self._all_tasks_toggled)
        row = QHBoxLayout()
        row.addWidget(self.all_tasks)
        row.addStretch(1)
        self.controls.addWidget(intro)
        self.controls.addLayout(row)
        self.model.choice_toggled.connect(self._toggled)

    def _all_tasks_toggled(self, _on: bool) -> None:
        self.refresh_preview()

    def make_model(self) -> ImportPreviewModel:
        return ImportPreviewModel(
            self.tr("UID"), (self.tr("Baseline"), self.tr("Forecast"), self.tr("Actual")), self
        )

    def read(self, path: Path) -> Callable[[], Any]:
        return lambda: read_plan(path)

    def file_read(self, result: Any) -> None:
        self.plan = result
        self.chosen.clear()
        self.refresh_preview()

    def _toggled(self, key: str, chosen: bool) -> None:
        (self.chosen.add if chosen else self.chosen.discard)(int(key))
        self.refresh_preview()

    def choices(self) -> PlanChoices:
        return PlanChoices(frozenset(self.chosen), self.all_tasks.isChecked())

    def preview(self) -> Callable[[], ImportOutcome] | None:
        if self.plan is None:
            return None
        ctx, project_id, plan, choices = self.env.ctx, self.project_id, self.plan, self.choices()
        return lambda: preview_plan_import(ctx, project_id, plan, choices)

    def import_now(self) -> Callable[[], ImportOutcome] | None:
        if self.plan is None:
            return None
        ctx, project_id, plan, choices = self.env.ctx, self.project_id, self.plan, self.choices()
        return lambda: import_plan(ctx, project_id, plan, choices)
