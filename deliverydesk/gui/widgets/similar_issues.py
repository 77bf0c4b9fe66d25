"""Similar issues at other clients, shown while an issue is being logged: the same category or
similar words (Chinese or English), each with how it was resolved there. The search runs on the
task runner a moment after the typing stops; a result for older text is dropped."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import SimilarIssue
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.gui.style import MUTED_STYLE

DEBOUNCE_MS = 350
MIN_TEXT = 2  # characters of title + symptoms before searching (two Chinese characters are a word)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_keys = itertools.count(1)

# (title, symptoms, category_id) -> the similar issues; runs on a worker
Search = Callable[[str, str, "str | None"], list[SimilarIssue]]


class SimilarIssueModel(FedTableModel[SimilarIssue]):
    def __init__(self, language: Language, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language

    def headers(self) -> list[str]:
        return [self.tr("Client"), self.tr("Issue"), self.tr("Resolution there")]

    def cell(self, item: SimilarIssue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(item)
        if role == ITEM_ROLE:
            return item
        return None

    def text(self, item: SimilarIssue, column: int) -> str:
        if column == 0:
            return item.client_name
        if column == 1:
            return f"{item.project_code} {item.ref}  {item.title}"
        if item.resolution.strip():
            return " ".join(item.resolution.split())
        return self.tr("(not resolved yet)") if item.resolved_on is None else ""

    def tip(self, item: SimilarIssue) -> str:
        category = item.category_name(self.language)
        facts = [
            f"{item.client_name} · {item.project_code} {item.project_name}",
            f"{item.ref} {item.title}",
            self.tr("Category: %1").replace("%1", category) if category else "",
            self.tr("Reported %1").replace("%1", format_date(item.reported_on)),
        ]
        texts = [item.symptoms, item.root_cause, item.resolution]
        return "\n".join(
            [*(line for line in facts if line), "", *(text.strip() for text in texts if text.strip())]
        ).strip()


class SimilarIssuesPanel(QWidget):
    """Call ``update_query`` on every change of title, symptoms or category."""

    issue_opened = Signal(str, str)  # project_id, issue_id

    def __init__(self, env: GuiEnv, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarIssues")
        self.env, self.search = env, search
        self._task_key = f"similar-issues-{next(_keys)}"
        self._query: tuple[str, str, str | None] = ("", "", None)
        language = Language.ZH_CN if env.language == Language.ZH_CN.value else Language.EN
        self.model = SimilarIssueModel(language, self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._search_now)
        self.heading = QLabel(self.tr("Similar issues at other clients"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(MUTED_STYLE)
        self.view = self._make_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.status, self.view):
            layout.addWidget(widget)
        self._show_hint()

    def _make_view(self) -> QTreeView:
        view = QTreeView(self)
        view.setObjectName("similarIssuesView")
        view.setModel(self.model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.header().setStretchLastSection(True)
        view.setColumnWidth(0, 130)
        view.setColumnWidth(1, 220)
        view.activated.connect(self._activated)  # double-click or Enter
        return view

    def update_query(self, title: str, symptoms: str, category_id: str | None) -> None:
        query = (title.strip(), symptoms.strip(), category_id)
        if query != self._query:
            self._query = query
            self.timer.start()  # restarts: searches once the typing pauses

    def _search_now(self) -> None:
        title, symptoms, category_id = self._query
        if len(title + symptoms) < MIN_TEXT and category_id is None:
            self.model.set_rows([])
            self._show_hint()
            return
        search = self.search
        self.status.setText(self.tr("Looking for similar issues…"))
        self.env.tasks.submit(
            lambda: search(title, symptoms, category_id), self.show_results, self._failed, key=self._task_key
        )

    def show_results(self, found: list[SimilarIssue]) -> None:
        self.model.set_rows(found)
        if found:
            self.status.setText(self.tr("Met before at other clients; double-click one to open it."))
        else:
            self.status.setText(self.tr("No similar issue at other clients."))

    def _show_hint(self) -> None:
        self.status.setText(self.tr("Type a title or choose a category to see similar issues."))

    def _failed(self, error: DeliveryDeskError) -> None:
        self.status.setText(error.message)

    def _activated(self, index: QModelIndex) -> None:
        item = index.siblingAtColumn(0).data(ITEM_ROLE)
        if isinstance(item, SimilarIssue):
            self.issue_opened.emit(item.project_id, item.issue_id)
