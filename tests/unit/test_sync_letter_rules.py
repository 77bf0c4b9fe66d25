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


def test_a_refusal_crosses_the_wire_with_its_message_id_and_values() -> None:
    from datetime import date

    from deliverydesk.domain.enums import Language
    from deliverydesk.domain.record_kinds import record_kind
    from deliverydesk.i18n import msg
    from deliverydesk.services.sync.protocol import (
        message_from_json,
        message_json,
        read_message,
        stored_message,
    )

    refusal = msg(
        "A {kind} is append-only: it is never changed, only added to.", kind=record_kind("log_entry")
    )
    back = message_from_json(message_json(refusal))
    assert back == refusal
    assert back is not None and back.render(Language.ZH_CN) != str(back)  # shown in the laptop's language
    dated = msg("{field} {day}", field="due", day=date(2026, 3, 16))
    assert message_from_json(message_json(dated)) == dated
    assert read_message(stored_message(refusal)) == refusal
    assert str(read_message("plain words from an older server")) == "plain words from an older server"
    assert message_from_json({"text": 3}) is None
