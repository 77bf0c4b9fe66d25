"""The server's write-once rules for letters (``domain.sync.check_letter_change``)."""

from __future__ import annotations

from deliverydesk.domain.sync import check_letter_change

ISSUED = {"ref": "DD-1-EL", "version": 1, "status": "issued", "signed_pdf_sha256": "", "fingerprint": "f"}
SIGNED = {**ISSUED, "status": "signed", "signed_pdf_sha256": "a" * 64}


def test_signing_moves_the_status_and_fills_in_the_signed_copy_in_one_group() -> None:
    so_far = {**ISSUED, "status": "signed"}  # the group's first change moved the status
    verdict = check_letter_change(so_far, {"signed_pdf_sha256": ("", "b" * 64)}, ISSUED)
    assert verdict.refusal is None and verdict.conflicts == ()


def test_a_second_different_signed_copy_is_a_conflict() -> None:
    verdict = check_letter_change(SIGNED, {"signed_pdf_sha256": ("", "b" * 64)}, SIGNED)
    assert [c.field for c in verdict.conflicts] == ["signed_pdf_sha256"]
    assert check_letter_change(SIGNED, {"signed_pdf_sha256": ("", "a" * 64)}, SIGNED).conflicts == ()


def test_sealed_content_and_status_never_go_back() -> None:
    assert "cannot change" in str(check_letter_change(ISSUED, {"fingerprint": ("f", "g")}).refusal)
    assert "back to issued" in str(
        check_letter_change(SIGNED, {"status": ("signed", "issued")}, SIGNED).refusal
    )
