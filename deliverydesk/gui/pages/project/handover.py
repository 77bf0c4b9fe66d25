"""Handover: documents handed over, training given (attendees, the documents handed over for it),
risks, open items; and what stands in the way of issuing the handover report, named in words."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.handover import Blocker, BlockerKind
from deliverydesk.domain.models import HandoverEntry, IssueItem, ScopeEntry
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.blockers import blocker_text
from deliverydesk.gui.dialogs.records.handover import HandoverChoices, HandoverDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label, labelled
from deliverydesk.gui.messages import error_text
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_HANDOVER, AREA_ISSUES, AREA_SCOPE
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.handover_gate import project_handover_blockers
from deliverydesk.services.records import handover
from deliverydesk.services.records.issues import list_issues
from deliverydesk.services.records.scope import list_scope_items
from deliverydesk.services.scope_guard import DeferredBItems, deferred_b_items

KIND, TITLE, DATE, NOTES = range(4)
REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCKER_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCKED = QColor("#b00020")
BLOCKER_AREAS = {
    BlockerKind.TRAINING_WITHOUT_MATERIAL: AREA_HANDOVER,
    BlockerKind.SCOPE_ITEM_OPEN: AREA_SCOPE,
    BlockerKind.ISSUE_WITHOUT_CAUTION: AREA_ISSUES,
}


@dataclass(frozen=True)
class HandoverData:
    entries: tuple[HandoverEntry, ...]
    scope_items: tuple[ScopeEntry, ...] = ()
    issues: tuple[IssueItem, ...] = ()
    blockers: tuple[Blocker, ...] = ()


class HandoverModel(RecordTableModel[HandoverEntry]):
    sort_fields = {DATE: "item_date"}

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
            if item.material:
                material = self.tr("material: %1").replace("%1", "; ".join(item.material))
            else:
                material = self.tr("no written material")
            return f"{text} · {material}"
        if item.kind is HandoverKind.OPEN_ITEM and item.owner:
            owner = self.tr("owner: %1").replace("%1", item.owner)
            return " · ".join(part for part in (owner, item.recommendation) if part)
        if item.recommendation:
            return item.recommendation
        return item.details

    def colour(self, item: HandoverEntry, column: int) -> QColor | None:
        missing = item.kind is HandoverKind.TRAINING and not item.material and not item.archived
        return BLOCKED if missing and column == NOTES else None

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
        self.blockers_box = self._blockers_box()
        reminder = QVBoxLayout()
        reminder.addWidget(self.blockers_box)
        reminder.addWidget(self.deferred_box)
        self.lay_out(row, reminder, self.panel)

    def _blockers_box(self) -> QGroupBox:
        """What stands in the way of issuing the handover report, each named in words."""
        box = QGroupBox(self)
        box.setObjectName("handoverBlockers")
        box.setStyleSheet("QGroupBox#handoverBlockers { color: #b00020; font-weight: bold; }")
        self.blocker_list = QListWidget(box)
        self.blocker_list.setObjectName("handoverBlockerList")
        self.blocker_list.setStyleSheet("font-weight: normal;")
        self.blocker_list.itemActivated.connect(self._open_blocker)
        self.blocker_list.setWordWrap(True)  # each blocker is a sentence: read whole, never scrolled sideways
        self.blocker_list.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again at each new width
        self.blocker_list.setUniformItemSizes(False)
        self.blocker_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.blocker_list.setMaximumHeight(self.blocker_list.fontMetrics().lineSpacing() * 9 + 10)
        column = QVBoxLayout(box)
        column.addWidget(self.blocker_list)
        box.hide()  # until something stands in the way
        return box

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
            describe=lambda item: labelled(label(item.kind), item.title),
            archive=handover.archive_handover_entry,
            restore=handover.restore_handover_entry,
            widths=(150, 240, 88),
            stretch_column=NOTES,
            optional=(DATE,),
        )

    def title(self) -> str:
        return self.tr("Handover")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> HandoverData:
        return HandoverData(
            entries=handover.list_handover_entries(ctx, project_id, include_archived=True).rows,
            scope_items=list_scope_items(ctx, project_id).rows,
            issues=list_issues(ctx, project_id).rows,
            blockers=project_handover_blockers(ctx, project_id),
        )

    def show_data(self, data: HandoverData) -> None:
        self.all_entries = data.entries
        self._show_entries()
        self.show_blockers(data.blockers)

    def show_blockers(self, blockers: tuple[Blocker, ...]) -> None:
        self.blocker_list.clear()
        for blocker in blockers:
            shown = QListWidgetItem(blocker_text(blocker), self.blocker_list)
            shown.setData(BLOCKER_ROLE, blocker)
            shown.setForeground(QBrush(BLOCKED))
            hint = self.tr("Double-click to open it")
            shown.setToolTip(blocker_text(blocker) + "\n" + hint)
        title = self.tr(
            "The handover report cannot be issued yet: %n thing(s) stand in the way", "", len(blockers)
        )
        self.blockers_box.setTitle(title)
        self.blockers_box.setVisible(bool(blockers))

    def _open_blocker(self, shown: QListWidgetItem) -> None:
        blocker = shown.data(BLOCKER_ROLE)
        if not isinstance(blocker, Blocker):
            return
        if blocker.kind is BlockerKind.TRAINING_WITHOUT_MATERIAL:
            self.show_record(blocker.record_id)
        else:
            self.record_opened.emit(BLOCKER_AREAS[blocker.kind], blocker.record_id)

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
        data = self.data if isinstance(self.data, HandoverData) else HandoverData(())
        choices = HandoverChoices(
            entries=tuple(e for e in self.all_entries if not e.archived),
            scope_items=data.scope_items,
            issues=data.issues,
        )
        self.open_dialog(HandoverDialog(self.env, self.project_id, item, kind, choices, self))
