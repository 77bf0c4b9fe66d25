"""The project navigator's model: pages of ``ProjectSummary`` rows, fed by the navigator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from deliverydesk.domain.metrics import Meter, MeterLevel
from deliverydesk.gui.formatting import format_date, format_number
from deliverydesk.gui.icons import icon
from deliverydesk.gui.labels import label
from deliverydesk.gui.meter_levels import with_level
from deliverydesk.gui.models.fed import FedTableModel

if TYPE_CHECKING:  # the records load with the list's first query, after the first paint
    from deliverydesk.domain.models import ProjectSummary

ATTENTION, CODE, NAME, CLIENT, STATUS, NEXT_MILESTONE, GOODWILL, SCOPE_CREEP = range(8)
# Column -> sort key of ``services.records.projects.list_projects`` (None: not sortable in SQL yet).
SORT_KEYS: dict[int, str | None] = {
    ATTENTION: "attention",
    CODE: "code",
    NAME: "name",
    CLIENT: "client",
    STATUS: "status",
    NEXT_MILESTONE: "next_milestone",
    GOODWILL: "goodwill",
    SCOPE_CREEP: "scope_creep",
}
LATE_COLOUR = QColor("#b00020")
LEVEL_COLOURS = {MeterLevel.WARNING: QColor("#b4591b"), MeterLevel.LIMIT: LATE_COLOUR}  # amber, red
PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles a cell answers, as the ints Qt passes: the delegate asks seven of every painted cell (a
# switch repaints a screenful of rows), most of them with no answer here.
_DISPLAY, _TOOLTIP, _ACCESSIBLE, _DECORATION, _FOREGROUND = (
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
    )
)
_ANSWERED = frozenset({int(PROJECT_ID_ROLE), _DISPLAY, _TOOLTIP, _ACCESSIBLE, _DECORATION, _FOREGROUND})
ATTENTION_HEADER = "!"


class ProjectListModel(FedTableModel["ProjectSummary"]):
    _headers: list[str] | None = None

    def headers(self) -> list[str]:
        """Translated once: the view asks for them (and the column count) on every paint of every cell,
        and the UI language changes only with a restart."""
        if self._headers is None:
            self._headers = [
                ATTENTION_HEADER,  # the attention marker: "!", explained in its tooltip and the legend
                self.tr("Code"),
                self.tr("Project"),
                self.tr("Client"),
                self.tr("Status"),
                self.tr("Next milestone"),
                self.tr("Goodwill"),
                self.tr("Scope creep"),
            ]
        return self._headers

    def header_tip(self, section: int) -> str | None:
        if section == ATTENTION:
            return self.attention_legend()
        return None

    def attention_legend(self) -> str:
        return self.tr("Needs attention: a milestone overdue or slipping, or a change request to decide")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section == ATTENTION:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Needs attention")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return super().headerData(section, orientation, role)

    def cell(self, item: ProjectSummary, column: int, role: int) -> Any:
        if role not in _ANSWERED:
            return None
        if role == PROJECT_ID_ROLE:
            return item.id
        if column in (GOODWILL, SCOPE_CREEP):
            return self._meter_cell(item.goodwill if column == GOODWILL else item.scope_creep, column, role)
        if role == _DISPLAY:
            return self._text(item, column)
        if role == _TOOLTIP and column in (NEXT_MILESTONE, ATTENTION):
            return self._attention_text(item) or self.tr("Nothing needs attention")
        if role == _ACCESSIBLE and column == ATTENTION:
            return self._attention_text(item)
        if role == _DECORATION and column == ATTENTION and item.needs_attention:
            return icon("attention")
        if role == _FOREGROUND and column == NEXT_MILESTONE and (item.slip_days or 0) > 0:
            return QBrush(LATE_COLOUR)
        return None

    def _meter_cell(self, reading: Meter, column: int, role: int) -> Any:
        """The share used as a percentage ("—" with nothing to measure against), amber or red text
        at the guard's levels, the hours in the tooltip."""
        if role == _DISPLAY:
            return "—" if reading.ratio is None else f"{format_number(reading.ratio * 100, 0)} %"
        if role == _TOOLTIP:
            if column == GOODWILL:
                text = self.tr("Goodwill used: %1 of %2 h")
            else:
                text = self.tr("Scope creep: %1 h beyond %2 h contracted")
            text = with_level(text, reading.level)
            used, allowed = format_number(reading.used), format_number(reading.allowed)
            return text.replace("%1", used).replace("%2", allowed)
        if role == _FOREGROUND and reading.level in LEVEL_COLOURS:
            return QBrush(LEVEL_COLOURS[reading.level])
        return None

    def _text(self, item: ProjectSummary, column: int) -> str:
        if column == CODE:
            return item.code
        if column == NAME:
            return item.name
        if column == CLIENT:
            return item.client_name
        if column == STATUS:
            return label(item.status)
        if column == NEXT_MILESTONE:
            return self._next_milestone(item)
        return ""

    def _next_milestone(self, item: ProjectSummary) -> str:
        if item.next_milestone_name is None:
            return ""
        text = f"{item.next_milestone_name} · {format_date(item.next_milestone_date)}"
        if item.slip_days:
            text += " " + self.tr("(slip %n working day(s))", "", item.slip_days)
        return text

    def _attention_text(self, item: ProjectSummary) -> str:
        parts = []
        if item.overdue_milestones:
            parts.append(self.tr("%n overdue", "", item.overdue_milestones))
        if item.pending_decisions:
            parts.append(self.tr("%n to decide", "", item.pending_decisions))
        if item.waiting_on_client:
            parts.append(self.tr("%n waiting on client", "", item.waiting_on_client))
        return ", ".join(parts)
