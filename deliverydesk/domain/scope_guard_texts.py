"""The scope guard's words, in English and Simplified Chinese: default rationales, the client notice of
an A-item, scope-check verdicts, why a decision needs approval, and the client-perspective template.

These texts end up in records the client may read (rationales, log entries), so they follow the
project's document language, not the UI language. Pure: no I/O, no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.domain.enums import Decision, Language, ScopeCheck, Triage
from deliverydesk.domain.metrics import Meter, MeterLevel
from deliverydesk.domain.scope_guard import ApprovalReason, DecisionPreview


def pick(language: Language, english: str, chinese: str) -> str:
    return chinese if language is Language.ZH_CN else english


def triage_rationale(triage: Triage, language: Language, main_milestone: str | None = None) -> str:
    """The rationale a triage pre-fills (the engineer may rewrite it)."""
    goal = main_milestone or pick(language, "the main milestone", "主要里程碑")
    texts = {
        Triage.A: (
            "It blocks the agreed goal, so it is done now and the client is told.",
            "该事项阻碍已约定的目标，立即处理并告知客户。",
        ),
        Triage.B: (
            f"Small and related: deferred until {goal} is accepted, so the agreed goal comes first.",
            f"相关小事：延后至「{goal}」验收后处理，先确保已约定的目标达成。",
        ),
        Triage.C: (
            "Large: handled as a separate request with its own quote.",
            "重大事项：作为单独的需求另行立项并报价。",
        ),
    }
    english, chinese = texts.get(triage, ("", ""))
    return pick(language, english, chinese)


def client_notice(ref: str, title: str, language: Language) -> tuple[str, str]:
    """Summary and details of the log entry telling the client an A-item is being done now."""
    summary = pick(
        language,
        f"Client informed: {ref} “{title}” is done now because it blocks the agreed goal",
        f"已告知客户：{ref}「{title}」阻碍已约定的目标，立即处理",
    )
    details = pick(
        language,
        f"We told the client that {ref} is handled at once, what it involves and when it will be ready.",
        f"已向客户说明 {ref} 将立即处理、所涉及的工作以及预计完成时间。",
    )
    return summary, details


def refusal_log_texts(
    ref: str, title: str, manager: str, proposed: Decision | None, reason: str, language: Language
) -> tuple[str, str]:
    """Summary and details of the log entry recording a manager's refusal of a held decision."""
    outcome = {
        Decision.APPROVED_BILLABLE: ("approve it as billable", "批准（计费）"),
        Decision.APPROVED_GOODWILL: ("approve it as goodwill", "作为友情支持批准"),
    }.get(proposed or Decision.PENDING, ("approve it", "批准"))
    summary = pick(
        language,
        f"{manager} refused to {outcome[0]}: {ref} “{title}” is pending again",
        f"{manager}不同意{outcome[1]}：{ref}「{title}」退回待决定",
    )
    details = pick(language, f"Reason: {reason}", f"理由：{reason}")
    return summary, details


def scope_check_message(check: ScopeCheck, linked_ref: str, language: Language) -> str:
    """The verdict shown after a scope check."""
    if check is ScopeCheck.IN_SCOPE:
        return pick(
            language,
            f"In scope: part of {linked_ref}. No change request is needed;"
            " it is delivered under the contract.",
            f"范围内：属于 {linked_ref}。无需变更请求，按合同交付。",
        )
    if check is ScopeCheck.EXCLUDED:
        return pick(
            language,
            f"Out of scope: the contract excludes it explicitly ({linked_ref}). Triage it and decide.",
            f"范围外：合同已明确不包含（{linked_ref}）。请分级并作出决定。",
        )
    return pick(
        language,
        "Out of scope: not part of any contracted scope item. Triage it and decide.",
        "范围外：不属于任何合同范围条目。请分级并作出决定。",
    )


def in_scope_rationale(scope_ref: str, language: Language) -> str:
    """The rationale recorded when a scope check closes an ask as part of the contract."""
    return pick(
        language,
        f"In scope: part of {scope_ref}, delivered under the contract; no change request needed.",
        f"范围内：属于 {scope_ref}，按合同交付，无需变更请求。",
    )


def _hours(value: float) -> str:
    return f"{value:g} h"


