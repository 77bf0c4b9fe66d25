"""A log entry, new or as the correction of an earlier one (the log is append-only).

Quick to fill: it opens at now with the kind last used; participants are typed freely or picked from
the project's contacts (the + button); files can be added or dropped and are attached once the entry is
saved (``attachments.paths()``, written by the page on the task runner)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.domain.models import LogEntryItem
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, line, link_combo
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.attachments import AttachmentPicker
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.log import add_log_entry, correct_log_entry


@dataclass(frozen=True)
class LogLinks:
    """Records an entry may point at: (text, id) pairs per link field."""

    change_requests: Sequence[tuple[str, str]] = ()
    expectations: Sequence[tuple[str, str]] = ()
    milestones: Sequence[tuple[str, str]] = ()
    issues: Sequence[tuple[str, str]] = ()
    contacts: Sequence[str] = ()  # names of the client's contacts, for the participants picker


LAST_KIND_KEY = "log/last_kind"


def last_kind(env: GuiEnv) -> LogKind:
    """The kind of the last entry written (a run of meetings, then of calls), else meeting."""
    value = env.ui_state.value(LAST_KIND_KEY, LogKind.MEETING.value)
    return LogKind(value) if value in {kind.value for kind in LogKind} else LogKind.MEETING


def remember_kind(env: GuiEnv, kind: LogKind) -> None:
    env.ui_state.set_value(LAST_KIND_KEY, kind.value)


class ParticipantsField(QWidget):
    """Free names, comma-separated, with a menu of the project's contacts that adds or removes one."""

    def __init__(self, text: str, contacts: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = line(self, text, self.tr("names, separated by commas"))
        self.pick = QToolButton(self)
        self.pick.setText("+")
        self.pick.setToolTip(self.tr("Add a contact of the client"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.pick.setMenu(QMenu(self.pick))
        self.set_contacts(contacts)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick)
        self.setFocusProxy(self.edit)

    def set_contacts(self, contacts: Sequence[str]) -> None:
        menu = self.pick.menu()
        menu.clear()
        for name in contacts:
            menu.addAction(name).triggered.connect(lambda _on=False, name=name: self.toggle(name))
        self.pick.setEnabled(bool(contacts))

    def names(self) -> list[str]:
        return [name.strip() for name in re.split(r"[,，、;；]", self.edit.text()) if name.strip()]

    def toggle(self, name: str) -> None:
        names = self.names()
        names = [n for n in names if n != name] if name in names else [*names, name]
        self.edit.setText(", ".join(names))

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()


def to_qdatetime(value: datetime) -> QDateTime:
    shown: QDateTime = QDateTime(value.astimezone())  # type: ignore[call-overload]  # stubs lack datetime
    return shown


def from_qdatetime(value: QDateTime) -> datetime:
    wall: datetime = value.toPython()  # type: ignore[assignment]  # a QDateTime gives a datetime
    return wall.astimezone()  # local wall time -> aware


class LogEntryDialog(RecordDialog):
    """``original`` set: the dialog writes a correction of it, prefilled with its text."""

    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        original: LogEntryItem | None,
        links: LogLinks = LogLinks(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, original, parent)
        self.setObjectName("logEntryDialog")
        self.setWindowTitle(self.tr("New log entry") if original is None else self.tr("Correct log entry"))
        if original is not None:
            note = QLabel(
                self.tr(
                    "The original entry stays as it was; this correction is added to the log "
                    "and points at it."
                ),
                self,
            )
            note.setWordWrap(True)
            note.setStyleSheet(MUTED_STYLE)
            self.form.addRow(note)
        self._build_fields(original, links)

    def _build_fields(self, original: LogEntryItem | None, links: LogLinks) -> None:
        v = original or LogEntryDraft(
            project_id=self.project_id, occurred_at=self.env.ctx.now(), summary="", kind=last_kind(self.env)
        )
        when = QDateTimeEdit(to_qdatetime(v.occurred_at), self)
        when.setCalendarPopup(True)
        self.occurred_at = self.add_field("occurred_at", self.tr("When"), when)
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(self, LogKind, v.kind))
        self.participants = self.add_field(
            "participants", self.tr("Participants"), ParticipantsField(v.participants, links.contacts, self)
        )
        self.summary = self.add_field("summary", self.tr("Summary"), line(self, v.summary))
        self.details = self.add_field("details", self.tr("Details"), area(self, v.details, 4))
        self._link_fields(v, links)
        self.attachments = self.add_field("data", self.tr("Files"), AttachmentPicker(self.env, self))
        self.setAcceptDrops(True)  # files dropped anywhere on the dialog are added
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    def _link_fields(self, v: LogEntryItem | LogEntryDraft, links: LogLinks) -> None:
        none = self.tr("None")
        rows = (
            ("change_request_id", self.tr("Change request"), links.change_requests),
            ("expectation_id", self.tr("Expectation"), links.expectations),
            ("milestone_id", self.tr("Milestone"), links.milestones),
            ("issue_id", self.tr("Issue"), links.issues),
        )
        self.links = {
            name: self.add_field(name, text, link_combo(self, none, options, getattr(v, name)))
            for name, text, options in rows
        }

    def save(self) -> LogEntryItem:
        draft = LogEntryDraft(
            project_id=self.project_id,
            occurred_at=from_qdatetime(self.occurred_at.dateTime()),
            kind=self.kind.currentData(),
            participants=self.participants.text(),
            summary=self.summary.text(),
            details=self.details.toPlainText(),
            **{name: combo.currentData() for name, combo in self.links.items()},
        )
        if self.item is None:
            saved = add_log_entry(self.env.ctx, draft)
        else:
            saved = correct_log_entry(self.env.ctx, self.item.id, draft)
        remember_kind(self.env, draft.kind)
        return saved

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.attachments.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.attachments.dropEvent(event)
