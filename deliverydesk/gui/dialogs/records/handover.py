"""Handover entries: a document handed over, a training session, a risk or caution, an open item."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.fields import OptionalDate, area, line
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.records.handover import create_handover_entry, update_handover_entry

ADVISED = (HandoverKind.OPEN_ITEM, HandoverKind.RISK)  # kinds that carry a recommendation


class HandoverDialog(RecordDialog):
    """The kind decides which fields show: attendees and material for training, advice for open items."""

    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: HandoverEntry | None,
        kind: HandoverKind = HandoverKind.DOCUMENT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("New handover entry") if item is None else self.tr("Edit handover entry"))
        v = item or HandoverEntryDraft(project_id=project_id, kind=kind, title="", item_date=env.ctx.today())
        self._add_fields(v)
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
        self.material_left = QCheckBox(self.tr("Written material was left with the client"), self)
        self.material_left.setChecked(v.material_left)
        self.add_field("material_left", "", self.material_left)
        advice = area(self, v.recommendation, 2)
        self.recommendation = self.add_field("recommendation", self.tr("Recommendation"), advice)

    def _show_kind_fields(self) -> None:
        kind = self.kind.currentData()
        for widget, kinds in (
            (self.attendees, (HandoverKind.TRAINING,)),
            (self.material_left, (HandoverKind.TRAINING,)),
            (self.recommendation, ADVISED),
        ):
            self.form.setRowVisible(widget.parentWidget(), kind in kinds)

    def save(self) -> HandoverEntry:
        kind = self.kind.currentData()
        training = kind is HandoverKind.TRAINING
        draft = HandoverEntryDraft(
            id=self.item_id,
            project_id=self.project_id,
            kind=kind,
            title=self.title.text(),
            details=self.details.toPlainText(),
            item_date=self.item_date.value(),
            attendees=self.attendees.toPlainText() if training else "",
            material_left=self.material_left.isChecked() and training,
            recommendation=self.recommendation.toPlainText() if kind in ADVISED else "",
        )
        if self.is_new:
            return create_handover_entry(self.env.ctx, draft)
        return update_handover_entry(self.env.ctx, draft)
