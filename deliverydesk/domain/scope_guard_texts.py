"""The scope guard's words: default rationales, the client notice of an A-item, scope-check verdicts,
why a decision needs approval, and the client-perspective template.

Written in English and translated by the gettext catalogue (``deliverydesk.i18n``). The texts that end
up in records the client may read (rationales, log entries) take the project's document language; the
scope-check verdict is a ``Message`` the window shows in its own language. Pure: no Qt, no database."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from deliverydesk.domain.enums import Decision, Language, ScopeCheck, Triage
from deliverydesk.domain.metrics import Meter, MeterLevel
from deliverydesk.domain.scope_guard import ApprovalReason, DecisionPreview
from deliverydesk.i18n import N_, Message, Translator, msg, translator
from deliverydesk.i18n.formats import format_fixed

_TRIAGE_RATIONALES = {
    Triage.A: N_("It blocks the agreed goal, so it is done now and the client is told."),
    Triage.B: N_("Small and related: deferred until {goal} is accepted, so the agreed goal comes first."),
    Triage.C: N_("Large: handled as a separate request with its own quote."),
}


def triage_rationale(triage: Triage, language: Language, main_milestone: str | None = None) -> str:
    """The rationale a triage pre-fills (the engineer may rewrite it)."""
    t = translator(language)
    text = _TRIAGE_RATIONALES.get(triage)
    return t(text, goal=main_milestone or t("the main milestone")) if text else ""


def client_notice(ref: str, title: str, language: Language) -> tuple[str, str]:
    """Summary and details of the log entry telling the client an A-item is being done now."""
    t = translator(language)
    summary = t(
        "Client informed: {ref} “{title}” is done now because it blocks the agreed goal", ref=ref, title=title
    )
    details = t(
        "We told the client that {ref} is handled at once, what it involves and when it will be ready.",
        ref=ref,
    )
    return summary, details


_REFUSED = {
    Decision.APPROVED_BILLABLE: N_(
        "{manager} refused to approve it as billable: {ref} “{title}” is pending again"
    ),
    Decision.APPROVED_GOODWILL: N_(
        "{manager} refused to approve it as goodwill: {ref} “{title}” is pending again"
    ),
}


def refusal_log_texts(
    ref: str, title: str, manager: str, proposed: Decision | None, reason: str, language: Language
) -> tuple[str, str]:
    """Summary and details of the log entry recording a manager's refusal of a held decision."""
    t = translator(language)
    text = _REFUSED.get(
        proposed or Decision.PENDING, N_("{manager} refused to approve it: {ref} “{title}” is pending again")
    )
    return t(text, manager=manager, ref=ref, title=title), t("Reason: {reason}", reason=reason)


def scope_check_message(check: ScopeCheck, linked_ref: str) -> Message:
    """The verdict shown after a scope check (to the engineer, in the window's language)."""
    if check is ScopeCheck.IN_SCOPE:
        return msg(
            "In scope: part of {ref}. No change request is needed; it is delivered under the contract.",
            ref=linked_ref,
        )
    if check is ScopeCheck.EXCLUDED:
        return msg(
            "Out of scope: the contract excludes it explicitly ({ref}). Triage it and decide.", ref=linked_ref
        )
    return msg("Out of scope: not part of any contracted scope item. Triage it and decide.")


def in_scope_rationale(scope_ref: str, language: Language) -> str:
    """The rationale recorded when a scope check closes an ask as part of the contract."""
    t = translator(language)
    return t(
        "In scope: part of {ref}, delivered under the contract; no change request needed.", ref=scope_ref
    )