def _money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def _reason_text(reason: ApprovalReason, p: DecisionPreview, language: Language) -> str:
    limits = p.limits
    texts = {
        ApprovalReason.EFFORT_OVER_AUTHORITY: (
            f"The effort ({_hours(p.effort_hours)}) is above your authority of "
            f"{_hours(limits.hours_per_change)} per change.",
            f"工作量（{_hours(p.effort_hours)}）超出您每项变更"
            f" {_hours(limits.hours_per_change)} 的授权额度。",
        ),
        ApprovalReason.COST_OVER_AUTHORITY: (
            f"The cost ({_money(p.cost_cents)}) is above your authority of "
            f"{_money(limits.cost_cents_per_change)} per change.",
            f"费用（{_money(p.cost_cents)}）超出您每项变更"
            f" {_money(limits.cost_cents_per_change)} 的授权额度。",
        ),
        ApprovalReason.GOODWILL_OVER_BUDGET: (
            f"Goodwill would reach {_hours(p.goodwill.used)} of the project's "
            f"{_hours(p.goodwill.allowed)} budget.",
            f"友情支持将达到 {_hours(p.goodwill.used)}，超出本项目 {_hours(p.goodwill.allowed)} 的额度。",
        ),
        ApprovalReason.GOODWILL_OVER_AUTHORITY: (
            f"Goodwill would reach {_hours(p.goodwill.used)}, above your authority of "
            f"{_hours(limits.goodwill_hours_per_project)} per project.",
            f"友情支持将达到 {_hours(p.goodwill.used)}，超出您每个项目 "
            f"{_hours(limits.goodwill_hours_per_project)} 的授权额度。",
        ),
    }
    return pick(language, *texts[reason])


def _meter_text(name: str, m: Meter, language: Language) -> str:
    percent = f"{(m.ratio or 0) * 100:.0f} %"
    label = {
        "goodwill": ("Goodwill budget", "友情支持额度"),
        "scope_creep": ("Scope-creep ratio", "范围蔓延比"),
    }
    what = pick(language, *label[name])
    if m.level is MeterLevel.LIMIT:
        return pick(
            language, f"{what} at {percent}: the limit is reached.", f"{what}已达 {percent}：已到上限。"
        )
    return pick(language, f"{what} at {percent}: close to the limit.", f"{what}已达 {percent}：接近上限。")


def explain_preview(preview: DecisionPreview, language: Language = Language.EN) -> tuple[str, ...]:
    """One sentence per reason for approval, then one per meter that warns after the decision."""
    lines = [_reason_text(reason, preview, language) for reason in preview.reasons]
    if preview.needs_approval:
        lines.append(
            pick(
                language,
                "The decision will be held as pending approval until a manager approves it.",
                "该决定将处于“待上级审批”状态，直至上级批准。",
            )
        )
    meters = {"goodwill": preview.goodwill, "scope_creep": preview.scope_creep}
    lines += [_meter_text(name, meters[name], language) for name in preview.warnings]
    return tuple(lines)


@dataclass(frozen=True)
class AnalysisQuestion:
    """One step of the client-perspective template: the field it fills and the question to ask."""

    field: str
    question: str
    hint: str


_QUESTIONS = (
    ("client_benefit", ("What does the client gain?", "客户能获得什么收益？"),
     ("Which goal of theirs does it serve, and how much?", "它服务于客户的哪个目标，作用有多大？")),
    ("client_cost", ("What does it cost the client?", "客户需要付出什么？"),
     ("Their effort, delay to their main goal, maintenance, dependence on us.",
      "客户方投入的精力、对其主要目标的延误、后续维护、对我方的依赖。")),
    ("risks", ("What could go wrong?", "可能有什么风险？"),
     ("For the system, the schedule, the acceptance.", "对系统、进度、验收的影响。")),
    ("alternatives", ("What else could meet the need?", "有没有其他方式满足这一需求？"),
     ("A workaround, a later phase, a standard feature, their own team.",
      "变通方法、后续阶段、标准功能、客户自己的团队。")),
    ("recommendation",
     ("What do you recommend, in the client's interest?", "从客户利益出发，您的建议是什么？"),
     ("Say it so the client can agree: their goal first.", "以客户能认同的方式表述：先保证其目标。")),
)  # fmt: skip


def analysis_questions(language: Language) -> tuple[AnalysisQuestion, ...]:
    """The client-perspective template, in the given language, in the order to work through it."""
    return tuple(
        AnalysisQuestion(field, pick(language, *question), pick(language, *hint))
        for field, question, hint in _QUESTIONS
    )
