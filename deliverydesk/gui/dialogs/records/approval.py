"""A manager's answer to a decision held for approval: Approve or Refuse (with the reason).

The dialog shows the whole held decision before anyone answers: the proposed outcome, who decided
and when, the rationale in full, the impact and the client-perspective analysis. The manager is
picked from the managers of the team roster (Settings ▸ People), never typed, and the person who took
the decision is not offered. With nothing proposed there is nothing to approve: only Refuse."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.dialogs.base import FormDialog, section_label
from deliverydesk.gui.dialogs.records.decision import NOTICE_STYLE, ShiftChoices, plain_label
from deliverydesk.gui.dialogs.records.fields import area, date_edit, happened, ref_label
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_money, format_number, from_qdate
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_text
from deliverydesk.i18n import Message
from deliverydesk.services import scope_guard as guard

Answer = Literal["approve", "refuse"]


def shown_text(parent: QWidget, text: str, lines: int = 3) -> QPlainTextEdit:
    """User text shown whole and read-only (scrolls when long; never interpreted as markup)."""
    box = QPlainTextEdit(parent)
    box.setPlainText(text or "—")
    box.setReadOnly(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ApproveDialog(FormDialog):
    """Approve (the Save button) or Refuse a held decision; ``answer`` says which was saved."""

    def __init__(
        self, env: GuiEnv, item: ChangeRequestItem, currency: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env, self.item, self.currency = env, item, currency
        self.answer: Answer = "approve"
        self.decision_result: guard.DecisionResult | None = None
        self.setObjectName("approveDialog")
        self.setWindowTitle(self.tr("Approve or refuse %1").replace("%1", f"{item.ref} {item.title}"))
        self.setMinimumWidth(640)
        self._held_decision()
        self._impact()
        self._analysis()
        self._answer_fields()
        self._buttons()
        self.resize(720, 660)  # fit_to_screen shrinks it on a smaller screen; the form scrolls
        ctx, request_id = env.ctx, item.id
        env.tasks.submit(lambda: guard.approval_view(ctx, request_id), self.show_view, self._failed)

    def _held_decision(self) -> None:
        item = self.item
        self.form.addRow(section_label(self.tr("The decision held for approval"), self))
        if item.proposed_decision is not None:
            proposed = ref_label(self, label(item.proposed_decision))
            proposed.setStyleSheet("font-weight: bold;")
        else:
            proposed = plain_label(self)
            proposed.setText(
                self.tr("Nothing was proposed: refuse it with a reason, so that it is decided again.")
            )
            proposed.setStyleSheet(NOTICE_STYLE)
        proposed.setObjectName("proposedOutcome")
        self.form.addRow(self.tr("Proposed outcome"), proposed)
        decided = item.decided_by + (f" · {format_date(item.decided_on)}" if item.decided_on else "")
        self.form.addRow(self.tr("Decided by"), ref_label(self, decided or "—"))
        self.rationale = shown_text(self, item.rationale, 4)
        self.rationale.setObjectName("rationaleShown")
        self.form.addRow(self.tr("Rationale"), self.rationale)

    def _impact(self) -> None:
        item = self.item
        self.form.addRow(section_label(self.tr("Impact"), self))
        parts = [
            self.tr("%1 h").replace("%1", format_number(item.effort_hours)),
            format_money(item.cost_cents, self.currency),
            self.tr("%n working day(s)", "", item.schedule_days),
            self.tr("risk: %1").replace("%1", label(item.risk)),
        ]
        impact = ref_label(self, " · ".join(parts))
        impact.setObjectName("impactShown")
        self.form.addRow(self.tr("Effort, cost, schedule"), impact)

    def _analysis(self) -> None:
        item = self.item
        self.form.addRow(section_label(self.tr("Client's view"), self))
        for caption, text in (
            (self.tr("Benefit to the client"), item.client_benefit),
            (self.tr("Cost and effort for the client"), item.client_cost),
            (self.tr("Risks"), item.risks),
            (self.tr("Alternatives"), item.alternatives),
            (self.tr("Recommendation"), item.recommendation),
        ):
            self.form.addRow(caption, shown_text(self, text, 2))

    def _answer_fields(self) -> None:
        self.form.addRow(section_label(self.tr("Your answer"), self))
        self.manager = QComboBox(self)
        self.manager.setPlaceholderText(self.tr("Choose a manager from Settings ▸ People"))
        self.add_field("manager_id", self.tr("Manager"), self.manager)
        self.answered_on = self.add_field(
            "approved_on",
            self.tr("On"),
            date_edit(self, self.env.ctx.today(), self.env.ctx.today(), happened(self.env.ctx.today())),
        )
        self.note = self.add_field(
            "approval_note", self.tr("Note (the reason, to refuse)"), area(self, "", 2)
        )
        self.shifts = ShiftChoices(self)
        self.form.addRow(self.tr("Move milestones"), self.shifts)

    def show_field_errors(self, fields: Mapping[str, Message]) -> None:
        """As every form does, and scrolled to the first field in error (the answer is at the end)."""
        super().show_field_errors(fields)
        shown = {"manager_id": self.manager, "approved_on": self.answered_on, "approval_note": self.note}
        first = next((shown[name] for name in fields if name in shown), None)
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)

    def _buttons(self) -> None:
        approve = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        approve.setText(self.tr("Approve"))
        approve.setEnabled(self.item.proposed_decision is not None and not self.env.readonly)
        self.approve_button = approve
        self.refuse_button = QPushButton(self.tr("Refuse…"), self)
        self.refuse_button.setObjectName("refuseButton")
        self.refuse_button.setEnabled(not self.env.readonly)
        self.refuse_button.clicked.connect(self.refuse)
        self.buttons.addButton(self.refuse_button, QDialogButtonBox.ButtonRole.ActionRole)

    def show_view(self, view: guard.ApprovalView) -> None:
        self.manager.clear()
        for person in view.managers:
            self.manager.addItem(person.name, person.id)
        self.manager.setCurrentIndex(-1 if len(view.managers) != 1 else 0)
        if not view.managers:
            self.message_bar.show_message(
                self.tr("No other manager is on the team roster: add one in Settings ▸ People.")
            )
        self.shifts.set_shifts(view.milestone_shifts)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    def refuse(self) -> None:
        self.answer = "refuse"
        try:
            self.accept()
        finally:
            self.answer = "approve"

    def save(self) -> ChangeRequestItem:
        manager_id = self.manager.currentData() or ""
        on = from_qdate(self.answered_on.date())
        if self.answer == "refuse":
            try:
                return guard.refuse_change_request(
                    self.env.ctx,
                    self.item.id,
                    manager_id=manager_id,
                    reason=self.note.toPlainText(),
                    refused_on=on,
                )
            except ValidationError as exc:  # the reason goes in the note field
                raise ValidationError(
                    {("approval_note" if k == "reason" else k): v for k, v in exc.fields.items()}
                ) from None
        self.decision_result = guard.approve_change_request(
            self.env.ctx,
            self.item.id,
            manager_id=manager_id,
            approved_on=on,
            note=self.note.toPlainText(),
            move_milestone_ids=self.shifts.chosen(),
        )
        return self.decision_result.request
