"""Handover: documents handed over, training given (attendees, material left), risks, open items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.records.handover import HandoverDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_HANDOVER
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import handover
from deliverydesk.services.scope_guard import DeferredBItems, deferred_b_items

KIND, TITLE, DATE, NOTES = range(4)
REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.deferred_box = self._deferred_box()
        reminder = QVBoxLayout()
        reminder.addWidget(self.deferred_box)
        self.lay_out(row, reminder, self.panel)

    def _deferred_box(self) -> QGroupBox:
        """The handover checklist's reminder: B-items deferred until the main goal is met."""
        box = QGroupBox(self)
        box.setObjectName("deferredRequests")
        self.deferred_list = QListWidget(box)
        self.deferred_list.setObjectName("deferredRequestList")
        self.deferred_list.itemActivated.connect(self._open_request)
        rows = self.deferred_list.fontMetrics().lineSpacing() * 4 + 8
        self.deferred_list.setMaximumHeight(rows)  # a small reminder: the entries below come first
        column = QVBoxLayout(box)
        column.addWidget(self.deferred_list)
        box.hide()  # until a project has deferred B-items
        return box

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

    def refresh(self) -> None:
        super().refresh()
        ctx, project_id = self.env.ctx, self.project_id
        if project_id is not None:
            self.env.tasks.submit(
                lambda: deferred_b_items(ctx, project_id),
                self.show_deferred,
                self._deferred_failed,
                key="handover-deferred",
                owner=self,
            )

    def show_deferred(self, deferred: DeferredBItems) -> None:
        if deferred.project_id != self.project_id:
            return  # the user moved on to another project meanwhile
        if deferred.main_goal_met:
            title = self.tr("Deferred requests — now is the time")
        else:
            title = self.tr("Deferred requests — waiting until the main goal is met")
        self.deferred_box.setTitle(title)
        self.deferred_list.clear()
        for request in deferred.items:
            shown = QListWidgetItem(f"{request.ref}  {request.title}", self.deferred_list)
            shown.setData(REQUEST_ID_ROLE, request.request_id)
            shown.setToolTip(request.rationale or self.tr("Double-click to open the change request"))
        self.deferred_box.setVisible(bool(deferred.items))

    def _deferred_failed(self, error: DeliveryDeskError) -> None:
        self.deferred_box.hide()
        self.message_bar.show_message(error_text(error))

    def _open_request(self, shown: QListWidgetItem) -> None:
        self.record_opened.emit(AREA_CHANGE_REQUESTS, shown.data(REQUEST_ID_ROLE))

    def _show_entries(self) -> None:
        kind = self.kind_filter.currentData()
        self.panel.set_records([e for e in self.all_entries if kind is None or e.kind == kind])

    def edit_entry(self, item: HandoverEntry | None) -> None:
        assert self.project_id is not None
        kind = HandoverKind(self.kind_filter.currentData() or HandoverKind.DOCUMENT)
        self.open_dialog(HandoverDialog(self.env, self.project_id, item, kind, self))
