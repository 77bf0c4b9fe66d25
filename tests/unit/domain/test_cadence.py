"""The progress-summary cadence: due dates from an RRULE, counted from the last issued summary."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.attention import summary_due_date
from deliverydesk.domain.cadence import cadence_state, next_due, summary_period

FRIDAYS = "FREQ=WEEKLY;BYDAY=FR"
START = date(2026, 3, 2)  # a Monday


def test_first_summary_is_due_on_the_first_occurrence_after_the_start() -> None:
    assert next_due(FRIDAYS, START, None) == date(2026, 3, 6)


def test_due_date_counts_from_the_last_issued_summary() -> None:
    assert next_due(FRIDAYS, START, date(2026, 3, 6)) == date(2026, 3, 13)  # issued on the Friday
    assert next_due(FRIDAYS, START, date(2026, 3, 10)) == date(2026, 3, 13)  # issued early in the week
    assert next_due(FRIDAYS, START, date(2026, 3, 13)) == date(2026, 3, 20)


def test_state_says_due_and_counts_missed_fridays() -> None:
    state = cadence_state(FRIDAYS, START, date(2026, 3, 6), today=date(2026, 3, 27))
    assert (state.next_due, state.is_due, state.missed) == (date(2026, 3, 13), True, 3)
    early = cadence_state(FRIDAYS, START, date(2026, 3, 13), today=date(2026, 3, 16))
    assert (early.next_due, early.is_due, early.missed) == (date(2026, 3, 20), False, 0)


def test_other_rules_and_bad_rules() -> None:
    monthly = "FREQ=MONTHLY;BYMONTHDAY=1"
    assert next_due(monthly, START, date(2026, 4, 1)) == date(2026, 5, 1)
    assert next_due("RRULE:freq=daily", START, date(2026, 3, 5)) == date(2026, 3, 6)
    assert next_due("", START, None) is None
    assert next_due("FREQ=SOMETIMES", START, None) is None
    assert next_due("FREQ=WEEKLY;COUNT=1", START, date(2026, 3, 3)) is None  # no occurrence left
    assert not cadence_state("nonsense", START, None, date(2026, 3, 16)).is_due


def test_home_page_rule_is_the_same_rule() -> None:
    assert summary_due_date(FRIDAYS, START, date(2026, 3, 6), date(2026, 3, 12)) is None
    assert summary_due_date(FRIDAYS, START, date(2026, 3, 6), date(2026, 3, 13)) == date(2026, 3, 13)


def test_summary_period_is_since_the_previous_summary() -> None:
    assert summary_period(START, None, date(2026, 3, 13)) == (START, date(2026, 3, 13))
    previous = (date(2026, 3, 7), date(2026, 3, 13))
    assert summary_period(START, previous, date(2026, 3, 20)) == (date(2026, 3, 14), date(2026, 3, 20))


def test_a_summary_issued_again_the_same_day_covers_the_same_period_not_one_day() -> None:
    previous = (date(2026, 3, 14), date(2026, 3, 20))
    assert summary_period(START, previous, date(2026, 3, 20)) == previous
