"""Home ("Today"): what needs attention now, across every project. Each line opens its record.

An empty database's Home says what to do first: a new project, a project bundle a colleague sent, or
the demo projects to look around in (``new_project_wanted``, ``import_wanted``, ``demo_wanted``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
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

    new_project_wanted = Signal()
    import_wanted = Signal()
    demo_wanted = Signal()

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
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.view = self._make_view()
        self.empty = QLabel(self.tr("Nothing needs your attention today."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_run = self._make_first_run()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.first_run)
        self._layout()

    def _make_first_run(self) -> QWidget:
        """No project yet: the three ways to start, each one button (and reachable by Tab)."""
        box = QWidget(self)
        box.setObjectName("firstRun")
        title = QLabel(self.tr("Welcome to DeliveryDesk"), box)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "There is no project yet. Start with your first project (client, contract, milestones), "
                "import a project a colleague exported, or look around in the demo projects first."
            ),
            box,
        )
        text.setWordWrap(True)
        self.new_button = QPushButton(icon("new"), self.tr("New project…"), box)
        self.new_button.setObjectName("firstRunNew")
        self.new_button.setToolTip(self.tr("Create your first project (Ctrl+N)"))
        self.import_button = QPushButton(icon("folder"), self.tr("Import a project bundle…"), box)
        self.import_button.setObjectName("firstRunImport")
        self.import_button.setToolTip(self.tr("A project file exported with DeliveryDesk (.json)"))
        self.demo_button = QPushButton(icon("projects"), self.tr("Open the demo projects"), box)
        self.demo_button.setObjectName("firstRunDemo")
        self.demo_button.setToolTip(self.tr("Add sample projects to this database; archive them when done"))
        self.new_button.clicked.connect(self.new_project_wanted.emit)
        self.import_button.clicked.connect(self.import_wanted.emit)
        self.demo_button.clicked.connect(self.demo_wanted.emit)
        for button in (self.new_button, self.import_button, self.demo_button):
            button.setEnabled(not self.env.readonly)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(text)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addStretch(2)
        return box

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
        if report.projects == 0:
            self.stack.setCurrentWidget(self.first_run)
            if self.isVisible() and not self.env.readonly:
                self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
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
