"""A record's files on a project page (``AttachmentsBox``): Add files…, Open, Save as…, Archive.

Every read, check and write runs on the task runner (a 25 MB photo never freezes the window). Open
writes the verified bytes to a private temporary folder under a safe name and hands that copy to the
desktop's viewer; Save as… writes atomically. Attachments are archived, never deleted. Files can be
dropped on the box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from deliverydesk.domain.attachments import clean_filename
from deliverydesk.domain.models import AttachmentItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_datetime
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.labels import labelled
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.pages.project.panel import PanelSpec, RecordPanel
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.attachments import (
    ERROR_STYLE,
    choose_files,
    dropped_files,
    format_size,
    open_folder,
    take_dropped_files,
)
from deliverydesk.services.records.attachments import (
    AttachOutcome,
    RecordLink,
    archive_attachment,
    attach_files,
    list_attachments,
    private_copy,
    restore_attachment,
    save_attachment_as,
)

NAME, SIZE, TYPE, ADDED = range(4)


class AttachmentModel(RecordTableModel[AttachmentItem]):
    numeric_columns = (SIZE,)
    sort_fields = {SIZE: "size", ADDED: "created_at"}

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Size"), self.tr("Type"), self.tr("Added")]

    def text(self, item: AttachmentItem, column: int) -> str:
        values = (item.filename, format_size(item.size), item.media_type, format_datetime(item.created_at))
        return values[column]

    def tip(self, item: AttachmentItem, column: int) -> str | None:
        return f"{item.filename}\nSHA-256 {item.sha256}" if column == NAME else None


class AttachmentsBox(QWidget):
    """The files of one record (a log entry, a change request): Add files…, Open, Save as…, Archive."""

    changed = Signal()  # files were attached, archived or restored

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("attachmentsBox")
        self.project_id: str | None = None
        self.link: RecordLink | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # replaced in tests
        self.panel = self._make_panel()
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # file names are data, never markup
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.note)
        self.setAcceptDrops(True)
        rows = self.panel.view.verticalHeader().defaultSectionSize()
        self.setMinimumHeight(rows * 5)  # the bar, the header and three files
        self.show_record(None, None)

    def _make_panel(self) -> RecordPanel:
        """A record panel whose New adds files and Edit opens one, with Save as…"""
        spec = PanelSpec(
            key="attachments",
            title=self.tr("Attachments"),
            empty_text=self.tr("No files attached. Add photos or scans, or drop files here."),
            describe=lambda item: item.filename,
            archive=archive_attachment,
            restore=restore_attachment,
            widths=(240, 70, 120, 130),
            stretch_column=NAME,
            optional=(ADDED, TYPE),
        )
        panel = RecordPanel(self.env, AttachmentModel(self), spec, self)
        panel.view.setObjectName("attachmentsTable")
        panel.act_new.setText(self.tr("Add files…"))
        panel.act_new.setToolTip(self.tr("Attach photos, scans or other files (or drop them here)"))
        panel.act_edit.setText(self.tr("Open"))
        panel.act_edit.setToolTip(self.tr("Open a copy with the program your computer uses for it"))
        panel.empty_button.setText(self.tr("Add files…"))
        self.act_save_as = QAction(self.tr("Save as…"), panel)
        self.act_save_as.triggered.connect(self.save_current_as)
        panel.add_extra_action(self.act_save_as)
        panel.new_wanted.connect(self.choose)
        panel.edit_wanted.connect(self.open)
        panel.changed.connect(lambda _id: self._changed())
        panel.selected.connect(lambda _item: self._enable_save_as())
        return panel

    def _enable_save_as(self) -> None:
        """Saving a copy writes nothing to the database: allowed read-only too (extra actions are not)."""
        item = self.panel.current_item()
        self.act_save_as.setEnabled(item is not None and not item.archived)

    # --- the record shown ----------------------------------------------------------------------
    def show_record(self, project_id: str | None, link: RecordLink | None) -> None:
        """Show ``link``'s files (None: nothing selected, nothing to attach to)."""
        if (project_id, link) != (self.project_id, self.link):
            self.show_note("")
        self.project_id, self.link = project_id, link
        self.panel.set_records([])
        self.panel.setEnabled(link is not None)
        self.reload()

    def reload(self) -> None:
        project_id, link, ctx = self.project_id, self.link, self.env.ctx
        if project_id is None or link is None:
            return

        def loaded(rows: Sequence[AttachmentItem]) -> None:
            if (project_id, link) == (self.project_id, self.link):
                self.panel.set_records(rows)
                self._enable_save_as()

        self.env.tasks.submit(
            lambda: list_attachments(ctx, project_id, link=link, include_archived=True).rows,
            loaded,
            self._failed,
            key=f"attachments-{id(self)}",
            owner=self,
        )

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    # --- adding --------------------------------------------------------------------------------
    def choose(self) -> None:
        if self.link is not None and not self.env.readonly:
            self.attach(choose_files(self))

    def attach(
        self, paths: Sequence[Path], project_id: str | None = None, link: RecordLink | None = None
    ) -> None:
        """Attach ``paths`` on a worker to ``link`` (default: the record shown); refusals are listed."""
        project_id, link = project_id or self.project_id, link or self.link
        if not paths or project_id is None or link is None or self.env.readonly:
            return
        ctx, files = self.env.ctx, list(paths)
        self.show_note(self.tr("Attaching %n file(s)…", "", len(files)))
        self.env.tasks.submit(
            lambda: attach_files(ctx, project_id, files, link), self._attached, self._failed
        )

    def _attached(self, outcome: AttachOutcome) -> None:
        refused = [labelled(name, shown(reason)) for name, reason in outcome.refused]
        heading = self.tr("Not attached:")
        self.show_note("\n".join([heading, *refused]) if refused else "", error=bool(refused))
        if outcome.added:
            self._changed()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.link is not None and not self.env.readonly and dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.attach(take_dropped_files(event))

    # --- opening and saving --------------------------------------------------------------------
    def open(self, item: AttachmentItem) -> None:
        """A verified copy in the private folder, opened by the desktop (never the stored name as is)."""
        ctx, folder = self.env.ctx, open_folder()
        self.env.tasks.submit(
            lambda: private_copy(ctx, item.id, folder),
            lambda path: self.open_url(QUrl.fromLocalFile(str(path))),
            self._failed,
            owner=self,
        )

    def save_current_as(self) -> None:
        item = self.panel.current_item()
        if item is None or item.archived:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save attachment"), str(Path.home() / clean_filename(item.filename))
        )
        if name:
            self.save_as(item, Path(name))

    def save_as(self, item: AttachmentItem, out: Path) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: save_attachment_as(ctx, item.id, out),
            lambda path: self.show_note(self.tr("Saved to %1").replace("%1", str(path))),
            self._failed,
            owner=self,
        )

    # --- messages ------------------------------------------------------------------------------
    def show_note(self, text: str, *, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(ERROR_STYLE if error else MUTED_STYLE)
        self.note.setVisible(bool(text))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.show_note(error_text(error), error=True)
