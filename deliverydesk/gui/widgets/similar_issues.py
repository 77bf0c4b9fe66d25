"""Similar issues at other clients, shown while an issue is being logged: the same category or
similar words (Chinese or English), each with how it was resolved there. The search runs on the
task runner a moment after the typing stops; a result for older text is dropped."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import SimilarIssue
from deliverydesk.errors import DeliveryDeskError, ValidationError
from deliverydesk.gui.dialogs.records.category_combo import CategoryCombo
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.gui.pages.base import AREA_ISSUES
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.services.learning.recurrence import similar_issues

DEBOUNCE_MS = 350
MIN_TEXT = 2  # characters of title + symptoms before searching (two Chinese characters are a word)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_keys = itertools.count(1)

# (title, symptoms, category_id) -> the similar issues; runs on a worker
Search = Callable[[str, str, "str | None"], list[SimilarIssue]]


@dataclass(frozen=True)
class IssueFields:
    """The issue dialog's fields the search follows, and its form (the panel goes beside it)."""

    form: QFormLayout
    title: QLineEdit
    symptoms: QPlainTextEdit
    category: CategoryCombo

    def category_id(self) -> str | None:
        """The chosen category; None also while the typed text names none (yet)."""
        try:
            return self.category.category_id()
        except ValidationError:
            return None


class SimilarIssueModel(FedTableModel[SimilarIssue]):
    def __init__(self, language: Language, parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language

    def headers(self) -> list[str]:
        return [self.tr("Similar issue")]

    def cell(self, item: SimilarIssue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(item)
        if role == ITEM_ROLE:
            return item
        return None

    def text(self, item: SimilarIssue) -> str:
        """Three lines: the issue, where and when, and how it was resolved there."""
        place = f"{item.client_name} · {item.project_code} {item.ref} · {format_date(item.reported_on)}"
        resolution = " ".join(item.resolution.split())
        if resolution:
            outcome = self.tr("Resolved: %1").replace("%1", resolution)
        elif item.resolved_on is None:
            outcome = self.tr("Not resolved yet")
        else:
            outcome = self.tr("Resolved on %1").replace("%1", format_date(item.resolved_on))
        return f"{item.title}\n{place}\n{outcome}"

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
        language = env.language
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

    def _make_view(self) -> QListView:
        view = QListView(self)
        view.setObjectName("similarIssuesView")
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setSpacing(2)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.status.setText(error_message(error))

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if isinstance(item, SimilarIssue):
            self.issue_opened.emit(item.project_id, item.issue_id)


def attach_to_issue_dialog(
    dialog: QDialog, env: GuiEnv, project_id: str, fields: IssueFields
) -> SimilarIssuesPanel:
    """Put the panel beside the dialog's form, search as the fields change, and open a similar issue
    in the main window (behind the dialog, which stays open with everything typed)."""

    def search(title: str, symptoms: str, category_id: str | None) -> list[SimilarIssue]:
        return similar_issues(
            env.ctx, project_id=project_id, title=title, symptoms=symptoms, category_id=category_id
        )

    panel = SimilarIssuesPanel(env, search, dialog)
    dialog.setMinimumWidth(max(dialog.minimumWidth(), 940))
    layout = getattr(dialog, "content_layout", None) or dialog.layout()  # a FormDialog's scrolled content
    assert isinstance(layout, QVBoxLayout)
    form_index = next(
        i for i in range(layout.count()) if (item := layout.itemAt(i)) and item.layout() is fields.form
    )
    layout.takeAt(form_index)
    row = QHBoxLayout()
    row.addLayout(fields.form, 3)
    row.addWidget(panel, 2)
    layout.insertLayout(form_index, row)

    def changed() -> None:
        panel.update_query(fields.title.text(), fields.symptoms.toPlainText(), fields.category_id())

    fields.title.textChanged.connect(changed)
    fields.symptoms.textChanged.connect(changed)
    fields.category.currentTextChanged.connect(changed)
    panel.issue_opened.connect(lambda project, issue: _open_in_window(dialog, project, issue))
    changed()
    return panel


def _open_in_window(dialog: QDialog, project_id: str, issue_id: str) -> None:
    """The main window's ``open_record`` (the dialog's parent page lives in it)."""
    parent = dialog.parentWidget()
    opener = getattr(parent.window(), "open_record", None) if parent is not None else None
    if callable(opener):
        opener(project_id, AREA_ISSUES, issue_id)
