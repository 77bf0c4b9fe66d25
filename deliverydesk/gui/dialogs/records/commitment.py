"""Commitments register dialogs: record or edit one, close it (how it was met), confirm it in writing.

A commitment is usually recorded from the log entry where it was made (``log_entry`` shows which).
Link options are (text, id) pairs the page loaded on a worker: recent log entries, email entries and
issued letters of the project."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QSizePolicy, QWidget

from deliverydesk.domain.drafts import CommitmentDraft
from deliverydesk.domain.enums import LogKind, OwnerSide
from deliverydesk.domain.models import CommitmentItem, LogEntryItem
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, date_edit, happened, line, link_combo, plausible
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.commitments import (
    close_commitment,
    confirm_in_writing,
    record_commitment,
    update_commitment,
)

DEFAULT_DUE_DAYS = 7  # a new commitment is due in a week unless the user says otherwise
NOTE_WIDTH = 420  # pixels of read-only text before it is elided
TIP_MAX = 1500  # characters of it in the tooltip


@dataclass(frozen=True)
class CommitmentLinks:
    """Records a commitment may point at, as (text, id) pairs."""

    entries: Sequence[tuple[str, str]] = ()  # recent log entries: how it was met
    emails: Sequence[tuple[str, str]] = ()  # email entries: written confirmation
    letters: Sequence[tuple[str, str]] = ()  # issued letters: written confirmation


def _note(parent: QWidget, text: str, width: int = NOTE_WIDTH) -> QLabel:
    """Read-only user text on one line, elided (a wrapped label in a dialog's form gets clipped)."""
    shown = QLabel(parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)  # user text is data, never markup
    flat = " ".join(text.split())
    shown.setText(shown.fontMetrics().elidedText(flat, Qt.TextElideMode.ElideRight, width))
    shown.setToolTip(f"<p style='white-space:pre-wrap'>{html.escape(text[:TIP_MAX])}</p>")  # literal text
    shown.setStyleSheet(MUTED_STYLE)
    return shown


class CommitmentDialog(RecordDialog):
    """New (``item`` None, recorded by ``log_entry`` if given) or edit an existing commitment."""

    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: CommitmentItem | None,
        log_entry: LogEntryItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("commitmentDialog")
        self.setWindowTitle(self.tr("Record a commitment") if item is None else self.tr("Edit commitment"))
        self.log_entry_id = item.log_entry_id if item else (log_entry.id if log_entry else None)
        if log_entry is not None:
            self.form.addRow(self.tr("Recorded in"), _note(self, log_entry.summary))
        v = item or self._default(log_entry)
        self.description = self.add_field(
            "description", self.tr("What is owed"), area(self, v.description, 3)
        )
        self.owner_side = self.add_field(
            "owner_side", self.tr("Owed by"), enum_combo(self, OwnerSide, v.owner_side)
        )
        self.owner_name = self.add_field(
            "owner_name", self.tr("Who owes it"), line(self, v.owner_name, self.tr("name"))
        )
        self.owed_to = self.add_field("owed_to", self.tr("Owed to"), line(self, v.owed_to))
        self.due_date = self.add_field(
            "due_date",
            self.tr("Due"),
            date_edit(self, v.due_date, env.ctx.today(), plausible(env.ctx.today())),
        )
        verbal = QCheckBox(self.tr("Verbal: confirm in writing (email or letter)"), self)
        verbal.setChecked(v.confirm_in_writing)
        self.confirm = self.add_field("confirm_in_writing", "", verbal)
        self.description.setFocus(Qt.FocusReason.OtherFocusReason)

    def _default(self, entry: LogEntryItem | None) -> CommitmentDraft:
        """A commitment entry's summary is the commitment; a call or meeting is verbal."""
        spoken = entry is not None and entry.kind in (LogKind.CALL, LogKind.MEETING, LogKind.SITE_VISIT)
        return CommitmentDraft(
            project_id=self.project_id,
            description=entry.summary if entry and entry.kind is LogKind.COMMITMENT else "",
            due_date=self.env.ctx.today() + timedelta(days=DEFAULT_DUE_DAYS),
            confirm_in_writing=spoken,
        )

    def save(self) -> CommitmentItem:
        draft = CommitmentDraft(
            id=self.item_id,
            project_id=self.project_id,
            description=self.description.toPlainText(),
            due_date=from_qdate(self.due_date.date()),
            owner_side=self.owner_side.currentData(),
            owner_name=self.owner_name.text(),
            owed_to=self.owed_to.text(),
            confirm_in_writing=self.confirm.isChecked(),
            log_entry_id=self.log_entry_id,
        )
        if self.is_new:
            return record_commitment(self.env.ctx, draft)
        return update_commitment(self.env.ctx, draft)


class CloseCommitmentDialog(RecordDialog):
    """Close an open commitment: when, how it was met, and the log entry that shows it (optional)."""

    def __init__(
        self,
        env: GuiEnv,
        item: CommitmentItem,
        links: CommitmentLinks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, item.project_id, item, parent)
        self.setObjectName("closeCommitmentDialog")
        self.setWindowTitle(self.tr("Close commitment"))
        self.form.addRow(self.tr("Commitment"), _note(self, item.description))
        self.closed_on = self.add_field(
            "closed_on",
            self.tr("Met on"),
            date_edit(self, env.ctx.today(), env.ctx.today(), happened(env.ctx.today())),
        )
        self.note = self.add_field("closed_note", self.tr("How it was met"), area(self, "", 3))
        self.entry = self.add_field(
            "closed_log_entry_id",
            self.tr("Shown by log entry"),
            link_combo(self, self.tr("None"), links.entries, None),
        )
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> CommitmentItem:
        assert self.item_id is not None
        return close_commitment(
            self.env.ctx,
            self.item_id,
            from_qdate(self.closed_on.date()),
            self.note.toPlainText(),
            self.entry.currentData(),
        )


class ConfirmCommitmentDialog(RecordDialog):
    """Link the written confirmation of a verbal commitment: an email log entry or an issued letter."""

    def __init__(
        self,
        env: GuiEnv,
        item: CommitmentItem,
        links: CommitmentLinks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, item.project_id, item, parent)
        self.setObjectName("confirmCommitmentDialog")
        self.setWindowTitle(self.tr("Confirm in writing"))
        self.form.addRow(self.tr("Commitment"), _note(self, item.description))
        self.email = self.add_field(
            "confirmation_log_entry_id",
            self.tr("Email log entry"),
            link_combo(self, self.tr("None"), links.emails, item.confirmation_log_entry_id),
        )
        self.letter = self.add_field(
            "confirmation_letter_id",
            self.tr("Or letter"),
            link_combo(self, self.tr("None"), links.letters, item.confirmation_letter_id),
        )
        for combo in (self.email, self.letter):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if not links.emails and not links.letters:
            hint = QLabel(self.tr("Log the email first (kind: Email), or issue a letter, then link it here."))
            hint.setStyleSheet(MUTED_STYLE)
            self.form.addRow(hint)

    def save(self) -> CommitmentItem:
        assert self.item_id is not None
        return confirm_in_writing(
            self.env.ctx, self.item_id, self.email.currentData(), self.letter.currentData()
        )
