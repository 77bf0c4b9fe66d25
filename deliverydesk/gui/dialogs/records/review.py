"""Butterfly review, guided: the client side and the company side over three horizons (short: fixed
fast and with certainty? mid: what do we owe, which process failed? long: the relationship and the
client's changing needs), each with its question and help text in the UI language
(``domain.review_texts``), then lessons and follow-up actions with owners and revisit dates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.drafts import ReviewActionDraft, ReviewDraft
from deliverydesk.domain.models import IssueItem, ReviewActionItem, ReviewItem
from deliverydesk.domain.review_texts import (
    ReviewQuestion,
    ReviewSide,
    horizon_name,
    review_question,
    side_name,
)
from deliverydesk.domain.revisits import Horizon
from deliverydesk.domain.validation import validate_review_action
from deliverydesk.errors import ValidationError
from deliverydesk.gui.dialogs.base import section_label
from deliverydesk.gui.dialogs.documents.output import ask_export_path, export_in_background
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, date_edit, happened, line, link_combo
from deliverydesk.gui.dialogs.records.review_actions import ActionEdit, ActionsEditor
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.gui.messages import field_messages
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.i18n import verbatim
from deliverydesk.services.reviews import butterfly as reviews
from deliverydesk.services.reviews.report import export_review_report

if TYPE_CHECKING:  # the page imports this module
    from deliverydesk.gui.pages.project.panel import RecordPanel
    from deliverydesk.gui.pages.project.records_page import RecordsPage

SIDES = tuple(ReviewSide)
HORIZONS = tuple(Horizon)


class ReviewDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ReviewItem | None,
        issues: Sequence[IssueItem] = (),
        parent: QWidget | None = None,
        issue_id: str | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("reviewDialog")
        self.language = env.language
        self.setWindowTitle(
            self.tr("New butterfly review") if item is None else self.tr("Edit butterfly review")
        )
        self.setMinimumSize(760, 420)
        self.resize(1000, 820)  # both sides of the three horizons, when the screen has room
        self.held_on = self.add_field(
            "held_on",
            self.tr("Held on"),
            date_edit(
                self, item.held_on if item else env.ctx.today(), env.ctx.today(), happened(env.ctx.today())
            ),
        )
        options = [(f"{i.ref} {i.title}", i.id) for i in issues if not i.archived]
        about = item.issue_id if item else issue_id
        self.issue = self.add_field(
            "issue_id", self.tr("About issue"), link_combo(self, self.tr("The whole project"), options, about)
        )
        self.title_edit = self.add_field("title", self.tr("Title"), line(self, item.title if item else ""))
        self.title_edit.setPlaceholderText(self.tr("e.g. Line 3 labels unreadable, week 9"))
        self.answers: dict[str, QPlainTextEdit] = {}
        self.add_content(self._guided_body(item), 1)  # scrolled with the fields above it
        self.actions_editor.setEnabled(not env.readonly)
        if item is not None:
            self._load_actions(item.id)

    # --- the guided body -----------------------------------------------------------------------
    def _guided_body(self, item: ReviewItem | None) -> QWidget:
        body = QWidget(self.content)
        body.setObjectName("reviewBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(section_label(self.tr("Butterfly review: both sides, three horizons"), body))
        column.addLayout(self._grid(body, item))
        lessons = review_question("lessons", self.language)
        column.addWidget(section_label(lessons.heading, body))
        self.lessons = self._answer(body, column, lessons, item.lessons if item else "", 3)
        follow_up = review_question("follow_up", self.language)
        column.addWidget(section_label(follow_up.heading, body))
        self._ask(body, column, follow_up)
        self.actions_editor = ActionsEditor(self.language, lambda: from_qdate(self.held_on.date()), body)
        column.addWidget(self.actions_editor)
        column.addStretch(1)
        return body

    def _grid(self, body: QWidget, item: ReviewItem | None) -> QGridLayout:
        """Rows: short, mid, long term. Columns: client side, company side."""
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(12)
        for column, side in enumerate(SIDES, start=1):
            grid.addWidget(section_label(side_name(side, self.language), body), 0, column)
        for row, horizon in enumerate(HORIZONS, start=1):
            heading = QLabel(horizon_name(horizon, self.language), body)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, side in enumerate(SIDES, start=1):
                cell = QVBoxLayout()
                field = f"{side.value}_{horizon.value}"
                question = review_question(field, self.language)
                self.answers[field] = self._answer(
                    body, cell, question, getattr(item, field) if item else "", 4
                )
                grid.addLayout(cell, row, column)
        return grid

    def _ask(self, parent: QWidget, column: QVBoxLayout, question: ReviewQuestion) -> None:
        """The question, and its help text under it (muted, always visible)."""
        asked = QLabel(question.question, parent)
        asked.setWordWrap(True)
        hint = QLabel(question.hint, parent)
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE + " font-size: 8.5pt;")
        column.addWidget(asked)
        column.addWidget(hint)

    def _answer(
        self, parent: QWidget, column: QVBoxLayout, question: ReviewQuestion, text: str, lines: int
    ) -> QPlainTextEdit:
        """The question with its help text, and the answer field."""
        edit = area(parent, text, lines)
        edit.setObjectName(question.field)
        edit.setToolTip(question.hint)
        self._ask(parent, column, question)
        column.addWidget(edit)
        self.field_widgets[question.field] = edit
        return edit

    # --- actions --------------------------------------------------------------------------------
    def _load_actions(self, review_id: str) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(
            lambda: reviews.list_review_actions(ctx, review_id, limit=500).rows,
            self._show_actions,
            owner=self,
        )

    def _show_actions(self, actions: Sequence[ReviewActionItem]) -> None:
        """The stored actions arrive after the dialog opened: they are its starting point, not edits."""
        unchanged = not self.has_unsaved_changes()
        self.actions_editor.set_actions(list(actions))
        if unchanged:
            self.mark_clean()

    def _check_actions(self, review_id: str) -> list[ActionEdit]:
        """Validate every action before anything is saved; messages go under their rows."""
        edits, messages = self.actions_editor.edits(), {}
        for number, edit in enumerate(edits):
            try:
                validate_review_action(self._action_draft(review_id, edit))
            except ValidationError as exc:
                messages[number] = " ".join(field_messages(exc).values())
        self.actions_editor.show_errors(messages)
        if messages:
            raise ValidationError(
                {"actions": verbatim(self.tr("Complete the follow-up actions marked below."))}
            )
        return edits

    def _action_draft(self, review_id: str, edit: ActionEdit) -> ReviewActionDraft:
        return ReviewActionDraft(
            id=edit.item.id if edit.item else None,
            project_id=self.project_id,
            review_id=review_id,
            description=edit.description,
            owner=edit.owner,
            revisit_on=edit.revisit_on,
        )

    def _action_changes(self, edits: list[ActionEdit]) -> list[reviews.ActionChange]:
        """Each row as the user left it; the review's id is filled in by the service."""
        return [
            reviews.ActionChange(
                self._action_draft(self.item_id or "", edit), done=edit.done, edited=edit.changed
            )
            for edit in edits
        ]

    # --- save -----------------------------------------------------------------------------------
    def save(self) -> ReviewItem:
        """The review, its removed and its changed follow-up actions: one save, all or nothing."""
        edits = self._check_actions(self.item_id or "new")
        draft = ReviewDraft(
            id=self.item_id,
            project_id=self.project_id,
            held_on=from_qdate(self.held_on.date()),
            issue_id=self.issue.currentData(),
            title=self.title_edit.text(),
            lessons=self.lessons.toPlainText(),
            follow_up=self.item.follow_up if self.item else "",
            **{name: edit.toPlainText() for name, edit in self.answers.items()},
        )
        removed = [item.id for item in self.actions_editor.removed]
        saved = reviews.save_review(
            self.env.ctx, draft, self._action_changes(edits), removed_action_ids=removed
        )
        self.item = saved.review
        self.actions_editor.removed.clear()
        for row, action in zip(self.actions_editor.rows, saved.actions, strict=True):
            row.item = action
        return saved.review


