"""How ``check`` words a record edited outside DeliveryDesk (store.audit_state.Difference)."""

from __future__ import annotations

import json

from deliverydesk.store.audit_state import Difference


def test_a_long_value_is_shown_where_it_was_changed() -> None:
    """A letter's content edited deep inside: the report showed the first 60 characters of both
    values, the same in both, so nobody could see what had been rewritten."""
    before = json.dumps(
        {"addressee": "江苏省苏州市工业园区星湖街 218 号" * 3, "statement": "2 秒内完成"}, ensure_ascii=False
    )
    after = before.replace("2 秒", "10 秒")
    line = Difference("letter", "id", "content_json", before, after).describe("letter DD-2026-014-EL")
    assert "10 秒" in line and "2 秒" in line.split("last value is", 1)[1]
    assert len(line) < 250


def test_short_values_are_shown_whole() -> None:
    line = Difference("expectation", "id", "statement", "2 秒", "10 秒").describe("expectation E-1")
    assert line == (
        'expectation E-1: field statement is "10 秒" but the audit trail\'s last value is "2 秒" '
        "(edited outside DeliveryDesk)"
    )
