"""Scope & exclusions: the contracted deliverables and what this engagement does not include."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import ScopeStatus
from deliverydesk.domain.models import ExclusionItem, ScopeEntry
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.gui.dialogs.records.scope import ExclusionDialog, ScopeItemDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_SCOPE
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import GOOD_COLOUR, RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import scope

REF, TITLE, EFFORT, STATUS, CRITERIA = range(5)


class ScopeModel(RecordTableModel[ScopeEntry]):
    numeric_columns = (EFFORT,)
    sort_fields = {EFFORT: "effort_hours"}

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Deliverable"),
            self.tr("Effort (h)"),
            self.tr("Status"),
            self.tr("Acceptance criteria"),
        ]

    def text(self, item: ScopeEntry, column: int) -> str:
        values = (
            item.ref,
            item.title,
            format_number(item.effort_hours),
            label(item.status),
            item.acceptance_criteria,
        )
        return values[column]

    def tip(self, item: ScopeEntry, column: int) -> str | None:
        return f"{item.title}\n\n{item.description}".strip() if column == TITLE else None

    def colour(self, item: ScopeEntry, column: int) -> QColor | None:
        return GOOD_COLOUR if column == STATUS and item.status is ScopeStatus.ACCEPTED else None


class ExclusionModel(RecordTableModel[ExclusionItem]):
    def headers(self) -> list[str]:
        return [self.tr("Ref"), self.tr("Not included in this engagement")]

    def text(self, item: ExclusionItem, column: int) -> str:
        return item.ref if column == 0 else item.text


@dataclass(frozen=True)
class ScopeData:
    items: tuple[ScopeEntry, ...]
    exclusions: tuple[ExclusionItem, ...]


class ScopePage(RecordsPage):
    area = AREA_SCOPE
    icon_name = "summary"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.items = self.add_panel(ScopeModel(self), self._items_spec(), self.edit_scope_item)
        self.exclusions = self.add_panel(ExclusionModel(self), self._exclusions_spec(), self.edit_exclusion)
        self.lay_out(self.items, self.exclusions, stretches=(3, 2))

    def _items_spec(self) -> PanelSpec:
        return PanelSpec(
            key="scope",
            title=self.tr("Contracted scope"),
            empty_text=self.tr(
                "No deliverables yet. Add each contracted deliverable with its acceptance "
                "criteria: it is what every extra ask is checked against."
            ),
            describe=lambda item: f"{item.ref} {item.title}",
            archive=scope.archive_scope_item,
            restore=scope.restore_scope_item,
            widths=(48, 240, 76, 100, 220),
            stretch_column=TITLE,
            optional=(CRITERIA, EFFORT),
        )

    def _exclusions_spec(self) -> PanelSpec:
        return PanelSpec(
            key="exclusions",
            title=self.tr("Exclusions"),
            empty_text=self.tr(
                "No exclusions yet. Writing down what is not included prevents most disputes about scope."
            ),
            describe=lambda item: f"{item.ref} {item.text}",
            archive=scope.archive_exclusion,
            restore=scope.restore_exclusion,
            widths=(56,),
        )

    def title(self) -> str:
        return self.tr("Scope && exclusions")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> ScopeData:
        return ScopeData(
            items=scope.list_scope_items(ctx, project_id, include_archived=True).rows,
            exclusions=scope.list_exclusions(ctx, project_id, include_archived=True).rows,
        )

    def show_data(self, data: ScopeData) -> None:
        self.items.set_records(data.items)
        self.exclusions.set_records(data.exclusions)

    def edit_scope_item(self, item: ScopeEntry | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.SCOPE_ITEM, [r.ref for r in self.items.records])
        self.open_dialog(ScopeItemDialog(self.env, self.project_id, item, ref, self))

    def edit_exclusion(self, item: ExclusionItem | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.EXCLUSION, [r.ref for r in self.exclusions.records])
        self.open_dialog(ExclusionDialog(self.env, self.project_id, item, ref, self))
