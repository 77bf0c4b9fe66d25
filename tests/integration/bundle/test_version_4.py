"""A version 4 bundle (how a letter was signed kept on the letter, a training's ``material_left``) is
converted on import: each signed or refused letter gets one client signature event (importing it
again duplicates nothing), the handover links start empty."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deliverydesk.domain.enums import SignatureParty, SignMethod
from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.bundle.upgrade import signature_id_of
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.records import handover
from deliverydesk.store.records import project_id_by_code

V3_COLUMNS = {
    "handover_item": ("training_id", "scope_item_id", "owner", "issue_id"),
    "expectation": ("confirmed_by_letter_id",),
    "change_request": ("refused_by", "refused_on", "refusal_reason"),
}


def version_4(document: dict[str, Any]) -> dict[str, Any]:
    """The sample bundle as DeliveryDesk wrote it before signature events (issue 12)."""
    records = document["records"]
    events = {row["letter_id"]: row for row in records.pop("signature")}
    for letter in records["letter"]:
        event = events.get(letter["id"])
        letter.update(
            signer_name=event["signer_name"] if event else "",
            signer_title=event["signer_title"] if event else "",
            signed_at=event["recorded_at"] if event else None,
            sign_place=event["place"] if event else "",
            sign_method=event["method"] if event else None,
            sign_note=event["note"] if event else "",
            sign_log_entry_id=event["log_entry_id"] if event else None,
            signature_png=event["signature_png"] if event else None,
        )
    for table, columns in V3_COLUMNS.items():
        for row in records[table]:
            for column in columns:
                del row[column]
    for row in records["handover_item"]:
        row["material_left"] = row["kind"] == "training"
    document["format_version"] = 4
    return document


def test_a_letters_signature_becomes_one_event_once(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "v4.json"
    path.write_text(json.dumps(version_4(document), ensure_ascii=False), encoding="utf-8")
    first = import_bundle(other_ctx, path)
    again = import_bundle(other_ctx, path)
    assert first.inserted > 0 and (again.inserted, again.updated) == (0, 0)
    with other_ctx.db.unit_of_work() as session:
        project_id = project_id_by_code(session, document["records"]["project"][0]["code"])
    assert project_id is not None
    (letter,) = letters.list_letters(other_ctx, project_id)
    (event,) = letter.signatures
    assert event.id == signature_id_of(letter.id)
    assert (event.party, event.method, event.signer_name, event.signed_on.isoformat()) == (
        SignatureParty.CLIENT,
        SignMethod.ON_SCREEN,
        "王芳",
        "2026-03-02",
    )
    assert event.signature_png and event.recorded_by == ""
    training = handover.list_handover_entries(other_ctx, project_id).rows[0]
    assert training.material == () and training.owner == ""  # nothing can say which documents it was
