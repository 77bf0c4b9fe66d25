"""Revisit scheduling of review follow-up actions (dateutil calendar steps) and the review's help texts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.domain.review_texts import (
    ReviewSide,
    default_action,
    review_question,
    review_questions,
    revisit_label,
)
from deliverydesk.domain.revisits import (
    Horizon,
    RevisitState,
    days_overdue,
    due_on,
    is_due,
    revisit_date,
    revisit_state,
    suggest_revisit_dates,
)

TODAY = date(2026, 3, 16)


def test_standard_horizons_are_one_month_three_months_and_a_year() -> None:
    assert suggest_revisit_dates(date(2026, 3, 16)) == {
        Horizon.SHORT: date(2026, 4, 16),
        Horizon.MID: date(2026, 6, 16),
        Horizon.LONG: date(2027, 3, 16),
    }


@pytest.mark.parametrize(
    ("held_on", "horizon", "expected"),
    [
        (date(2026, 1, 31), Horizon.SHORT, date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2028, 1, 31), Horizon.SHORT, date(2028, 2, 29)),  # leap year
        (date(2026, 11, 30), Horizon.MID, date(2027, 2, 28)),  # across the year end
        (date(2026, 5, 31), Horizon.MID, date(2026, 8, 31)),  # August has a 31st
        (date(2028, 2, 29), Horizon.LONG, date(2029, 2, 28)),  # leap day + a year
        (date(2027, 2, 28), Horizon.LONG, date(2028, 2, 28)),  # not moved to the leap day
        (date(2026, 12, 31), Horizon.SHORT, date(2027, 1, 31)),
    ],
)
def test_month_ends_are_clamped(held_on: date, horizon: Horizon, expected: date) -> None:
    assert revisit_date(held_on, horizon) == expected


def test_state_due_overdue_scheduled_done() -> None:
    assert revisit_state(TODAY, None, TODAY) is RevisitState.DUE
    assert revisit_state(date(2026, 3, 15), None, TODAY) is RevisitState.OVERDUE
    assert revisit_state(date(2026, 3, 17), None, TODAY) is RevisitState.SCHEDULED
    assert revisit_state(date(2026, 3, 1), date(2026, 3, 2), TODAY) is RevisitState.DONE
    assert revisit_state(None, None, TODAY) is RevisitState.UNSCHEDULED
    assert is_due(TODAY, None, TODAY) and is_due(date(2026, 1, 1), None, TODAY)
    assert not is_due(date(2026, 3, 17), None, TODAY)
    assert not is_due(date(2026, 1, 1), TODAY, TODAY)
    assert (days_overdue(date(2026, 3, 6), TODAY), days_overdue(date(2026, 3, 20), TODAY)) == (10, 0)


@dataclass(frozen=True)
class _Action:
    name: str
    revisit_on: date | None
    done_on: date | None = None


def test_due_on_lists_open_actions_whose_date_has_come_oldest_first() -> None:
    actions = [
        _Action("today", TODAY),
        _Action("later", date(2026, 4, 16)),
        _Action("long overdue", date(2026, 1, 2)),
        _Action("done", date(2026, 2, 1), done_on=date(2026, 2, 3)),
        _Action("no date", None),
    ]
    assert [a.name for a in due_on(actions, TODAY)] == ["long overdue", "today"]


def test_review_questions_cover_both_sides_and_three_horizons_in_both_languages() -> None:
    english, chinese = review_questions(Language.EN), review_questions(Language.ZH_CN)
    fields = [q.field for q in english]
    assert fields == [
        "client_short", "client_mid", "client_long",
        "company_short", "company_mid", "company_long",
        "lessons", "follow_up",
    ]  # fmt: skip
    assert [q.field for q in chinese] == fields
    for en, zh in zip(english, chinese, strict=True):
        assert en.question and en.hint and zh.question and zh.hint
        assert zh.question != en.question and any("\u4e00" <= ch <= "\u9fff" for ch in zh.hint)
    mid = review_question("client_mid", Language.ZH_CN)
    assert (mid.side, mid.horizon, mid.heading) == (ReviewSide.CLIENT, Horizon.MID, "客户端 · 中期")
    assert "补偿方案" in mid.hint  # the glossary's word for compensation
    assert revisit_label(Horizon.LONG, Language.EN) == "in a year"
    with pytest.raises(KeyError):
        review_question("title", Language.EN)


def test_each_horizon_has_a_default_action_in_both_languages() -> None:
    english = [default_action(h, Language.EN) for h in Horizon]
    chinese = [default_action(h, Language.ZH_CN) for h in Horizon]
    assert len(set(english)) == len(set(chinese)) == 3
    assert all(text.isascii() for text in english)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in chinese)
