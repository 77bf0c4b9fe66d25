"""Recurring problems: categories of issues (or of extra asks) met at N or more distinct clients in a
period, with clients, projects, occurrences and trend. A problem that recurs across clients is a
fault the company should fix once; repeated extra asks show a gap in the product or the offer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import RECURRENCE_MIN_CLIENTS, Occurrence, RecurrenceItem
from deliverydesk.errors import DeliveryDeskError
from deliverydesk.gui.dialogs.documents.output import ask_export_path
from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import from_qdate, to_qdate
from deliverydesk.gui.messages import error_message, show_error
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_ISSUES
from deliverydesk.gui.pages.recurring_model import ITEM_ROLE, OccurrenceModel, RecurrenceModel
from deliverydesk.gui.screen_fit import ScreenDialog
from deliverydesk.gui.style import ERROR_COLOUR, MUTED_STYLE
from deliverydesk.gui.team.controller import team_transports
from deliverydesk.gui.widgets.tables import record_table
from deliverydesk.services.learning import csv_export
from deliverydesk.services.learning.recurrence import recurring_problems

if TYPE_CHECKING:
    from deliverydesk.services.sync.client import TeamCategoryCount

KINDS = ("issues", "asks")
AREAS = {"issues": AREA_ISSUES, "asks": AREA_CHANGE_REQUESTS}
MIN_CLIENTS_KEY = "recurring/min_clients"
TASK_KEY = "recurring"


def ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    return ask_export_path(
        parent,
        suggested,
        QCoreApplication.translate("RecurringPage", "Export CSV"),
        QCoreApplication.translate("RecurringPage", "CSV files (*.csv)"),
        suffix=".csv",
    )


class RecurringPage(QWidget):
    record_opened = Signal(str, str, str)  # project_id, area, record_id

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recurringPage")
        self.env = env
        self.model = RecurrenceModel(env.language, self)
        self.items: list[RecurrenceItem] = []
        self._make_controls()
        self.view = self._make_view()
        self.status = QLabel(self)
        self.status.setObjectName("recurringStatus")
        self.status.setWordWrap(True)
        self._make_team_table()
        self._layout()
        today = env.ctx.today()
        self.set_period(today - relativedelta(years=1) + timedelta(days=1), today, load=False)

    # --- building --------------------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.kind = QComboBox(self)
        self.kind.setObjectName("recurringKind")
        self.kind.addItem(self.tr("Issues"), "issues")
        self.kind.addItem(self.tr("Extra asks (change requests)"), "asks")
        today = self.env.ctx.today()
        self.since, self.until = date_edit(self, today, today), date_edit(self, today, today)
        self.min_clients = QSpinBox(self)
        self.min_clients.setObjectName("recurringMinClients")
        self.min_clients.setRange(1, 99)
        remembered = self.env.ui_state.value(MIN_CLIENTS_KEY, str(RECURRENCE_MIN_CLIENTS))
        self.min_clients.setValue(int(remembered) if remembered.isdigit() else RECURRENCE_MIN_CLIENTS)
        self.min_clients.setSuffix(self.tr(" clients"))
        self.min_clients.setToolTip(self.tr("List a category when it was met at this many different clients"))
        self.quarter = QPushButton(self.tr("Last 90 days"), self)
        self.year = QPushButton(self.tr("Last 12 months"), self)
        self.export_table = QPushButton(self.tr("Export CSV…"), self)
        self.export_register = QPushButton(self.tr("Export issue register CSV…"), self)
        self.quarter.clicked.connect(self.last_90_days)
        self.year.clicked.connect(self.last_12_months)
        self.export_table.clicked.connect(self.export_recurrence)
        self.export_register.clicked.connect(self.export_issue_register)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.min_clients.valueChanged.connect(self._min_clients_changed)

    def _make_view(self) -> QTableView:
        view = record_table(self, self.model, "recurringView")
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.activated.connect(self.show_occurrences)  # double-click or Enter
        return view

    def _make_team_table(self) -> None:
        """Managers in a team: the categories across every client of the team (counts from the server)."""
        self.team_title = QLabel(self.tr("Across the team (every client; counts from the team server)"), self)
        self.team_title.setStyleSheet(MUTED_STYLE)
        self.team_table = QTableWidget(0, 3, self)
        self.team_table.setObjectName("teamRecurring")
        self.team_table.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Clients"), self.tr("Issues")]
        )
        self.team_table.verticalHeader().hide()
        self.team_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.team_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team_table.setMaximumHeight(180)
        self.team_title.hide()
        self.team_table.hide()

    def _load_team(self) -> None:
        ctx, query = self.env.ctx, self.query
        factory = team_transports(self.env)

        def work() -> list[TeamCategoryCount] | None:
            try:
                transport = factory()
            except DeliveryDeskError:
                return None
            if transport is None:  # not in a team: sync's modules stay unloaded
                return None
            from deliverydesk.services.sync.client import team_recurring

            try:
                return team_recurring(ctx, transport, query["since"], query["until"], query["min_clients"])
            finally:
                if transport is not None:
                    transport.close()

        self.env.tasks.submit(
            work, self.show_team, lambda _e: self.show_team(None), key="team-recurring", owner=self
        )

    def show_team(self, rows: list[TeamCategoryCount] | None) -> None:
        for widget in (self.team_title, self.team_table):
            widget.setVisible(rows is not None)
        rows = rows or []
        self.team_table.setRowCount(len(rows))
        chinese = self.env.language.startswith("zh")
        for row, item in enumerate(rows):
            values = (item.name_zh if chinese else item.name_en, str(item.clients), str(item.issues))
            for column, value in enumerate(values):
                self.team_table.setItem(row, column, QTableWidgetItem(value))

    def _layout(self) -> None:
        exports = QHBoxLayout()
        exports.addWidget(self.status, 1)
        exports.addWidget(self.export_table)
        exports.addWidget(self.export_register)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        for part in self._titles():
            layout.addWidget(part)
        layout.addLayout(self._controls_row())
        layout.addWidget(self.view, 1)
        layout.addLayout(exports)
        layout.addWidget(self.team_title)
        layout.addWidget(self.team_table)

    def _titles(self) -> tuple[QLabel, QLabel]:
        heading = QLabel(self.tr("Recurring problems"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Categories met at several different clients in the period. A problem that recurs "
                "across clients is one the company should fix once; repeated extra asks show a gap "
                "in the product or the offer. Double-click a row to see each occurrence."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)
        return heading, intro

    def _controls_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        labelled = ((self.tr("Show"), self.kind), (self.tr("From"), self.since), (self.tr("to"), self.until))
        for label, widget in labelled:
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        row.addWidget(self.quarter)
        row.addWidget(self.year)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Seen at"), self))
        row.addWidget(self.min_clients)
        row.addWidget(QLabel(self.tr("or more"), self))
        row.addStretch(1)
        return row

    # --- period ----------------------------------------------------------------------------------
    def set_period(self, since: date, until: date, *, load: bool = True) -> None:
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        if load:
            self.refresh()

    def last_90_days(self) -> None:
        today = self.env.ctx.today()
        self.set_period(today - timedelta(days=89), today)

    def last_12_months(self) -> None:
        today = self.env.ctx.today()
        self.set_period(today - relativedelta(years=1) + timedelta(days=1), today)

    def _min_clients_changed(self, value: int) -> None:
        self.env.ui_state.set_value(MIN_CLIENTS_KEY, str(value))
        self.refresh()

    @property
    def query(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "since": from_qdate(self.since.date()),
            "until": from_qdate(self.until.date()),
            "min_clients": self.min_clients.value(),
        }

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, query = self.env.ctx, self.query
        self.status.setStyleSheet(MUTED_STYLE)
        self.status.setText(self.tr("Loading…"))
        self.env.tasks.submit(
            lambda: recurring_problems(ctx, **query), self.show_items, self._failed, key=TASK_KEY, owner=self
        )
        self._load_team()

    def show_items(self, items: list[RecurrenceItem]) -> None:
        self.items = list(items)
        self.model.set_rows(self.items)
        self.status.setStyleSheet(MUTED_STYLE)
        if self.items:
            self.status.setText(self.tr("Recurring categories: %1").replace("%1", str(len(self.items))))
        else:
            self.status.setText(
                self.tr("No category was met at %1 or more different clients in this period.").replace(
                    "%1", str(self.min_clients.value())
                )
            )

    def _failed(self, error: DeliveryDeskError) -> None:
        self.model.set_rows([])
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.status.setText(error_message(error))

    # --- occurrences -----------------------------------------------------------------------------
    def show_occurrences(self, index: QModelIndex) -> None:
        item = index.siblingAtColumn(0).data(ITEM_ROLE)
        if isinstance(item, RecurrenceItem):
            self.occurrences = OccurrencesDialog(item, self.env.language, self)
            self.occurrences.opened.connect(self._open_occurrence)
            self.occurrences.open()

    def _open_occurrence(self, occurrence: Occurrence) -> None:
        area = AREAS[str(self.query["kind"])]
        self.record_opened.emit(occurrence.project_id, area, occurrence.record_id)

    # --- export ----------------------------------------------------------------------------------
    def export_recurrence(self) -> None:
        """The table as shown (UTF-8 with BOM, so spreadsheet programs read Chinese correctly)."""
        query = self.query
        path = ask_csv_path(self, f"recurring-{query['kind']}-{query['until']}.csv")
        if path is not None:
            items, language = list(self.items), self.document_language
            self._export(path, lambda: csv_export.recurrence_csv(items, language))

    def export_issue_register(self) -> None:
        """Every live issue of every live project."""
        path = ask_csv_path(self, f"issue-register-{self.env.ctx.today()}.csv")
        if path is not None:
            ctx, language = self.env.ctx, self.document_language
            self._export(path, lambda: csv_export.issue_register_csv(ctx, language=language))

    @property
    def document_language(self) -> Language:
        return self.env.language

    def _export(self, path: Path, make: Callable[[], bytes]) -> None:
        def job() -> Path:
            csv_export.write_csv(path, make())
            return path

        def done(written: Path) -> None:
            self.status.setStyleSheet(MUTED_STYLE)
            self.status.setText(self.tr("Saved to %1").replace("%1", str(written)))

        self.env.tasks.submit(job, done, lambda error: show_error(self, error), owner=self)


class OccurrencesDialog(ScreenDialog):
    """Every issue (or change request) of one recurring category; activating one opens it."""

    opened = Signal(object)  # Occurrence

    def __init__(self, item: RecurrenceItem, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("occurrencesDialog")
        name = RecurrenceModel(language).text(item, 0)
        self.setWindowTitle(self.tr("Occurrences: %1").replace("%1", name))
        self.model = OccurrenceModel(self)
        self.model.set_rows(item.occurrences)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        self.view.activated.connect(self._activated)
        hint = QLabel(self.tr("Double-click or press Enter to open the record."), self)
        hint.setStyleSheet(MUTED_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (hint, self.view, buttons):
            layout.addWidget(part)
        self.resize(760, 380)

    def _activated(self, index: QModelIndex) -> None:
        occurrence = index.siblingAtColumn(0).data(ITEM_ROLE)
        if isinstance(occurrence, Occurrence):
            self.opened.emit(occurrence)
            self.accept()
