"""File ▸ Import ▸ Scope from a spreadsheet…: choose a CSV or XLSX list, the sheet, which column holds
what (remembered for the client), see a verdict for every row, then import all of them or none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from deliverydesk.gui.dialogs.interchange.base import ImportDialog
from deliverydesk.gui.dialogs.interchange.preview_model import ImportPreviewModel
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.interchange.changes import ImportOutcome
from deliverydesk.services.interchange.scope_import import (
    ScopeRequest,
    import_scope,
    mapping_for,
    preview_scope_import,
    read_spreadsheet,
)
from deliverydesk.services.interchange.scope_rows import FIELDS, RowKind
from deliverydesk.services.interchange.sheets import Table


def field_label(field: str) -> str:
    labels = {
        "kind": QCoreApplication.translate("ScopeImportDialog", "Kind"),
        "title": QCoreApplication.translate("ScopeImportDialog", "Title (required)"),
        "description": QCoreApplication.translate("ScopeImportDialog", "Description"),
        "acceptance": QCoreApplication.translate("ScopeImportDialog", "Acceptance criteria"),
        "effort": QCoreApplication.translate("ScopeImportDialog", "Effort (hours)"),
        "due": QCoreApplication.translate("ScopeImportDialog", "Due date"),
    }
    return labels[field]


class ScopeImportDialog(ImportDialog):
    def __init__(self, env: GuiEnv, project_id: str, parent: QWidget | None = None) -> None:
        super().__init__(
            env,
            project_id,
            self.tr("Import scope from a spreadsheet"),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
            parent,
        )
        self.setObjectName("scopeImportDialog")
        self.table_data: Table | None = None
        self._filling = False
        self.sheet = QComboBox(self)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.default_kind = QComboBox(self)
        for kind, text in (
            (RowKind.SCOPE, self.tr("Scope items")),
            (RowKind.EXCLUSION, self.tr("Exclusions")),
            (RowKind.MILESTONE, self.tr("Milestones")),
        ):
            self.default_kind.addItem(text, kind.value)
        self.default_kind.currentIndexChanged.connect(self._mapping_changed)
        self.encoding = QLabel(self)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Sheet"), self), 0, 0)
        grid.addWidget(self.sheet, 0, 1)
        grid.addWidget(QLabel(self.tr("Rows without a kind are"), self), 0, 2)
        grid.addWidget(self.default_kind, 0, 3)
        grid.addWidget(self.encoding, 0, 4, 1, 2)
        self.columns: dict[str, QComboBox] = {}
        for position, field in enumerate(FIELDS):
            combo = QComboBox(self)
            combo.setObjectName(f"column_{field}")
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns[field] = combo
            row, column = 1 + position // 3, (position % 3) * 2
            grid.addWidget(QLabel(field_label(field), self), row, column)
            grid.addWidget(combo, row, column + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        hint = QLabel(
            self.tr(
                "Which column holds what is remembered for this client. Dates: a date cell, 2026-03-31, "
                "2026年3月31日 or 31/03/2026 (day first). Nothing is imported until every row can be."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.controls.addLayout(grid)
        self.controls.addWidget(hint)

    def make_model(self) -> ImportPreviewModel:
        return ImportPreviewModel(self.tr("Row"), (self.tr("Due date"),), self)

    # --- reading -----------------------------------------------------------------------------------
    def read(self, path: Path, sheet: str | None = None) -> Callable[[], Any]:
        ctx, project_id = self.env.ctx, self.project_id

        def job() -> tuple[Table, dict[str, str]]:
            table = read_spreadsheet(path, sheet)
            return table, mapping_for(ctx, project_id, table, {})

        return job

    def file_read(self, result: Any) -> None:
        table, mapping = result
        self.table_data = table
        self._filling = True
        try:
            self.sheet.clear()
            for name in table.sheets:
                self.sheet.addItem(name or self.tr("(the whole file)"), name)
            self.sheet.setCurrentIndex(max(0, table.sheets.index(table.sheet)))
            self.sheet.setEnabled(len(table.sheets) > 1)
            encoding = table.encoding if table.encoding == "XLSX" else f"CSV, {table.encoding}"
            self.encoding.setText(encoding)
            for field, combo in self.columns.items():
                combo.clear()
                combo.addItem(self.tr("(none)"), "")
                for name in table.header:
                    if name:
                        combo.addItem(name, name)
                combo.setCurrentIndex(max(0, combo.findData(mapping.get(field, ""))))
        finally:
            self._filling = False
        self.refresh_preview()

    def _sheet_changed(self) -> None:
        if self._filling or self.table_data is None:
            return
        sheet = self.sheet.currentData()
        if sheet and sheet != self.table_data.sheet:
            self.run(self.read(Path(self.path.text()), sheet), self.file_read, key="read")

    def _mapping_changed(self, _index: int = 0) -> None:
        if not self._filling:
            self.refresh_preview()

    # --- preview and import ------------------------------------------------------------------------
    def request(self) -> ScopeRequest | None:
        if self.table_data is None:
            return None
        mapping = {field: combo.currentData() for field, combo in self.columns.items() if combo.currentData()}
        return ScopeRequest(self.project_id, self.table_data, mapping, self.default_kind.currentData())

    def preview(self) -> Callable[[], ImportOutcome] | None:
        request, ctx = self.request(), self.env.ctx
        return None if request is None else (lambda: preview_scope_import(ctx, request))

    def import_now(self) -> Callable[[], ImportOutcome] | None:
        request, ctx = self.request(), self.env.ctx
        return None if request is None else (lambda: import_scope(ctx, request))

    def can_import(self, outcome: ImportOutcome) -> bool:
        return outcome.counts.errors == 0 and super().can_import(outcome)

    def summary_text(self, outcome: ImportOutcome) -> str:
        errors = outcome.counts.errors
        if not errors:
            return super().summary_text(outcome)
        return self.tr(
            "%n row(s) cannot be imported (in red). Correct them in the spreadsheet and choose it again: "
            "nothing is imported until every row can be.",
            "",
            errors,
        )
