"""Plausibility warnings: the cases field engineers met, and what stays quiet."""

from __future__ import annotations

from datetime import date

from deliverydesk.domain.date_checks import (
    ContractFrame,
    DateConcern,
    DateWarning,
    already_happened,
    baseline_warnings,
    contract_warnings,
    far_from_today,
    slip_warnings,
)

TODAY = date(2026, 3, 16)
FRAME = ContractFrame(date(2026, 1, 15), date(2026, 5, 30), "CN")


def test_a_baseline_a_year_before_the_contract_started() -> None:
    assert baseline_warnings(date(2025, 1, 15), FRAME, TODAY) == (
        DateWarning(DateConcern.BEFORE_CONTRACT_START, 365),
    )


def test_a_baseline_long_after_the_end_but_not_just_after() -> None:
    assert baseline_warnings(date(2026, 6, 20), FRAME, TODAY) == ()  # 21 days: within a month
    late = baseline_warnings(date(2026, 9, 1), FRAME, TODAY)
    assert late == (DateWarning(DateConcern.AFTER_CONTRACT_END, 94),)


def test_a_long_contract_allows_a_quarter_of_its_length_after_the_end() -> None:
    long_frame = ContractFrame(date(2026, 1, 1), date(2027, 12, 31))
    assert baseline_warnings(date(2028, 4, 1), long_frame, TODAY) == ()  # 92 days < 182
    assert baseline_warnings(date(2028, 8, 1), long_frame, TODAY)[0].concern is DateConcern.AFTER_CONTRACT_END


def test_a_baseline_inside_the_contract_is_quiet() -> None:
    assert baseline_warnings(date(2026, 4, 1), FRAME, TODAY) == ()
    assert baseline_warnings(None, FRAME, TODAY) == ()


def test_a_slip_larger_than_the_project_itself() -> None:
    (warning,) = slip_warnings(date(2026, 4, 1), date(2028, 3, 20), FRAME, TODAY)
    assert warning.concern is DateConcern.SLIP_LONGER_THAN_PROJECT
    assert warning.days > warning.limit > 0
    assert slip_warnings(date(2026, 4, 1), date(2026, 4, 20), FRAME, TODAY) == ()


def test_a_slip_of_502_working_days_without_contract_dates() -> None:
    frame = ContractFrame(None, None)
    (warning,) = slip_warnings(date(2026, 4, 1), date(2028, 3, 3), frame, TODAY)
    assert warning == DateWarning(DateConcern.LONG_SLIP, 502, 250)
    assert slip_warnings(date(2026, 4, 1), date(2026, 6, 1), frame, TODAY) == ()


def test_a_year_typed_wrong() -> None:
    assert far_from_today(date(2207, 3, 1), TODAY)[0].concern is DateConcern.FAR_FROM_TODAY
    assert far_from_today(date(2002, 3, 1), TODAY)[0].days < 0
    assert far_from_today(date(2027, 3, 1), TODAY) == ()
    assert contract_warnings(date(2026, 1, 1), date(2062, 1, 1), TODAY)["end_date"]


def test_an_event_dated_ahead_of_today() -> None:
    assert already_happened(date(2026, 3, 20), TODAY) == (DateWarning(DateConcern.IN_THE_FUTURE, 4),)
    assert already_happened(TODAY, TODAY) == ()
    assert already_happened(date(2010, 1, 1), TODAY)[0].concern is DateConcern.FAR_FROM_TODAY