_REASONS = {
    ApprovalReason.EFFORT_OVER_AUTHORITY: N_(
        "The effort ({effort}) is above your authority of {limit} per change."
    ),
    ApprovalReason.COST_OVER_AUTHORITY: N_(
        "The cost ({cost}) is above your authority of {limit} per change."
    ),
    ApprovalReason.COST_IN_OTHER_CURRENCY: N_(
        "The cost ({cost}) is in another currency than your authority of {limit} per change."
    ),
    ApprovalReason.GOODWILL_OVER_BUDGET: N_("Goodwill would reach {used} of the project's {limit} budget."),
    ApprovalReason.GOODWILL_OVER_AUTHORITY: N_(
        "Goodwill would reach {used}, above your authority of {limit} per project."
    ),
}


def _reason_text(reason: ApprovalReason, p: DecisionPreview, t: Translator) -> str:
    limits = p.limits
    limit = {
        ApprovalReason.EFFORT_OVER_AUTHORITY: t.hours(limits.hours_per_change),
        ApprovalReason.COST_OVER_AUTHORITY: _money(limits.cost_cents_per_change, limits.cost_currency, t),
        ApprovalReason.COST_IN_OTHER_CURRENCY: _money(limits.cost_cents_per_change, limits.cost_currency, t),
        ApprovalReason.GOODWILL_OVER_BUDGET: t.hours(p.goodwill.allowed),
        ApprovalReason.GOODWILL_OVER_AUTHORITY: t.hours(limits.goodwill_hours_per_project),
    }[reason]
    return t(
        _REASONS[reason],
        effort=t.hours(p.effort_hours),
        cost=_money(p.cost_cents, p.currency, t),
        used=t.hours(p.goodwill.used),
        limit=limit,
    )


def _money(cents: int, currency: str, t: Translator) -> str:
    """ "EUR 490.00": the cost and the limit may be in two currencies, so each says its code."""
    return t.money(Decimal(cents) / 100, currency, with_code=True)


_METERS = {"goodwill": N_("Goodwill budget"), "scope_creep": N_("Scope-creep ratio")}


def _meter_text(name: str, m: Meter, t: Translator) -> str:
    percent = f"{format_fixed((m.ratio or 0) * 100, 0, t.language)} %"
    what = t(_METERS[name])
    if m.level is MeterLevel.LIMIT:
        return t("{what} at {percent}: the limit is reached.", what=what, percent=percent)
    return t("{what} at {percent}: close to the limit.", what=what, percent=percent)


def explain_preview(preview: DecisionPreview, language: Language = Language.EN) -> tuple[str, ...]:
    """One sentence per reason for approval, then one per meter that warns after the decision."""
    t = translator(language)
    lines = [_reason_text(reason, preview, t) for reason in preview.reasons]
    if preview.needs_approval:
        lines.append(t("The decision will be held as pending approval until a manager approves it."))
    meters = {"goodwill": preview.goodwill, "scope_creep": preview.scope_creep}
    lines += [_meter_text(name, meters[name], t) for name in preview.warnings]
    return tuple(lines)


@dataclass(frozen=True)
class AnalysisQuestion:
    """One step of the client-perspective template: the field it fills and the question to ask."""

    field: str
    question: str
    hint: str


_QUESTIONS = (
    ("client_benefit", N_("What does the client gain?"),
     N_("Which goal of theirs does it serve, and how much?")),
    ("client_cost", N_("What does it cost the client?"),
     N_("Their effort, delay to their main goal, maintenance, dependence on us.")),
    ("risks", N_("What could go wrong?"), N_("For the system, the schedule, the acceptance.")),
    ("alternatives", N_("What else could meet the need?"),
     N_("A workaround, a later phase, a standard feature, their own team.")),
    ("recommendation", N_("What do you recommend, in the client's interest?"),
     N_("Say it so the client can agree: their goal first.")),
)  # fmt: skip


def analysis_questions(language: Language) -> tuple[AnalysisQuestion, ...]:
    """The client-perspective template, in the given language, in the order to work through it."""
    t = translator(language)
    return tuple(AnalysisQuestion(field, t(question), t(hint)) for field, question, hint in _QUESTIONS)
