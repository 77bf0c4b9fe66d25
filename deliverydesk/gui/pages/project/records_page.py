"""A project page made of record panels: one load on the task runner feeds them all.

Saving a dialog or archiving reloads the page, reselects the record and tells the workspace
(``records_changed``) so the navigator, Home and the other pages refresh."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget

from deliverydesk.domain.models import ContactItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import FormDialog, MessageBar
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.pages.base import ProjectPage
from deliverydesk.gui.pages.project.panel import PanelSpec, RecordPanel
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.gui.undo import step_for_save
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.projects import get_project


class RecordsPage(ProjectPage):
    """Subclasses implement ``load`` (a static function run on a worker) and ``show_data``."""

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.panels: list[RecordPanel] = []
        self.dialog: FormDialog | None = None
        self.data: Any = None
        self.message_bar = MessageBar(self)
        self._pending_select: str | None = None
        self._pending_reveal = False  # opened from elsewhere: show it even if archived or not loaded

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> Any:
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def add_panel(
        self, model: RecordTableModel[Any], spec: PanelSpec, editor: Callable[[Any], None] | None = None
    ) -> RecordPanel:
        """A panel whose New and Edit call ``editor(None)`` and ``editor(record)``."""
        panel = RecordPanel(self.env, model, spec, self)
        panel.changed.connect(self._record_changed)
        if editor is not None:
            panel.new_wanted.connect(lambda: editor(None))
            panel.edit_wanted.connect(editor)
        self.panels.append(panel)
        return panel

    def lay_out(self, *parts: QWidget | QLayout, stretches: Sequence[int] = ()) -> None:
        """The message bar, then the parts; several widgets share a vertical splitter."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        widgets = [part for part in parts if isinstance(part, QWidget)]
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
        if len(widgets) == 1:
            layout.addWidget(widgets[0], 1)
            return
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        for index, widget in enumerate(widgets):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(index, stretches[index] if index < len(stretches) else 1)
        layout.addWidget(self.splitter, 1)
        key = f"project_{self.area}"  # remembered like the window's own splitter
        self.env.ui_state.restore_splitter(key, self.splitter)
        self.splitter.splitterMoved.connect(lambda *_a: self.env.ui_state.save_splitter(key, self.splitter))

    # --- loading -------------------------------------------------------------------------------
    def set_project(self, project_id: str | None) -> None:
        if project_id != self.project_id:
            if self.data is not None:  # a page never shown for the last project has nothing to clear
                for panel in self.panels:
                    panel.set_records([])
            self.data = None
        super().set_project(project_id)

    def loader(self) -> Callable[[ServiceContext, str], Any]:
        """What ``refresh`` runs on the worker (a page with its own query state binds it here)."""
        return self.load

    def refresh(self) -> None:
        ctx, project_id, load = self.env.ctx, self.project_id, self.loader()
        if project_id is None:
            return
        self.env.tasks.submit(
            lambda: load(ctx, project_id),
            lambda data: self._loaded(project_id, data),
            self._failed,
            key=f"page-{self.area}",
            owner=self,  # a page deleted meanwhile (window closed) gets nothing
        )

    def _loaded(self, project_id: str, data: Any) -> None:
        if project_id != self.project_id:
            return  # the user moved on to another project meanwhile
        self.message_bar.show_message("")
        self.data = data
        self.show_data(data)
        if self._pending_select is not None:
            self._select(self._pending_select, self._pending_reveal)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    # --- records -------------------------------------------------------------------------------
    def show_record(self, record_id: str) -> None:
        """Select a record opened from elsewhere (Home, Search, a capture): an archived one is
        revealed, a paged page loads the rows down to it (``record_not_loaded``), and the keyboard
        goes to its list, where the record's keys act on it (Enter edits, Ctrl+D decides)."""
        self._select(record_id, reveal=True)

    def _select(self, record_id: str, reveal: bool) -> None:
        self._pending_select, self._pending_reveal = record_id, reveal
        holder = next((p for p in self.panels if p.select_record(record_id, reveal_archived=reveal)), None)
        if holder is not None:
            self._pending_select = None
            if reveal and self.isVisible():
                holder.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif reveal and self.data is not None:
            self.record_not_loaded(record_id)

    def record_not_loaded(self, record_id: str) -> None:
        """The page's data is in but holds no such record: a paged page loads the page holding it."""

    def open_dialog(self, dialog: FormDialog) -> FormDialog:
        """Window-modal and non-blocking; kept on ``self.dialog`` (tests drive it). What it saves can
        be undone (Edit ▸ Undo): the record it was opened with is what an edit goes back to."""
        self.dialog = dialog
        before = getattr(dialog, "item", None)
        dialog.saved.connect(lambda record: self._saved(record, before))
        dialog.open()
        return dialog

    def _saved(self, record: Any, before: Any = None) -> None:
        self.env.undo.record(step_for_save(before, record))
        self._record_changed(getattr(record, "id", "") or "")

    def _record_changed(self, record_id: str) -> None:
        self._pending_select, self._pending_reveal = record_id or None, False
        self.refresh()
        self.records_changed.emit()


def project_contacts(ctx: ServiceContext, project_id: str) -> tuple[ContactItem, ...]:
    """The current contacts of the project's client (for "agreed with" / "requested by"); worker side."""
    project = get_project(ctx, project_id)
    return list_contacts(ctx, project.client_id).rows
