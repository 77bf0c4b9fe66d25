"""The commitments register on the Log page: who owes what to whom by when, under the log.

``CommitmentsSection`` adds a "Commitments" panel to a records page (Close…, Confirm in writing…,
Reopen) and a "Record a commitment…" action to the log panel for the selected entry. Home's
commitment lines open the Log page and select the commitment here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor

from deliverydesk.domain.enums import LetterStatus, LogKind
from deliverydesk.domain.models import CommitmentItem, LetterItem, LogEntryItem, Page
from deliverydesk.gui.dialogs.records.commitment import (
    CloseCommitmentDialog,
    CommitmentDialog,
    CommitmentLinks,
    ConfirmCommitmentDialog,
)
from deliverydesk.gui.formatting import format_date, format_datetime
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.project.panel import PanelSpec, RecordPanel
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.letters import list_letters
from deliverydesk.services.records.commitments import (
    archive_commitment,
    list_commitments,
    reopen_commitment,
    restore_commitment,
)
from deliverydesk.services.records.log import list_log_entries_of_kind

DUE, OWNER, WHAT, OWED_TO, STATUS = range(5)
OVERDUE_COLOUR = QColor("#b00020")
WRITTEN_LETTERS = (LetterStatus.ISSUED, LetterStatus.SIGNED)


@dataclass(frozen=True)
class CommitmentData:
    """Loaded on a worker with the log: the register (open first) and the project's letters."""

    page: Page[CommitmentItem]
    letters: tuple[LetterItem, ...]
    today: date
    emails: tuple[LogEntryItem, ...] = ()  # the project's email entries, however old: confirmations


def load_commitments(ctx: ServiceContext, project_id: str) -> CommitmentData:
    page = list_commitments(ctx, project_id, include_archived=True)
    ordered = sorted(page.rows, key=lambda c: not c.is_open)  # stable: open first, each by due date
    return CommitmentData(
        page=Page(rows=tuple(ordered), total=page.total, offset=page.offset, limit=page.limit),
        letters=list_letters(ctx, project_id),
        today=ctx.today(),
        emails=list_log_entries_of_kind(ctx, project_id, LogKind.EMAIL),
    )


class CommitmentModel(RecordTableModel[CommitmentItem]):
    sort_fields = {DUE: "due_date"}
    today: date | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Owed by"),
            self.tr("Commitment"),
            self.tr("Owed to"),
            self.tr("Status"),
        ]

    def text(self, item: CommitmentItem, column: int) -> str:
        owner = " · ".join(part for part in (label(item.owner_side), item.owner_name) if part)
        values = (format_date(item.due_date), owner, item.description, item.owed_to, self._status(item))
        return values[column]

    def _status(self, item: CommitmentItem) -> str:
        if not item.is_open:
            return self.tr("Met on %1").replace("%1", format_date(item.closed_on))
        status = self.tr("Overdue") if self._overdue(item) else self.tr("Open")
        if item.awaiting_confirmation:
            status += " · " + self.tr("to confirm in writing")
        return status

    def _overdue(self, item: CommitmentItem) -> bool:
        return item.is_open and self.today is not None and item.due_date < self.today

    def tip(self, item: CommitmentItem, column: int) -> str | None:
        if column == WHAT:
            return "\n\n".join(part for part in (item.description, item.closed_note) if part.strip())
        return None

    def colour(self, item: CommitmentItem, column: int) -> QColor | None:
        return OVERDUE_COLOUR if column in (DUE, STATUS) and self._overdue(item) else None


