"""Scope items (contracted deliverables, S-n) and exclusions (X-n: what is not included)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from deliverydesk.domain.drafts import ExclusionDraft, ScopeItemDraft
from deliverydesk.domain.enums import ScopeStatus
from deliverydesk.domain.models import ExclusionItem, ScopeEntry
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, hours, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.scope import (
    create_exclusion,
    create_scope_item,
    update_exclusion,
    update_scope_item,
)


class ScopeItemDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ScopeEntry | None,
        next_ref: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("scopeItemDialog")
        self.setWindowTitle(self.tr("New scope item") if item is None else self.tr("Edit scope item"))
        self.add_ref_row(next_ref)
        v = item or ScopeItemDraft(project_id=project_id, title="")
        self.title = self.add_field("title", self.tr("Deliverable"), line(self, v.title))
        self.description = self.add_field("description", self.tr("Description"), area(self, v.description))
        how = self.tr("How the client accepts it")
        self.criteria = self.add_field(
            "acceptance_criteria",
            self.tr("Acceptance criteria"),
            area(self, v.acceptance_criteria, placeholder=how),
        )
        self.effort = self.add_field(
            "effort_hours", self.tr("Effort"), hours(self, v.effort_hours, self.tr(" h"))
        )
        self.status = self.add_field("status", self.tr("Status"), enum_combo(self, ScopeStatus, v.status))

    def save(self) -> ScopeEntry:
        draft = ScopeItemDraft(
            id=self.item_id,
            project_id=self.project_id,
            title=self.title.text(),
            description=self.description.toPlainText(),
            acceptance_criteria=self.criteria.toPlainText(),
            effort_hours=self.effort.value(),
            status=self.status.currentData(),
        )
        if self.is_new:
            return create_scope_item(self.env.ctx, draft)
        return update_scope_item(self.env.ctx, draft)


class ExclusionDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ExclusionItem | None,
        next_ref: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("exclusionDialog")
        self.setWindowTitle(self.tr("New exclusion") if item is None else self.tr("Edit exclusion"))
        self.add_ref_row(next_ref)
        self.text = self.add_field(
            "text",
            self.tr("Not included"),
            area(
                self, item.text if item else "", placeholder=self.tr("e.g. Integration with the client's ERP")
            ),
        )

    def save(self) -> ExclusionItem:
        draft = ExclusionDraft(id=self.item_id, project_id=self.project_id, text=self.text.toPlainText())
        if self.is_new:
            return create_exclusion(self.env.ctx, draft)
        return update_exclusion(self.env.ctx, draft)
