"""Project navigator: every project with client, status, next milestone and attention markers.

Filter (text, status, client) and sort run in SQL through ``list_projects`` on the task runner; every
keystroke submits a query under one key, so a slower result of an older keystroke is dropped. The
model is fed pages; scrolling to the end asks for the next page.

The pane keeps its width between pages (the window's splitter gives it no stretch) and fits its
columns to it: the project's name takes the room, and the columns the width cannot hold (scope creep,
goodwill, next milestone, status, client, in that order) step aside instead of a horizontal scroll bar;
widening the pane brings them back. Long names are elided and shown whole in their tooltip."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import ProjectStatus
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.models.projects import (
    ATTENTION,
    CLIENT,
    CODE,
    GOODWILL,
    NAME,
    NEXT_MILESTONE,
    PROJECT_ID_ROLE,
    SCOPE_CREEP,
    SORT_KEYS,
    STATUS,
    ProjectListModel,
)
from deliverydesk.gui.pages.project.table import fit_headers
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.tables import record_table

if TYPE_CHECKING:  # the domain's records load with the list's first query
    from deliverydesk.domain.models import Page, ProjectSummary

PAGE_SIZE = 200
STATE_KEY = "navigator"
WIDTHS = (26, 96, 180, 130, 80, 150, 70, 80)  # attention, code, project, client, status, next, meters
OPTIONAL = (SCOPE_CREEP, GOODWILL, NEXT_MILESTONE, STATUS, CLIENT)  # hidden first to last when narrow
# The project's name keeps at least its own width while optional columns remain: at 120 px the list's
# default width at 1366 px (~395 px) showed the client and cut every name after ~18 characters.
MIN_NAME = WIDTHS[NAME]


@dataclass(frozen=True)
class ProjectQuery:
    text: str = ""
    status: ProjectStatus | None = None
    client_id: str | None = None
    sort: str = "code"
    descending: bool = False


class ProjectNavigator(QWidget):
    project_selected = Signal(str)

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.query = ProjectQuery()
        self._generation = 0
        self._selected_id: str | None = None
        self.model = ProjectListModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("projectFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, name or client"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.status_combo = self._status_combo()
        self.client_combo = QComboBox(self)
        self.client_combo.setObjectName("clientFilter")
        self.client_combo.addItem(self.tr("All clients"), None)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(4)
        self.busy.setTextVisible(False)
        policy = self.busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # shown and hidden for every query: the list never moves
        self.busy.setSizePolicy(policy)
        self.busy.setVisible(env.tasks.is_busy)  # busy_changed only tells of changes to come
        self.count_label = QLabel(self)
        self.count_label.setObjectName("projectCount")
        self.legend = self._make_legend()
        self.view = self._make_view()
        self._layout()
        self._connect()

    def _status_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("statusFilter")
        combo.addItem(self.tr("All statuses"), None)
        for status in ProjectStatus:
            combo.addItem(label(status), status)
        return combo

    def _make_legend(self) -> QWidget:
        """What the "!" column's marker means, under the list."""
        box = QWidget(self)
        picture = QLabel(box)
        picture.setPixmap(icon("attention").pixmap(12, 12))
        text = QLabel(self.model.attention_legend(), box)
        text.setObjectName("attentionLegend")
        text.setWordWrap(True)
        text.setStyleSheet(MUTED_STYLE)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        return box

    def _make_view(self) -> QTableView:
        view = record_table(self, self.model, "projectTable")
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setSortingEnabled(True)
        header.setSortIndicator(CODE, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate(WIDTHS):
            view.setColumnWidth(column, width)
        fit_headers(view)  # Chinese headers are wider than the English ones the widths were written for
        self._nominal = [view.columnWidth(c) for c in range(len(WIDTHS))]
        header.setSectionResizeMode(ATTENTION, QHeaderView.ResizeMode.Fixed)
        self.env.ui_state.restore_header(STATE_KEY, header)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)  # ``eventFilter``: the columns fit the list's width
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Fitted when the list itself is resized: the pane's own resize comes before its layout places
        # the list (a start that restores a wide pane found the list still narrow and hid them all).
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Hide the optional columns the pane cannot hold, so no column is cut and nothing scrolls."""
        available = self.view.viewport().width() or self.view.width() - 2 * self.view.frameWidth()
        hidden: set[int] = set()
        for column in OPTIONAL:
            needed = MIN_NAME + sum(
                self._nominal[c] for c in range(len(WIDTHS)) if c != NAME and c not in hidden
            )
            if needed <= available:
                break
            hidden.add(column)
        for column in range(len(WIDTHS)):
            self.view.setColumnHidden(column, column in hidden)

    def _layout(self) -> None:
        filters = QHBoxLayout()  # under the filter field, which keeps the whole width for its hint
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.client_combo, 1)
        for combo in (self.status_combo, self.client_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addLayout(filters)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(lambda text: self._requery(text=text))
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self._requery(status=self.status_combo.currentData())
        )
        self.client_combo.currentIndexChanged.connect(
            lambda _i: self._requery(client_id=self.client_combo.currentData())
        )
        self.filter_edit.returnPressed.connect(self.enter_list)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter_edit, self.enter_list)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.model.sort_wanted.connect(self._sort)
        self.model.more_wanted.connect(self._fetch_more)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.env.tasks.busy_changed.connect(self.busy.setVisible)

    # --- queries -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the client list and the current page of projects (after a save elsewhere)."""
        # The services load with the list's first query (Today is shown first: not before the first paint).
        from deliverydesk.services.records.clients import list_clients

        ctx = self.env.ctx
        self.env.tasks.submit(lambda: list_clients(ctx, limit=500), self._set_clients, key="clients")
        self._requery()

    def _requery(self, **changes: Any) -> None:
        self.query = replace(self.query, **changes)
        self._generation += 1
        self._submit(0, self._show_page)

    def _submit(self, offset: int, on_done: Any) -> None:
        ctx, query = self.env.ctx, self.query

        def run() -> Page[ProjectSummary]:
            from deliverydesk.services.records.projects import list_projects

            return list_projects(
                ctx,
                text=query.text,
                status=query.status,
                client_id=query.client_id,
                sort=query.sort,
                descending=query.descending,
                offset=offset,
                limit=PAGE_SIZE,
            )

        key = "navigator" if offset == 0 else "navigator-more"
        self.env.tasks.submit(run, on_done, self._failed, key=key, owner=self)

    def _show_page(self, page: Page[ProjectSummary]) -> None:
        self.model.set_rows(page.rows, page.total)
        self.count_label.setText(self.tr("%n project(s)", "", page.total))
        self._reselect()

    def _fetch_more(self, offset: int) -> None:
        generation = self._generation

        def append(page: Page[ProjectSummary]) -> None:
            if generation == self._generation:  # the filter changed meanwhile: not our rows
                self.model.append_rows(page.rows, page.total)

        self._submit(offset, append)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.count_label.setText(error_message(error))

    def _set_clients(self, page: Any) -> None:
        current = self.client_combo.currentData()
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("All clients"), None)
        for client in page.rows:
            self.client_combo.addItem(client.name, client.id)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(current)))
        self.client_combo.blockSignals(False)

    def _sort(self, column: int, descending: bool) -> None:
        from deliverydesk.services.records.projects import PROJECT_SORTS

        key = SORT_KEYS.get(column)
        if key is None or key not in PROJECT_SORTS:
            self._show_sort_indicator()
            return
        self._requery(sort=key, descending=descending)

    def _show_sort_indicator(self) -> None:
        column = next((c for c, k in SORT_KEYS.items() if k == self.query.sort), CODE)
        order = Qt.SortOrder.DescendingOrder if self.query.descending else Qt.SortOrder.AscendingOrder
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    # --- selection ---------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        project_id = indexes[0].data(PROJECT_ID_ROLE)
        if project_id and project_id != self._selected_id:
            self._selected_id = project_id
            self.project_selected.emit(project_id)

    def select_project(self, project_id: str) -> None:
        """Select ``project_id`` if it is in the loaded rows (else remember it for the next page)."""
        self._selected_id = project_id
        self._reselect()

    def _reselect(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_item(row).id == self._selected_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return

    def enter_list(self) -> None:
        """Enter or Down in the filter: into the list, on the chosen project or else the first match
        (opened). Tab would land on the list with no row selected, where Down skips the first row."""
        if self.model.rowCount() == 0:
            return
        if not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def save_state(self) -> None:
        self.env.ui_state.save_header(STATE_KEY, self.view.horizontalHeader())

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
