"""Change decision (变更决定书): on page 1 the decision and its money (this change's hours and price,
the contract value before and after, the goodwill budget used and left, the schedule and the dates it
moves, when to answer by), then the rationale, the ask itself, its triage and scope check, the
analysis from the client's point of view, and signatures. Empty sections are left out."""

from __future__ import annotations

from reportlab.platypus import Spacer

from deliverydesk.domain.enums import Decision, Triage
from deliverydesk.i18n import N_
from deliverydesk.reports.blocks import Flowable, banner, key_values, para, section
from deliverydesk.reports.documents.data import ChangeDecisionData, ContractValueData, GoodwillData
from deliverydesk.reports.labels import label
from deliverydesk.reports.parts import document_head
from deliverydesk.reports.signatures import signature_blocks
from deliverydesk.reports.styles import ACCENT, Kit, make_kit

TITLE = N_("Change decision")
NOTES = {
    Decision.APPROVED_BILLABLE: N_(
        "Approved: the work goes ahead as a billable change at the price above, added to the contract value."
    ),
    Decision.APPROVED_GOODWILL: N_("Granted as goodwill, not a precedent."),
    Decision.DEFERRED: N_(
        "Recorded and taken up again once the agreed goal is met; it will be reviewed at handover."
    ),
    Decision.DECLINED: N_("Not taken up in this engagement, for the reasons below."),
}


def _notes(kit: Kit, data: ChangeDecisionData) -> list[str]:
    notes = [kit.t(NOTES[data.decision])] if data.decision in NOTES else []
    if data.triage is Triage.C and data.decision in (Decision.DEFERRED, Decision.DECLINED):
        notes.append(kit.t("It can be raised again as a separate request or quote."))
    return notes


def _price(kit: Kit, data: ChangeDecisionData) -> str:
    """The client pays nothing for goodwill; a held proposal of goodwill says so "if approved", as the
    contract value and goodwill rows do (its estimated cost is our cost, not the client's price)."""
    t, cost = kit.t, data.impact.cost
    if data.decision is Decision.APPROVED_GOODWILL:
        return t("no charge (goodwill)")
    if data.decision is Decision.PENDING_APPROVAL and data.proposed_decision is Decision.APPROVED_GOODWILL:
        return t("no charge (goodwill) if this change is approved")
    return t.money(cost.amount, cost.currency) if cost else "—"


def _money_rows(kit: Kit, data: ChangeDecisionData) -> list[tuple[str, str]]:
    t = kit.t
    rows = [
        (
            t("This change"),
            t("{hours}, price {price}", hours=t.hours(data.impact.effort_hours), price=_price(kit, data)),
        )
    ]
    if data.contract_value is not None:
        rows.append((t("Contract value"), _contract_value(kit, data.contract_value)))
    if data.goodwill is not None and data.goodwill.budget_hours:
        rows.append((t("Goodwill budget"), _goodwill(kit, data.goodwill)))
    return rows


def _contract_value(kit: Kit, value: ContractValueData) -> str:
    t = kit.t
    before = t.money(value.before.amount, value.before.currency)
    after = t.money(value.after.amount, value.after.currency)
    if value.held:
        return t("{before} now, {after} if this change is approved", before=before, after=after)
    return t("{before} before, {after} after this change", before=before, after=after)


def _goodwill(kit: Kit, goodwill: GoodwillData) -> str:
    """Hours used, and left or over: a held decision's hours are not used until it is approved."""
    t, left = kit.t, goodwill.left_hours
    rest = (
        t("{left} left", left=t.hours(left))
        if left >= 0
        else t("{over} over the budget", over=t.hours(-left))
    )
    if goodwill.held and goodwill.this_change_hours:
        return t(
            "{used} of {budget} used; {after} if this change is approved, {rest}",
            used=t.hours(goodwill.used_before_hours),
            budget=t.hours(goodwill.budget_hours),
            after=t.hours(goodwill.used_after_hours),
            rest=rest,
        )
    return t(
        "{used} of {budget} used with this change, {rest}",
        used=t.hours(goodwill.used_after_hours),
        budget=t.hours(goodwill.budget_hours),
        rest=rest,
    )


