"""Milestones: baseline / forecast / actual, slip in working days, who acts next, date history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.date_checks import NO_CONTRACT, ContractFrame
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.domain.models import ChangeRequestItem, MilestoneChangeItem, MilestoneItem
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.gui.dialogs.records.milestone import MilestoneDialog, MoveMilestoneDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_datetime
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_MILESTONES
from deliverydesk.gui.pages.project.health import health_label
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import (
    GOOD_COLOUR,
    LATE_COLOUR,
    WARN_COLOUR,
    RecordTableModel,
    fit_headers,
)
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import milestones
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.scope_guard.change_requests import list_change_requests

REF, NAME, BASELINE, FORECAST, ACTUAL, SLIP, OWNER, STATUS = range(8)
HEALTH_COLOURS = {
    MilestoneHealth.OVERDUE: LATE_COLOUR,
    MilestoneHealth.AT_RISK: WARN_COLOUR,
    MilestoneHealth.DONE: GOOD_COLOUR,
}


class MilestoneModel(RecordTableModel[MilestoneItem]):
    numeric_columns = (SLIP,)
    sort_fields = {
        BASELINE: "baseline_date",
        FORECAST: "forecast_date",
        ACTUAL: "actual_date",
        SLIP: "slip_days",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Milestone"),
            self.tr("Baseline"),
            self.tr("Forecast"),
            self.tr("Actual"),
            self.tr("Slip (wd)"),
            self.tr("Who acts"),
            self.tr("Status"),
        ]

    def header_tip(self, section: int) -> str | None:
        if section == SLIP:
            return self.tr("Slip in working days: forecast (or actual) minus baseline; negative = ahead")
        return None

    def text(self, item: MilestoneItem, column: int) -> str:
        if column == SLIP:
            return f"{item.slip_days:+d}" if item.slip_days else "0"
        if column == NAME:
            return f"★ {item.name}" if item.is_main else item.name
        values = (
            item.ref,
            item.name,
            format_date(item.baseline_date),
            format_date(item.forecast_date),
            format_date(item.actual_date),
            "",
            label(item.owner_side),
            label(item.status),
        )
        return values[column]

    def tip(self, item: MilestoneItem, column: int) -> str | None:
        if column == SLIP:
            return self.tr("%n working day(s) of slip", "", item.slip_days)
        if column in (NAME, STATUS):
            main = "\n" + self.tr("The main goal: deferred B-items wait for it") if item.is_main else ""
            return f"{item.name}\n{health_label(item.health)}{main}"
        return None

    def colour(self, item: MilestoneItem, column: int) -> QColor | None:
        if column == SLIP and item.slip_days > 0:
            return LATE_COLOUR if item.slip_days > 5 else WARN_COLOUR
        if column == STATUS:
            return HEALTH_COLOURS.get(item.health)
        return None


class HistoryModel(RecordTableModel[MilestoneChangeItem]):
    def headers(self) -> list[str]:
        return [
            self.tr("Changed"),
            self.tr("Date"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Change request"),
            self.tr("Reason"),
        ]

    def text(self, item: MilestoneChangeItem, column: int) -> str:
        fields = {
            "baseline": self.tr("Baseline"),
            "forecast": self.tr("Forecast"),
            "actual": self.tr("Actual"),
        }
        values = (
            format_datetime(item.created_at),
            fields.get(item.field, item.field),
            format_date(item.old_date) or "—",
            format_date(item.new_date) or "—",
            item.change_request_ref or "",
            item.reason,
        )
        return values[column]


@dataclass(frozen=True)
class MilestoneData:
    milestones: tuple[MilestoneItem, ...]
    change_requests: tuple[ChangeRequestItem, ...]
    frame: ContractFrame = NO_CONTRACT  # the contract the dates are judged against


class MilestonesPage(RecordsPage):
    area = AREA_MILESTONES
    icon_name = "milestone"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.panel = self.add_panel(
            MilestoneModel(self),
            PanelSpec(
                key="milestones",
                title=self.tr("Milestones"),
                empty_text=self.tr(
                    "No milestones yet. Add the contract's milestones with their baseline "
                    "dates; moving a date later keeps its history."
                ),
                describe=lambda item: f"{item.ref} {item.name}",
                archive=milestones.archive_milestone,
                restore=milestones.restore_milestone,
                widths=(44, 200, 80, 80, 80, 56, 80, 110),
                stretch_column=NAME,
                optional=(OWNER, ACTUAL, BASELINE),  # "Who acts" first: the status says who is waited on
            ),
            self.edit_milestone,
        )
        self.panel.selected.connect(self._load_history)
        self.act_move = QAction(icon("milestone"), self.tr("Move date…"), self)
        self.act_move.setToolTip(self.tr("Move the forecast date, with the reason"))
        self.act_move.triggered.connect(self.move_current)
        self.panel.add_extra_action(self.act_move)
        self.history_model = HistoryModel(self)
        self.history = self._history_view()
        self.history_title = QLabel(self)
        self.history_title.setTextFormat(Qt.TextFormat.PlainText)
        self.history_title.setStyleSheet(MUTED_STYLE)
        self.lay_out(self.panel, self._history_box(), stretches=(3, 2))
        self._show_history_title(None)

    def _history_view(self) -> QTableView:
        view = record_table(self, self.history_model, "milestoneHistory")
        for column, width in enumerate((112, 72, 80, 80, 60)):
            view.setColumnWidth(column, width)
        fit_headers(view)
        view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return view

    def _history_box(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(self.tr("Date changes"), box)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        column.addWidget(self.history_title)
        column.addWidget(self.history, 1)
        return box

    def title(self) -> str:
        return self.tr("Milestones")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> MilestoneData:
        project = get_project(ctx, project_id)
        return MilestoneData(
            milestones=milestones.list_milestones(ctx, project_id, include_archived=True).rows,
            change_requests=list_change_requests(ctx, project_id).rows,
            frame=ContractFrame(project.start_date, project.end_date, project.holiday_calendar),
        )

    def show_data(self, data: MilestoneData) -> None:
        self.panel.set_records(data.milestones)
        if self.panel.current_item() is None:
            self._load_history(None)

    def edit_milestone(self, item: MilestoneItem | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.MILESTONE, [r.ref for r in self.panel.records])
        requests = self.data.change_requests if self.data else ()
        frame = self.data.frame if self.data else None
        self.open_dialog(MilestoneDialog(self.env, self.project_id, item, ref, requests, self, frame))

    def move_current(self) -> None:
        item = self.panel.current_item()
        if item is not None and not item.archived:
            requests = self.data.change_requests if self.data else ()
            frame = self.data.frame if self.data else None
            self.open_dialog(MoveMilestoneDialog(self.env, item, requests, self, frame))

    def _load_history(self, item: Any) -> None:
        self._show_history_title(item)
        if item is None:
            self.history_model.set_rows([])
            return
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: milestones.list_milestone_changes(ctx, item.id),
            self._show_history,
            self._failed,
            key="milestone-history",
        )

    def _show_history(self, changes: list[MilestoneChangeItem]) -> None:
        self.history_model.set_rows(list(reversed(changes)))  # newest first
        item = self.panel.current_item()
        if item is not None and not changes:
            self.history_title.setText(
                self.tr("%1: no date changes, the dates are as first planned.").replace(
                    "%1", f"{item.ref} {item.name}"
                )
            )

    def _show_history_title(self, item: MilestoneItem | None) -> None:
        if item is None:
            self.history_title.setText(self.tr("Select a milestone to see how its dates moved, and why."))
        else:
            self.history_title.setText(f"{item.ref} {item.name}")