class CommitmentsSection(QObject):
    """The register's panel and actions on ``page``; ``log_panel`` gives the selected entry."""

    def __init__(self, page: RecordsPage, log_panel: RecordPanel) -> None:
        super().__init__(page)
        self.page, self.log_panel = page, log_panel
        self.model = CommitmentModel(page)
        self.letters: tuple[LetterItem, ...] = ()
        self.emails: tuple[LogEntryItem, ...] = ()
        self.panel = page.add_panel(self.model, self._spec(), self.edit)
        self.act_close = self._action(self.panel, self.tr("Close…"), self.close_current)
        self.act_confirm = self._action(self.panel, self.tr("Confirm in writing…"), self.confirm_current)
        self.act_reopen = self._action(self.panel, self.tr("Reopen"), self.reopen_current)
        self.act_record = self._action(log_panel, self.tr("Record a commitment…"), self.record_from_entry)
        self.act_record.setToolTip(self.tr("Record who owes what to whom by when, from this entry"))
        self.panel.selected.connect(self._refine_actions)

    def _spec(self) -> PanelSpec:
        return PanelSpec(
            key="commitments",
            title=self.tr("Commitments"),
            empty_text=self.tr(
                "No commitments yet. Select a log entry and record who owes what to whom by when."
            ),
            describe=lambda item: item.description,
            archive=archive_commitment,
            restore=restore_commitment,
            widths=(90, 150, 300, 130, 190),
            stretch_column=WHAT,
            optional=(OWED_TO, OWNER),
        )

    @staticmethod
    def _action(panel: RecordPanel, text: str, slot: Any) -> QAction:
        action = QAction(text, panel)
        action.triggered.connect(slot)
        panel.add_extra_action(action)
        return action

    def show(self, data: CommitmentData) -> None:
        self.model.today = data.today
        self.letters = data.letters
        self.emails = data.emails
        self.panel.set_records(data.page.rows, data.page.total)
        self._refine_actions(self.panel.current_item())

    def _refine_actions(self, item: CommitmentItem | None) -> None:
        """Close only what is open, reopen only what is closed (the panel enables all on a selection)."""
        usable = item is not None and not item.archived and not self.page.env.readonly
        self.act_close.setEnabled(usable and item is not None and item.is_open)
        self.act_reopen.setEnabled(usable and item is not None and not item.is_open)
        self.act_confirm.setEnabled(usable)

    # --- actions -------------------------------------------------------------------------------
    def _entry(self, entry_id: str | None) -> LogEntryItem | None:
        find = getattr(self.log_panel.model, "find", None)
        return find(entry_id) if find is not None and entry_id else None

    def edit(self, item: CommitmentItem | None) -> None:
        entry = self.log_panel.current_item() if item is None else self._entry(item.log_entry_id)
        self.record(item, entry)

    def record_from_entry(self) -> None:
        self.record(None, self.log_panel.current_item())

    def record(self, item: CommitmentItem | None, entry: LogEntryItem | None) -> None:
        if self.page.project_id is not None:
            self.page.open_dialog(
                CommitmentDialog(self.page.env, self.page.project_id, item, entry, self.page)
            )

    def close_current(self) -> None:
        item = self.panel.current_item()
        if item is not None and item.is_open:
            self.page.open_dialog(CloseCommitmentDialog(self.page.env, item, self.links(), self.page))

    def confirm_current(self) -> None:
        item = self.panel.current_item()
        if item is not None:
            self.page.open_dialog(ConfirmCommitmentDialog(self.page.env, item, self.links(), self.page))

    def reopen_current(self) -> None:
        item = self.panel.current_item()
        if item is None or item.is_open:
            return
        ctx, item_id = self.page.env.ctx, item.id
        self.page.env.tasks.submit(
            lambda: reopen_commitment(ctx, item_id), self.page._saved, self.panel._failed
        )

    def links(self) -> CommitmentLinks:
        """Options from the loaded log and all email entries (newest versions only), and the project's
        issued letters."""
        entries = [e for e in self._loaded_entries() if not e.corrected_by_id]
        return CommitmentLinks(
            entries=_entry_options(entries),
            emails=_entry_options([e for e in self.emails if not e.corrected_by_id]),
            letters=[(f"{x.ref} v{x.version}", x.id) for x in self.letters if x.status in WRITTEN_LETTERS],
        )

    def _loaded_entries(self) -> list[LogEntryItem]:
        model = self.log_panel.model
        return [model.row_item(row) for row in range(model.rowCount())]


def _entry_options(entries: Sequence[LogEntryItem]) -> list[tuple[str, str]]:
    return [(f"{format_datetime(e.occurred_at)}  {e.summary}", e.id) for e in entries]