def _schedule_rows(kit: Kit, data: ChangeDecisionData) -> list[tuple[str, str]]:
    t, days = kit.t, data.impact.schedule_days
    schedule = t("{days} working days later", days=days) if days else t("No change to the agreed dates")
    rows = [(t("Schedule"), schedule)]
    moves = [
        t("{name}: {old} → {new}", name=move.name, old=t.date(move.old), new=t.date(move.new))
        for move in data.milestone_moves
    ]
    if moves:
        rows.append((t("Revised dates"), "\n".join(moves)))
    if data.answer_by:
        rows.append((t("Please answer by"), t.date(data.answer_by)))
    return rows


def _decision(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    """Page 1: what was decided and what it costs, moves and asks of the client."""
    t = kit.t
    subject = t("{ref}  {title}", ref=data.change_ref, title=data.title)
    notes = [para(kit, note, kit.styles.strong) for note in _notes(kit, data)]
    return [
        para(kit, subject, kit.styles.strong),
        section(kit, t("Decision")),
        banner(kit, t("Decision: {decision}", decision=label(t, data.decision)), ACCENT),
        Spacer(1, 6),
        *notes,
        key_values(kit, [*_money_rows(kit, data), *_schedule_rows(kit, data)]),
    ]


def _rationale(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    who = [(t("Decided by"), data.decided_by), (t("Decided on"), t.date(data.decided_on))]
    if data.approved_by:
        who.append((t("Approved by (manager)"), data.approved_by))
    story = [section(kit, t("Rationale")), para(kit, data.rationale)] if data.rationale.strip() else []
    return [*story, key_values(kit, [(name, value) for name, value in who if value.strip()])]


def _request(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t = kit.t
    described = [para(kit, data.description)] if data.description.strip() else []
    rows = [
        (t("Requested by"), data.requested_by),
        (t("Requested on"), t.date(data.requested_on)),
        (t("Received by"), label(t, data.channel)),
    ]
    return [section(kit, t("The request")), *described, key_values(kit, [r for r in rows if r[1].strip()])]


def _triage_and_risk(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, impact = kit.t, data.impact
    rows = [(t("Triage"), label(t, data.triage)), (t("Scope check"), label(t, data.scope_check))]
    if data.scope_item_ref:
        rows.append((t("Checked against"), data.scope_item_ref))
    risk = label(t, impact.risk) + (f" · {impact.risk_note}" if impact.risk_note else "")
    rows.append((t("Risk"), risk))
    return [section(kit, t("Triage and scope check")), key_values(kit, rows)]


def _analysis(kit: Kit, data: ChangeDecisionData) -> list[Flowable]:
    t, analysis = kit.t, data.analysis
    rows = [
        (t("Benefit to you"), analysis.benefit),
        (t("Cost and effort for you"), analysis.client_cost),
        (t("Risks"), analysis.risks),
        (t("Alternatives"), analysis.alternatives),
        (t("Our recommendation"), analysis.recommendation),
    ]
    filled = [(name, text) for name, text in rows if text.strip()]
    return [section(kit, t("Client-perspective analysis")), key_values(kit, filled)] if filled else []


def build_story(data: ChangeDecisionData) -> list[Flowable]:
    meta = data.meta
    kit = make_kit(meta.language, meta.paper)
    t = kit.t
    extra = [(t("Change request"), data.change_ref)]
    closing = (
        t("Please confirm this decision by signing below by {date}.", date=t.date(data.answer_by))
        if data.answer_by
        else t("Please confirm this decision by signing below.")
    )
    return [
        *document_head(kit, meta, t(TITLE), data.project, data.addressee, extra),
        *_decision(kit, data),
        *_rationale(kit, data),
        *_request(kit, data),
        *_triage_and_risk(kit, data),
        *_analysis(kit, data),
        signature_blocks(kit, t("Signatures"), (data.supplier_signatory, data.client_signatory), closing),
    ]
