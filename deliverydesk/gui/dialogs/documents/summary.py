"""The narrative of a progress summary: period, overall status, goal, steps done, difficulties, next
actions (a table: action, owner, due). Pre-filled from the records (the period: since the previous
summary); what is written here is kept with the issued summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.gui.widgets.rows_editor import Column, RowsEditor
from deliverydesk.i18n import verbatim
from deliverydesk.services.documents.build import (
    ActionData,
    DifficultyData,
    OverallStatus,
    ProgressSummaryData,
    SummaryNarrative,
    check_narrative,
)


def status_label(status: OverallStatus) -> str:
    names = {
        OverallStatus.ON_TRACK: QCoreApplication.translate("SummaryDialog", "On track"),
        OverallStatus.AT_RISK: QCoreApplication.translate("SummaryDialog", "At risk"),
        OverallStatus.OFF_TRACK: QCoreApplication.translate("SummaryDialog", "Off track"),
    }
    return names[status]


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class SummaryDialog(FormDialog):
    """``save()`` returns the ``SummaryNarrative``; the page previews and issues it."""

    def __init__(self, defaults: ProgressSummaryData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryDialog")
        self.setWindowTitle(self.tr("Progress summary"))
        self.resize(900, 720)  # the next actions need the width; 1366 × 768 fits it
        start, end = date_edit(self, defaults.period_start), date_edit(self, defaults.period_end)
        self.period_start = self.add_field("period_start", self.tr("Period from"), start)
        self.period_end = self.add_field("period_end", self.tr("Period to"), end)
        self.status = self.add_field("overall_status", self.tr("Overall status"), QComboBox(self))
        for status in OverallStatus:
            self.status.addItem(status_label(status), status)
        self.status.setCurrentIndex(list(OverallStatus).index(defaults.overall_status))
        self.status_note = self.add_field(
            "status_note", self.tr("Status note"), QLineEdit(defaults.status_note, self)
        )
        self.goal = self._text("goal", self.tr("Goal"), defaults.goal)
        self.steps = self._text(
            "steps_done", self.tr("Steps done (one per line)"), "\n".join(defaults.steps_done)
        )
        ours = [d.text for d in defaults.difficulties if not d.waits_on_client]
        theirs = [d.text for d in defaults.difficulties if d.waits_on_client]
        self.difficulties = self._text(
            "difficulties", self.tr("Current difficulties (one per line)"), "\n".join(ours)
        )
        self.waiting = self._text(
            "waiting", self.tr("Waiting on the client (one per line)"), "\n".join(theirs)
        )
        columns = (
            Column(self.tr("Action")),
            Column(self.tr("Owner"), width=220),
            Column(self.tr("Due"), is_date=True),
        )
        self.next_actions = RowsEditor(columns, defaults.period_end, self)
        self.next_actions.set_rows([(a.text, a.owner, a.due) for a in defaults.next_actions])
        self.next_actions.setMinimumHeight(190)
        self.add_field("next_actions", self.tr("Next actions"), self.next_actions)

    def _text(self, name: str, label: str, value: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(64)
        self.add_field(name, label, edit)
        return edit

    def save(self) -> SummaryNarrative:
        start, end = from_qdate(self.period_start.date()), from_qdate(self.period_end.date())
        if end < start:
            raise ValidationError(
                {"period_end": verbatim(self.tr("The period cannot end before it starts."))}
            )
        rows = self.next_actions.rows()
        if any(not text for text, _owner, _due in rows):
            raise ValidationError(
                {"next_actions": verbatim(self.tr("Write what the action is on each row."))}
            )
        actions = tuple(ActionData(text, owner, due) for text, owner, due in rows)
        difficulties = tuple(DifficultyData(text) for text in _lines(self.difficulties)) + tuple(
            DifficultyData(text, waits_on_client=True) for text in _lines(self.waiting)
        )
        narrative = SummaryNarrative(
            period_start=start,
            period_end=end,
            overall_status=OverallStatus(self.status.currentData()),
            status_note=self.status_note.text().strip(),
            goal=self.goal.toPlainText().strip(),
            steps_done=_lines(self.steps),
            difficulties=difficulties,
            next_actions=actions,
        )
        check_narrative(narrative)  # what prints: a character the fonts lack is named at its field
        return narrative
