"""Today's report on the demo database at known days: the plain-SQL report (``store.attention_reads``)
gives what the ORM queries it replaced gave (totals and lines recorded from them, 2026-12-05)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from deliverydesk.domain.attention import AttentionReport
from deliverydesk.services.attention import get_attention
from deliverydesk.services.context import ServiceContext
from tests.conftest import fixed_clock

COMMON = {"APPROVAL_PENDING": 1, "COMMITMENT_DUE": 2, "CONFIRM_IN_WRITING": 1, "DECISION_PENDING": 3}
COMMON |= {"SUMMARY_DUE": 3, "WORK_WITHOUT_DECISION": 1}
# days after the fixed clock's: (totals of the kinds with any, lines at limit 5, digest of those lines);
# 2026-12-06: CR-11's work without a decision is its night on site (the day before), no longer the entry
# that logged its held decision (same totals and lines, that line's date one day earlier)
KNOWN = {
    0: (
        COMMON | {"AT_RISK_MILESTONE": 4, "OVERDUE_MILESTONE": 1, "REVIEW_FOLLOW_UP_DUE": 1},
        17,
        "0dc97776b674a7b2",
    ),
    60: (
        COMMON | {"HANDOVER_BLOCKED": 4, "OVERDUE_MILESTONE": 7, "REVIEW_FOLLOW_UP_DUE": 1},
        21,
        "7c3534d0e2ccf788",
    ),
    120: (
        COMMON | {"HANDOVER_BLOCKED": 12, "OVERDUE_MILESTONE": 9, "REVIEW_FOLLOW_UP_DUE": 2},
        23,
        "4c3878bb5d90d807",
    ),
    240: (
        COMMON | {"HANDOVER_BLOCKED": 12, "OVERDUE_MILESTONE": 9, "REVIEW_FOLLOW_UP_DUE": 2},
        23,
        "66173023c9edc3f9",
    ),
    400: (
        COMMON | {"HANDOVER_BLOCKED": 12, "OVERDUE_MILESTONE": 9, "REVIEW_FOLLOW_UP_DUE": 3},
        24,
        "1d0bb3c6362d5713",
    ),
}


def _lines(report: AttentionReport) -> list[tuple[Any, ...]]:
    """What a line shows, without the records' ids (new on every demo build)."""
    return [
        (
            *(
                item.kind.name,
                item.project_code,
                item.ref,
                item.title,
                item.due,
                item.slip_days,
                item.days_late,
            ),
            *(item.logged, item.owner_side, item.goodwill, item.scope_creep),
            item.blocker and (item.blocker.kind.name, item.blocker.ref, item.blocker.title),
        )
        for item in report.items
    ]


@pytest.mark.parametrize("days", sorted(KNOWN))
def test_the_demo_report_is_the_known_one(demo_ctx: ServiceContext, days: int) -> None:
    day = fixed_clock().date() + timedelta(days=days)
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    report = get_attention(replace(demo_ctx, clock=lambda: noon), limit=5)
    totals, lines, digest = KNOWN[days]
    assert report.today == day and report.projects == 6
    assert {kind.name: n for kind, n in report.totals.items() if n} == totals
    assert len(report.items) == lines
    assert hashlib.sha256(repr(_lines(report)).encode()).hexdigest()[:16] == digest
