"""A titled list of one kind of record with New / Edit / Archive / Restore / History and "Show archived".

Keyboard: Insert or Ctrl+N new, Enter or F2 edit, Delete archive, Ctrl+H history, "/" filter; double-
click edits; right-click opens the same actions. The panel is fed every record of the project (archived
ones included, so the next ref is known) and shows the archived ones only on demand. Archiving asks
first (``confirm_archive``). A header click sorts by that column, the filter field keeps the rows that
hold every word typed; a paged list (the log) asks its page to do both in the database
(``filter_wanted``, the model's ``sort_wanted``). The buttons sit in a tool bar that folds what does not
fit into its ">>" menu, so a narrow window never pushes the list off the screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.history import HistoryDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_number
from deliverydesk.gui.icons import icon
from deliverydesk.gui.messages import show_error
from deliverydesk.gui.pages.project.table import RecordFilterProxy, RecordTableModel, fit_headers
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.undo import archived_step
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.context import ServiceContext

MIN_STRETCH = 200  # the main text column never gets narrower than this while optional columns remain
NEW_KEYS = (Qt.Key.Key_Insert,)
EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)


def confirm_archive(parent: QWidget, what: str) -> bool:
    """Ask before archiving; tests replace this function (the box would wait for a click)."""
    text = QCoreApplication.translate(
        "RecordPanel", "Archive %1?\n\nIt is hidden from the lists, never erased; you can restore it later."
    )
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("RecordPanel", "Archive"),
        text.replace("%1", what),
        buttons,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the record's text is data, never markup
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class PanelSpec:
    """What a panel does with its records; ``archive``/``restore`` are service functions."""

    key: str  # for remembered column widths
    title: str
    empty_text: str
    describe: Callable[[Any], str]  # "S-3 Install the line": for confirmations
    archive: Callable[[ServiceContext, str], Any] | None = None
    restore: Callable[[ServiceContext, str], Any] | None = None
    widths: Sequence[int] = ()
    stretch_column: int = -1
    optional: Sequence[int] = ()  # columns hidden, in this order, when the page is too narrow
    paged: bool = False  # fed page by page (the log): its page sorts and filters in the database


class RecordPanel(QWidget):
    new_wanted = Signal()
    edit_wanted = Signal(object)  # the record
    changed = Signal(str)  # archived or restored this record id: reload
    selected = Signal(object)  # the current record, or None
    filter_wanted = Signal(str)  # a paged panel's filter text changed: its page queries again

    def __init__(
        self, env: GuiEnv, model: RecordTableModel[Any], spec: PanelSpec, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env, self.model, self.spec = env, model, spec
        self._nominal: list[int] = []  # column widths before hiding (the spec's, widened to fit headers)
        self.records: list[Any] = []
        self._total: int | None = None
        self.proxy = RecordFilterProxy(model, self)
        self.view = self._make_view()
        self.title = QLabel(spec.title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(MUTED_STYLE)
        self.filter_edit = self._make_filter()
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(lambda _on: self._show_rows())
        self._make_actions()
        self.extra_actions: list[QAction] = []
        self.empty = self._make_empty(spec.empty_text)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self._layout()
        self.keys = PanelKeys(self)
        archivable = spec.archive is not None
        self._set_button_shown(self.show_archived, archivable)
        self._set_button_shown(self.archive_button, archivable)
        self._update_actions()

    # --- building ------------------------------------------------------------------------------
    def _make_view(self) -> QTableView:
        view = record_table(self, self.proxy, f"{self.spec.key}Table")
        header = view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order the records came in
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        if self.spec.paged:  # the database sorts: the header only asks
            header.sortIndicatorChanged.connect(
                lambda column, order: self.model.sort(column, Qt.SortOrder(order))
            )
        else:
            view.setSortingEnabled(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda _index: self.edit_current())
        view.selectionModel().selectionChanged.connect(lambda *_a: self._current_changed())
        self._size_columns(view)
        return view

    def _size_columns(self, view: QTableView) -> None:
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(self.spec.stretch_column < 0)
        for column, width in enumerate(self.spec.widths):
            view.setColumnWidth(column, width)
        fit_headers(view)
        self._nominal = [view.columnWidth(c) for c in range(view.model().columnCount())]
        if self.spec.stretch_column >= 0:
            header.setSectionResizeMode(self.spec.stretch_column, QHeaderView.ResizeMode.Stretch)
        state_key = f"project_{self.spec.key}"
        self.env.ui_state.restore_header(state_key, header)
        header.sectionResized.connect(lambda *_a: self._save_header(state_key, header))

    def _save_header(self, state_key: str, header: QHeaderView) -> None:
        # A window being torn down still resizes its stretched column after Python let go of the
        # header: nothing of a closing window is worth remembering then.
        if shiboken6.isValid(header):
            self.env.ui_state.save_header(state_key, header)

    def _action(self, text: str, slot: Callable[[], None], keys: Sequence[QKeySequence] = ()) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(list(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.act_new = self._action(self.tr("New…"), self.new_wanted.emit, [QKeySequence(Qt.Key.Key_Insert)])
        self.act_new.setIcon(icon("new"))
        self.act_new.setToolTip(self.tr("New (Insert or Ctrl+N)"))
        self.act_edit = self._action(self.tr("Edit…"), self.edit_current, [QKeySequence(Qt.Key.Key_F2)])
        self.act_edit.setToolTip(self.tr("Edit (Enter, F2 or double-click)"))
        self.act_archive = self._action(
            self.tr("Archive"), self.archive_current, [QKeySequence(QKeySequence.StandardKey.Delete)]
        )
        self.act_archive.setToolTip(self.tr("Archive (Delete): hidden, never erased"))
        self.act_restore = self._action(self.tr("Restore"), self.restore_current)
        self.act_restore.setToolTip(self.tr("Bring an archived record back"))
        self.act_history = self._action(self.tr("History…"), self.show_history, [QKeySequence("Ctrl+H")])
        self.act_history.setToolTip(
            self.tr("Every recorded change of this record: who, when, before and after (Ctrl+H)")
        )

    def _make_filter(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{self.spec.key}Filter")
        edit.setPlaceholderText(self.tr("Filter"))
        edit.setAccessibleName(self.tr("Filter the list"))
        edit.setToolTip(self.tr("Show only the rows that contain every word typed here (/ from the list)"))
        edit.setClearButtonEnabled(True)
        edit.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0") * 12 + 36)  # the icon and clear button
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 24 + 36)
        edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        edit.textChanged.connect(self._filter_changed)
        return edit

    def _filter_changed(self, text: str) -> None:
        if self.spec.paged:
            self.filter_wanted.emit(text.strip())
            return
        current = self.current_item()
        self.proxy.set_filter_text(text)
        self._show_count(self.proxy.rowCount(), sum(1 for r in self.records if r.archived))
        if current is not None:
            self.select_record(current.id)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _make_empty(self, text: str) -> QWidget:
        box = QWidget(self)
        hint = QLabel(text, box)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet(MUTED_STYLE)
        self.empty_button = QPushButton(icon("new"), self.tr("Add the first one"), box)
        self.empty_button.clicked.connect(self.new_wanted.emit)
        column = QVBoxLayout(box)
        column.addStretch(1)
        column.addWidget(hint)
        column.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        return box

    def _layout(self) -> None:
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.title)
        self.bar.addWidget(self.count_label)
        self.bar.addWidget(self.filter_edit)
        self.toolbar = QToolBar(self)
        self.toolbar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.setObjectName(f"{self.spec.key}Actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(self.toolbar.iconSize().scaled(16, 16, Qt.AspectRatioMode.KeepAspectRatio))
        self._bar_items: dict[QWidget, QAction] = {}
        self.add_button(self.act_new)
        self.add_button(self.act_edit)
        self.archive_button = self.add_button(self.act_archive)
        self.restore_button = self.add_button(self.act_restore)
        self.add_button(self.act_history)
        self._bar_items[self.show_archived] = self.toolbar.addWidget(self.show_archived)
        more = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # Qt's ">>" for what does not fit
        if more is not None:
            more.setToolTip(self.tr("More actions"))
            more.setAccessibleName(self.tr("More actions"))
        self.bar.addWidget(self.toolbar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.bar)
        layout.addWidget(self.stack, 1)

    def add_button(self, action: QAction) -> QToolButton:
        """A button in the panel's tool bar (it moves into the >> menu when the bar is too narrow)."""
        button = QToolButton(self.toolbar)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        before = self._bar_items.get(self.show_archived)  # extra actions go before the check box
        item = self.toolbar.insertWidget(before, button) if before else self.toolbar.addWidget(button)
        self._bar_items[button] = item
        return button

    def _set_button_shown(self, widget: QWidget, shown: bool) -> None:
        item = self._bar_items.get(widget)
        if item is not None:
            item.setVisible(shown)
        else:
            widget.setVisible(shown)

    def button_shown(self, widget: QWidget) -> bool:
        item = self._bar_items.get(widget)
        return item.isVisible() if item is not None else widget.isVisible()

    def add_extra_action(self, action: QAction) -> None:
        """A page-specific action (Move date…, Correct…): in the bar and the context menu."""
        self.extra_actions.append(action)
        self.addAction(action)
        self.add_button(action)
        self._update_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Hide the optional columns the width cannot hold, so the main text stays readable."""
        spec = self.spec
        if spec.stretch_column < 0 or not spec.optional:
            return
        columns = self.model.columnCount()
        nominal = [self._nominal[c] if c < len(self._nominal) else 100 for c in range(columns)]
        available = self.stack.width() - 2 * self.view.frameWidth()  # the view may be hidden (empty)
        hidden: set[int] = set()
        for column in spec.optional:
            needed = MIN_STRETCH + sum(
                nominal[c] for c in range(columns) if c != spec.stretch_column and c not in hidden
            )
            if needed <= available:
                break
            hidden.add(column)
        for column in range(columns):
            self.view.setColumnHidden(column, column in hidden)

    # --- rows ----------------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any], total: int | None = None) -> None:
        """Every record of the project (archived included); shows the live ones unless asked.

        ``total`` (paged lists such as the log): how many exist, for the view to fetch more."""
        self.records = list(records)
        self._total = total
        self._show_rows()

    def append_records(self, records: Sequence[Any], total: int) -> None:
        """The next page of a paged list (which has no archived records)."""
        self.records.extend(records)
        self._total = total
        self.model.append_rows(records, total)
        self._show_count(len(self.records), 0)

    def _show_rows(self) -> None:
        current = self.current_item()
        visible = [r for r in self.records if self.show_archived.isChecked() or not r.archived]
        self.model.set_rows(visible, self._total)
        archived = sum(1 for r in self.records if r.archived)
        self._show_count(self.proxy.rowCount(), archived)
        self.stack.setCurrentWidget(self.view if visible or archived else self.empty)
        self.fit_columns()
        if current is not None:
            self.select_record(current.id)
        self._update_actions()

    def _show_count(self, shown: int, archived: int) -> None:
        if self._total is not None and self._total > shown:
            text = self.tr("%1 of %2 loaded")
            text = text.replace("%1", format_number(shown, 0)).replace("%2", format_number(self._total, 0))
        else:
            text = self.tr("%n shown", "", shown)
        if archived and not self.show_archived.isChecked():
            text += " · " + self.tr("%n archived", "", archived)
        self.count_label.setText(text)

    def current_item(self) -> Any:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.item_at_view_row(index.row())

    def item_at_view_row(self, row: int) -> Any:
        """The record shown in the view's ``row`` (sorted and filtered rows map to the model's)."""
        return self.model.row_item(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def select_record(self, record_id: str, reveal_archived: bool = False) -> bool:
        """Select and scroll to the record; ``reveal_archived``: an archived one hidden from the list
        turns "Show archived" on (a record opened from elsewhere, e.g. a search hit, must show)."""
        row = self.model.row_of(record_id)
        if row < 0 and reveal_archived and any(r.id == record_id and r.archived for r in self.records):
            self.show_archived.setChecked(True)
            row = self.model.row_of(record_id)
        if row < 0:
            return False
        shown = self.proxy.mapFromSource(self.model.index(row, 0))
        if not shown.isValid() and reveal_archived and not self.spec.paged:
            self.filter_edit.clear()  # a record opened from elsewhere shows even if filtered out
            shown = self.proxy.mapFromSource(self.model.index(row, 0))
        if not shown.isValid():
            return False
        self.view.selectRow(shown.row())
        self.view.scrollTo(shown)
        return True

    def _current_changed(self) -> None:
        self._update_actions()
        self.selected.emit(self.current_item())

    def _update_actions(self) -> None:
        item = self.current_item()
        writable = not self.env.readonly
        self.act_new.setEnabled(writable)
        self.empty_button.setEnabled(writable)
        self.act_edit.setEnabled(item is not None and not item.archived)
        self.act_archive.setEnabled(
            writable and self.spec.archive is not None and item is not None and not item.archived
        )
        self.act_restore.setEnabled(writable and item is not None and item.archived)
        self.act_history.setEnabled(item is not None)  # archived ones too, and read-only databases
        self._set_button_shown(
            self.restore_button, self.spec.restore is not None and self.show_archived.isChecked()
        )
        for action in self.extra_actions:
            action.setEnabled(writable and item is not None and not item.archived)

    # --- actions -------------------------------------------------------------------------------
    def edit_current(self) -> None:
        item = self.current_item()
        if item is not None and not item.archived:
            self.edit_wanted.emit(item)

    def archive_current(self) -> None:
        item = self.current_item()
        if item is None or item.archived or self.spec.archive is None or self.env.readonly:
            return
        if not confirm_archive(self, self.spec.describe(item)):
            return
        self._run(self.spec.archive, item, archived=True)

    def restore_current(self) -> None:
        item = self.current_item()
        if item is None or not item.archived or self.spec.restore is None or self.env.readonly:
            return
        self._run(self.spec.restore, item, archived=False)

    def show_history(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.history_dialog = HistoryDialog(self.env, item.id, self.spec.describe(item), self)
        self.history_dialog.open()

    def _run(self, fn: Callable[[ServiceContext, str], Any], item: Any, *, archived: bool) -> None:
        ctx, record_id = self.env.ctx, item.id

        def done(_result: object) -> None:
            self.env.undo.record(archived_step(item, archived=archived))  # Edit ▸ Undo takes it back
            self.changed.emit(record_id)

        self.env.tasks.submit(lambda: fn(ctx, record_id), done, self._failed)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.last_error = show_error(self, error)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        self.menu = self.build_menu()
        self.menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        """The right-click menu: the panel's actions for the selected record."""
        menu = QMenu(self)
        for action in (self.act_new, self.act_edit, *self.extra_actions):
            menu.addAction(action)
        if self.spec.archive is not None:
            menu.addSeparator()
            menu.addAction(self.act_archive)
        if self.spec.restore is not None:
            menu.addAction(self.act_restore)
        menu.addSeparator()
        menu.addAction(self.act_history)
        if self.spec.restore is not None:
            menu.addSeparator()
            show = menu.addAction(self.tr("Show archived"))
            show.setCheckable(True)
            show.setChecked(self.show_archived.isChecked())
            show.toggled.connect(self.show_archived.setChecked)
        return menu


class PanelKeys(QObject):
    """The list's keys, filtered on the view: Insert / Ctrl+N new, Enter / F2 edit, Ctrl+H history.

    Ctrl+N is also the window's New project: accepting the ShortcutOverride here makes the key a
    plain key press on the list, so there is no ambiguous shortcut while the list has the focus."""

    def __init__(self, panel: RecordPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        panel.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            handler = self._handler(event)
            if handler is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    handler()
                return True
        return super().eventFilter(watched, event)

    def _handler(self, event: QKeyEvent) -> Callable[[], None] | None:
        panel = self.panel
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if (event.key() == Qt.Key.Key_N and ctrl) or (event.key() in NEW_KEYS and not ctrl):
            return panel.new_wanted.emit if panel.act_new.isEnabled() else (lambda: None)
        if event.key() in EDIT_KEYS and not ctrl:
            return panel.edit_current
        if event.key() == Qt.Key.Key_H and ctrl:  # the view would take Ctrl+H (a backspace) for a search key
            return panel.show_history
        if event.key() == Qt.Key.Key_Slash and not ctrl:
            return panel.focus_filter
        return None
