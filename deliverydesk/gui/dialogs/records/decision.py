"""Deciding a change request through the scope guard (``DecideDialog``); a manager's answer to a held
decision is ``gui.dialogs.records.approval``.

As the outcome changes, the dialog asks the guard what the decision would do (through the task
runner) and shows it before saving: whether it needs a manager's approval and why, the goodwill and
scope-creep meters afterwards, and the milestones an approved decision would move. You decide (the
roster's person who uses this machine, within your authority limits): the decider is never typed."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from deliverydesk.domain.enums import Decision
from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.records.fields import area, ref_label
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.meter_levels import with_level
from deliverydesk.gui.widgets.enum_combo import EnumCombo
from deliverydesk.services import scope_guard as guard
from deliverydesk.services.records.settings import get_settings

OUTCOMES = (
    Decision.APPROVED_BILLABLE,
    Decision.APPROVED_GOODWILL,
    Decision.DEFERRED,
    Decision.DECLINED,
    Decision.WITHDRAWN,
)
APPROVED = (Decision.APPROVED_BILLABLE, Decision.APPROVED_GOODWILL)
LEVEL_STYLES = {
    guard.MeterLevel.WARNING: "color: #b4591b; font-weight: bold;",
    guard.MeterLevel.LIMIT: "color: #b00020; font-weight: bold;",
}
NOTICE_STYLE = (
    "background: #fff4e5; color: #7a3e00; border: 1px solid #f0c27a; border-radius: 4px; padding: 6px;"
)


def plain_label(parent: QWidget) -> QLabel:
    shown = QLabel(parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # user text is data
    shown.setWordWrap(True)
    return shown


class ShiftChoices(QWidget):
    """One check box per open milestone the change would move (checked: move it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self.none = plain_label(self)
        self.none.setText(self.tr("No open milestone would move (no schedule impact)."))
        self.none.setWordWrap(False)  # wrapped labels in a form row get squeezed
        self.column.addWidget(self.none)

    def set_shifts(self, shifts: tuple[guard.MilestoneShift, ...]) -> None:
        for shift in shifts:
            text = self.tr("%1 %2: %3 → %4")
            for marker, value in (
                ("%1", shift.ref),
                ("%2", shift.name),
                ("%3", format_date(shift.from_date)),
                ("%4", format_date(shift.to_date)),
            ):
                text = text.replace(marker, value)
            box = QCheckBox(text, self)
            box.setChecked(True)
            self.column.addWidget(box)
            self.boxes[shift.milestone_id] = box
        self.none.setVisible(not shifts)

    def chosen(self) -> tuple[str, ...]:
        return tuple(mid for mid, box in self.boxes.items() if box.isChecked() and box.isEnabled())

    def set_moving(self, moving: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(moving)


class DecideDialog(FormDialog):
    """Choose the outcome, say why and who; see what the guard says before saving."""

    def __init__(self, env: GuiEnv, item: ChangeRequestItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.item = env, item
        self.preview: guard.DecisionPreview | None = None
        self.setObjectName("decideDialog")
        self.setWindowTitle(self.tr("Decide %1").replace("%1", f"{item.ref} {item.title}"))
        self.setMinimumWidth(560)
        # Which request, in the dialog itself as the follow-up dialog says it: the title bar is easy to miss.
        self.request_shown = ref_label(self, f"{item.ref} {item.title}")
        self.form.addRow(self.tr("Change request"), self.request_shown)
        self.form.addRow(self.tr("Now"), ref_label(self, label(item.decision)))
        if item.decision is Decision.PENDING_APPROVAL:
            self._show_held(item)
        if item.refusal_reason:
            refused = self.tr("%1 refused on %2: %3")
            on = format_date(item.refused_on) if item.refused_on else ""
            self._add_notice(
                self.tr("Manager"), "refusalShown", refused, item.refused_by, on, item.refusal_reason
            )
        self.outcome = self.add_field("outcome", self.tr("Outcome"), self._outcome_combo())
        self.rationale = self.add_field("rationale", self.tr("Rationale"), area(self, "", 3))
        self.decided_by = self.add_field("decided_by", self.tr("Decided by"), ref_label(self, ""))
        self.notice = plain_label(self)
        self.notice.setObjectName("approvalNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.form.addRow(self.notice)
        self.goodwill, self.creep = plain_label(self), plain_label(self)
        for meter_text in (self.goodwill, self.creep):
            meter_text.setWordWrap(False)  # wrapped labels in a form row get squeezed to one line
        self.form.addRow(self.tr("Goodwill after"), self.goodwill)
        self.form.addRow(self.tr("Scope creep after"), self.creep)
        self.shifts = ShiftChoices(self)
        self.form.addRow(self.tr("Move milestones"), self.shifts)
        if item.decision is Decision.PENDING_APPROVAL and item.proposed_decision in OUTCOMES:
            # deciding a held request again starts from what is held: the change is the user's to make
            self.outcome.setCurrentIndex(self.outcome.findData(item.proposed_decision.value))
        self.outcome.currentIndexChanged.connect(lambda _i: self.ask_preview())
        self._load_defaults()
        self.ask_preview()

    def _show_held(self, item: ChangeRequestItem) -> None:
        """A decision held for a manager: what it proposes, whose it is, and that saving replaces it
        (the manager is then no longer asked; the log says so)."""
        held = self.tr(
            "%1, decided by %2 on %3, is waiting for a manager's approval. Saving a new decision "
            "replaces it: the manager will no longer be asked."
        )
        proposed = label(item.proposed_decision) if item.proposed_decision else ""
        on = format_date(item.decided_on) if item.decided_on else ""
        self._add_notice(self.tr("Held"), "heldShown", held, proposed, item.decided_by or "", on)

    def _add_notice(self, row: str, name: str, text: str, *values: str) -> None:
        """A boxed row of the form: ``text`` with %1, %2... filled in one pass (a name or reason the
        user typed that holds "%2" stays as typed)."""
        shown = plain_label(self)
        shown.setObjectName(name)
        shown.setText(re.sub(r"%([1-9])", lambda m: values[int(m[1]) - 1], text))
        shown.setStyleSheet(NOTICE_STYLE)
        self.form.addRow(row, shown)

    def _outcome_combo(self) -> EnumCombo:
        combo = EnumCombo(self, Decision)
        combo.clear()
        for member in OUTCOMES:
            combo.addItem(label(member), member.value)
        return combo

    def _load_defaults(self) -> None:
        ctx, request_id = self.env.ctx, self.item.id
        self.env.tasks.submit(
            lambda: (get_settings(ctx).engineer_name, guard.milestone_shifts(ctx, request_id)),
            self._defaults_loaded,
            self._failed,
        )

    def _defaults_loaded(self, loaded: tuple[str, tuple[guard.MilestoneShift, ...]]) -> None:
        name, shifts = loaded
        unchanged = not self.has_unsaved_changes()
        you = self.tr("%1 (you)").replace("%1", name) if name else self.tr("Set your name in Settings first")
        self.decided_by.setText(you)
        self.shifts.set_shifts(shifts)
        self._enable_shifts()
        if unchanged:  # what the dialog filled in itself is its starting point, not a change
            self.mark_clean()

    def ask_preview(self) -> None:
        ctx, request_id, outcome = self.env.ctx, self.item.id, self.outcome.currentData()
        self._enable_shifts()
        self.env.tasks.submit(
            lambda: guard.preview_decision(ctx, request_id, outcome),
            self.show_preview,
            self._preview_failed,
            key=f"decision-preview-{id(self)}",
        )

    def show_preview(self, preview: guard.DecisionPreview) -> None:
        self.preview = preview
        self.message_bar.show_message("")
        language = self.env.language
        lines = guard.explain_preview(preview, language)[: len(preview.reasons) + 1]
        heading = self.tr("Needs a manager's approval because:") if preview.needs_approval else ""
        self.notice.setText("\n".join([heading, *lines]) if preview.needs_approval else "")
        self.notice.setVisible(preview.needs_approval)
        show_meter(self.goodwill, preview.goodwill)
        show_meter(self.creep, preview.scope_creep)
        self._enable_shifts()

    def _enable_shifts(self) -> None:
        held = self.preview is not None and self.preview.needs_approval
        self.shifts.set_moving(self.outcome.currentData() in APPROVED and not held)

    def _preview_failed(self, error: DeliveryDeskError) -> None:
        self.preview = None
        self.notice.hide()
        self.message_bar.show_message(error_text(error))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    def save(self) -> ChangeRequestItem:
        request = guard.DecisionRequest(
            request_id=self.item.id,
            outcome=self.outcome.currentData(),
            rationale=self.rationale.toPlainText(),
        )
        self.decision_result = guard.decide_change_request(
            self.env.ctx, request, move_milestone_ids=self.shifts.chosen()
        )
        return self.decision_result.request


def show_meter(shown: QLabel, meter: guard.Meter) -> None:
    """ "12.0 of 16.0 h (75 %)" with the level named and coloured (amber ≥ 80 %, red ≥ 100 %)."""
    if meter.ratio is None:
        shown.setText(QCoreApplication.translate("ScopeMeters", "Nothing to measure against (no budget)"))
        shown.setStyleSheet("")
        return
    text = QCoreApplication.translate("ScopeMeters", "%1 of %2 h (%3 %)")
    for marker, value in (
        ("%1", format_number(meter.used)),
        ("%2", format_number(meter.allowed)),
        ("%3", format_number(meter.ratio * 100, 0)),
    ):
        text = text.replace(marker, value)
    shown.setText(with_level(text, meter.level))
    shown.setStyleSheet(LEVEL_STYLES.get(meter.level, ""))