def ask_name_clients(parent: QWidget) -> bool | None:
    """Whether the internal report names the other clients where the same problem was met (None:
    cancelled). They print as "Client A", "Client B" unless the user chooses to name them. Tests
    replace this function."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ReviewDialog", "Other clients in the report"),
        QCoreApplication.translate(
            "ReviewDialog",
            "The report lists where the same problem was met at other clients. Name those clients, or "
            "print them as Client A, Client B…?",
        ),
        parent=parent,
    )
    name = box.addButton(
        QCoreApplication.translate("ReviewDialog", "Name them"), QMessageBox.ButtonRole.YesRole
    )
    anonymous = box.addButton(
        QCoreApplication.translate("ReviewDialog", "Client A, B…"), QMessageBox.ButtonRole.NoRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(anonymous)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is name else False if clicked is anonymous else None


def add_review_report_action(page: RecordsPage, panel: RecordPanel) -> QAction:
    """ "Export review report…" on the reviews panel: the selected review as the internal PDF, in the
    project's document language, written in the background; then an offer to open it."""
    action = QAction(QCoreApplication.translate("ReviewDialog", "Export review report…"), page)
    action.setToolTip(
        QCoreApplication.translate(
            "ReviewDialog", "The review as an internal PDF: both sides, lessons, follow-up actions"
        )
    )

    def run() -> None:
        item = panel.current_item()
        if item is None:
            return
        name_clients = ask_name_clients(page)
        if name_clients is None:
            return
        path = ask_export_path(page, f"review-{item.held_on:%Y%m%d}.pdf")
        if path is not None:
            ctx, review_id = page.env.ctx, str(item.id)
            job = lambda target, _progress: export_review_report(  # noqa: E731
                ctx, review_id, target, name_clients=name_clients
            )
            export_in_background(page.env, page, job, path, lambda: None)

    action.triggered.connect(run)
    panel.add_extra_action(action)
    panel.selected.connect(lambda item: action.setEnabled(item is not None))
    action.setEnabled(panel.current_item() is not None)
    return action
