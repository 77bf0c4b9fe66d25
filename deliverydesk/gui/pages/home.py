"""Home ("Today"): what needs attention now, across every project. Each line opens its record.

An empty database's Home says what to do first: a new project, a project bundle a colleague sent, or
the demo projects to look around in (``new_project_wanted``, ``import_wanted``, ``demo_wanted``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
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
from deliverydesk.gui.formatting import format_day, format_number
from deliverydesk.gui.i18n import shown
from deliverydesk.gui.icons import icon
from deliverydesk.gui.messages import error_message
from deliverydesk.gui.models.attention import DETAIL, ITEM_ROLE, PROJECT, WHEN, AttentionModel
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
from deliverydesk.gui.widgets.fit_columns import fit_text_columns

if TYPE_CHECKING:  # the team's services load with the first team news (after the first paint)
    from deliverydesk.domain.sync_status import SyncStatus
    from deliverydesk.services.context import ServiceContext
    from deliverydesk.services.sync.client import DecisionNotice, HeldDecision

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


MAX_HELD_SHOWN = 5


class TodayView(QTreeView):
    """Today's tree. ``rows_painted`` is emitted once after ``watch_paint``, when its viewport's next
    paint (with the rows the model was just given) has reached the screen. Overriding ``paintEvent``
    is how a scroll area hears of its viewport's paints without asking for ``viewport()`` (whose
    Python type PySide6 works out through every QWidget subclass the first time: ~23 ms, see
    benchmarks/paint_probe.py)."""

    rows_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watching = False

    def watch_paint(self) -> None:
        self._watching = True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._watching:
            self._watching = False
            QTimer.singleShot(0, self, self.rows_painted.emit)  # after the paint is flushed to the screen


class TeamNews(QFrame):
    """From the team: the approvals and refusals a sync brought (an engineer's), until dismissed; for
    a manager, the decisions waiting for their approval and the way to the approval inbox."""

    approvals_requested = Signal()

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("teamNews")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.items: list[DecisionNotice] = []
        self.held: list[HeldDecision] = []
        self.title = QLabel(self.tr("From the team"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.lines = QLabel(self)
        self.lines.setObjectName("teamNewsLines")
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setWordWrap(True)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("teamNewsWaiting")
        self.waiting.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.inbox_button = QPushButton(self.tr("Approval inbox…"), self)
        self.inbox_button.clicked.connect(self.approvals_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.inbox_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.waiting)
        layout.addWidget(self.lines)
        layout.addLayout(buttons)
        self.manager = False
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        self.manager = status.joined and status.role in ("manager", "admin")
        if status.joined:
            self.reload()
        else:
            self.hide()

    def reload(self) -> None:
        ctx, manager = self.env.ctx, self.manager

        def load() -> tuple[list[DecisionNotice], list[HeldDecision]]:
            from deliverydesk.services.sync.client import held_decisions, team_news

            return team_news(ctx), held_decisions(ctx) if manager else []

        self.env.tasks.submit(load, self.show_loaded, lambda _e: None, key="team-news", owner=self)

    def show_loaded(self, loaded: tuple[list[DecisionNotice], list[HeldDecision]]) -> None:
        self.held = loaded[1]
        self.show_waiting()
        self.show_news(loaded[0])

    def show_waiting(self) -> None:
        """A manager's decisions waiting for their approval: how many, and the first few."""
        if not self.manager:
            self.waiting.hide()
            return
        if not self.held:
            self.waiting.setText(self.tr("No decision waits for your approval."))
        else:
            lines = [self.tr("%n decision(s) wait for your approval:", "", len(self.held))]
            for held in self.held[:MAX_HELD_SHOWN]:
                lines.append(
                    self.tr("%1 %2 “%3”: %4 h, decided by %5")
                    .replace("%1", held.project_code)
                    .replace("%2", held.ref)
                    .replace("%4", format_number(held.effort_hours))
                    .replace("%5", held.decided_by)
                    .replace("%3", held.title)  # typed text last: a "%" in it stays as typed
                )
            if len(self.held) > MAX_HELD_SHOWN:
                lines.append(
                    self.tr("and %n more in the approval inbox", "", len(self.held) - MAX_HELD_SHOWN)
                )
            self.waiting.setText("\n".join(lines))
        self.waiting.show()

    def show_news(self, items: list[DecisionNotice]) -> None:
        self.items = items
        self.lines.setText("\n".join(shown(item.text()) for item in items))
        self.lines.setVisible(bool(items))
        self.dismiss_button.setVisible(bool(items) and not self.env.readonly)
        self.inbox_button.setVisible(self.manager)
        self.setVisible(bool(items) or self.manager)

    def dismiss(self) -> None:
        from deliverydesk.services.sync.client import dismiss_news

        ctx, ids = self.env.ctx, [item.id for item in self.items]
        self.env.tasks.submit(
            lambda: dismiss_news(ctx, ids), lambda _none: self.reload(), lambda _e: None, owner=self
        )


class HomePage(QWidget):
    record_opened = Signal(str, str, str)  # project_id, area, record_id ("" = the area itself)
    people_opened = Signal(str)  # a person of the team roster (Settings ▸ People)

    new_project_wanted = Signal()
    import_wanted = Signal()
    demo_wanted = Signal()
    # Today's first report is on screen: its rows painted, or it had none to paint (empty, failed, the
    # page hidden). The start's integrity check waits for it (gui.application.WindowHost).
    rows_shown = Signal()

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.has_shown_rows = False  # rows_shown was emitted
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
        self.team = TeamNews(env, self)
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

    def _make_view(self) -> TodayView:
        view = TodayView(self)
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
        view.rows_painted.connect(self._announce_rows)
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
        layout.addWidget(self.team)
        layout.addWidget(self.stack, 1)

    def refresh(self) -> None:
        ctx = self.env.ctx
        self.env.tasks.submit(lambda: _todays_report(ctx), self.show_report, self._failed, key="home")
        if self.team.isVisible():
            self.team.reload()

    def show_team_status(self, status: SyncStatus) -> None:
        self.team.show_status(status)

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
        if not self.has_shown_rows:
            self._announce_when_painted()

    def _announce_when_painted(self) -> None:
        """``rows_shown`` once the rows just set are painted; at once when there is nothing to paint
        (no rows, or the page hidden: no paint is coming)."""
        if self.stack.currentWidget() is self.view and self.view.isVisible():
            self.view.watch_paint()
        else:
            self._announce_rows()

    def _announce_rows(self) -> None:
        if not self.has_shown_rows:
            self.has_shown_rows = True
            self.rows_shown.emit()

    def _fit_columns(self) -> None:
        fit_text_columns(self.view, (PROJECT, WHEN, DETAIL))  # text only: see fit_columns

    def _failed(self, error: DeliveryDeskError) -> None:
        self.subheading.setText(error_message(error))
        self._announce_rows()  # no rows are coming: what waits for them goes ahead

    def _open(self, index: QModelIndex) -> None:
        item = index.siblingAtColumn(0).data(ITEM_ROLE)
        if isinstance(item, AttentionItem) and item.kind is AttentionKind.OWN_LIMITS_SET:
            self.people_opened.emit(item.record_id or "")
        elif isinstance(item, AttentionItem):
            self.record_opened.emit(item.project_id, AREAS[item.kind], item.record_id or "")


def _todays_report(ctx: ServiceContext) -> AttentionReport:
    """On the worker: the report's services (the scope guard's, the handover gate's) are imported
    there with the first refresh, which the window asks for as it is first shown, so they load while
    the GUI thread lays out and paints the window instead of after its first paint."""
    from deliverydesk.services.attention import get_attention

    return get_attention(ctx)
