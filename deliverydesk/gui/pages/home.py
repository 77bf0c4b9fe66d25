"""Home ("Today"): what needs attention now, across every project. Each line opens its record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.attention import AttentionItem, AttentionKind, AttentionReport
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_day
from deliverydesk.gui.icons import icon
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.models.attention import ITEM_ROLE, AttentionModel
from deliverydesk.gui.pages.base import (
    AREA_CHANGE_REQUESTS,
    AREA_DOCUMENTS,
    AREA_HANDOVER,
    AREA_ISSUES,
    AREA_LOG,
    AREA_MILESTONES,
    AREA_OVERVIEW,
)
from deliverydesk.gui.style import MUTED_STYLE
from deliverydesk.services.attention import get_attention

AREAS = {
    AttentionKind.OVERDUE_MILESTONE: AREA_MILESTONES,
    AttentionKind.AT_RISK_MILESTONE: AREA_MILESTONES,
    AttentionKind.DECISION_PENDING: AREA_CHANGE_REQUESTS,
    AttentionKind.APPROVAL_PENDING: AREA_CHANGE_REQUESTS,
    AttentionKind.LETTER_UNSIGNED: AREA_DOCUMENTS,
    AttentionKind.LETTER_REFUSED: AREA_DOCUMENTS,
    AttentionKind.HANDOVER_BLOCKED: AREA_HANDOVER,  # the Handover page names what stands in the way
    AttentionKind.EXPECTATION_LETTER_OUTDATED: AREA_DOCUMENTS,  # the letter is selected there
    AttentionKind.SUMMARY_DUE: AREA_DOCUMENTS,
    AttentionKind.COMMITMENT_DUE: AREA_LOG,
    AttentionKind.CONFIRM_IN_WRITING: AREA_LOG,
    AttentionKind.DEFERRED_B_DUE: AREA_CHANGE_REQUESTS,
    AttentionKind.WORK_WITHOUT_DECISION: AREA_CHANGE_REQUESTS,
    AttentionKind.SCOPE_METER_WARNING: AREA_OVERVIEW,  # where the meters are
    AttentionKind.REVIEW_FOLLOW_UP_DUE: AREA_ISSUES,  # Issues & reviews: the review is selected
}
STATE_KEY = "home"


class HomePage(QWidget):
    record_opened = Signal(str, str, str)  # project_id, area, record_id ("" = the area itself)
    people_opened = Signal(str)  # a person of the team roster (Settings ▸ People)

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = AttentionModel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("homeHeading")
        self.subheading = QLabel(self)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.view = self._make_view()
        self.empty = QLabel(self.tr("Nothing needs your attention today."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self._layout()

    def _make_view(self) -> QTreeView:
        view = QTreeView(self)
        view.setObjectName("attentionView")
        view.setModel(self.model)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.header().setStretchLastSection(False)
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.clicked.connect(self._open)
        view.activated.connect(self._open)
        return view

    def _layout(self) -> None:
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading.setStyleSheet(MUTED_STYLE)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top.addLayout(titles, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def refresh(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(lambda: get_attention(ctx), self.show_report, self._failed, key="home")

    def show_report(self, report: AttentionReport) -> None:
        today = report.today
        self.heading.setText(self.tr("Today"))
        if today is not None:
            self.subheading.setText(format_day(today))
        self.model.set_report(report)
        self.view.expandAll()
        self._fit_columns()
        self.stack.setCurrentWidget(self.view if self.model.item_count() else self.empty)

    def _fit_columns(self) -> None:
        for column in (1, 2, 3):
            self.view.resizeColumnToContents(column)

    def _failed(self, error: DeliveryDeskError) -> None:
        self.subheading.setText(error_message(error))

    def _open(self, index: QModelIndex) -> None:
        item = index.siblingAtColumn(0).data(ITEM_ROLE)
        if isinstance(item, AttentionItem) and item.kind is AttentionKind.OWN_LIMITS_SET:
            self.people_opened.emit(item.record_id or "")
        elif isinstance(item, AttentionItem):
            self.record_opened.emit(item.project_id, AREAS[item.kind], item.record_id or "")
