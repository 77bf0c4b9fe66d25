"""Butterfly review: client side and company side, short / mid / long term, lessons, follow-up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QPlainTextEdit, QWidget

from deliverydesk.domain.drafts import ReviewDraft
from deliverydesk.domain.models import IssueItem, ReviewItem
from deliverydesk.gui.dialogs.base import section_label
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import area, date_edit, link_combo
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate
from deliverydesk.services.reviews import create_review, update_review

SIDES = ("client", "company")
HORIZONS = ("short", "mid", "long")


class ReviewDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ReviewItem | None,
        issues: Sequence[IssueItem] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(
            self.tr("New butterfly review") if item is None else self.tr("Edit butterfly review")
        )
        self.setMinimumWidth(820)
        self.held_on = self.add_field(
            "held_on", self.tr("Held on"), date_edit(self, item.held_on if item else env.ctx.today())
        )
        options = [(f"{i.ref} {i.title}", i.id) for i in issues if not i.archived]
        self.issue = self.add_field(
            "issue_id",
            self.tr("About issue"),
            link_combo(self, self.tr("The whole project"), options, item.issue_id if item else None),
        )
        self.answers: dict[str, QPlainTextEdit] = {}
        self._grid(item)
        self.lessons = self.add_field("lessons", self.tr("Lessons"), area(self, item.lessons if item else ""))
        self.follow_up = self.add_field(
            "follow_up", self.tr("Follow-up actions"), area(self, item.follow_up if item else "")
        )

    def _grid(self, item: ReviewItem | None) -> None:
        """2 sides × 3 horizons; each cell keeps its message under it, like any other field."""
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        questions = (
            self.tr("Short term: fixed fast and with certainty?"),
            self.tr("Mid term: what do we owe? What process failed?"),
            self.tr("Long term: what relationship, what change in needs?"),
        )
        for column, question in enumerate(questions, start=1):
            heading = QLabel(question, grid_box)
            heading.setWordWrap(True)
            grid.addWidget(heading, 0, column)
        main_form = self.form
        for row, (side, side_text) in enumerate(
            zip(SIDES, (self.tr("Client side"), self.tr("Company side")), strict=True), 1
        ):
            grid.addWidget(section_label(side_text, grid_box), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, horizon in enumerate(HORIZONS, start=1):
                cell = QWidget(grid_box)
                self.form = QFormLayout(cell)
                self.form.setContentsMargins(0, 0, 0, 0)
                self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
                name = f"{side}_{horizon}"
                edit = area(cell, getattr(item, name) if item else "", 4)
                self.answers[name] = self.add_field(name, "", edit)
                grid.addWidget(cell, row, column)
        self.form = main_form
        self.form.addRow(section_label(self.tr("Butterfly review"), self))
        self.form.addRow(grid_box)

    def save(self) -> ReviewItem:
        draft = ReviewDraft(
            id=self.item_id,
            project_id=self.project_id,
            held_on=from_qdate(self.held_on.date()),
            issue_id=self.issue.currentData(),
            lessons=self.lessons.toPlainText(),
            follow_up=self.follow_up.toPlainText(),
            **{name: edit.toPlainText() for name, edit in self.answers.items()},
        )
        if self.is_new:
            return create_review(self.env.ctx, draft)
        return update_review(self.env.ctx, draft)
