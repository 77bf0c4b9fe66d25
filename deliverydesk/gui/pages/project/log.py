"""The communication and decision log: newest first, paged as the view scrolls, append-only.

Editing an entry writes a correction (a new entry pointing at it); the original row stays as it was,
shown struck through and greyed. Quick add: type what happened and press Enter (now, the kind last
used); Ctrl+L from anywhere in the project comes here. The selected entry's files show under the log
(``AttachmentsBox``); files chosen in the entry dialog are attached on the task runner once it is saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from deliverydesk.domain.drafts import LogEntryDraft
from deliverydesk.domain.enums import LogKind
from deliverydesk.domain.models import LogEntryItem, Page
from deliverydesk.gui.dialogs.documents.evidence import open_evidence_dialog
from deliverydesk.gui.dialogs.records.capture import CaptureFlow
from deliverydesk.gui.dialogs.records.log_entry import (
    LogEntryDialog,
    LogLinks,
    ParticipantsField,
    last_kind,
    remember_kind,
)
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_datetime, format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_LOG
from deliverydesk.gui.pages.project.attachments import AttachmentsBox
from deliverydesk.gui.pages.project.commitments import CommitmentData, CommitmentsSection, load_commitments
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage, project_contacts
from deliverydesk.gui.pages.project.table import ARCHIVED_COLOUR, RecordTableModel
from deliverydesk.gui.widgets.attachments import FileDrops
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import log
from deliverydesk.services.records.attachments import RecordLink, count_attachments
from deliverydesk.services.records.expectations import list_expectations
from deliverydesk.services.records.issues import list_issues
from deliverydesk.services.records.milestones import list_milestones
from deliverydesk.services.scope_guard.change_requests import list_change_requests

PAGE_SIZE = 100
WHEN, KIND, SUMMARY, PARTICIPANTS, NOTE, FILES = range(6)
SORTS = {WHEN: "occurred_at", KIND: "kind", SUMMARY: "summary", PARTICIPANTS: "participants"}


@dataclass(frozen=True)
class LogQuery:
    """How the log is shown: filtered by text, sorted by a column (the database does both)."""

    text: str = ""
    sort: str = "occurred_at"
    descending: bool = True

    @property
    def is_default(self) -> bool:
        return self == LogQuery()


class LogModel(RecordTableModel[LogEntryItem]):
    numeric_columns = (FILES,)
    sort_fields = {WHEN: "occurred_at"}
    link_names: dict[str, str] = {}  # linked record id -> "CR-5 title", fed with the rows
    file_counts: dict[str, int] = {}  # entry id -> live attachments, fed with each page

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Kind"),
            self.tr("Summary"),
            self.tr("Participants"),
            self.tr("Correction"),
            self.tr("Files"),
        ]

    def text(self, item: LogEntryItem, column: int) -> str:
        values = (
            format_datetime(item.occurred_at),
            label(item.kind),
            item.summary,
            item.participants,
            self._note(item),
            format_number(self.file_counts[item.id], 0) if self.file_counts.get(item.id) else "",
        )
        return values[column]

    def _note(self, item: LogEntryItem) -> str:
        if item.voided:
            return self.tr("Voided: %1").replace("%1", item.void_reason)
        if item.corrected_by_id:
            return self.tr("Corrected by a later entry")
        if item.correction_of_id:
            original = self.find(item.correction_of_id)
            if original is not None:
                return self.tr("Corrects the entry of %1").replace(
                    "%1", format_datetime(original.occurred_at)
                )
            return self.tr("Corrects an earlier entry")
        return ""

    def find(self, entry_id: str) -> LogEntryItem | None:
        row = self.row_of(entry_id)
        return self.row_item(row) if row >= 0 else None

    def tip(self, item: LogEntryItem, column: int) -> str | None:
        if column == SUMMARY:
            ids = (item.change_request_id, item.expectation_id, item.milestone_id, item.issue_id)
            linked = [self.link_names[i] for i in ids if i and i in self.link_names]
            about = self.tr("About: %1").replace("%1", "; ".join(linked)) if linked else ""
            voided = ""
            if item.voided:
                voided = self.tr("Voided on %1: %2").replace("%1", format_datetime(item.voided_at))
                voided = voided.replace("%2", item.void_reason)
            parts = (voided, item.summary, item.details, about)
            return "\n\n".join(part for part in parts if part.strip())
        return None

    def colour(self, item: LogEntryItem, column: int) -> QColor | None:
        return ARCHIVED_COLOUR if item.corrected_by_id or item.voided else None

    def cell(self, item: LogEntryItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and (item.corrected_by_id or item.voided) and column == SUMMARY:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().cell(item, column, role)


@dataclass(frozen=True)
class LogData:
    page: Page[LogEntryItem]
    links: LogLinks
    commitments: CommitmentData
    file_counts: dict[str, int]


def _page_with_counts(
    ctx: ServiceContext, project_id: str, offset: int, limit: int | None = None, query: LogQuery = LogQuery()
) -> tuple[Page[LogEntryItem], dict[str, int]]:
    page = log.list_log_entries(
        ctx,
        project_id,
        offset=offset,
        limit=limit or PAGE_SIZE,
        text=query.text,
        sort=query.sort,
        descending=query.descending,
    )
    return page, count_attachments(ctx, "log_entry_id", [entry.id for entry in page.rows])


def _rows_down_to(
    ctx: ServiceContext, project_id: str, entry_id: str
) -> tuple[list[LogEntryItem], int, dict[str, int]] | None:
    """The log from the newest entry down to the end of the page holding ``entry_id`` (worker side);
    None when the entry is not in the log."""
    offset = log.log_entry_offset(ctx, entry_id)
    if offset is None:
        return None
    wanted = (offset // PAGE_SIZE + 1) * PAGE_SIZE
    rows: list[LogEntryItem] = []
    counts: dict[str, int] = {}
    total = 0
    while len(rows) < wanted:
        page, page_counts = _page_with_counts(ctx, project_id, len(rows), min(wanted - len(rows), 1000))
        rows.extend(page.rows)
        counts.update(page_counts)
        total = page.total
        if not page.rows or len(rows) >= total:
            break
    return rows, total, counts


class LogPage(RecordsPage):
    area = AREA_LOG
    icon_name = "log"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self._generation = 0
        self.query = LogQuery()
        quick_add = self._quick_add()  # made first: Tab goes through it, then into the log below it
        self.panel = self.add_panel(
            LogModel(self),
            PanelSpec(
                key="log",
                title=self.tr("Communication log"),
                empty_text=self.tr(
                    "Nothing logged yet. Record every meeting, call and decision: months later "
                    "the log settles what was agreed."
                ),
                describe=lambda item: item.summary,
                widths=(130, 90, 300, 160, 210, 50),
                stretch_column=SUMMARY,
                optional=(PARTICIPANTS, FILES, KIND),
                paged=True,
            ),
            self.edit_entry,
        )
        self.panel.filter_wanted.connect(lambda text: self._requery(text=text))
        self.panel.model.sort_wanted.connect(self._sort)
        self.panel.act_edit.setText(self.tr("Correct…"))
        self.panel.act_edit.setToolTip(self.tr("Write a correction (Enter or F2); the original stays"))
        self.panel.model.more_wanted.connect(self._fetch_more)
        self.commitments = CommitmentsSection(self, self.panel)
        self.capture_flow = CaptureFlow(env, self, self.refresh)
        self.capture_flow.request_saved.connect(self._request_captured)
        self.act_extra_ask = QAction(self.tr("This was an extra ask…"), self)
        self.act_extra_ask.setToolTip(self.tr("Capture the selected entry as a change request"))
        self.act_extra_ask.triggered.connect(self.capture_extra_ask)
        self.panel.add_extra_action(self.act_extra_ask)
        self.act_evidence = QAction(self.tr("Evidence pack…"), self)
        self.act_evidence.setToolTip(
            self.tr("One PDF of the log over a date range, with letters, commitments and attached files")
        )
        self.act_evidence.triggered.connect(self.evidence_pack)
        self.panel.add_button(self.act_evidence)  # not a record action: needs no selection, only reads
        self.attachments = AttachmentsBox(env, self)
        self.attachments.changed.connect(self._files_changed)
        self.panel.selected.connect(self._show_files)
        self.file_drops = FileDrops(self.panel.view, self._files_dropped, read_only=env.readonly)
        self.lay_out(quick_add, self.panel, self.attachments, self.commitments.panel, stretches=(3, 1, 2))

    def _quick_add(self) -> QHBoxLayout:
        """Kind, who and what, made in the order they show: Tab follows the order widgets are made (a
        setTabOrder of the names field, a compound widget, put the text between it and its parts)."""
        self.quick_kind = enum_combo(self, LogKind, last_kind(self.env))
        self.quick_people = ParticipantsField("", (), self)
        self.quick_people.edit.setPlaceholderText(self.tr("who (optional)"))
        self.quick_people.edit.returnPressed.connect(self.quick_add)
        self.quick_people.setFixedWidth(self.quick_people.fontMetrics().horizontalAdvance("0") * 18 + 40)
        self.quick_text = QLineEdit(self)
        self.quick_text.setObjectName("logQuickAdd")
        self.quick_text.setPlaceholderText(self.tr("Quick add: what happened, Enter logs it now"))
        self.quick_text.setToolTip(
            self.tr("Type what happened and press Enter: logged now, with the kind on the left")
        )
        self.quick_text.returnPressed.connect(self.quick_add)
        self.quick_text.setEnabled(not self.env.readonly)
        row = QHBoxLayout()
        row.addWidget(self.quick_kind)
        row.addWidget(self.quick_people)
        row.addWidget(self.quick_text, 1)
        return row

    def title(self) -> str:
        return self.tr("Log")

    def focus_quick_add(self) -> None:
        self.quick_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.quick_text.selectAll()

    def loader(self) -> Callable[[ServiceContext, str], LogData]:
        query = self.query
        return lambda ctx, project_id: LogPage.load(ctx, project_id, query)

    def _requery(self, **changes: Any) -> None:
        self.query = replace(self.query, **changes)
        self.refresh()

    def _sort(self, column: int, descending: bool) -> None:
        """A header click: the database sorts the whole log (columns it cannot sort keep the order)."""
        if column in SORTS:
            self._requery(sort=SORTS[column], descending=descending)

    @staticmethod
    def load(ctx: ServiceContext, project_id: str, query: LogQuery = LogQuery()) -> LogData:
        page, counts = _page_with_counts(ctx, project_id, 0, query=query)
        return LogData(
            page=page,
            links=_links(ctx, project_id),
            commitments=load_commitments(ctx, project_id),
            file_counts=counts,
        )

    def show_data(self, data: LogData) -> None:
        self._generation += 1
        links = data.links
        options = (*links.change_requests, *links.expectations, *links.milestones, *links.issues)
        self.panel.model.link_names = {record_id: text for text, record_id in options}  # type: ignore[attr-defined]
        self.panel.model.file_counts = dict(data.file_counts)  # type: ignore[attr-defined]
        self.quick_people.set_contacts(links.contacts)
        self.panel.set_records(data.page.rows, data.page.total)
        self.commitments.show(data.commitments)

    def _fetch_more(self, offset: int) -> None:
        ctx, project_id, generation, query = self.env.ctx, self.project_id, self._generation, self.query
        assert project_id is not None

        def append(loaded: tuple[Page[LogEntryItem], dict[str, int]]) -> None:
            page, counts = loaded
            if generation == self._generation and project_id == self.project_id:
                self.panel.model.file_counts.update(counts)  # type: ignore[attr-defined]
                self.panel.append_records(page.rows, page.total)

        self.env.tasks.submit(
            lambda: _page_with_counts(ctx, project_id, offset, query=query),
            append,
            self._failed,
            key="log-more",
        )

    def evidence_pack(self) -> None:
        """The evidence pack of a date range of this project's log (the dialog asks for the range)."""
        if self.project_id is not None:
            self.dialog = open_evidence_dialog(self, self.env, self.project_id)

    def record_not_loaded(self, record_id: str) -> None:
        """An entry beyond the pages loaded so far (a search hit): load the log down to it, select it
        (in the log's own order: a filter or a sort of the moment is set aside)."""
        ctx, project_id = self.env.ctx, self.project_id
        assert project_id is not None
        if not self.query.is_default:
            self.query = LogQuery()
            self.panel.filter_edit.blockSignals(True)
            self.panel.filter_edit.clear()
            self.panel.filter_edit.blockSignals(False)
            self.panel.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        def shown(loaded: tuple[list[LogEntryItem], int, dict[str, int]] | None) -> None:
            if loaded is None or project_id != self.project_id or self._pending_select != record_id:
                return
            rows, total, counts = loaded
            self._generation += 1  # a page still being fetched would now be a duplicate
            self.panel.model.file_counts = counts  # type: ignore[attr-defined]
            self.panel.set_records(rows, total)
            if self.panel.select_record(record_id):
                self._pending_select = None

        self.env.tasks.submit(
            lambda: _rows_down_to(ctx, project_id, record_id),
            shown,
            self._failed,
            key="log-reveal",
            owner=self,
        )

    def open_entry(self, original: LogEntryItem | None) -> None:
        assert self.project_id is not None
        links = self.data.links if self.data else LogLinks()
        dialog = LogEntryDialog(self.env, self.project_id, original, links, self)
        self.open_dialog(dialog)
        project_id = self.project_id
        dialog.saved.connect(
            lambda entry: self.attachments.attach(
                dialog.attachments.paths(), project_id, RecordLink(log_entry_id=entry.id)
            )
        )

    def edit_entry(self, item: LogEntryItem | None) -> None:
        """New writes an entry; editing one writes its correction (the log is append-only)."""
        if item is None:
            self.open_entry(None)
        else:
            self.correct(item)

    def correct(self, item: LogEntryItem) -> None:
        """Correct the newest version: an entry already corrected is followed to its correction."""
        if not item.corrected_by_id:
            self.open_entry(item)
            return
        ctx, newer_id = self.env.ctx, item.corrected_by_id
        self.env.tasks.submit(lambda: log.get_log_entry(ctx, newer_id), self.correct, self._failed)

    def _show_files(self, item: LogEntryItem | None) -> None:
        link = RecordLink(log_entry_id=item.id) if item is not None else None
        self.attachments.show_record(self.project_id, link)

    def _files_dropped(self, row: int, paths: list[Path]) -> None:
        """Files dropped on an entry of the list are attached to that entry."""
        entry = self.panel.item_at_view_row(row)
        self.panel.select_record(entry.id)
        self.attachments.attach(paths, self.project_id, RecordLink(log_entry_id=entry.id))

    def _files_changed(self) -> None:
        """Files attached or archived: the counts in the list change, the selection stays."""
        self._record_changed(getattr(self.panel.current_item(), "id", "") or "")

    def capture_extra_ask(self) -> None:
        item = self.panel.current_item()
        if item is not None and self.project_id is not None and not self.env.readonly:
            self.capture_flow.start(self.project_id, from_log_entry_id=item.id)

    def _request_captured(self, _project_id: str, request_id: str, text: str) -> None:
        """The entry became a change request: open it (the window shows the confirmation)."""
        self.records_changed.emit()
        self.record_opened.emit(AREA_CHANGE_REQUESTS, request_id)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    def quick_add(self) -> None:
        text = self.quick_text.text()
        if not text.strip() or self.project_id is None:
            return
        draft = LogEntryDraft(
            project_id=self.project_id,
            occurred_at=self.env.ctx.now(),
            summary=text,
            kind=self.quick_kind.currentData(),
            participants=self.quick_people.text(),
        )
        ctx = self.env.ctx
        remember_kind(self.env, draft.kind)

        def added(entry: LogEntryItem) -> None:
            self.quick_text.clear()
            self.quick_people.clear()
            self._saved(entry)

        self.env.tasks.submit(lambda: log.add_log_entry(ctx, draft), added, self._failed)


def _links(ctx: ServiceContext, project_id: str) -> LogLinks:
    return LogLinks(
        contacts=[contact.name for contact in project_contacts(ctx, project_id)],
        change_requests=[(f"{r.ref} {r.title}", r.id) for r in list_change_requests(ctx, project_id).rows],
        expectations=[(f"{e.ref} {e.statement}", e.id) for e in list_expectations(ctx, project_id).rows],
        milestones=[(f"{m.ref} {m.name}", m.id) for m in list_milestones(ctx, project_id).rows],
        issues=[(f"{i.ref} {i.title}", i.id) for i in list_issues(ctx, project_id).rows],
    )
