"""Overview: the project's key facts and its meters (milestones by health, expectations confirmed,
change requests by decision, goodwill used of budget, scope-creep ratio)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Decision, ExpectationStatus
from deliverydesk.domain.metrics import MilestoneHealth
from deliverydesk.domain.models import ContactItem, ProjectItem, ProjectOverview
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.records.client import ClientDialog, ContactDialog, ProjectDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_money, format_number
from deliverydesk.gui.labels import label, labelled
from deliverydesk.gui.meter_levels import with_level
from deliverydesk.gui.pages.base import AREA_OVERVIEW
from deliverydesk.gui.pages.project.health import health_count
from deliverydesk.gui.pages.project.meters import OK, OVER, TRACK, WARN, Meter, SegmentBar
from deliverydesk.gui.pages.project.overview_history import OverviewHistory
from deliverydesk.gui.pages.project.panel import PanelSpec, RecordPanel
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import GOOD_COLOUR, RecordTableModel
from deliverydesk.gui.style import mute
from deliverydesk.gui.widgets.selectable import SelectableValue
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.overview import OpenedProject, open_project
from deliverydesk.services.records import clients
from deliverydesk.services.scope_guard import ProjectMeters

HEALTH_ORDER = (
    (MilestoneHealth.ON_TRACK, OK),
    (MilestoneHealth.AT_RISK, WARN),
    (MilestoneHealth.OVERDUE, OVER),
    (MilestoneHealth.DONE, QColor("#5b7fa8")),
)
CONFIRMED = (ExpectationStatus.CONFIRMED, ExpectationStatus.MET)


DECISION_COLOURS = {
    Decision.PENDING: WARN,
    Decision.PENDING_APPROVAL: WARN,
    Decision.APPROVED_BILLABLE: OK,
    Decision.APPROVED_GOODWILL: QColor("#5b9f73"),
    Decision.DECLINED: OVER,
}


def _decision_colour(decision: Decision) -> QColor:
    return DECISION_COLOURS.get(decision, QColor("#9aa3ad"))


def _legend(counts: list[tuple[Decision, int]]) -> str:
    """One decision per line, with its colour from the bar and its count aligned."""
    cells = [
        f"<td><span style='color:{_decision_colour(d).name()}'>■</span> {html.escape(label(d))}</td>"
        f"<td align='right' style='padding-left:12px'>{n}</td>"
        for d, n in counts
    ]
    return "<table cellspacing='0'>" + "".join(f"<tr>{cell}</tr>" for cell in cells) + "</table>"


def _heading(text: str, parent: QWidget) -> QLabel:
    heading = QLabel(text, parent)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    heading.setFont(font)
    heading.setContentsMargins(0, 10, 0, 2)
    return heading


def _value(parent: QWidget) -> QLabel:
    return SelectableValue(parent)  # measured as a plain label: a switch re-measures the changed values


class ContactModel(RecordTableModel[ContactItem]):
    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Title"),
            self.tr("Role"),
            self.tr("May sign"),
            self.tr("Phone"),
            self.tr("Email"),
        ]

    def text(self, item: ContactItem, column: int) -> str:
        signs = self.tr("Yes") if item.can_sign else ""
        values = (item.name, item.title, label(item.role), signs, item.phone, item.email)
        return values[column]

    def colour(self, item: ContactItem, column: int) -> QColor | None:
        return GOOD_COLOUR if column == 3 else None


OverviewData = OpenedProject  # what the page shows: the workspace's one read of a switch


class OverviewPage(RecordsPage):
    area = AREA_OVERVIEW
    icon_name = "overview"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.overview: ProjectOverview | None = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.contacts = self._contacts_panel()
        column.addLayout(self._title_row(body))
        column.addLayout(self._facts(body))
        column.addWidget(_heading(self.tr("How the project stands"), body))
        column.addLayout(self._meters(body))
        self.contacts.setMinimumHeight(200)
        column.addWidget(self.contacts, 1)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(scroll, 1)

    def _title_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(_heading(self.tr("Key facts"), parent))
        row.addStretch(1)
        self.edit_project_button = QPushButton(self.tr("Edit project…"), parent)
        self.edit_project_button.clicked.connect(self.edit_project)
        self.edit_client_button = QPushButton(self.tr("Edit client…"), parent)
        self.edit_client_button.clicked.connect(self.edit_client)
        for button in (self.edit_project_button, self.edit_client_button):
            button.setEnabled(False)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        self.history = OverviewHistory(self, parent)
        self.history_button = self.history.button
        row.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignBottom)
        return row

    def _contacts_panel(self) -> RecordPanel:
        panel = self.add_panel(
            ContactModel(self),
            PanelSpec(
                key="contacts",
                title=self.tr("Client contacts"),
                empty_text=self.tr(
                    "No contacts yet. Add the people you deal with, and mark who may sign for the client."
                ),
                describe=lambda item: item.name,
                archive=clients.archive_contact,
                restore=clients.restore_contact,
                widths=(120, 120, 110, 70, 130, 180),
                stretch_column=5,
                optional=(4, 2),
            ),
            self.edit_contact,
        )
        return panel

    def _facts(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        names = (
            ("client", self.tr("Client")),
            ("status", self.tr("Status")),
            ("contract", self.tr("Contract")),
            ("value", self.tr("Contract value")),
            ("period", self.tr("Contract period")),
            ("language", self.tr("Document language")),
            ("lead", self.tr("Delivery lead")),
            ("sales", self.tr("Sales owner")),
            ("effort", self.tr("Contracted effort")),
            ("goodwill_budget", self.tr("Goodwill budget")),
        )
        self.facts: dict[str, QLabel] = {}
        for index, (key, text) in enumerate(names):
            row, column = divmod(index, 2)
            caption = QLabel(text, parent)
            mute(caption)
            self.facts[key] = _value(parent)
            grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.facts[key], row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _meters(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.milestone_bar, self.expectation_bar = SegmentBar(parent), SegmentBar(parent)
        self.decision_bar = SegmentBar(parent)
        self.goodwill_meter, self.creep_meter = Meter(parent), Meter(parent)
        self.meter_texts: dict[str, QLabel] = {}
        rows = (
            ("milestones", self.tr("Milestones"), self.milestone_bar),
            ("expectations", self.tr("Expectations confirmed"), self.expectation_bar),
            ("decisions", self.tr("Change requests"), self.decision_bar),
            ("goodwill", self.tr("Goodwill used"), self.goodwill_meter),
            ("creep", self.tr("Scope-creep ratio"), self.creep_meter),
        )
        for row, (key, text, bar) in enumerate(rows):
            caption = QLabel(text, parent)
            self.meter_texts[key] = _value(parent)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            bar.setMaximumWidth(220)
            grid.addWidget(bar, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.meter_texts[key], row, 2, Qt.AlignmentFlag.AlignTop)
        # The decisions legend is a rich-text table of short rows: laid out at its own width. Word-wrapped,
        # the label lays its document out again (twice) for every width the layouts ask about, which
        # was a third of a switch's layout; the rows have room at every size the window takes.
        self.meter_texts["decisions"].setWordWrap(False)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 3)
        return grid

    def title(self) -> str:
        return self.tr("Overview")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> OverviewData:
        return open_project(ctx, project_id)

    def expect_data(self) -> None:
        """The workspace is opening the project and will hand its data over (``take``): no load of
        the page's own."""
        self.mark_fresh()

    def take(self, project_id: str, data: OverviewData) -> None:
        self._loaded(project_id, data)

    def show_failure(self, error: DeliveryDeskError) -> None:
        """The workspace's read failed: no facts (they would be the previous project's), say so, and
        load again when shown next."""
        self._failed(error)
        self.mark_stale()

    def _failed(self, error: DeliveryDeskError) -> None:
        self._clear()
        super()._failed(error)

    def show_data(self, data: OverviewData) -> None:
        overview = data.overview
        self.overview = overview
        self._show_facts(overview.project)
        self._show_milestones(overview)
        self._show_expectations(overview)
        self._show_decisions(overview)
        self._show_goodwill(overview, data.meters)
        self._show_creep(overview, data.meters)
        self.contacts.set_records(data.contacts)
        for button in (self.edit_project_button, self.edit_client_button):
            button.setEnabled(not self.env.readonly)
        self.history_button.setEnabled(True)  # reading the history is fine on a read-only database

    def set_project(self, project_id: str | None) -> None:
        """The previous project's facts stay until the new ones arrive: the workspace changes its title
        in the same step (``ProjectWorkspace._opened``), so they never show under the new title, and
        each label is laid out and painted once per switch instead of cleared and filled."""
        if project_id != self.project_id:
            for button in (self.edit_project_button, self.edit_client_button, self.history_button):
                button.setEnabled(False)
            if project_id is not None:
                self.data = None  # the contacts stay with the facts (not emptied, then filled: one reset)
        super().set_project(project_id)

    def _clear(self) -> None:
        for shown in (*self.facts.values(), *self.meter_texts.values()):
            shown.clear()
        self.contacts.set_records([])

    def edit_project(self) -> None:
        if self.data is not None:
            self.open_dialog(ProjectDialog(self.env, self.data.overview.project, self, self.data.client))

    def edit_client(self) -> None:
        if self.data is not None and self.project_id is not None:
            self.open_dialog(ClientDialog(self.env, self.project_id, self.data.client, self))

    def edit_contact(self, item: ContactItem | None) -> None:
        if self.data is not None and self.project_id is not None:
            client_id = self.data.client.id
            self.open_dialog(ContactDialog(self.env, self.project_id, client_id, item, self))

    def _show_facts(self, p: ProjectItem) -> None:
        hours = self.tr("%1 h")
        period = " – ".join(format_date(d) for d in (p.start_date, p.end_date) if d) or "—"
        values = {
            "client": p.client_name,
            "status": label(p.status),
            "contract": p.contract_ref or "—",
            "value": format_money(p.contract_value_cents, p.currency) if p.contract_value_cents else "—",
            "period": period,
            "language": label(p.language),
            "lead": p.delivery_lead or "—",
            "sales": p.sales_owner or "—",
            "effort": hours.replace("%1", format_number(p.contracted_effort_hours)),
            "goodwill_budget": hours.replace("%1", format_number(p.goodwill_budget_hours)),
        }
        for key, text in values.items():
            self.facts[key].setText(text)

    def _show_milestones(self, o: ProjectOverview) -> None:
        parts = [(o.milestones(h), colour, h) for h, colour in HEALTH_ORDER]
        text = " · ".join(health_count(h, count) for count, _c, h in parts if count) or self.tr(
            "No milestones yet"
        )
        self.milestone_bar.set_segments([(count, colour) for count, colour, _h in parts], text)
        self.meter_texts["milestones"].setText(text)

    def _show_expectations(self, o: ProjectOverview) -> None:
        counts = o.expectations_by_status
        confirmed = sum(counts.get(s, 0) for s in CONFIRMED)
        total = sum(n for s, n in counts.items() if s is not ExpectationStatus.WITHDRAWN)
        text = (
            self.tr("%1 of %2 confirmed in writing").replace("%1", str(confirmed)).replace("%2", str(total))
        )
        if not total:
            text = self.tr("No expectations yet")
        self.expectation_bar.set_segments([(confirmed, OK), (total - confirmed, TRACK)], text)
        self.meter_texts["expectations"].setText(text)

    def _show_decisions(self, o: ProjectOverview) -> None:
        counts = [(d, o.change_requests_by_decision.get(d, 0)) for d in Decision]
        shown = [(d, n) for d, n in counts if n]
        text = "  ·  ".join(labelled(label(d), str(n)) for d, n in shown) or self.tr("No change requests yet")
        self.decision_bar.set_segments([(n, _decision_colour(d)) for d, n in counts], text)
        legend = self.meter_texts["decisions"]
        legend.setTextFormat(Qt.TextFormat.RichText)  # our own labels and numbers only: no user text
        legend.setText(_legend(shown) if shown else html.escape(text))

    def _show_goodwill(self, o: ProjectOverview, meters: ProjectMeters) -> None:
        if o.goodwill_ratio is None:
            text = self.tr("%1 h used; no goodwill budget set").replace(
                "%1", format_number(o.goodwill_hours_used)
            )
        else:
            text = (
                self.tr("%1 h of %2 h (%3 %)")
                .replace("%1", format_number(o.goodwill_hours_used))
                .replace("%2", format_number(o.goodwill_budget_hours))
                .replace("%3", format_number(o.goodwill_ratio * 100, 0))
            )
        text = with_level(text, meters.goodwill.level)
        self.goodwill_meter.set_ratio(o.goodwill_ratio, text, meters.goodwill.level)
        self.meter_texts["goodwill"].setText(text)

    def _show_creep(self, o: ProjectOverview, meters: ProjectMeters) -> None:
        if o.scope_creep_ratio is None:
            text = self.tr("No contracted effort set")
        else:
            text = (
                self.tr("%1 % (%2 h accepted out of scope, %3 h contracted)")
                .replace("%1", format_number(o.scope_creep_ratio * 100))
                .replace("%2", format_number(o.out_of_scope_hours_accepted))
                .replace("%3", format_number(o.contracted_effort_hours))
            )
        text = with_level(text, meters.scope_creep.level)
        flags = []
        if meters.done_without_decision:
            flags.append(
                self.tr("%n change request(s) worked on without a decision", "", meters.done_without_decision)
            )
        if meters.deferred_b_items:
            flags.append(self.tr("%n deferred B-item(s) waiting", "", meters.deferred_b_items))
        self.creep_meter.set_ratio(o.scope_creep_ratio, text, meters.scope_creep.level)
        self.meter_texts["creep"].setText("\n".join([text, *flags]))
