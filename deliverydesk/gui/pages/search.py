"""Search records…: find text in the log, change requests, expectations and issues.

A non-modal window beside the main window. Typing searches after a short pause, on the task
runner (a newer search supersedes an older one: late results are dropped); the table asks for more
as it scrolls and never holds the whole result. Enter or a double-click opens the record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.models import Page, ProjectItem
from deliverydesk.domain.search import SearchHit, SearchKind, parse_query
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.pages.search_evidence import SearchEvidence
from deliverydesk.gui.pages.search_model import (
    AREAS,
    FOUND,
    HIT_ROLE,
    TITLE,
    SearchResultsModel,
    SnippetDelegate,
)
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.search import MAX_MATCHES, search_records

DEBOUNCE_MS = 250
PAGE_SIZE = 50


class SearchDialog(ScreenDialog):
    record_opened = Signal(str, str, str)  # project_id, area, record_id

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.project_id: str | None = None
        self._generation = 0  # bumped by every new search: pages of an older one are dropped
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search records"))
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr('Words or "a phrase" in Chinese or English; all must match'))
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the code comes later
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for kind, name in self._kind_names().items():
            self.kind.addItem(name, kind)
        self.archived = QCheckBox(self.tr("Include archived"), self)
        self.status = QLabel(self)
        self.model = SearchResultsModel(self)
        self.view = self._make_view()
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.evidence = SearchEvidence(self, env)
        self._connect()
        self._layout()
        self.set_project(None)
        self.resize(1000, 560)

    def _kind_names(self) -> dict[SearchKind, str]:
        return {
            SearchKind.LOG_ENTRY: self.tr("Log"),
            SearchKind.CHANGE_REQUEST: self.tr("Change requests"),
            SearchKind.EXPECTATION: self.tr("Expectations"),
            SearchKind.ISSUE: self.tr("Issues"),
        }

    def _make_view(self) -> QTableView:
        view = record_table(self, self.model, "searchResults")
        view.setItemDelegateForColumn(FOUND, SnippetDelegate(view))
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.activated.connect(self.open_hit)  # Enter, or a double-click
        return view

    def _connect(self) -> None:
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self.search_now)
        self.timer.timeout.connect(self.search_now)
        for combo in (self.scope, self.kind):
            combo.currentIndexChanged.connect(lambda _index: self.search_now())
        self.archived.toggled.connect(lambda _on: self.search_now())
        self.model.more_wanted.connect(self._load_more)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.scope)
        filters.addWidget(self.kind)
        filters.addWidget(self.archived)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.evidence.button)
        layout.addLayout(bottom)

    # --- scope ---------------------------------------------------------------------------------
    def set_project(self, project_id: str | None) -> None:
        """The open project, offered as the scope (and chosen) when there is one; its code follows."""
        self.project_id = project_id
        self.scope.blockSignals(True)
        self.scope.clear()
        if project_id is not None:
            self.scope.addItem(self.tr("This project"), project_id)
            ctx = self.env.ctx
            self.env.tasks.submit(lambda: get_project(ctx, project_id), self._show_code, key="search-scope")
        self.scope.addItem(self.tr("All projects"), None)
        self.scope.setCurrentIndex(0)
        self.scope.blockSignals(False)

    def _show_code(self, project: ProjectItem) -> None:
        if self.project_id == project.id and self.scope.itemData(0) == project.id:
            self.scope.setItemText(0, self.tr("This project (%1)").replace("%1", project.code))

    def start(self) -> None:
        """Show, raise and put the cursor in the query box (its text selected, to type over)."""
        if self.isVisible():  # behind the main window: bring it forward
            self.raise_()
            self.activateWindow()
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        if self.query.text().strip():
            self.search_now()

    # --- searching -----------------------------------------------------------------------------
    def search_now(self) -> None:
        self.timer.stop()
        self._generation += 1
        parsed = parse_query(self.query.text())
        self.evidence.update(0)  # until the new results are in
        if parsed.is_empty:
            self.model.set_rows([], 0)
            self.status.setText(self.tr("Type what to look for."))
            return
        self.status.setText(self.tr("Searching…"))
        self._submit(0, self._shown)

    def _submit(self, offset: int, on_done: Callable[[tuple[int, Page[SearchHit]]], None]) -> None:
        ctx, generation = self.env.ctx, self._generation
        text, project_id = self.query.text(), self.scope.currentData()
        kind = self.kind.currentData()
        kinds = [kind] if kind is not None else None
        archived = self.archived.isChecked()

        def run() -> tuple[int, Page[SearchHit]]:
            page = search_records(
                ctx,
                text,
                project_id=project_id,
                kinds=kinds,
                include_archived=archived,
                offset=offset,
                limit=PAGE_SIZE,
            )
            return generation, page

        self.env.tasks.submit(run, on_done, self._failed, key="search" if offset == 0 else None, owner=self)

    def _shown(self, result: tuple[int, Page[SearchHit]]) -> None:
        generation, page = result
        if generation != self._generation:
            return
        self.model.set_rows(page.rows, page.total)
        self.evidence.update(page.total)
        self._fit_columns()
        self.status.setText(self._summary(page.total))
        if page.rows:
            self.view.selectRow(0)

    def _fit_columns(self) -> None:
        """Short columns fit their contents; the title gets at most a quarter, the found text the rest."""
        self.view.resizeColumnsToContents()
        widest_title = max(120, self.view.viewport().width() // 4)
        self.view.setColumnWidth(TITLE, min(self.view.columnWidth(TITLE), widest_title))

    def _load_more(self, offset: int) -> None:
        self._submit(offset, self._more_shown)

    def _more_shown(self, result: tuple[int, Page[SearchHit]]) -> None:
        generation, page = result
        if generation == self._generation:
            self.model.append_rows(page.rows, page.total)

    def _summary(self, total: int) -> str:
        if total == 0:
            text = self.tr("No record contains all of these words.")
        elif total > MAX_MATCHES:
            text = self.tr("More than %1 matches; the newest are listed. Add a word to narrow the search.")
            text = text.replace("%1", str(MAX_MATCHES))
        else:
            text = self.tr("Matches: %n", "", total)
        if parse_query(self.query.text()).truncated:
            text += " " + self.tr("(only the beginning of a very long search text is used)")
        return text

    def _failed(self, error: DeliveryDeskError) -> None:
        self.status.setText(error_message(error))

    # --- opening -------------------------------------------------------------------------------
    def open_hit(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(0).data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.record_opened.emit(hit.project_id, AREAS[hit.kind], hit.record_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down in the query box moves to the results (where Enter opens the record)."""
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.model.rowCount():
            self.view.setFocus()
            return
        super().keyPressEvent(event)
