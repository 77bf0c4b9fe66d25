"""A record's History: every recorded change, newest first, one line per field with before and after.

The history is loaded on the task runner (never on the GUI thread). Values are shown as plain text:
a record's text is data, never markup (tooltips, which Qt may read as rich text, are escaped); long
values are elided in the table and shown whole in the tooltip."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.audit import AuditAction, AuditEventItem, RecordHistory
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import MessageBar
from deliverydesk.gui.dialogs.history_fields import field_label, value_text
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_datetime
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.records.history import record_history

WHEN, WHO, WHAT, FIELD, BEFORE, AFTER = range(6)
SHOWN_CHARS = 200  # a cell shows this much of a value; the tooltip shows up to TOOLTIP_CHARS
TOOLTIP_CHARS = 3000


def action_text(action: AuditAction | str) -> str:
    translate = QCoreApplication.translate
    texts: dict[str, str] = {  # AuditAction is a StrEnum: a stored text finds its label too
        AuditAction.CREATE: translate("HistoryDialog", "Created"),
        AuditAction.UPDATE: translate("HistoryDialog", "Changed"),
        AuditAction.ARCHIVE: translate("HistoryDialog", "Archived"),
        AuditAction.RESTORE: translate("HistoryDialog", "Restored"),
        AuditAction.DELETE: translate("HistoryDialog", "Deleted"),
        AuditAction.IMPORT: translate("HistoryDialog", "Imported"),
    }
    return texts.get(action, str(action))


@dataclass(frozen=True)
class HistoryLine:
    """One row of the table: a field of an event; ``first`` rows also show the event's when/who/what."""

    event: AuditEventItem
    field: str
    before: object
    after: object
    first: bool


def history_lines(events: tuple[AuditEventItem, ...]) -> list[HistoryLine]:
    lines: list[HistoryLine] = []
    for event in events:
        changes = event.changes or ()
        if not changes:
            lines.append(HistoryLine(event, "", None, None, first=True))
        for number, change in enumerate(changes):
            lines.append(HistoryLine(event, change.field, change.before, change.after, first=number == 0))
    return lines


def _one_line(text: str) -> str:
    flat = text.replace("\r\n", "\n").replace("\n", " ↵ ")
    return flat if len(flat) <= SHOWN_CHARS else flat[:SHOWN_CHARS] + "…"


def _tooltip(text: str) -> str:
    """Plain text as an escaped rich-text tooltip (Qt would render markup in a plain string)."""
    shown = text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(shown)}</p>" if shown else ""


class HistoryModel(FedTableModel[HistoryLine]):
    links: Mapping[str, str] = {}  # linked record id -> its ref or name (set with the rows)

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Field"),
            self.tr("Before"),
            self.tr("After"),
        ]

    def full_text(self, line: HistoryLine, column: int) -> str:
        event = line.event
        if column == WHEN:
            return format_datetime(event.occurred_at) if line.first else ""
        if column == WHO:
            return event.actor if line.first else ""
        if column == WHAT:
            return action_text(event.action) if line.first else ""
        if column == FIELD:
            return field_label(line.field) if line.field else ""
        value = line.before if column == BEFORE else line.after
        if isinstance(value, str) and value in self.links:
            return self.links[value]
        return value_text(event.entity, line.field, value) if line.field else ""

    def cell(self, item: HistoryLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _one_line(self.full_text(item, column))
        if role == Qt.ItemDataRole.ToolTipRole and column in (WHO, BEFORE, AFTER):
            return _tooltip(self.full_text(item, column))
        return None


class HistoryDialog(ScreenDialog):
    """Shows the history of one record; ``what`` names it in the title (e.g. "CR-3 Extra report")."""

    def __init__(self, env: GuiEnv, record_id: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.record_id = env, record_id
        self.history: RecordHistory | None = None
        self.setWindowTitle(self.tr("History: %1").replace("%1", what))
        self.note = QLabel(self.tr("Loading…"), self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED_STYLE)
        self.message_bar = MessageBar(self)
        self.model = HistoryModel(self)
        self.view = self._make_view()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        self.load()

    def _make_view(self) -> QTableView:
        view = record_table(self, self.model, "historyTable")
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip((WHEN, WHO, WHAT, FIELD, BEFORE), (130, 110, 80, 140, 200), strict=True):
            view.setColumnWidth(column, width)
        return view

    def load(self) -> None:
        ctx, record_id = self.env.ctx, self.record_id
        self.env.tasks.submit(lambda: record_history(ctx, record_id), self._loaded, self._failed)

    def _loaded(self, history: RecordHistory) -> None:
        self.history = history
        self.model.links = history.links
        self.model.set_rows(history_lines(history.events))
        self.note.setText(self._note_text(history))

    def _note_text(self, history: RecordHistory) -> str:
        if history.trail_started_at is None:
            return self.tr("No changes recorded yet: the history starts with the next change.")
        started = format_date(history.trail_started_at.astimezone().date())
        text = self.tr("History starts on %1: changes made before then were not recorded.").replace(
            "%1", started
        )
        if not history.events:
            text = self.tr("No changes recorded since %1.").replace("%1", started)
        if history.truncated:
            text += " " + self.tr("Only the newest %n changes are shown.", "", len(history.events))
        return text

    def _failed(self, error: DeliveryDeskError) -> None:
        self.note.setText("")
        self.message_bar.show_message(error_text(error))
