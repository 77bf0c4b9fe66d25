from __future__ import annotations

from deliverydesk.domain.refs import RefPrefix, next_ref, ref_number, ref_sort_key


def test_first_ref_is_one() -> None:
    assert next_ref(RefPrefix.CHANGE_REQUEST, []) == "CR-1"


def test_next_ref_is_max_plus_one_even_with_gaps() -> None:
    assert next_ref(RefPrefix.SCOPE_ITEM, ["S-1", "S-7", "S-3"]) == "S-8"


def test_refs_of_other_kinds_and_garbage_are_ignored() -> None:
    assert next_ref(RefPrefix.EXCLUSION, ["S-9", "X-2", "X-x", "CR-5", ""]) == "X-3"
    assert ref_number(RefPrefix.CHANGE_REQUEST, "C-4") is None
    assert ref_number(RefPrefix.ISSUE, "I-12") == 12


def test_refs_sort_by_number() -> None:
    assert sorted(["M-10", "M-2", "M-1"], key=ref_sort_key) == ["M-1", "M-2", "M-10"]
