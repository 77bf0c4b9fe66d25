"""Change requests: every extra ask, its triage, scope check, impact and decision."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.domain.models import (
    CategoryItem,
    ChangeRequestItem,
    ContactItem,
    ExclusionItem,
    IssueItem,
    ProjectItem,
    ScopeEntry,
)
from deliverydesk.domain.refs import RefPrefix, next_ref
from deliverydesk.gui.dialogs.documents.evidence import add_evidence_action
from deliverydesk.gui.dialogs.records.approval import ApproveDialog
from deliverydesk.gui.dialogs.records.change_request import ChangeRequestChoices, ChangeRequestDialog
from deliverydesk.gui.dialogs.records.decision import DecideDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, format_number
from deliverydesk.gui.labels import label
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS
from deliverydesk.gui.pages.project.attachments import AttachmentsBox
from deliverydesk.gui.pages.project.panel import PanelSpec
from deliverydesk.gui.pages.project.records_page import RecordsPage
from deliverydesk.gui.pages.project.table import GOOD_COLOUR, LATE_COLOUR, WARN_COLOUR, RecordTableModel
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.evidence.pack import EvidenceTopic
from deliverydesk.services.records.attachments import RecordLink
from deliverydesk.services.records.categories import list_categories
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.issues import list_issues
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.records.scope import list_exclusions, list_scope_items
from deliverydesk.services.scope_guard import change_requests as requests

REF, TITLE, REQUESTED, BY, TRIAGE, SCOPE, EFFORT, DECISION = range(8)
DECISION_COLOURS = {
    Decision.PENDING: WARN_COLOUR,
    Decision.PENDING_APPROVAL: WARN_COLOUR,
    Decision.APPROVED_BILLABLE: GOOD_COLOUR,
    Decision.APPROVED_GOODWILL: GOOD_COLOUR,
    Decision.DECLINED: LATE_COLOUR,
}


class ChangeRequestModel(RecordTableModel[ChangeRequestItem]):
    numeric_columns = (EFFORT,)
    sort_fields = {REQUESTED: "requested_on", EFFORT: "effort_hours"}
    names: dict[str, str] = {}  # contact id -> name, fed with the rows

    def headers(self) -> list[str]:
        return [
            self.tr("Ref"),
            self.tr("Ask"),
            self.tr("Requested"),
            self.tr("By"),
            self.tr("Triage"),
            self.tr("Scope check"),
            self.tr("Effort (h)"),
            self.tr("Decision"),
        ]

    def text(self, item: ChangeRequestItem, column: int) -> str:
        triage = "—" if item.triage is Triage.UNTRIAGED else item.triage.value
        asker = self.names.get(item.requested_by_id or "", item.requested_by_name)
        values = (
            item.ref,
            item.title,
            format_date(item.requested_on),
            asker,
            triage,
            label(item.scope_check),
            format_number(item.effort_hours),
            label(item.decision),
        )
        return values[column]

    def tip(self, item: ChangeRequestItem, column: int) -> str | None:
        if column == TRIAGE:
            return label(item.triage)
        if column == TITLE:
            return f"{item.title}\n\n{item.description}".strip()
        return None

    def colour(self, item: ChangeRequestItem, column: int) -> QColor | None:
        return DECISION_COLOURS.get(item.decision) if column == DECISION else None


@dataclass(frozen=True)
class ChangeRequestData:
    requests: tuple[ChangeRequestItem, ...]
    project: ProjectItem
    contacts: tuple[ContactItem, ...]
    scope_items: tuple[ScopeEntry, ...]
    exclusions: tuple[ExclusionItem, ...]
    categories: tuple[CategoryItem, ...] = ()
    issues: tuple[IssueItem, ...] = ()


class ChangeRequestsPage(RecordsPage):
    area = AREA_CHANGE_REQUESTS
    icon_name = "change"

    def __init__(self, env: GuiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.panel = self.add_panel(
            ChangeRequestModel(self),
            PanelSpec(
                key="change_requests",
                title=self.tr("Change requests"),
                empty_text=self.tr(
                    "No change requests yet. Log every extra ask here, even small ones: "
                    "what is not written down cannot be decided."
                ),
                describe=lambda item: f"{item.ref} {item.title}",
                archive=requests.archive_change_request,
                restore=requests.restore_change_request,
                widths=(46, 200, 76, 70, 44, 96, 64, 160),
                optional=(REQUESTED, SCOPE, BY, EFFORT),
                stretch_column=TITLE,
            ),
            self.edit_request,
        )
        self.act_decide = QAction(self.tr("Decide…"), self)
        self.act_decide.setShortcut(QKeySequence("Ctrl+D"))
        self.act_decide.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_decide.setToolTip(
            self.tr("Decide the request: checked against your authority and the budgets (Ctrl+D)")
        )
        self.act_decide.triggered.connect(self.decide_current)
        self.panel.add_extra_action(self.act_decide)
        self.act_approve = QAction(self.tr("Approve or refuse…"), self)
        self.act_approve.setToolTip(
            self.tr("A manager approves or refuses a decision held above your authority limits")
        )
        self.act_approve.triggered.connect(self.approve_current)
        self.panel.add_extra_action(self.act_approve)
        add_evidence_action(
            self,
            lambda item: (
                EvidenceTopic(item.project_id, change_request_id=item.id),
                f"{item.ref} {item.title}",
            ),
            self.tr(
                "Export the record of this request as one PDF: log entries, letters, commitments, attachments"
            ),
        )
        self.panel.selected.connect(lambda _item: self._enable_approve())
        self.attachments = AttachmentsBox(env, self)  # the selected request's files (quotes, photos)
        self.panel.selected.connect(self._show_files)
        self.lay_out(self.panel, self.attachments, stretches=(4, 1))

    def title(self) -> str:
        return self.tr("Change requests")

    @staticmethod
    def load(ctx: ServiceContext, project_id: str) -> ChangeRequestData:
        project = get_project(ctx, project_id)
        return ChangeRequestData(
            requests=requests.list_change_requests(ctx, project_id, include_archived=True).rows,
            project=project,
            contacts=list_contacts(ctx, project.client_id).rows,
            scope_items=list_scope_items(ctx, project_id).rows,
            exclusions=list_exclusions(ctx, project_id).rows,
            categories=tuple(list_categories(ctx)),
            issues=list_issues(ctx, project_id).rows,
        )

    def show_data(self, data: ChangeRequestData) -> None:
        self.panel.model.names = {c.id: c.name for c in data.contacts}  # type: ignore[attr-defined]
        self.panel.set_records(data.requests)
        self._enable_approve()

    def edit_request(self, item: ChangeRequestItem | None) -> None:
        assert self.project_id is not None
        ref = next_ref(RefPrefix.CHANGE_REQUEST, [r.ref for r in self.panel.records])
        data = self.data
        choices = (
            ChangeRequestChoices(
                data.contacts,
                data.scope_items,
                data.exclusions,
                data.project.currency,
                data.categories,
                data.issues,
            )
            if data
            else ChangeRequestChoices()
        )
        self.open_dialog(ChangeRequestDialog(self.env, self.project_id, item, ref, choices, self))

    def _show_files(self, item: ChangeRequestItem | None) -> None:
        link = RecordLink(change_request_id=item.id) if item is not None else None
        self.attachments.show_record(self.project_id, link)

    def _enable_approve(self) -> None:
        """Approve… only for a decision held for approval (the panel enables it for any live row)."""
        item = self.panel.current_item()
        held = item is not None and item.decision is Decision.PENDING_APPROVAL
        self.act_approve.setEnabled(self.act_approve.isEnabled() and held)

    def decide_current(self) -> None:
        item = self.panel.current_item()
        if item is not None and not item.archived and not self.env.readonly:
            self.open_dialog(DecideDialog(self.env, item, self))

    def approve_current(self) -> None:
        item = self.panel.current_item()
        if item is not None and item.decision is Decision.PENDING_APPROVAL and not self.env.readonly:
            currency = self.data.project.currency if self.data else ""
            self.open_dialog(ApproveDialog(self.env, item, currency, self))
