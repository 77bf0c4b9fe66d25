"""Team ▸ Sync conflicts…: each conflict with, per field, the common base, mine and theirs; keep mine,
keep theirs or type another value, then resolve (an ordinary audited change that goes up with the next
sync). A change the server refused can be undone (keep theirs) or sent again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.history_fields import field_label, value_text
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.i18n import shown as shown_message
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.i18n import verbatim
from deliverydesk.services.sync.client import (
    Choice,
    ConflictView,
    list_conflicts,
    resolve_conflict,
    retry_refused,
    stored_transport,
    undo_refused,
)

FIELD, BASE, MINE, THEIRS, KEEP = range(5)
CONFLICT_ROLE = Qt.ItemDataRole.UserRole


def shown(entity: str, name: str, value: Any) -> str:
    """A canonical value as the History dialog shows values (labels, local dates, amounts)."""
    if isinstance(value, str) and value.endswith("Z") and "T" in value:
        value = value[:-1] + "+00:00"
    return value_text(entity, name, value)


class SyncConflictsDialog(QDialog):
    resolved = Signal()  # something was settled: the window syncs and refreshes

    def __init__(self, env: GuiEnv, parent: QWidget | None = None, transport_factory: Any = None) -> None:
        super().__init__(parent)
        self.env = env
        self.transport_factory = transport_factory or (lambda: stored_transport(env.ctx, env.paths.root))
        self.choices: dict[str, Choice] = {}
        self.current: ConflictView | None = None
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1000, 560)
        self._build()
        self.reload()

    def _build(self) -> None:
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentItemChanged.connect(lambda item, _old: self.show_conflict(item))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("conflictFields")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Base"), self.tr("Mine"), self.tr("Theirs"), self.tr("Keep")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for column in (BASE, MINE, THEIRS):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.keep_theirs = QPushButton(self.tr("Keep theirs"), self)
        self.edit_value = QPushButton(self.tr("Edit…"), self)
        self.resolve_button = QPushButton(self.tr("Resolve"), self)
        self.resolve_button.setObjectName("resolveButton")
        self.retry_button = QPushButton(self.tr("Send again"), self)
        self.keep_mine.clicked.connect(lambda: self.choose(Choice("mine")))
        self.keep_theirs.clicked.connect(lambda: self.choose(Choice("theirs")))
        self.edit_value.clicked.connect(self.edit)
        self.resolve_button.clicked.connect(self.resolve)
        self.retry_button.clicked.connect(self.retry)
        self.note = QLabel(self)
        self.note.setStyleSheet(MUTED_STYLE)
        self.note.setWordWrap(True)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.heading)
        right_column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.keep_theirs, self.edit_value, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        right_column.addLayout(buttons)
        right_column.addWidget(self.note)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([320, 680])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

    # --- loading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: list_conflicts(ctx), self.show_conflicts, self._failed, key="conflicts", owner=self
        )

    def show_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.list.clear()
        for conflict in conflicts:
            label = " ".join(p for p in (conflict.project_code, conflict.record_label) if p)
            item = QListWidgetItem(f"{label} — {self.kind_text(conflict)}")
            item.setData(CONFLICT_ROLE, conflict)
            self.list.addItem(item)
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self.current = None
            self.heading.setText(
                self.tr("No sync conflicts: every change is on the team server or on its way.")
            )
            self.table.setRowCount(0)
            self._enable(False, False)

    def kind_text(self, conflict: ConflictView) -> str:
        if conflict.kind == "refused":
            return self.tr("refused by the team server")
        return self.tr("%n field(s) changed on both sides", "", len(conflict.fields))

    def show_conflict(self, item: QListWidgetItem | None) -> None:
        conflict = item.data(CONFLICT_ROLE) if item is not None else None
        self.current, self.choices = conflict, {}
        if conflict is None:
            return
        refused = conflict.kind == "refused"
        place = " ".join(p for p in (conflict.project_code, conflict.record_label) if p)
        kind = shown_message(record_kind(conflict.entity))
        self.heading.setText(
            f"{place} · {kind}\n{shown_message(conflict.message)}" if refused else f"{place} · {kind}"
        )
        self.table.setRowCount(len(conflict.fields))
        entity = conflict.entity
        for row, field in enumerate(conflict.fields):
            values = (
                field_label(field.field),
                shown(entity, field.field, field.base),
                shown(entity, field.field, field.mine),
                shown(entity, field.field, field.theirs),
                "",
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        if conflict.fields:
            self.table.selectRow(0)
        self._enable(not refused, refused)
        self.note.setText(
            self.tr("Undo my change puts the team server's version back here; Send again tries once more.")
            if refused
            else self.tr("Choose for every field, then Resolve. The choice goes up with the next sync.")
        )
        self.keep_theirs.setText(self.tr("Undo my change") if refused else self.tr("Keep theirs"))

    def _enable(self, fields: bool, refused: bool) -> None:
        for button in (self.keep_mine, self.edit_value):
            button.setEnabled(fields and not self.env.readonly)
        self.keep_theirs.setEnabled((fields or refused) and not self.env.readonly)
        self.retry_button.setVisible(refused)
        self.retry_button.setEnabled(not self.env.readonly)
        self.resolve_button.setEnabled(False)

    # --- choosing --------------------------------------------------------------------------------------
    def _selected_fields(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows:
            rows = list(range(self.table.rowCount()))
        assert self.current is not None
        return [self.current.fields[row].field for row in rows]

    def choose(self, choice: Choice) -> None:
        if self.current is not None and self.current.kind == "refused":
            self.undo()
            return
        names = {"mine": self.tr("mine"), "theirs": self.tr("theirs"), "value": self.tr("edited")}
        assert self.current is not None
        for name in self._selected_fields():
            self.choices[name] = choice
            row = next(r for r, f in enumerate(self.current.fields) if f.field == name)
            shown_choice = (
                names[choice.keep] if choice.keep != "value" else f"{names['value']}: {choice.value}"
            )
            cell = self.table.item(row, KEEP)
            if cell is not None:
                cell.setText(shown_choice)
        complete = self.current is not None and all(f.field in self.choices for f in self.current.fields)
        self.resolve_button.setEnabled(complete and not self.env.readonly)

    def edit(self) -> None:
        fields = self._selected_fields()
        if self.current is None or len(fields) != 1:
            self.note.setText(self.tr("Select one field to type its value."))
            return
        field = next(f for f in self.current.fields if f.field == fields[0])
        mine = "" if field.mine is None else str(field.mine)
        text, ok = QInputDialog.getText(self, self.tr("Edit"), field_label(field.field), text=mine)
        if ok:
            self.choose(Choice("value", self.typed(field.field, text)))

    def typed(self, field: str, text: str) -> Any:
        from deliverydesk.services.sync.client import value_from_text

        assert self.current is not None
        try:
            return value_from_text(self.current.entity, field, text)
        except DeliveryDeskError:
            return text  # the service says what is wrong when it resolves

    def resolve(self) -> None:
        if self.current is None:
            return
        ctx, conflict_id, choices = self.env.ctx, self.current.id, dict(self.choices)
        self.env.tasks.submit(
            lambda: resolve_conflict(ctx, conflict_id, choices),
            self._done,
            self._failed,
            key="resolve",
            owner=self,
        )

    def undo(self) -> None:
        if self.current is None:
            return
        ctx, conflict_id, factory = self.env.ctx, self.current.id, self.transport_factory
        no_token = verbatim(self.tr("This computer has no token for the team server."))

        def work() -> ConflictView:
            transport = factory()
            if transport is None:
                raise DeliveryDeskError(no_token)
            try:
                return undo_refused(ctx, transport, conflict_id)
            finally:
                transport.close()

        self.env.tasks.submit(work, self._done, self._failed, key="resolve", owner=self)

    def retry(self) -> None:
        if self.current is None:
            return
        ctx, conflict_id = self.env.ctx, self.current.id
        self.env.tasks.submit(
            lambda: retry_refused(ctx, conflict_id), self._done, self._failed, key="resolve", owner=self
        )

    def _done(self, _view: ConflictView) -> None:
        self.note.setText(self.tr("Resolved. It goes up to the team server with the next sync."))
        self.resolved.emit()
        self.reload()

    def _failed(self, error: DeliveryDeskError) -> None:
        self.note.setText(error_text(error))
