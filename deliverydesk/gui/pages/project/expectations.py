"""Expectations: what the client will see and how we will know, to be confirmed in writing."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import ExpectationStatus
from deliverydesk.domain.models import ContactItem, ExpectationItem
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.gui.dialogs.documents.evidence import add_evidence_action
from deliverydesk.gui.dialogs.records.expectation import ExpectationDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_EXPECTATIONS
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage, project_contacts
from deliverydesk.gui.pages.project.table import GOOD_COLOUR, LATE_COLOUR, RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.evidence.pack import EvidenceTopic
from deliverydesk.services.records import expectations

REF, STATEMENT, MEASURE, DUE, AGREED, STATUS = range(6)
STATUS_COLOURS = {
    ExpectationStatus.CONFIRMED: GOOD_COLOUR,
    ExpectationStatus.MET: GOOD_COLOUR,
    ExpectationStatus.MISSED: LATE_COLOUR,
}


class ExpectationModel(RecordTableModel[ExpectationItem]):
    sort_fields = {DUE: "due_date"}

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("What the client will see"),
            self.tr("How we will know"),
            self.tr("Due"),
            self.tr("Agreed with"),
            self.tr("Status"),
        ]

    def text(self, item: ExpectationItem, column: int) -> str:
        values = (
            item.ref,
            item.statement,
            item.measure,
            format_date(item.due_date),
            item.agreed_with_name,
            label(item.status),
        )
        return values[column]

    def colour(self, item: ExpectationItem, column: int) -> QColor | None:
        return STATUS_COLOURS.get(item.status) if column == STATUS else None


@dataclass(frozen=True)
class ExpectationData:
    expectations: tuple[ExpectationItem, ...]
    contacts: tuple[ContactItem, ...]


class ExpectationsPage(RecordsPage):
    area = AREA_EXPECTATIONS
    icon_name = "commitment"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.panel = self.add_panel(
            ExpectationModel(self),
            PanelSpec(
                key="expectations",
                title=self.tr("Agreed expectations"),
                empty_text=self.tr(
                    "No expectations yet. Write down what the client will see and how you "
                    "will both know it is done, then get it confirmed in writing."
                ),
                describe=lambda item: f"{item.ref} {item.statement}",
                archive=expectations.archive_expectation,
                restore=expectations.restore_expectation,
                widths=(48, 240, 180, 80, 100, 80),
                stretch_column=STATEMENT,
                optional=(MEASURE, AGREED, DUE),
            ),
            self.edit_expectation,
        )
        add_evidence_action(
            self,
            lambda item: (
                EvidenceTopic(item.project_id, expectation_id=item.id),
                f"{item.ref} {item.statement}",
            ),
            self.tr("Export the record of this expectation as one PDF: log entries, letters, commitments"),
        )
        self.lay_out(self.panel)

    def title(self) -> str:
        return self.tr("Expectations")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> ExpectationData:
        return ExpectationData(
            expectations=expectations.list_expectations(ctx, project_id, include_archived=True).rows,
            contacts=project_contacts(ctx, project_id),
        )

    def show_data(self, data: ExpectationData) -> None:
        self.panel.set_records(data.expectations)

    def edit_expectation(self, item: ExpectationItem | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.EXPECTATION, [r.ref for r in self.panel.records])
        contacts = self.data.contacts if self.data else ()
        self.open_dialog(ExpectationDialog(self.env, self.project_id, item, ref, contacts, self))
