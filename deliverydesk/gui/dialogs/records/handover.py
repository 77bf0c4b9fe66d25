"""Handover entries: a document handed over, a training session, a risk or caution, an open item.

The kind decides which fields show, and which links the handover gate reads: a training's written
material (the documents handed over for it, ticked here), a document's training, an open item's
scope item, owner and date, a risk's issue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry, IssueItem, ScopeEntry
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import OptionalDate, area, line, link_combo
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.handover import save_handover_entry

ADVISED = (HandoverKind.OPEN_ITEM, HandoverKind.RISK)  # kinds that carry a recommendation
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class HandoverChoices:
    """What the link fields offer: the project's live handover entries, scope items and issues."""

    entries: Sequence[HandoverEntry] = ()
    scope_items: Sequence[ScopeEntry] = ()
    issues: Sequence[IssueItem] = ()


class HandoverDialog(RecordDialog):
    """The kind decides which fields show: attendees and material for a training, the training for a
    document, scope item, owner and advice for an open item, the issue and advice for a risk."""

    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: HandoverEntry | None,
        kind: HandoverKind = HandoverKind.DOCUMENT,
        choices: HandoverChoices = HandoverChoices(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("New handover entry") if item is None else self.tr("Edit handover entry"))
        self.item = item
        v = item or HandoverEntryDraft(project_id=project_id, kind=kind, title="", item_date=env.ctx.today())
        self._add_fields(v)
        self._add_links(v, choices)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind_fields())
        self._show_kind_fields()

    def _add_fields(self, v: HandoverEntry | HandoverEntryDraft) -> None:
        today = self.env.ctx.today()
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(self, HandoverKind, v.kind))
        self.title = self.add_field("title", self.tr("Title"), line(self, v.title))
        date = OptionalDate(self, v.item_date, today, self.tr("Set"))
        self.item_date = self.add_field("item_date", self.tr("Date"), date)
        self.details = self.add_field("details", self.tr("Details"), area(self, v.details))
        names = self.tr("Names, one per line")
        self.attendees = self.add_field("attendees", self.tr("Attendees"), area(self, v.attendees, 2, names))
        advice = area(self, v.recommendation, 2)
        self.recommendation = self.add_field("recommendation", self.tr("Recommendation"), advice)

    def _add_links(self, v: HandoverEntry | HandoverEntryDraft, choices: HandoverChoices) -> None:
        me = v.id if isinstance(v, HandoverEntry) else None
        self.material = QListWidget(self)
        self.material.setObjectName("trainingMaterial")
        self.material.setMaximumHeight(self.material.fontMetrics().lineSpacing() * 5 + 8)
        documents = [e for e in choices.entries if e.kind is HandoverKind.DOCUMENT]
        for document in documents:
            shown = QListWidgetItem(document.title, self.material)
            shown.setData(ID_ROLE, document.id)
            linked = document.training_id is not None and document.training_id == me
            shown.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
            if document.training_id and not linked:
                shown.setToolTip(self.tr("Handed over for another training: ticking it moves it here"))
        if not documents:
            QListWidgetItem(self.tr("No document handed over yet: add the documents first."), self.material)
        self.add_field("material_ids", self.tr("Written material"), self.material)
        trainings = [
            (e.title, e.id) for e in choices.entries if e.kind is HandoverKind.TRAINING and e.id != me
        ]
        self.training = self.add_field(
            "training_id",
            self.tr("For training"),
            link_combo(self, self.tr("None"), trainings, v.training_id),
        )
        scope = [(f"{s.ref} {s.title}", s.id) for s in choices.scope_items if not s.archived]
        self.scope_item = self.add_field(
            "scope_item_id", self.tr("Scope item"), link_combo(self, self.tr("None"), scope, v.scope_item_id)
        )
        self.owner = self.add_field("owner", self.tr("Owner"), line(self, v.owner))
        issues = [(f"{i.ref} {i.title}", i.id) for i in choices.issues if not i.archived]
        self.issue = self.add_field(
            "issue_id", self.tr("About issue"), link_combo(self, self.tr("None"), issues, v.issue_id)
        )

    def _show_kind_fields(self) -> None:
        kind = self.kind.currentData()
        for widget, kinds in (
            (self.attendees, (HandoverKind.TRAINING,)),
            (self.material, (HandoverKind.TRAINING,)),
            (self.training, (HandoverKind.DOCUMENT,)),
            (self.scope_item, (HandoverKind.OPEN_ITEM,)),
            (self.owner, (HandoverKind.OPEN_ITEM,)),
            (self.issue, (HandoverKind.RISK,)),
            (self.recommendation, ADVISED),
        ):
            cell = widget.parentWidget()
            assert cell is not None  # the field's cell (FormDialog.add_field)
            self.form.setRowVisible(cell, kind in kinds)

    def material_ids(self) -> list[str]:
        ticked = []
        for row in range(self.material.count()):
            shown = self.material.item(row)
            if shown.data(ID_ROLE) and shown.checkState() == Qt.CheckState.Checked:
                ticked.append(shown.data(ID_ROLE))
        return ticked

    def save(self) -> HandoverEntry:
        kind = self.kind.currentData()
        draft = HandoverEntryDraft(
            id=self.item_id,
            project_id=self.project_id,
            kind=kind,
            title=self.title.text(),
            details=self.details.toPlainText(),
            item_date=self.item_date.value(),
            attendees=self.attendees.toPlainText(),
            recommendation=self.recommendation.toPlainText() if kind in ADVISED else "",
            training_id=self.training.currentData(),
            scope_item_id=self.scope_item.currentData(),
            owner=self.owner.text(),
            issue_id=self.issue.currentData(),
        )  # the service keeps only the links of the kind
        material = self.material_ids() if kind is HandoverKind.TRAINING else None
        return save_handover_entry(self.env.ctx, draft, material)
