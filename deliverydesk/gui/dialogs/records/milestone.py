"""Milestones (M-n): baseline, forecast and actual dates, owner side. A date change needs a reason.

Implausible dates warn next to their field, with one click to keep them (``domain.date_checks``): a
baseline before the contract starts or long after it ends, a forecast or actual date that slips the
milestone by more working days than the whole project has."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QWidget

from deliverydesk.domain.date_checks import NO_CONTRACT, ContractFrame, baseline_warnings, slip_warnings
from deliverydesk.domain.drafts import MilestoneDraft
from deliverydesk.domain.enums import MilestoneStatus, OwnerSide
from deliverydesk.domain.models import ChangeRequestItem, MilestoneItem
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import (
    OptionalDate,
    beside_optional_dates,
    date_edit,
    line,
    link_combo,
    ref_label,
)
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.i18n import verbatim
from deliverydesk.services.records.milestones import create_milestone, move_milestone, update_milestone


class MilestoneDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: MilestoneItem | None,
        next_ref: str,
        change_requests: Sequence[ChangeRequestItem] = (),
        parent: QWidget | None = None,
        frame: ContractFrame | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.frame = frame or NO_CONTRACT
        self.setObjectName("milestoneDialog")
        self.setWindowTitle(self.tr("New milestone") if item is None else self.tr("Edit milestone"))
        self.add_ref_row(next_ref)
        today = env.ctx.today()
        self._add_fields(item or MilestoneDraft(project_id=project_id, name="", baseline_date=today))
        if item is not None:
            self._change_fields(change_requests)
        self._check_dates()

    def _add_fields(self, v: MilestoneItem | MilestoneDraft) -> None:
        today, set_text = self.env.ctx.today(), self.tr("Set")
        self.name = self.add_field("name", self.tr("Milestone"), line(self, v.name))
        self.baseline = date_edit(self, v.baseline_date, today)
        aligned = beside_optional_dates(self, self.baseline, set_text)
        self.add_field("baseline_date", self.tr("Baseline date"), aligned)
        forecast = OptionalDate(self, v.forecast_date, today, set_text, today)
        self.forecast = self.add_field("forecast_date", self.tr("Forecast date"), forecast)
        self.actual = self.add_field(
            "actual_date", self.tr("Actual date"), OptionalDate(self, v.actual_date, today, set_text, today)
        )
        self.owner = self.add_field(
            "owner_side", self.tr("Who acts next"), enum_combo(self, OwnerSide, v.owner_side)
        )
        self.status = self.add_field("status", self.tr("Status"), enum_combo(self, MilestoneStatus, v.status))
        self.is_main = QCheckBox(self.tr("The main goal (deferred B-items wait for it)"), self)
        self.is_main.setChecked(v.is_main)
        self.add_field("is_main", "", self.is_main)

    def _change_fields(self, change_requests: Sequence[ChangeRequestItem]) -> None:
        self.reason = self.add_field(
            "reason",
            self.tr("Reason for a date change"),
            line(self, placeholder=self.tr("Needed when a date moves: the client will ask why")),
        )
        options = [(f"{cr.ref} {cr.title}", cr.id) for cr in change_requests if not cr.archived]
        self.change_request = self.add_field(
            "change_request_id",
            self.tr("Caused by change request"),
            link_combo(self, self.tr("None"), options, None),
        )

    def _check_dates(self) -> None:
        """The baseline against the contract; forecast and actual against the baseline (slip)."""
        today, frame, baseline = self.env.ctx.today(), self.frame, self.baseline
        baseline.set_check(lambda day: baseline_warnings(day, frame, today))
        for moved in (self.forecast.edit, self.actual.edit):
            moved.set_check(lambda day: slip_warnings(baseline.value(), day, frame, today))
            baseline.value_changed.connect(moved.recheck)

    def draft(self) -> MilestoneDraft:
        return MilestoneDraft(
            id=self.item_id,
            project_id=self.project_id,
            name=self.name.text(),
            baseline_date=self.baseline.value() or self.env.ctx.today(),
            forecast_date=self.forecast.value(),
            actual_date=self.actual.value(),
            owner_side=self.owner.currentData(),
            status=self.status.currentData(),
            is_main=self.is_main.isChecked(),
        )

    def save(self) -> MilestoneItem:
        draft = self.draft()
        if self.is_new:
            return create_milestone(self.env.ctx, draft)
        reason = self.reason.text().strip()
        moved_plan = (self.item.baseline_date, self.item.forecast_date) != (
            draft.baseline_date,
            draft.forecast_date,
        )
        if moved_plan and not reason:
            raise ValidationError(
                {"reason": verbatim(self.tr("Say why the date moves: the client will ask."))}
            )
        return update_milestone(
            self.env.ctx, draft, reason=reason, change_request_id=self.change_request.currentData()
        )


class MoveMilestoneDialog(RecordDialog):
    """Move the forecast date: the quick way, with the reason the client will ask for."""

    def __init__(
        self,
        env: GuiEnv,
        item: MilestoneItem,
        change_requests: Sequence[ChangeRequestItem] = (),
        parent: QWidget | None = None,
        frame: ContractFrame | None = None,
    ) -> None:
        super().__init__(env, item.project_id, item, parent)
        self.setObjectName("moveMilestoneDialog")
        self.setWindowTitle(self.tr("Move %1").replace("%1", f"{item.ref} {item.name}"))
        planned = ref_label(self, format_date(item.baseline_date))
        self.form.addRow(self.tr("Baseline date"), planned)
        today, frame = env.ctx.today(), frame or NO_CONTRACT
        self.forecast = self.add_field(
            "forecast_date",
            self.tr("New forecast date"),
            date_edit(
                self,
                item.forecast_date or item.baseline_date,
                today,
                lambda day: slip_warnings(item.baseline_date, day, frame, today),
            ),
        )
        self.reason = self.add_field(
            "reason", self.tr("Reason"), line(self, placeholder=self.tr("The client will ask why"))
        )
        options = [(f"{cr.ref} {cr.title}", cr.id) for cr in change_requests if not cr.archived]
        self.change_request = self.add_field(
            "change_request_id",
            self.tr("Caused by change request"),
            link_combo(self, self.tr("None"), options, None),
        )
        self.forecast.setFocus()

    def save(self) -> MilestoneItem:
        return move_milestone(
            self.env.ctx,
            self.item.id,
            self.forecast.value() or self.item.baseline_date,
            reason=self.reason.text(),
            change_request_id=self.change_request.currentData(),
        )
