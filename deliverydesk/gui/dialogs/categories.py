"""Categories… : the shared, bilingual taxonomy of issues and extra asks (all projects, all clients).

A list with both names and how much each category is used; add, rename, archive and restore. The
editor is a FormDialog, so a name that is missing or already taken shows its message next to it.
Every service call runs on the task runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCollator, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.drafts import CategoryDraft
from deliverydesk.domain.models import CategoryItem, CategoryUsage
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.base import FormDialog, MessageBar
from deliverydesk.gui.dialogs.records.fields import area, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.models.fed import FedTableModel
from deliverydesk.gui.pages.project.table import fit_headers
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories

ENGLISH, CHINESE, USED, DESCRIPTION = range(4)
ARCHIVED_COLOUR = QColor("#8a939e")


@dataclass(frozen=True)
class CategoryRowItem:
    category: CategoryItem
    usage: CategoryUsage | None


def load_categories(ctx: ServiceContext, include_archived: bool) -> list[CategoryRowItem]:
    """Worker side: the categories (by the UI language's name) with their usage."""
    usage = categories.category_usage(ctx)
    found = categories.list_categories(ctx, include_archived=include_archived)
    return [CategoryRowItem(item, usage.get(item.id)) for item in found]


class CategoryModel(FedTableModel[CategoryRowItem]):
    def headers(self) -> list[str]:
        return [self.tr("English name"), self.tr("Chinese name"), self.tr("Used by"), self.tr("Description")]

    def cell(self, row: CategoryRowItem, column: int, role: int) -> Any:
        item = row.category
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and item.archived:
            return ARCHIVED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION:
            return item.description or None
        return None

    def text(self, row: CategoryRowItem, column: int) -> str:
        item, usage = row.category, row.usage
        if column == ENGLISH:
            archived = self.tr("(archived)")
            return f"{item.name_en} {archived}" if item.archived else item.name_en
        if column == CHINESE:
            return item.name_zh
        if column == USED:
            issues = usage.issue_count if usage else 0
            asks = usage.change_request_count if usage else 0
            return self.tr("Issues: %1 · Extra asks: %2").replace("%1", str(issues)).replace("%2", str(asks))
        return " ".join(item.description.split())


class CategoryEditor(FormDialog):
    """New category, or rename one: both names required, unique without case."""

    def __init__(self, ctx: ServiceContext, item: CategoryItem | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryEditor")
        self.ctx, self.item = ctx, item
        self.setWindowTitle(self.tr("New category") if item is None else self.tr("Rename category"))
        self.setMinimumWidth(460)
        self.name_en = self.add_field(
            "name_en", self.tr("English name"), line(self, item.name_en if item else "")
        )
        self.name_zh = self.add_field(
            "name_zh", self.tr("Chinese name"), line(self, item.name_zh if item else "")
        )
        self.description = self.add_field(
            "description", self.tr("Description"), area(self, item.description if item else "", 3)
        )
        self.name_en.setPlaceholderText(self.tr("e.g. Label printing"))
        self.name_zh.setPlaceholderText(self.tr("e.g. 标签打印"))

    def save(self) -> CategoryItem:
        draft = CategoryDraft(
            id=self.item.id if self.item else None,
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
            description=self.description.toPlainText(),
        )
        if self.item is None:
            return categories.create_category(self.ctx, draft)
        return categories.update_category(self.ctx, draft)


class CategoriesDialog(ScreenDialog):
    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Categories"))
        self.env = env
        self.model = CategoryModel(self)
        self._pending: str | None = None  # the category to select once the list is loaded
        self.message_bar = MessageBar(self)
        self.view = self._make_view()
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(self.refresh)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.archive_button = QPushButton(self.tr("Archive"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.rename_button.clicked.connect(lambda: self.edit(self.current()))
        self.archive_button.clicked.connect(lambda: self._run(categories.archive_category))
        self.restore_button.clicked.connect(lambda: self._run(categories.restore_category))
        self._layout()
        self.resize(760, 460)
        self._update_buttons()
        self.refresh()

    def _make_view(self) -> QTableView:
        view = record_table(self, self.model, "categoriesView")
        self.model.modelReset.connect(lambda: fit_headers(view))
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.selectionModel().currentRowChanged.connect(self._update_buttons)
        view.activated.connect(lambda _index: self.edit(self.current()))
        return view

    def _layout(self) -> None:
        intro = QLabel(
            self.tr(
                "One list for every project. Give each issue and extra ask a category: the same "
                "category at several clients shows a recurring problem or a product gap. Archiving "
                "hides a category from new records; the records already linked keep it."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.archive_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.message_bar):
            layout.addWidget(widget)
        layout.addLayout(middle, 1)
        layout.addWidget(self.show_archived)
        layout.addWidget(close)

    def refresh(self) -> None:
        ctx, archived = self.env.ctx, self.show_archived.isChecked()
        self.env.tasks.submit(
            lambda: load_categories(ctx, archived), self._loaded, self._failed, key="categories", owner=self
        )

    def _loaded(self, rows: list[CategoryRowItem]) -> None:
        current = self.current()
        target, self._pending = self._pending or (current.id if current else None), None
        language = self.env.language
        collator = QCollator(QLocale(language.value))  # Chinese names in pinyin order
        self.model.set_rows(sorted(rows, key=lambda r: collator.sortKey(r.category.label(language))))
        if target is not None:
            self.select(target)
        self._update_buttons()

    def _failed(self, error: DeliveryDeskError) -> None:
        self.message_bar.show_message(error_text(error))

    def current(self) -> CategoryItem | None:
        index = self.view.currentIndex()
        return self.model.row_item(index.row()).category if index.isValid() else None

    def select(self, category_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_item(row).category.id == category_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def _update_buttons(self, *_args: QModelIndex) -> None:
        item = self.current()
        editable = not self.env.readonly
        self.add_button.setEnabled(editable)
        self.rename_button.setEnabled(editable and item is not None and not item.archived)
        self.archive_button.setEnabled(editable and item is not None and not item.archived)
        self.restore_button.setEnabled(editable and item is not None and item.archived)

    def edit(self, item: CategoryItem | None) -> None:
        if self.env.readonly or (item is not None and item.archived):
            return
        self.editor = CategoryEditor(self.env.ctx, item, self)
        self.editor.saved.connect(self._saved)
        self.editor.open()

    def _saved(self, item: CategoryItem) -> None:
        self.message_bar.show_message("")
        self._pending = item.id
        self.refresh()

    def _run(self, action: Callable[[ServiceContext, str], CategoryItem]) -> None:
        item = self.current()
        if item is None:
            return
        ctx = self.env.ctx
        self.env.tasks.submit(lambda: action(ctx, item.id), self._saved, self._failed, owner=self)
