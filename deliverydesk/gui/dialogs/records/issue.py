"""Issues (I-n) with a category of the shared taxonomy (recurring categories across clients show a
pattern)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QListWidget, QWidget

from deliverydesk.domain.drafts import IssueDraft
from deliverydesk.domain.enums import Severity
from deliverydesk.domain.models import CategoryItem, IssueItem, IssueLinks
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.category_combo import CategoryCombo
from deliverydesk.gui.dialogs.records.fields import OptionalDate, area, date_edit, happened, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date, from_qdate
from deliverydesk.gui.labels import with_note
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.gui.widgets.similar_issues import IssueFields, attach_to_issue_dialog
from deliverydesk.services.records.issues import create_issue, issue_links, update_issue


class IssueDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: IssueItem | None,
        next_ref: str,
        categories: Sequence[CategoryItem] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("issueDialog")
        self.setWindowTitle(self.tr("New issue") if item is None else self.tr("Edit issue"))
        self.add_ref_row(next_ref)
        v = item or IssueDraft(project_id=project_id, title="", reported_on=env.ctx.today())
        self.title = self.add_field("title", self.tr("Title"), line(self, v.title))
        self.category = CategoryCombo(
            self, categories, env.language, v.category_id, item.category if item else None
        )
        self.add_field("category_id", self.tr("Category"), self.category)
        self.severity = self.add_field(
            "severity", self.tr("Severity"), enum_combo(self, Severity, v.severity)
        )
        self.reported_on = self.add_field(
            "reported_on",
            self.tr("Reported on"),
            date_edit(self, v.reported_on, env.ctx.today(), happened(env.ctx.today())),
        )
        resolved = OptionalDate(self, v.resolved_on, env.ctx.today(), self.tr("Set"))
        self.resolved_on = self.add_field("resolved_on", self.tr("Resolved on"), resolved)
        self.symptoms = self.add_field("symptoms", self.tr("Symptoms"), area(self, v.symptoms))
        self.root_cause = self.add_field("root_cause", self.tr("Root cause"), area(self, v.root_cause))
        self.resolution = self.add_field("resolution", self.tr("Resolution"), area(self, v.resolution))
        fields = IssueFields(self.form, self.title, self.symptoms, self.category)
        self.similar = attach_to_issue_dialog(self, env, project_id, fields)  # met at other clients
        self.links = self._links_list()
        if item is not None:
            ctx, issue_id = env.ctx, item.id
            env.tasks.submit(lambda: issue_links(ctx, issue_id), self.show_links, owner=self)

    def _links_list(self) -> QListWidget:
        """Read-only: the log entries about this issue and the change requests that arose from it."""
        links = QListWidget(self)
        links.setObjectName("issueLinks")
        links.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        links.setMaximumHeight(96)
        links.addItem(self.tr("Nothing links to this issue yet.") if self.is_new else self.tr("Loading…"))
        self.form.addRow(self.tr("Linked records"), links)
        links.setToolTip(
            self.tr("Log entries about this issue, and change requests that arose from it (set there).")
        )
        return links

    def show_links(self, links: IssueLinks) -> None:
        self.links.clear()
        for request in links.change_requests:
            text = with_note(f"{request.ref} {request.text}", format_date(request.on))
            self.links.addItem(self.tr("%1 [archived]").replace("%1", text) if request.archived else text)
        for entry in links.log_entries:
            text = self.tr("Log %1: %2").replace("%1", format_date(entry.on)).replace("%2", entry.text)
            self.links.addItem(self.tr("%1 [archived]").replace("%1", text) if entry.archived else text)
        if self.links.count() == 0:
            self.links.addItem(self.tr("Nothing links to this issue yet."))

    def save(self) -> IssueItem:
        draft = IssueDraft(
            id=self.item_id,
            project_id=self.project_id,
            title=self.title.text(),
            category_id=self.category.category_id(),
            severity=self.severity.currentData(),
            reported_on=from_qdate(self.reported_on.date()),
            resolved_on=self.resolved_on.value(),
            symptoms=self.symptoms.toPlainText(),
            root_cause=self.root_cause.toPlainText(),
            resolution=self.resolution.toPlainText(),
        )
        if self.is_new:
            return create_issue(self.env.ctx, draft)
        return update_issue(self.env.ctx, draft)
