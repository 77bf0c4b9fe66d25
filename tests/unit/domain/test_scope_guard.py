"""Scope guard rules: transitions, authority boundaries, meters and thresholds, triage consequences,
B-items, work without decision, working-day shifts, and text suggestions in Chinese and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from deliverydesk.domain.enums import Decision, Language, MilestoneStatus, ScopeCheck, Triage
from deliverydesk.domain.metrics import ChangeEffort, MeterLevel, meter
from deliverydesk.domain.scope_guard import (
    DECISION_OUTCOMES,
    ApprovalReason,
    AuthorityLimits,
    GuardAction,
    ProjectFrame,
    ProposedChange,
    RequestFacts,
    Verdict,
    approval_reasons,
    check_action,
    check_approval,
    check_outcome,
    check_refusal,
    done_without_decision,
    impact_reopens_decision,
    is_waiting_b_item,
    main_goal_met,
    meters_after,
    needs_change_request,
    preview_decision,
    resulting_decision,
    scope_check_for,
    shift_working_days,
    triage_consequence,
)
from deliverydesk.domain.scope_guard_texts import (
    analysis_questions,
    client_notice,
    explain_preview,
    scope_check_message,
    triage_rationale,
)
from deliverydesk.domain.text_match import MatchCandidate, rank_matches, segments, similarity, tokens
from deliverydesk.domain.workdays import WorkCalendar, calendar_for
from deliverydesk.errors import RuleError, ValidationError

LIMITS = AuthorityLimits(hours_per_change=8.0, cost_cents_per_change=500_00, goodwill_hours_per_project=16.0)
OUT = ScopeCheck.OUT_OF_SCOPE
G, B = Decision.APPROVED_GOODWILL, Decision.APPROVED_BILLABLE


def facts(decision: Decision, **extra: object) -> RequestFacts:
    return RequestFacts("CR-7", decision, **extra)  # type: ignore[arg-type]


def frame(
    goodwill_used: float = 0.0, budget: float = 16.0, contracted: float = 400.0, currency: str = "CNY"
) -> ProjectFrame:
    others = (ChangeEffort(G, OUT, goodwill_used),) if goodwill_used else ()
    return ProjectFrame(
        goodwill_budget_hours=budget, contracted_effort_hours=contracted, others=others, currency=currency
    )


def change(outcome: Decision, hours: float = 1.0, cents: int = 0) -> ProposedChange:
    return ProposedChange(outcome, hours, cents, OUT)


# --- transitions -------------------------------------------------------------------------------------

EDITS = (GuardAction.CHECK_SCOPE, GuardAction.TRIAGE, GuardAction.ASSESS, GuardAction.DECIDE)
REVISABLE = (
    Decision.PENDING,
    Decision.PENDING_APPROVAL,
    Decision.APPROVED_BILLABLE,
    Decision.APPROVED_GOODWILL,
    Decision.DEFERRED,
    Decision.DECLINED,
)


@pytest.mark.parametrize("decision", REVISABLE)
@pytest.mark.parametrize("action", EDITS)
def test_open_or_decided_requests_can_be_revised_until_a_letter_is_issued(
    decision: Decision, action: GuardAction
) -> None:
    check_action(facts(decision), action)  # no error
    with pytest.raises(RuleError, match="letter of CR-7 is issued"):
        check_action(facts(decision, letter_issued=True), action)


@pytest.mark.parametrize("outcome", DECISION_OUTCOMES)
def test_every_outcome_is_legal_from_pending(outcome: Decision) -> None:
    check_outcome(facts(Decision.PENDING), outcome)


@pytest.mark.parametrize("not_an_outcome", [Decision.PENDING, Decision.PENDING_APPROVAL])
def test_pending_is_not_an_outcome(not_an_outcome: Decision) -> None:
    with pytest.raises(ValidationError) as raised:
        check_outcome(facts(Decision.PENDING), not_an_outcome)
    assert "decision" in raised.value.fields


def test_only_a_held_decision_can_be_approved() -> None:
    check_action(facts(Decision.PENDING_APPROVAL), GuardAction.APPROVE)
    for decision in (Decision.PENDING, B, G, Decision.DEFERRED, Decision.DECLINED):
        with pytest.raises(RuleError, match="not waiting for a manager"):
            check_action(facts(decision), GuardAction.APPROVE)


def test_approving_a_withdrawn_request_is_refused_in_plain_words() -> None:
    with pytest.raises(RuleError, match="withdrawn: there is nothing to approve"):
        check_action(facts(Decision.WITHDRAWN), GuardAction.APPROVE)


@pytest.mark.parametrize("action", EDITS)
def test_a_withdrawn_request_is_final(action: GuardAction) -> None:
    with pytest.raises(RuleError, match="capture it as a new ask") as raised:
        check_action(facts(Decision.WITHDRAWN), action)
    assert "withdrawn" in str(raised.value.message)


def test_an_ask_closed_as_in_scope_can_only_be_checked_again() -> None:
    closed = facts(Decision.WITHDRAWN, scope_check=ScopeCheck.IN_SCOPE)
    assert closed.closed_as_in_scope
    check_action(closed, GuardAction.CHECK_SCOPE)
    for action in (GuardAction.TRIAGE, GuardAction.ASSESS, GuardAction.DECIDE, GuardAction.APPROVE):
        with pytest.raises(RuleError, match="part of the contracted scope"):
            check_action(closed, action)


def test_milestones_move_only_for_approved_changes_even_after_the_letter() -> None:
    for decision in (B, G):
        check_action(facts(decision, letter_issued=True), GuardAction.MOVE_MILESTONES)
    for decision in (Decision.PENDING, Decision.PENDING_APPROVAL, Decision.DEFERRED, Decision.DECLINED):
        with pytest.raises(RuleError, match="only an approved change moves milestones"):
            check_action(facts(decision), GuardAction.MOVE_MILESTONES)


def test_resulting_decision_holds_only_approvals() -> None:
    assert resulting_decision(G, needs_approval=True) is Decision.PENDING_APPROVAL
    assert resulting_decision(B, needs_approval=True) is Decision.PENDING_APPROVAL
    assert resulting_decision(G, needs_approval=False) is G
    assert resulting_decision(Decision.DECLINED, needs_approval=True) is Decision.DECLINED


# --- authority ---------------------------------------------------------------------------------------


def test_effort_exactly_at_the_authority_limit_is_allowed_and_just_above_is_not() -> None:
    assert approval_reasons(change(B, 8.0), frame(), LIMITS) == ()
    assert approval_reasons(change(B, 8.01), frame(), LIMITS) == (ApprovalReason.EFFORT_OVER_AUTHORITY,)


def test_cost_exactly_at_the_authority_limit_is_allowed_and_one_cent_more_is_not() -> None:
    assert approval_reasons(change(B, 1.0, 500_00), frame(), LIMITS) == ()
    assert approval_reasons(change(B, 1.0, 500_01), frame(), LIMITS) == (ApprovalReason.COST_OVER_AUTHORITY,)


def test_a_cost_in_another_currency_than_the_limit_is_held_whatever_the_amount() -> None:
    euro = frame(currency="EUR")
    other = (ApprovalReason.COST_IN_OTHER_CURRENCY,)
    assert approval_reasons(change(B, 1.0, 490_00), euro, LIMITS) == other, "no exchange rate is assumed"
    assert approval_reasons(change(B, 1.0, 1), euro, LIMITS) == other
    assert approval_reasons(change(B, 1.0, 0), euro, LIMITS) == (), "no cost: nothing to compare"
    assert approval_reasons(change(B, 1.0, 490_00), euro, replace(LIMITS, cost_currency="EUR")) == ()
    unknown = frame(currency="")
    assert approval_reasons(change(B, 1.0, 1_00), unknown, LIMITS) == other, "unknown is never within"
    assert approval_reasons(change(Decision.DECLINED, 1.0, 490_00), euro, LIMITS) == ()


def test_the_reasons_name_both_currencies_in_both_languages() -> None:
    preview = preview_decision(change(B, 1.0, 490_00), frame(currency="EUR"), LIMITS)
    (reason, *_rest) = explain_preview(preview)
    assert (
        reason == "The cost (EUR 490.00) is in another currency than your authority of CNY 500.00 per change."
    )
    (chinese, *_rest) = explain_preview(preview, Language.ZH_CN)
    assert "EUR 490.00" in chinese and "CNY 500.00" in chinese
    over = preview_decision(change(B, 1.0, 600_00), frame(), LIMITS)
    assert (
        explain_preview(over)[0] == "The cost (CNY 600.00) is above your authority of CNY 500.00 per change."
    )


def test_goodwill_exactly_filling_the_budget_is_allowed() -> None:
    assert approval_reasons(change(G, 4.0), frame(goodwill_used=12.0), LIMITS) == ()
    assert approval_reasons(change(G, 0.1 + 0.2), frame(goodwill_used=15.7), LIMITS) == ()  # float drift


def test_goodwill_beyond_the_budget_needs_approval() -> None:
    reasons = approval_reasons(change(G, 4.5), frame(goodwill_used=12.0), LIMITS)
    assert reasons == (ApprovalReason.GOODWILL_OVER_BUDGET, ApprovalReason.GOODWILL_OVER_AUTHORITY)


def test_goodwill_within_a_larger_budget_can_still_exceed_the_engineers_goodwill_authority() -> None:
    reasons = approval_reasons(change(G, 6.0), frame(goodwill_used=12.0, budget=40.0), LIMITS)
    assert reasons == (ApprovalReason.GOODWILL_OVER_AUTHORITY,)


def test_a_project_without_goodwill_budget_needs_approval_for_any_goodwill() -> None:
    assert approval_reasons(change(G, 0.5), frame(budget=0.0), LIMITS) == (
        ApprovalReason.GOODWILL_OVER_BUDGET,
    )


def test_billable_work_does_not_touch_the_goodwill_budget() -> None:
    assert approval_reasons(change(B, 6.0), frame(goodwill_used=16.0), LIMITS) == ()


@pytest.mark.parametrize("outcome", [Decision.DEFERRED, Decision.DECLINED, Decision.WITHDRAWN])
def test_saying_no_or_later_never_needs_approval(outcome: Decision) -> None:
    assert approval_reasons(change(outcome, 999.0, 10**9), frame(budget=0.0), LIMITS) == ()


def test_effort_and_goodwill_reasons_add_up() -> None:
    reasons = approval_reasons(change(G, 20.0, 900_00), frame(), LIMITS)
    assert set(reasons) == set(ApprovalReason) - {ApprovalReason.COST_IN_OTHER_CURRENCY}
    elsewhere = approval_reasons(change(G, 20.0, 900_00), frame(currency="EUR"), LIMITS)
    assert set(elsewhere) == set(ApprovalReason) - {ApprovalReason.COST_OVER_AUTHORITY}, "one or the other"


# --- meters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("used", "allowed", "level"),
    [
        (0.0, 16.0, MeterLevel.OK),
        (12.7, 16.0, MeterLevel.OK),
        (12.8, 16.0, MeterLevel.WARNING),  # exactly 80 %
        (15.9, 16.0, MeterLevel.WARNING),
        (16.0, 16.0, MeterLevel.LIMIT),  # exactly 100 %
        (20.0, 16.0, MeterLevel.LIMIT),
        (0.1 + 0.7, 1.0, MeterLevel.WARNING),  # 0.7999999999999999 is 80 %
        (3.0, 0.0, MeterLevel.NOT_APPLICABLE),
        (0.0, 0.0, MeterLevel.NOT_APPLICABLE),
    ],
)
def test_meter_levels_at_the_thresholds(used: float, allowed: float, level: MeterLevel) -> None:
    assert meter(used, allowed).level is level


def test_meter_over_is_strictly_beyond_the_allowance() -> None:
    assert not meter(16.0, 16.0).over
    assert meter(16.5, 16.0).over
    assert meter(16.0, 16.0).ratio == 1.0
    assert meter(1.0, 0.0).ratio is None


def test_zero_contracted_effort_gives_no_scope_creep_ratio_and_no_crash() -> None:
    goodwill, creep = meters_after(change(B, 40.0), frame(contracted=0.0))
    assert creep.ratio is None and creep.level is MeterLevel.NOT_APPLICABLE and creep.used == 40.0
    assert goodwill.used == 0.0


def test_meters_after_count_the_decision_being_previewed() -> None:
    others = (ChangeEffort(B, OUT, 300.0), ChangeEffort(B, ScopeCheck.IN_SCOPE, 50.0))
    base = ProjectFrame(16.0, 400.0, others)
    assert meters_after(None, base)[1].level is MeterLevel.OK  # 300 of 400 = 75 %
    _, creep = meters_after(change(B, 20.0), base)
    assert creep.used == 320.0 and creep.level is MeterLevel.WARNING
    goodwill, _ = meters_after(change(G, 16.0), base)
    assert goodwill.level is MeterLevel.LIMIT and not goodwill.over


def test_preview_holds_an_over_budget_goodwill_and_says_why_in_both_languages() -> None:
    preview = preview_decision(change(G, 6.0), frame(goodwill_used=12.0), LIMITS)
    assert preview.needs_approval and preview.resulting_decision is Decision.PENDING_APPROVAL
    assert preview.goodwill.used == 18.0 and preview.warnings == ("goodwill",)
    english = explain_preview(preview)
    assert any("18 h of the project's 16 h budget" in line for line in english)
    assert any("pending approval" in line for line in english)
    chinese = explain_preview(preview, Language.ZH_CN)
    assert any("待上级审批" in line for line in chinese) and any("友情支持额度" in line for line in chinese)


def test_preview_within_authority_is_not_held_but_warns_at_80_percent() -> None:
    preview = preview_decision(change(G, 0.8), frame(goodwill_used=12.0), LIMITS)
    assert not preview.needs_approval and preview.resulting_decision is G
    assert preview.goodwill.level is MeterLevel.WARNING
    assert explain_preview(preview) == ("Goodwill budget at 80 %: close to the limit.",)


# --- triage, scope check, B-items, work without decision ------------------------------------------------


def test_triage_consequences() -> None:
    a, b, c = (triage_consequence(t) for t in (Triage.A, Triage.B, Triage.C))
    assert a.do_now and a.notify_client and not a.defer_until_main_goal  # the outcome stays undecided
    assert b.defer_until_main_goal and not b.do_now and not b.notify_client
    assert c.separate_request and not (c.notify_client or c.defer_until_main_goal)
    none = triage_consequence(Triage.UNTRIAGED)
    assert not (none.notify_client or none.defer_until_main_goal or none.separate_request)


def test_triage_rationales_name_the_main_milestone_in_the_projects_language() -> None:
    assert "Go-live accepted" in triage_rationale(Triage.B, Language.EN, "Go-live accepted")
    assert "「上线验收」" in triage_rationale(Triage.B, Language.ZH_CN, "上线验收")
    assert "separate request" in triage_rationale(Triage.C, Language.EN)
    assert triage_rationale(Triage.UNTRIAGED, Language.EN) == ""
    summary, _ = client_notice("CR-3", "扫码枪固件", Language.ZH_CN)
    assert summary.startswith("已告知客户") and "CR-3" in summary


def test_scope_check_from_links() -> None:
    assert scope_check_for("s1", None) is ScopeCheck.IN_SCOPE
    assert scope_check_for(None, "x1") is ScopeCheck.EXCLUDED
    assert scope_check_for(None, None) is ScopeCheck.OUT_OF_SCOPE
    with pytest.raises(ValidationError):
        scope_check_for("s1", "x1")
    assert not needs_change_request(ScopeCheck.IN_SCOPE)
    assert all(needs_change_request(c) for c in (ScopeCheck.EXCLUDED, OUT, ScopeCheck.UNCHECKED))
    assert "No change request is needed" in str(scope_check_message(ScopeCheck.IN_SCOPE, "S-3"))
    excluded = scope_check_message(ScopeCheck.EXCLUDED, "X-1").render(Language.ZH_CN)
    assert "X-1" in excluded and "范围外" in excluded


def test_main_goal_is_met_when_every_main_milestone_is_accepted() -> None:
    accepted, done = MilestoneStatus.ACCEPTED, MilestoneStatus.DONE
    assert not main_goal_met([])  # no main milestone marked: never "now is the time"
    assert main_goal_met([accepted])
    assert not main_goal_met([accepted, done])


def test_waiting_b_items_and_work_without_decision() -> None:
    assert is_waiting_b_item(Triage.B, Decision.DEFERRED)
    assert not is_waiting_b_item(Triage.C, Decision.DEFERRED)
    assert not is_waiting_b_item(Triage.B, Decision.PENDING)
    assert done_without_decision(Decision.PENDING, 1)
    assert done_without_decision(Decision.PENDING_APPROVAL, 2)
    assert not done_without_decision(Decision.PENDING, 0)
    assert not done_without_decision(G, 5)


def test_new_effort_or_cost_reopens_an_approval() -> None:
    assert impact_reopens_decision(G, (4.0, 0), (6.0, 0))
    assert impact_reopens_decision(Decision.PENDING_APPROVAL, (4.0, 0), (4.0, 1))
    assert not impact_reopens_decision(G, (4.0, 0), (4.0, 0))
    assert not impact_reopens_decision(Decision.DECLINED, (4.0, 0), (40.0, 0))


def test_shift_working_days_skips_weekends_and_holidays() -> None:
    weekends = WorkCalendar()
    friday = date(2026, 3, 20)
    assert shift_working_days(friday, 1, weekends) == date(2026, 3, 23)
    assert shift_working_days(friday, 0, weekends) == friday
    assert shift_working_days(date(2026, 3, 23), -1, weekends) == friday
    china = calendar_for("CN", 2026, 2026)
    assert shift_working_days(date(2026, 9, 30), 1, china) > date(2026, 10, 7)  # national-day week


def test_an_absurd_schedule_impact_is_refused_not_looped_over() -> None:
    assert shift_working_days(date(2026, 3, 16), 1000, WorkCalendar()) == date(2030, 1, 14)
    with pytest.raises(ValidationError) as raised:
        shift_working_days(date(2026, 3, 16), 10**9, WorkCalendar())
    assert "schedule_days" in raised.value.fields


def test_analysis_template_in_both_languages() -> None:
    english, chinese = analysis_questions(Language.EN), analysis_questions(Language.ZH_CN)
    assert [q.field for q in english] == [
        "client_benefit",
        "client_cost",
        "risks",
        "alternatives",
        "recommendation",
    ]
    assert [q.field for q in chinese] == [q.field for q in english]
    assert "client" in english[1].question and "客户" in chinese[1].question


# --- text suggestions --------------------------------------------------------------------------------

CANDIDATES = [
    MatchCandidate("s1", "S-1", ("工单管理", "无纸化报工，扫码报工")),
    MatchCandidate("s2", "S-2", ("报表与看板", "生产日报、周报，可导出 Excel 和 PDF")),
    MatchCandidate("s3", "S-3", ("Warehouse label printing", "Barcode labels for incoming goods")),
    MatchCandidate("x1", "X-1", ("ERP 系统的修改与对接",)),
    MatchCandidate("x2", "X-2", ("Migration of historical data older than two years",)),
]


def test_tokens_cut_chinese_into_bigrams_and_english_into_words() -> None:
    assert tokens("报表导出") == {"报表", "表导", "导出"}
    assert tokens("Labels for the Warehouse") == {"label", "warehouse"}
    assert tokens("水") == {"水"}
    assert tokens("") == frozenset() and similarity(tokens(""), tokens("报表")) == 0.0


@pytest.mark.parametrize(
    ("ask", "best"),
    [
        ("报表导出 PDF 加公司水印", "S-2"),
        ("对接旧 ERP 采购模块", "X-1"),
        ("扫码报工界面加大字号", "S-1"),
        ("Bigger font on the warehouse labels", "S-3"),
        ("Migrate all ten years of historical data", "X-2"),
        ("Same as S-1, just faster", "S-1"),  # a ref named outright
    ],
)
def test_suggestions_find_the_likely_scope_item_or_exclusion(ask: str, best: str) -> None:
    matches = rank_matches(ask, CANDIDATES)
    assert matches and matches[0].ref == best
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_one_matching_sentence_or_language_half_counts_fully() -> None:
    bilingual = MatchCandidate(
        "x9", "X-9", ("ERP 系统本身的修改或升级不在本项目范围内。/ Changes to the ERP itself.",)
    )
    assert rank_matches("对接旧 ERP 采购模块", [bilingual])[0].ref == "X-9"
    assert segments("一句。两句") == ["一句。两句", "一句", "两句"]
    assert segments("only one sentence") == ["only one sentence"]


def test_unrelated_asks_get_no_suggestion_and_the_limit_holds() -> None:
    assert rank_matches("车间大屏增加天气显示", CANDIDATES) == ()
    assert rank_matches("", CANDIDATES) == ()
    assert len(rank_matches("S-1 S-2 X-1", CANDIDATES, limit=2)) == 2
    assert rank_matches("Same as s-3", CANDIDATES)[0].score == 1.0


def test_an_approval_answers_what_was_proposed_by_another_person_after_the_decision() -> None:
    on_time = Verdict("陈经理", date(2026, 3, 16), "张浩", date(2026, 3, 16))
    assert check_approval(on_time, G) is G
    assert check_approval(on_time, B, G) is G  # approved the other way
    with pytest.raises(ValidationError) as raised:  # nothing proposed: nothing to approve
        check_approval(on_time, None, G)
    assert set(raised.value.fields) == {"outcome"}
    own = Verdict(" 张浩", date(2026, 3, 15), "张浩", date(2026, 3, 16))
    with pytest.raises(ValidationError) as raised:
        check_approval(own, B)
    assert set(raised.value.fields) == {"manager_id", "approved_on"}
    with pytest.raises(ValidationError) as raised:
        check_approval(on_time, B, Decision.DECLINED)
    assert set(raised.value.fields) == {"outcome"}


def test_a_refusal_says_why_and_comes_from_another_person() -> None:
    on_time = Verdict("陈经理", date(2026, 3, 16), "张浩", date(2026, 3, 16))
    assert check_refusal(on_time, "  预算已超，下季度再议 ") == "预算已超，下季度再议"
    with pytest.raises(ValidationError) as raised:
        check_refusal(Verdict("张浩", date(2026, 3, 16), "张浩", None), " ")
    assert set(raised.value.fields) == {"reason", "manager_id"}
