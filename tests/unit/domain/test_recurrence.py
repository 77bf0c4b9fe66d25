"""Learning across clients (pure rules): similar issues in Chinese or English, and categories that recur
at several distinct clients within a period, with their trend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import (
    CATEGORY_WEIGHT,
    SIMILAR_THRESHOLD,
    IssueText,
    Occurrence,
    TrendDirection,
    category_label,
    default_period,
    find_recurrences,
    is_similar,
    issue_similarity,
    rank_similar,
    second_half_start,
    text_similarity,
    trend_direction,
    trend_of,
)
from deliverydesk.errors import ValidationError

SINCE, UNTIL = date(2026, 1, 1), date(2026, 3, 31)  # 90 days: halves of 45 days, split on 15 Feb
MIGRATION = "cat-migration"


def _seen(client: str, project: str, on: date, category: str = MIGRATION, ref: str = "I-1") -> Occurrence:
    return Occurrence(
        category_id=category,
        client_id=client,
        client_name=f"Client {client}",
        project_id=project,
        project_code=f"DD-{project}",
        record_id=f"{project}-{ref}",
        ref=ref,
        on=on,
    )


# --- similarity ----------------------------------------------------------------------------------


def test_chinese_issues_worded_differently_are_similar_and_unrelated_ones_are_not() -> None:
    new = IssueText(title="数据迁移后客户编码重复")
    same_problem = IssueText(title="迁移数据时客户编码出现重复", root_cause="导入脚本没有按编码去重")
    unrelated = IssueText(title="打印机驱动无法安装", symptoms="标签打印失败")
    assert issue_similarity(new, same_problem) >= SIMILAR_THRESHOLD
    assert text_similarity(new, same_problem) > 0.5  # 6 of 10 and 12 bigrams shared
    assert issue_similarity(new, unrelated) == 0.0


def test_english_issues_worded_differently_are_similar() -> None:
    new = IssueText(title="Duplicate customer codes after data migration")
    known = IssueText(title="Customer codes duplicated when migrating data")
    assert issue_similarity(new, known) >= SIMILAR_THRESHOLD
    assert issue_similarity(new, IssueText(title="Label printer offline")) == 0.0


def test_the_same_category_always_shows_ranked_by_wording_another_needs_close_wording() -> None:
    new = IssueText(title="扫码枪偶尔无响应", category_id=MIGRATION)
    nothing_shared = IssueText(title="Report layout wrong", category_id=MIGRATION)
    a_little_shared = IssueText(title="扫码枪驱动版本旧", symptoms="换线后失效", category_id=MIGRATION)
    assert is_similar(new, nothing_shared)  # the same kind of problem at another client
    assert issue_similarity(new, nothing_shared) == pytest.approx(CATEGORY_WEIGHT)
    weak_text = text_similarity(new, a_little_shared)
    assert 0.1 <= weak_text < 0.35
    assert issue_similarity(new, a_little_shared) > issue_similarity(new, nothing_shared)  # ranks higher
    other_category = IssueText(title="扫码枪驱动版本旧", symptoms="换线后失效", category_id="cat-other")
    assert not is_similar(new, other_category)  # weak wording alone is not enough
    uncategorised = IssueText(title="扫码枪偶尔无响应")
    assert not is_similar(uncategorised, IssueText(title="Report layout wrong"))  # no category: no match
    assert rank_similar(new, [("weak", a_little_shared), ("none", nothing_shared)]) == [
        ("weak", issue_similarity(new, a_little_shared)),
        ("none", issue_similarity(new, nothing_shared)),
    ]


def test_one_matching_sentence_of_a_long_symptom_counts_and_empty_texts_score_zero() -> None:
    known = IssueText(title="Go-live delayed", symptoms="Many things went wrong. 客户编码重复。 Lots more.")
    assert text_similarity(IssueText(title="客户编码重复"), known) == pytest.approx(1.0)
    assert text_similarity(IssueText(title=""), known) == 0.0
    assert text_similarity(IssueText(title="客户编码重复"), IssueText(title="  ")) == 0.0


def test_rank_keeps_only_similar_candidates_best_first_within_the_limit() -> None:
    new = IssueText(title="数据迁移后客户编码重复", category_id=MIGRATION)
    candidates = [
        ("far", IssueText(title="打印机驱动无法安装")),
        ("close", IssueText(title="迁移数据时客户编码出现重复")),
        ("closest", IssueText(title="数据迁移后客户编码重复", category_id=MIGRATION)),
    ]
    assert [key for key, _ in rank_similar(new, candidates)] == ["closest", "close"]
    assert [key for key, _ in rank_similar(new, candidates, limit=1)] == ["closest"]


# --- recurrence ----------------------------------------------------------------------------------


def test_two_projects_of_one_client_count_as_one_client() -> None:
    seen = [
        _seen("A", "a1", date(2026, 1, 10)),
        _seen("A", "a2", date(2026, 1, 20)),  # same client, another project
        _seen("B", "b1", date(2026, 2, 1)),
    ]
    assert find_recurrences(seen, since=SINCE, until=UNTIL, min_clients=3) == []
    [item] = find_recurrences(seen, since=SINCE, until=UNTIL, min_clients=2)
    assert item.client_count == 2
    assert [p.code for p in item.projects] == ["DD-a1", "DD-a2", "DD-b1"]
    assert len(item.occurrences) == 3


def test_period_boundaries_are_inclusive_and_outside_days_are_left_out() -> None:
    on_edges = [_seen("A", "a", SINCE), _seen("B", "b", UNTIL), _seen("C", "c", date(2026, 2, 14))]
    [item] = find_recurrences(on_edges, since=SINCE, until=UNTIL, min_clients=3)
    assert [o.on for o in item.occurrences] == [SINCE, date(2026, 2, 14), UNTIL]  # oldest first
    just_outside = [
        _seen("A", "a", SINCE - timedelta(days=1)),
        _seen("B", "b", UNTIL),
        _seen("C", "c", UNTIL + timedelta(days=1)),
    ]
    assert find_recurrences(just_outside, since=SINCE, until=UNTIL, min_clients=1)[0].client_count == 1


def test_categories_are_kept_apart_named_and_ordered_by_clients_then_occurrences() -> None:
    seen = [_seen(c, c, date(2026, 1, 5)) for c in "ABC"]
    seen += [_seen(c, c, date(2026, 1, 6), category="cat-asks", ref="CR-1") for c in "ABCD"]
    seen += [_seen("A", "A", date(2026, 1, 7), category="cat-once")]
    names = {"cat-asks": ("Extra reports", "额外报表"), MIGRATION: ("Data migration", "数据迁移")}
    items = find_recurrences(seen, since=SINCE, until=UNTIL, min_clients=3, names=names)
    assert [(i.category_id, i.client_count) for i in items] == [("cat-asks", 4), (MIGRATION, 3)]
    assert items[1].category_name(Language.ZH_CN) == "数据迁移"
    assert items[1].category_name(Language.EN) == "Data migration"
    assert [c.name for c in items[1].clients] == ["Client A", "Client B", "Client C"]


def test_a_period_ending_before_it_starts_or_a_zero_threshold_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        find_recurrences([], since=UNTIL, until=SINCE, min_clients=3)
    assert "until" in refused.value.fields
    with pytest.raises(ValidationError):
        find_recurrences([], since=SINCE, until=UNTIL, min_clients=0)


def test_default_period_is_the_last_twelve_months_today_included() -> None:
    assert default_period(date(2026, 3, 16)) == (date(2025, 3, 17), date(2026, 3, 16))


# --- trend ---------------------------------------------------------------------------------------


def test_halves_split_evenly_and_an_odd_day_goes_to_the_first_half() -> None:
    assert second_half_start(date(2026, 1, 1), date(2026, 1, 10)) == date(2026, 1, 6)  # 5 + 5 days
    assert second_half_start(date(2026, 1, 1), date(2026, 1, 11)) == date(2026, 1, 7)  # 6 + 5 days
    assert second_half_start(SINCE, UNTIL) == date(2026, 2, 15)  # 45 + 45 days


@pytest.mark.parametrize(
    ("first", "second", "direction"),
    [
        (0, 0, TrendDirection.STEADY),
        (0, 1, TrendDirection.STEADY),  # one more is noise
        (0, 2, TrendDirection.RISING),
        (1, 3, TrendDirection.RISING),
        (4, 5, TrendDirection.STEADY),
        (4, 6, TrendDirection.RISING),  # 2 > a quarter of 6
        (8, 10, TrendDirection.STEADY),  # 2 <= a quarter of 10
        (3, 1, TrendDirection.FALLING),
        (10, 8, TrendDirection.STEADY),
    ],
)
def test_trend_direction_rule(first: int, second: int, direction: TrendDirection) -> None:
    assert trend_direction(first, second) is direction


def test_trend_counts_each_half_with_the_split_day_in_the_second() -> None:
    split = date(2026, 2, 15)
    days = [SINCE, split - timedelta(days=1), split, split, UNTIL, UNTIL + timedelta(days=1)]
    trend = trend_of(days, SINCE, UNTIL)
    assert (trend.first_half, trend.second_half, trend.second_half_from) == (2, 3, split)
    assert trend.direction is TrendDirection.STEADY
    rising = find_recurrences(
        [_seen("A", "a", SINCE)] + [_seen(c, c, UNTIL) for c in "BCD"],
        since=SINCE,
        until=UNTIL,
        min_clients=3,
    )
    assert rising[0].trend.direction is TrendDirection.RISING


def test_a_one_day_period_is_steady() -> None:
    day = date(2026, 3, 16)
    trend = trend_of([day, day, day], day, day)
    assert (trend.first_half + trend.second_half, trend.direction) == (3, TrendDirection.STEADY)


def test_a_category_name_falls_back_to_the_other_language_when_one_is_empty() -> None:
    assert category_label("Data migration", "数据迁移", Language.ZH_CN) == "数据迁移"
    assert category_label("Data migration", "数据迁移", Language.EN) == "Data migration"
    assert category_label("", "数据迁移", Language.EN) == "数据迁移"
    assert category_label("Data migration", "", Language.ZH_CN) == "Data migration"
