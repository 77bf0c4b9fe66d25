"""Expectations (E-n): what the client will see, how we will know, when, agreed with whom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ContactItem, ExpectationItem
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import OptionalDate, area, link_combo
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.expectations import create_expectation, update_expectation


def contact_options(contacts: Sequence[ContactItem]) -> list[tuple[str, str]]:
    return [(f"{c.name} · {c.title}" if c.title else c.name, c.id) for c in contacts if not c.archived]


class ExpectationDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ExpectationItem | None,
        next_ref: str,
        contacts: Sequence[ContactItem] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("expectationDialog")
        self.setWindowTitle(self.tr("New expectation") if item is None else self.tr("Edit expectation"))
        self.add_ref_row(next_ref)
        self._add_fields(item or ExpectationDraft(project_id=project_id, statement=""), contacts)

    def _add_fields(self, v: ExpectationItem | ExpectationDraft, contacts: Sequence[ContactItem]) -> None:
        example = self.tr("e.g. Work orders are reported by scanning")
        self.statement = self.add_field(
            "statement", self.tr("What the client will see"), area(self, v.statement, placeholder=example)
        )
        example = self.tr("e.g. 5 working days without paper reports")
        self.measure = self.add_field(
            "measure", self.tr("How we will know"), area(self, v.measure, 2, example)
        )
        today = self.env.ctx.today()
        self.due = self.add_field(
            "due_date", self.tr("Due"), OptionalDate(self, v.due_date, today, self.tr("Set"))
        )
        options = contact_options(contacts)
        self.agreed_with = self.add_field(
            "agreed_with_id",
            self.tr("Agreed with"),
            link_combo(self, self.tr("Not yet agreed"), options, v.agreed_with_id),
        )
        self.status = self.add_field(
            "status", self.tr("Status"), enum_combo(self, ExpectationStatus, v.status)
        )

    def save(self) -> ExpectationItem:
        draft = ExpectationDraft(
            id=self.item_id,
            project_id=self.project_id,
            statement=self.statement.toPlainText(),
            measure=self.measure.toPlainText(),
            due_date=self.due.value(),
            agreed_with_id=self.agreed_with.currentData(),
            status=self.status.currentData(),
        )
        if self.is_new:
            return create_expectation(self.env.ctx, draft)
        return update_expectation(self.env.ctx, draft)
