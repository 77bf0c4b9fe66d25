"""Handover: documents handed over, training given (attendees, material left), risks, open items."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.gui.dialogs.records.handover import HandoverDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_HANDOVER
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.services import handover
from deliverydesk.services.context import ServiceContext

KIND, TITLE, DATE, NOTES = range(4)


class HandoverModel(RecordTableModel[HandoverEntry]):
    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Title"), self.tr("Date"), self.tr("Notes")]

    def text(self, item: HandoverEntry, column: int) -> str:
        values = (label(item.kind), item.title, format_date(item.item_date), self.notes(item))
        return values[column]

    def notes(self, item: HandoverEntry) -> str:
        if item.kind is HandoverKind.TRAINING:
            people = [
                p for p in item.attendees.replace(",", "\n").replace("、", "\n").splitlines() if p.strip()
            ]
            text = self.tr("%n attendee(s)", "", len(people))
            material = self.tr("material left") if item.material_left else self.tr("no material left")
            return f"{text} · {material}"
        if item.recommendation:
            return item.recommendation
        return item.details

    def tip(self, item: HandoverEntry, column: int) -> str | None:
        parts = [item.title, item.details, item.attendees, item.recommendation]
        return "\n\n".join(p for p in parts if p.strip())


class HandoverPage(RecordsPage):
    area = AREA_HANDOVER
    icon_name = "handover"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.all_entries: tuple[HandoverEntry, ...] = ()
        self.panel = self.add_panel(HandoverModel(self), self._spec(), self.edit_entry)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("handoverKindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in HandoverKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._show_entries())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show"), self))
        row.addWidget(self.kind_filter)
        row.addStretch(1)
        self.lay_out(row, self.panel)

    def _spec(self) -> PanelSpec:
        return PanelSpec(
            key="handover",
            title=self.tr("Handover"),
            empty_text=self.tr(
                "Nothing recorded for the handover yet. List each document handed over, "
                "each training session, the risks the client must know and the open items."
            ),
            describe=lambda item: f"{label(item.kind)}: {item.title}",
            archive=handover.archive_handover_entry,
            restore=handover.restore_handover_entry,
            widths=(150, 240, 88),
            stretch_column=NOTES,
            optional=(DATE,),
        )

    def title(self) -> str:
        return self.tr("Handover")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> tuple[HandoverEntry, ...]:
        return handover.list_handover_entries(ctx, project_id, include_archived=True).rows

    def show_data(self, data: tuple[HandoverEntry, ...]) -> None:
        self.all_entries = data
        self._show_entries()

    def _show_entries(self) -> None:
        kind = self.kind_filter.currentData()
        self.panel.set_records([e for e in self.all_entries if kind is None or e.kind == kind])

    def edit_entry(self, item: HandoverEntry | None) -> None:
        assert self.project_id is not None
        kind = HandoverKind(self.kind_filter.currentData() or HandoverKind.DOCUMENT)
        self.open_dialog(HandoverDialog(self.env, self.project_id, item, kind, self))
