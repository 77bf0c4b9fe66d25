"""Change decision (变更决定书): the ask, its triage and scope check, its impact, the analysis from the
client's point of view, the decision with its rationale, and signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.i18n import N_
from deliverydesk.reports.blocks import Flowable, banner, key_values, para, section
from deliverydesk.reports.documents.data import ChangeDecisionData
from deliverydesk.reports.labels import label
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import ACCENT, Kit, make_kit

TITLE = N_("Change decision")


def _request(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    return [
        section(kit, t("The request")),
        para(kit, f"{data.change_ref}  {data.title}", kit.styles.strong),
        para(kit, data.description),
        key_values(
            kit,
            [
                (t("Requested by"), data.requested_by),
                (t("Requested on"), t.date(data.requested_on)),
                (t("Received by"), label(t, data.channel)),
            ],
        ),
    ]


def _triage_and_impact(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, impact = kit.t, data.impact
    scope = [(t("Triage"), label(t, data.triage)), (t("Scope check"), label(t, data.scope_check))]
    if data.scope_item_ref:
        scope.append((t("Checked against"), data.scope_item_ref))
    cost = t.money(impact.cost.amount, impact.cost.currency) if impact.cost else "—"
    days = t("{days} working days", days=impact.schedule_days)
    risk = label(t, impact.risk) + (f" · {impact.risk_note}" if impact.risk_note else "")
    effects = [
        (t("Effort"), t.hours(impact.effort_hours)),
        (t("Cost"), cost),
        (t("Schedule"), days if impact.schedule_days else t("No change to the agreed dates")),
        (t("Risk"), risk),
    ]
    return [
        section(kit, t("Triage and scope check")),
        key_values(kit, scope),
        section(kit, t("Impact")),
        key_values(kit, effects),
    ]


def _analysis(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, analysis = kit.t, data.analysis
    rows = [
        (t("Benefit to you"), analysis.benefit),
        (t("Cost and effort for you"), analysis.client_cost),
        (t("Risks"), analysis.risks),
        (t("Alternatives"), analysis.alternatives),
        (t("Our recommendation"), analysis.recommendation),
    ]
    return [section(kit, t("Client-perspective analysis")), key_values(kit, rows)]


def _notes(kit: Kit, data: ChangeDecisionData) -> list[str]:
    notes = []
    if data.decision is Decision.APPROVED_GOODWILL:
        notes.append(kit.t("Granted as goodwill, not a precedent."))
    if data.decision is Decision.DEFERRED:
        notes.append(
            kit.t("Recorded and taken up again once the agreed goal is met; it will be reviewed at handover.")
        )
    if data.triage is Triage.C:
        notes.append(kit.t("To be handled as a separate request or quote."))
    return notes


def _decision(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    who = [(t("Decided by"), data.decided_by), (t("Decided on"), t.date(data.decided_on))]
    if data.approved_by:
        who.append((t("Approved by (manager)"), data.approved_by))
    notes = [para(kit, note, kit.styles.strong) for note in _notes(kit, data)]
    return [
        KeepTogether(
            [
                section(kit, t("Decision and rationale")),
                banner(kit, t("Decision: {decision}", decision=label(t, data.decision)), ACCENT),
                Spacer(1, 6),
                *notes,
                para(kit, t("Rationale"), kit.styles.subheading),
                para(kit, data.rationale),
                key_values(kit, who),
            ]
        ),
        Spacer(1, 4 * mm),
    ]


def build_story(data: ChangeDecisionData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    extra = [(t("Change request"), data.change_ref)]
    return [
        *document_head(kit, meta, t(TITLE), data.project, data.addressee, extra),
        *_request(kit, data),
        *_triage_and_impact(kit, data),
        *_analysis(kit, data),
        *_decision(kit, data),
        signature_blocks(kit, t("Signatures"), (data.supplier_signatory, data.client_signatory)),
    ]
