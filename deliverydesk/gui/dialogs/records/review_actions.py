"""The follow-up actions of a butterfly review, edited in place: one row per action (what, who,
revisit date with quick "in a month / three months / a year" buttons, done), added and removed
freely; ``changes()`` says what to create, update, complete, reopen and archive when the review is
saved. Revisit dates come from the domain's horizons (calendar months, month ends clamped)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Language
from deliverydesk.domain.models import ReviewActionItem
from deliverydesk.domain.review_texts import revisit_label
from deliverydesk.domain.revisits import Horizon, revisit_date
from deliverydesk.gui.dialogs.base import ERROR_STYLE
from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.formatting import from_qdate, to_qdate
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.gui.widgets.date_field import DateField

DESCRIPTION, OWNER = range(2)  # the columns that stretch


@dataclass(frozen=True)
class ActionEdit:
    """One row as the user left it; ``item`` is the saved action it started from (None: new)."""

    item: ReviewActionItem | None
    description: str
    owner: str
    revisit_on: date
    done: bool

    @property
    def changed(self) -> bool:
        item = self.item
        return item is None or (item.description, item.owner, item.revisit_on) != (
            self.description,
            self.owner,
            self.revisit_on,
        )


class ActionRow:
    """The widgets of one action in the editor's grid."""

    def __init__(self, editor: ActionsEditor, item: ReviewActionItem | None, revisit_on: date) -> None:
        self.item = item
        self.description = QLineEdit(item.description if item else "", editor)
        self.description.setPlaceholderText(QCoreApplication.translate("ActionsEditor", "What will be done"))
        self.owner = QLineEdit(item.owner if item else "", editor)
        self.owner.setPlaceholderText(QCoreApplication.translate("ActionsEditor", "Who"))
        self.revisit: DateField = date_edit(editor, item.revisit_on if item else revisit_on)
        self.quick = [self._quick_button(editor, horizon) for horizon in Horizon]
        self.done = QCheckBox(QCoreApplication.translate("ActionsEditor", "Done"), editor)
        self.done.setChecked(item is not None and item.done_on is not None)
        self.remove = QToolButton(editor)
        self.remove.setText("✕")
        self.remove.setToolTip(QCoreApplication.translate("ActionsEditor", "Remove this action"))
        self.error = QLabel(editor)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

    def _quick_button(self, editor: ActionsEditor, horizon: Horizon) -> QToolButton:
        texts = {
            Horizon.SHORT: QCoreApplication.translate("ActionsEditor", "+1 mo"),
            Horizon.MID: QCoreApplication.translate("ActionsEditor", "+3 mo"),
            Horizon.LONG: QCoreApplication.translate("ActionsEditor", "+1 yr"),
        }
        button = QToolButton(editor)
        button.setText(texts[horizon])
        button.setObjectName(f"revisit_{horizon.value}")
        button.setToolTip(
            QCoreApplication.translate("ActionsEditor", "Revisit %1 after the review").replace(
                "%1", revisit_label(horizon, editor.language)
            )
        )
        button.clicked.connect(
            lambda: self.revisit.setDate(to_qdate(revisit_date(editor.held_on(), horizon)))
        )
        return button

    def widgets(self) -> list[QWidget]:
        return [self.description, self.owner, self.revisit, *self.quick, self.done, self.remove, self.error]

    def edit(self) -> ActionEdit:
        return ActionEdit(
            self.item,
            self.description.text().strip(),
            self.owner.text().strip(),
            from_qdate(self.revisit.date()),
            self.done.isChecked(),
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class ActionsEditor(QWidget):
    def __init__(
        self, language: Language, held_on: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewActions")
        self.language, self._held_on = language, held_on
        self.rows: list[ActionRow] = []
        self.removed: list[ReviewActionItem] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(DESCRIPTION, 3)
        self.grid.setColumnStretch(OWNER, 1)
        self.headings = [
            QLabel(text, self) for text in (self.tr("Action"), self.tr("Owner"), self.tr("Revisit on"))
        ]
        for column, heading in enumerate(self.headings):
            heading.setStyleSheet(MUTED_STYLE)
            heading.hide()  # shown with the first action
            self.grid.addWidget(heading, 0, column)
        self.empty = QLabel(self.tr("No follow-up actions yet."), self)
        self.empty.setStyleSheet(MUTED_STYLE)
        self.add_button = QPushButton(self.tr("Add action"), self)
        self.add_button.setObjectName("addAction")
        self.add_button.clicked.connect(lambda: self.add_row(None).description.setFocus())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.grid)
        box.addWidget(self.empty)
        box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def held_on(self) -> date:
        return self._held_on()

    def set_actions(self, items: list[ReviewActionItem]) -> None:
        for item in items:
            self.add_row(item)

    def add_row(self, item: ReviewActionItem | None) -> ActionRow:
        row = ActionRow(self, item, revisit_date(self.held_on(), Horizon.SHORT))
        line = 2 * len(self.rows) + 1  # each action takes a line, then a line for its message
        widgets = row.widgets()
        for column, widget in enumerate(widgets[:-1]):
            self.grid.addWidget(widget, line, column)
            widget.setVisible(self.isVisible())  # now: shown later, the form above would not make room
        self.grid.addWidget(row.error, line + 1, 0, 1, len(widgets) - 1)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._show_empty()
        return row

    def remove_row(self, row: ActionRow) -> None:
        for widget in row.widgets():
            widget.hide()
            widget.deleteLater()
        self.rows.remove(row)
        if row.item is not None:
            self.removed.append(row.item)
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(not self.rows)
        for heading in self.headings:
            heading.setVisible(bool(self.rows))

    def edits(self) -> list[ActionEdit]:
        return [row.edit() for row in self.rows]

    def show_errors(self, messages: dict[int, str]) -> None:
        """Messages by row number (0-based); rows not named are cleared."""
        for number, row in enumerate(self.rows):
            row.show_error(messages.get(number, ""))
