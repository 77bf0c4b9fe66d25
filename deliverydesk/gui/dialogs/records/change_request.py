"""Change requests (CR-n): the ask, triage and scope check, impact, the client's view, the decision.

A plain editor of the ask and its analysis; the decision is shown read-only here and taken through the
scope guard (``gui.dialogs.records.decision``), so the authority check cannot be bypassed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QLabel, QWidget

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Channel, RiskLevel, ScopeCheck, Triage
from deliverydesk.domain.models import (
    CategoryItem,
    ChangeRequestItem,
    ContactItem,
    ExclusionItem,
    IssueItem,
    ScopeEntry,
)
from deliverydesk.domain.write_once import DECISION_FIELDS
from deliverydesk.gui.dialogs.records.base import RecordDialog
from deliverydesk.gui.dialogs.records.category_combo import CategoryCombo
from deliverydesk.gui.dialogs.records.expectation import contact_options
from deliverydesk.gui.dialogs.records.fields import (
    area,
    date_edit,
    happened,
    hours,
    line,
    link_combo,
    ref_label,
    whole,
)
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import format_date
from deliverydesk.gui.labels import label
from deliverydesk.gui.widgets.enum_combo import enum_combo
from deliverydesk.services.scope_guard import analysis_questions
from deliverydesk.services.scope_guard.change_requests import (
    create_change_request,
    update_change_request,
)


@dataclass(frozen=True)
class ChangeRequestChoices:
    """What the link fields offer."""

    contacts: Sequence[ContactItem] = ()
    scope_items: Sequence[ScopeEntry] = ()
    exclusions: Sequence[ExclusionItem] = ()
    currency: str = field(default="CNY")
    categories: Sequence[CategoryItem] = ()  # the shared taxonomy
    issues: Sequence[IssueItem] = ()  # the project's issues, one of which may have given rise to the ask


class ChangeRequestDialog(RecordDialog):
    def __init__(
        self,
        env: GuiEnv,
        project_id: str,
        item: ChangeRequestItem | None,
        next_ref: str,
        choices: ChangeRequestChoices = ChangeRequestChoices(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, project_id, item, parent)
        self.setObjectName("changeRequestDialog")
        self.setWindowTitle(self.tr("New change request") if item is None else self.tr("Edit change request"))
        self.setMinimumWidth(640)
        self.add_ref_row(next_ref)
        self.value = item or ChangeRequestDraft(project_id=project_id, title="", requested_on=env.ctx.today())
        self._ask_tab(choices)
        self._triage_tab(choices)
        self._analysis_tab()
        self._decision_tab()

    def _ask_tab(self, choices: ChangeRequestChoices) -> None:
        v = self.value
        self.begin_tab(self.tr("The ask"))
        self.title = self.add_field("title", self.tr("Title"), line(self, v.title))
        self.description = self.add_field(
            "description", self.tr("What was asked"), area(self, v.description, 4)
        )
        current = v.category if isinstance(v, ChangeRequestItem) else None
        self.category = CategoryCombo(self, choices.categories, self.env.language, v.category_id, current)
        self.add_field("category_id", self.tr("Category"), self.category)
        issue_options = [(f"{i.ref} {i.title}", i.id) for i in choices.issues if i.archived_at is None]
        self.issue = self.add_field(
            "issue_id",
            self.tr("Arose from issue"),
            link_combo(self, self.tr("None"), issue_options, v.issue_id),
        )
        self.requested_by = self.add_field(
            "requested_by_id",
            self.tr("Requested by"),
            link_combo(
                self,
                self.tr("Someone else (type the name below)"),
                contact_options(choices.contacts),
                v.requested_by_id,
            ),
        )
        self.requested_by_name = self.add_field(
            "requested_by_name", self.tr("Name if not a contact"), line(self, v.requested_by_name)
        )
        self.requested_on = self.add_field(
            "requested_on",
            self.tr("Requested on"),
            date_edit(self, v.requested_on, self.env.ctx.today(), happened(self.env.ctx.today())),
        )
        self.channel = self.add_field("channel", self.tr("Channel"), enum_combo(self, Channel, v.channel))

    def _triage_tab(self, choices: ChangeRequestChoices) -> None:
        v = self.value
        self.begin_tab(self.tr("Triage && impact"))
        self.triage = self.add_field("triage", self.tr("Triage"), enum_combo(self, Triage, v.triage))
        self.scope_check = self.add_field(
            "scope_check", self.tr("Scope check"), enum_combo(self, ScopeCheck, v.scope_check)
        )
        scope_options = [(f"{s.ref} {s.title}", s.id) for s in choices.scope_items if not s.archived]
        self.scope_item = self.add_field(
            "scope_item_id",
            self.tr("Matching scope item"),
            link_combo(self, self.tr("None"), scope_options, v.scope_item_id),
        )
        exclusion_options = [(f"{x.ref} {x.text}", x.id) for x in choices.exclusions if not x.archived]
        self.exclusion = self.add_field(
            "exclusion_id",
            self.tr("Matching exclusion"),
            link_combo(self, self.tr("None"), exclusion_options, v.exclusion_id),
        )
        self.scope_check.currentIndexChanged.connect(lambda _i: self._enable_scope_links())
        self._enable_scope_links()
        self._impact_fields(choices.currency)

    def _enable_scope_links(self) -> None:
        """A matching scope item for "in scope", a matching exclusion for "explicitly excluded"."""
        check = self.scope_check.currentData()
        self.scope_item.setEnabled(check is ScopeCheck.IN_SCOPE or self.scope_item.currentData() is not None)
        self.exclusion.setEnabled(check is ScopeCheck.EXCLUDED or self.exclusion.currentData() is not None)

    def _impact_fields(self, currency: str) -> None:
        v = self.value
        self.effort = self.add_field(
            "effort_hours", self.tr("Effort"), hours(self, v.effort_hours, self.tr(" h"))
        )
        cost = hours(self, 0, " " + currency, 1e9)
        cost.setDecimals(2)
        cost.setValue(v.cost_cents / 100)
        self.cost = self.add_field("cost_cents", self.tr("Cost"), cost)
        days = whole(self, v.schedule_days, self.tr(" working days"))
        self.schedule = self.add_field("schedule_days", self.tr("Schedule impact"), days)
        self.risk = self.add_field("risk", self.tr("Risk"), enum_combo(self, RiskLevel, v.risk))

    def _analysis_tab(self) -> None:
        """The client-perspective template: each field asks its guiding question (placeholder and
        the label's tooltip, in the UI language)."""
        v = self.value
        self.begin_tab(self.tr("Client's view"))
        language = self.env.language
        self.questions = {q.field: q for q in analysis_questions(language)}
        self.client_benefit = self._guided(
            "client_benefit", self.tr("Benefit to the client"), v.client_benefit
        )
        self.client_cost = self._guided(
            "client_cost", self.tr("Cost and effort for the client"), v.client_cost
        )
        self.risks = self._guided("risks", self.tr("Risks"), v.risks)
        self.alternatives = self._guided("alternatives", self.tr("Alternatives"), v.alternatives)
        self.recommendation = self._guided("recommendation", self.tr("Recommendation"), v.recommendation)

    def _guided(self, name: str, caption: str, text: str) -> QWidget:
        question = self.questions.get(name)
        guide = "" if question is None else f"{question.question}\n{question.hint}"
        widget = self.add_field(name, caption, area(self, text, placeholder=guide))
        widget.setToolTip(guide)
        cell = widget.parentWidget()
        assert cell is not None  # the field's cell (add_field)
        shown = self.form.labelForField(cell)
        if isinstance(shown, QLabel):
            shown.setToolTip(guide)
        return widget

    def _decision_tab(self) -> None:
        """Shown, not edited: decisions go through the scope guard (Decide…, Approve or refuse…)."""
        v = self.value
        self.begin_tab(self.tr("Decision"))
        self.decision_shown = self._shown(self.tr("Decision"), label(v.decision))
        self._shown(self.tr("Decided by"), v.decided_by)
        self._shown(self.tr("Decided on"), format_date(v.decided_on) if v.decided_on else "")
        self._shown(self.tr("Rationale"), v.rationale)
        self._shown(self.tr("Approved by"), v.approved_by)
        self._shown(self.tr("Approved on"), format_date(v.approved_on) if v.approved_on else "")
        self._shown(self.tr("Approval note"), v.approval_note)
        if isinstance(v, ChangeRequestItem) and v.refusal_reason:
            refused = (
                f"{v.refused_by} · {format_date(v.refused_on) if v.refused_on else ''}\n{v.refusal_reason}"
            )
            self._shown(self.tr("Last refused by"), refused)
        hint = ref_label(
            self, self.tr("Use Decide… and Approve or refuse… on the Change requests page to change it.")
        )
        hint.setWordWrap(True)
        self.form.addRow("", hint)

    def _shown(self, caption: str, text: str) -> QLabel:
        shown = ref_label(self, text or "—")
        shown.setWordWrap(True)
        self.form.addRow(caption, shown)
        return shown

    def draft(self) -> ChangeRequestDraft:
        values = self.field_values()
        values["cost_cents"] = round(values["cost_cents"] * 100)  # shown in currency units
        values["category_id"] = self.category.category_id()  # typed text names a category, or fails
        values.update({name: getattr(self.value, name) for name in DECISION_FIELDS})  # kept as they are
        return ChangeRequestDraft(id=self.item_id, project_id=self.project_id, **values)

    def save(self) -> ChangeRequestItem:
        if self.is_new:
            return create_change_request(self.env.ctx, self.draft())
        return update_change_request(self.env.ctx, self.draft())
