"""Change decision (变更决定书): the ask, its triage and scope check, its impact, the analysis from the
client's point of view, the decision with its rationale, and signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.reports.blocks import Flowable, banner, key_values, para, section
from deliverydesk.reports.documents.data import ChangeDecisionData
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.phrases import format_money
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import ACCENT, Kit, make_kit

TITLE_KEY = "change.title"


def _request(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    return [
        section(kit, t("change.request")),
        para(kit, f"{data.change_ref}  {data.title}", kit.styles.strong),
        para(kit, data.description),
        key_values(
            kit,
            [
                (t("change.requested_by"), data.requested_by),
                (t("change.requested_on"), t.date(data.requested_on)),
                (t("change.channel"), t.label(data.channel)),
            ],
        ),
    ]


def _triage_and_impact(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, impact = kit.t, data.impact
    scope = [(t("change.triage"), t.label(data.triage)), (t("change.scope_check"), t.label(data.scope_check))]
    if data.scope_item_ref:
        scope.append((t("change.checked_against"), data.scope_item_ref))
    cost = format_money(impact.cost.amount, impact.cost.currency, t.language) if impact.cost else "—"
    days = t("unit.working_days", days=impact.schedule_days)
    risk = t.label(impact.risk) + (f" · {impact.risk_note}" if impact.risk_note else "")
    effects = [
        (t("change.effort"), t.hours(impact.effort_hours)),
        (t("change.cost"), cost),
        (t("change.schedule"), days if impact.schedule_days else t("change.no_schedule_change")),
        (t("change.risk"), risk),
    ]
    return [
        section(kit, t("change.triage_and_scope")),
        key_values(kit, scope),
        section(kit, t("change.impact")),
        key_values(kit, effects),
    ]


def _analysis(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, analysis = kit.t, data.analysis
    rows = [
        (t("change.benefit"), analysis.benefit),
        (t("change.client_cost"), analysis.client_cost),
        (t("change.risks"), analysis.risks),
        (t("change.alternatives"), analysis.alternatives),
        (t("change.recommendation"), analysis.recommendation),
    ]
    return [section(kit, t("change.analysis")), key_values(kit, rows)]


def _notes(kit: Kit, data: ChangeDecisionData) -> list[str]:
    notes = []
    if data.decision is Decision.APPROVED_GOODWILL:
        notes.append(kit.t("change.goodwill_note"))
    if data.decision is Decision.DEFERRED:
        notes.append(kit.t("change.deferred_note"))
    if data.triage is Triage.C:
        notes.append(kit.t("change.separate_request_note"))
    return notes


def _decision(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    who = [(t("change.decided_by"), data.decided_by), (t("change.decided_on"), t.date(data.decided_on))]
    if data.approved_by:
        who.append((t("change.approved_by"), data.approved_by))
    notes = [para(kit, note, kit.styles.strong) for note in _notes(kit, data)]
    return [
        KeepTogether(
            [
                section(kit, t("change.decision_heading")),
                banner(kit, t("change.decision_line", decision=t.label(data.decision)), ACCENT),
                Spacer(1, 6),
                *notes,
                para(kit, t("change.rationale"), kit.styles.subheading),
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
    extra = [(t("change.request_ref"), data.change_ref)]
    return [
        *document_head(kit, meta, t(TITLE_KEY), data.project, data.addressee, extra),
        *_request(kit, data),
        *_triage_and_impact(kit, data),
        *_analysis(kit, data),
        *_decision(kit, data),
        signature_blocks(kit, t("sign.heading"), (data.supplier_signatory, data.client_signatory)),
    ]
