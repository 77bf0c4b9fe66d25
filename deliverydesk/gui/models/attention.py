"""The Home page's model: attention items grouped by kind (a two-level tree), fed a report."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from deliverydesk.domain.attention import AttentionItem, AttentionKind, AttentionReport
from deliverydesk.domain.enums import LetterKind
from deliverydesk.domain.metrics import MeterLevel
from deliverydesk.gui.blockers import blocker_text
from deliverydesk.gui.formatting import format_date, format_number, limits_text
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label, labelled, with_note

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP = 0  # internal id of group rows; item rows carry their group's number + 1
WHAT, PROJECT, WHEN, DETAIL = range(4)
COLUMNS = 4
ORDER = tuple(AttentionKind)
ICONS = {
    AttentionKind.OVERDUE_MILESTONE: "milestone",
    AttentionKind.AT_RISK_MILESTONE: "milestone",
    AttentionKind.DECISION_PENDING: "change",
    AttentionKind.APPROVAL_PENDING: "change",
    AttentionKind.LETTER_UNSIGNED: "letter",
    AttentionKind.LETTER_REFUSED: "letter",
    AttentionKind.EXPECTATION_LETTER_OUTDATED: "letter",
    AttentionKind.SUMMARY_DUE: "summary",
    AttentionKind.COMMITMENT_DUE: "commitment",
    AttentionKind.CONFIRM_IN_WRITING: "commitment",
    AttentionKind.DEFERRED_B_DUE: "change",
    AttentionKind.WORK_WITHOUT_DECISION: "change",
    AttentionKind.SCOPE_METER_WARNING: "warning",
    AttentionKind.REVIEW_FOLLOW_UP_DUE: "revisit",
    AttentionKind.HANDOVER_BLOCKED: "handover",
    AttentionKind.OWN_LIMITS_SET: "warning",
}
URGENT = QColor("#b00020")
WARNING_LEVELS = (MeterLevel.WARNING, MeterLevel.LIMIT)


class AttentionModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[AttentionKind, list[AttentionItem], int]] = []
        self._today: date | None = None

    def set_report(self, report: AttentionReport) -> None:
        self.beginResetModel()
        self._today = report.today
        self._groups = [
            (kind, list(report.of_kind(kind)), report.totals.get(kind, 0))
            for kind in ORDER
            if report.of_kind(kind)
        ]
        self.endResetModel()

    def item_count(self) -> int:
        return sum(len(items) for _kind, items, _total in self._groups)

    def item_at(self, index: Index) -> AttentionItem | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # --- Qt ------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        # The bounds checked here, not by hasIndex: it calls back rowCount and columnCount through
        # Qt, and a view asks for every index (the Today page's column fitting and painting).
        if not 0 <= column < COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != GROUP or parent.column() != 0 or row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [self.tr("What"), self.tr("Project"), self.tr("Date"), self.tr("Details")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == GROUP:
            return self._group_data(index, role)
        item = self.item_at(index)
        assert item is not None
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._item_text(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == DETAIL and _late(item, self._today):
            # The colour: Qt's delegate makes the brush. A QBrush made here first sets up PySide6's
            # QBrush and QGradient types (~6 ms) while Today's columns are fitted.
            return URGENT
        return None

    def column_texts(self, column: int, parent: Index = _ROOT) -> list[str]:
        """What ``data`` shows in ``column`` for each row under ``parent`` ("" for nothing), read
        without an index and a call through Qt per cell: fitting Today's columns reads every row's
        text (``gui/widgets/fit_columns``), 200 items on the large database."""
        if not parent.isValid():
            return [self._group_text(group) if column == 0 else "" for group in range(len(self._groups))]
        if parent.internalId() != GROUP or parent.column() != 0 or not 0 <= column < COLUMNS:
            return [""] * self.rowCount(parent)
        return [self._item_text(item, column) for item in self._groups[parent.row()][1]]

    def _group_data(self, index: Index, role: int) -> Any:
        kind = self._groups[index.row()][0]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._group_text(index.row())
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(ICONS[kind])
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _group_text(self, group: int) -> str:
        kind, items, total = self._groups[group]
        title = self._group_title(kind)
        if total > len(items):
            return (
                self.tr("%1 (showing %2 of %3)")
                .replace("%1", title)
                .replace("%2", str(len(items)))
                .replace("%3", str(total))
            )
        return with_note(title, str(len(items)))

    def _group_title(self, kind: AttentionKind) -> str:
        titles = {
            AttentionKind.OVERDUE_MILESTONE: self.tr("Overdue milestones"),
            AttentionKind.AT_RISK_MILESTONE: self.tr("Milestones at risk"),
            AttentionKind.DECISION_PENDING: self.tr("Change requests awaiting your decision"),
            AttentionKind.APPROVAL_PENDING: self.tr("Change requests awaiting manager approval"),
            AttentionKind.LETTER_UNSIGNED: self.tr("Letters issued but not signed"),
            AttentionKind.LETTER_REFUSED: self.tr("Letters the client refused to sign"),
            AttentionKind.EXPECTATION_LETTER_OUTDATED: self.tr("Expectation letters out of date"),
            AttentionKind.SUMMARY_DUE: self.tr("Progress summaries due"),
            AttentionKind.COMMITMENT_DUE: self.tr("Open commitments due"),
            AttentionKind.CONFIRM_IN_WRITING: self.tr("To confirm in writing"),
            AttentionKind.DEFERRED_B_DUE: self.tr("Deferred B-items now due"),
            AttentionKind.WORK_WITHOUT_DECISION: self.tr("Work done without a decision"),
            AttentionKind.SCOPE_METER_WARNING: self.tr("Goodwill or scope creep near the limit"),
            AttentionKind.REVIEW_FOLLOW_UP_DUE: self.tr("Review follow-ups due"),
            AttentionKind.HANDOVER_BLOCKED: self.tr("Handover reports that cannot be issued yet"),
            AttentionKind.OWN_LIMITS_SET: self.tr("Authority limits set by the person themselves"),
        }
        return titles[kind]

    def _item_text(self, item: AttentionItem, column: int) -> str:
        if column == WHAT:
            return self._what(item)
        if column == PROJECT:
            return f"{item.project_code}  {item.project_name}".strip()
        if column == WHEN:
            return format_date(item.due)
        return self._detail(item)

    def _what(self, item: AttentionItem) -> str:
        if item.kind is AttentionKind.SCOPE_METER_WARNING:
            return self._meter_readings(item)
        if item.kind is AttentionKind.SUMMARY_DUE:
            return self.tr("Progress summary")
        if item.kind in (AttentionKind.LETTER_UNSIGNED, AttentionKind.LETTER_REFUSED):
            return f"{item.ref}  {_letter_kind(item.title)}"
        if item.kind is AttentionKind.HANDOVER_BLOCKED and item.blocker is not None:
            return blocker_text(item.blocker)
        if item.kind is AttentionKind.OWN_LIMITS_SET:
            return self._own_limits(item)
        if item.kind is AttentionKind.EXPECTATION_LETTER_OUTDATED:
            return self.tr("Expectation letter %1 out of date").replace("%1", item.ref)
        if item.kind is AttentionKind.REVIEW_FOLLOW_UP_DUE:  # "王工: call the client back"
            return labelled(item.ref, item.title) if item.ref else item.title
        if item.owner_side is not None:  # commitments: "Client · 王芳: send the network plan"
            owner = " · ".join(part for part in (label(item.owner_side), item.ref) if part)
            return labelled(owner, item.title)
        return f"{item.ref}  {item.title}"

    def _own_limits(self, item: AttentionItem) -> str:
        """ "张浩 set their own limits: 80 h and 5,000.00 per change request · 16 h goodwill per project"."""
        text = self.tr("%1 set their own limits: %2")
        limits = item.limits
        if limits is None:
            return text.replace("%1", item.ref).replace("%2", "")
        shown = limits_text(
            limits.hours_per_change,
            limits.cost_cents_per_change,
            limits.goodwill_hours_per_project,
            limits.cost_currency,
        )
        return text.replace("%1", item.ref).replace("%2", shown)

    def _meter_readings(self, item: AttentionItem) -> str:
        """ "Goodwill 80 % · Scope creep 105 %": the readings that warn."""
        named = ((self.tr("Goodwill %1 %"), item.goodwill), (self.tr("Scope creep %1 %"), item.scope_creep))
        return " · ".join(
            text.replace("%1", format_number(reading.ratio * 100, 0))
            for text, reading in named
            if reading is not None and reading.ratio is not None and reading.level in WARNING_LEVELS
        )

    def _detail(self, item: AttentionItem) -> str:
        if item.kind is AttentionKind.SCOPE_METER_WARNING:
            if _at_limit(item):
                return self.tr("used up: agree further requests as billable or decline them")
            return self.tr("nearly used up: weigh each new request against it")
        if item.kind is AttentionKind.OVERDUE_MILESTONE:
            return self.tr("overdue by %n working day(s)", "", item.days_late or 0)
        if item.kind is AttentionKind.REVIEW_FOLLOW_UP_DUE:
            if item.days_late:
                return self.tr("revisit was due %n day(s) ago", "", item.days_late)
            return self.tr("revisit today: look again and record the outcome")
        if item.kind is AttentionKind.AT_RISK_MILESTONE:
            if item.slip_days:
                return self.tr("slip %n working day(s)", "", item.slip_days)
            return self.tr("waiting on the client")
        waited = (self._today - item.due).days if self._today and item.due else 0
        if item.kind is AttentionKind.CONFIRM_IN_WRITING:
            return self.tr("verbal: no email or letter linked yet")
        if item.kind is AttentionKind.COMMITMENT_DUE and waited < 0:
            return self.tr("due in %n day(s)", "", -waited)
        if item.kind is AttentionKind.DECISION_PENDING and waited <= 0:
            return self.tr("asked today, waiting for your decision")
        if item.kind is AttentionKind.DECISION_PENDING:
            return self.tr("waiting %n day(s) for your decision", "", waited)
        if item.kind is AttentionKind.EXPECTATION_LETTER_OUTDATED:
            return self.tr("expectations changed: re-issue it and get it signed again")
        if item.kind is AttentionKind.DEFERRED_B_DUE:
            return self.tr("main milestone accepted: raise it with the client now")
        if item.kind is AttentionKind.WORK_WITHOUT_DECISION:
            return self.tr("no decision yet; log entries against it: %n", "", item.logged or 0)
        if item.kind is AttentionKind.APPROVAL_PENDING and waited <= 0:
            return self.tr("above your authority, held today")
        if item.kind is AttentionKind.APPROVAL_PENDING:
            return self.tr("above your authority, waiting %n day(s)", "", waited)
        if item.kind is AttentionKind.LETTER_REFUSED:
            return self.tr("refused: talk to the client")
        if item.kind is AttentionKind.HANDOVER_BLOCKED:
            return self.tr("the handover report cannot be issued until this is settled")
        if item.kind is AttentionKind.OWN_LIMITS_SET:
            return self.tr("a manager should confirm them (Settings ▸ People)")
        if item.kind is AttentionKind.LETTER_UNSIGNED and waited <= 0:
            return self.tr("issued today, not signed")
        if item.kind is AttentionKind.LETTER_UNSIGNED:
            return self.tr("issued %n day(s) ago, not signed", "", waited)
        return self.tr("due today") if waited <= 0 else self.tr("%n day(s) overdue", "", waited)


def _at_limit(item: AttentionItem) -> bool:
    return any(m is not None and m.level is MeterLevel.LIMIT for m in (item.goodwill, item.scope_creep))


def _late(item: AttentionItem, today: date | None) -> bool:
    if item.kind is AttentionKind.SCOPE_METER_WARNING:
        return _at_limit(item)
    if item.kind in (AttentionKind.COMMITMENT_DUE, AttentionKind.REVIEW_FOLLOW_UP_DUE):
        return (item.days_late or 0) > 0
    if item.kind is AttentionKind.SUMMARY_DUE:  # "59 days overdue" is as late as a commitment's
        return today is not None and item.due is not None and item.due < today
    if item.kind in (
        AttentionKind.LETTER_REFUSED,
        AttentionKind.OWN_LIMITS_SET,
        AttentionKind.HANDOVER_BLOCKED,
    ):
        return True
    return item.kind is AttentionKind.OVERDUE_MILESTONE or (item.slip_days or 0) > 0


def _letter_kind(value: str) -> str:
    try:
        return label(LetterKind(value))
    except ValueError:
        return value
