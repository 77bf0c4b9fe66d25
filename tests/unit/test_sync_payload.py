"""A group's payload digest (the chain of groups holds it) is the SHA-256 of its canonical JSON: the
server makes it from the text it stores (``store.sync_capture.canonical``), which must be the text
``domain.fingerprint.canonical_json`` gives for the same payload."""

from __future__ import annotations

from deliverydesk.domain.fingerprint import canonical_json, fingerprint
from deliverydesk.domain.sync import ChangeOp, payload_digest
from deliverydesk.services.sync.protocol import Change, Group
from deliverydesk.store.sync_capture import canonical


def test_the_digest_of_the_stored_text_is_the_canonical_payloads_digest() -> None:
    row = {
        "id": "c1",
        "name": '华东精密 \u00e9 "quoted" \\ tab\t',
        "budget": 1234.5,
        "active": True,
        "note": None,
    }
    changes = (
        Change("client", "c1", ChangeOp.CREATE, 0, row, {}),
        Change("project", "p1", ChangeOp.UPDATE, 3, None, {"effort": (1.0, 2.25), "code": ("A", "B-2")}),
    )
    group = Group("g1", "2026-03-16T09:30:00.000000Z", ("a" * 64,), ("k1",), changes, adopt=True, replica="r")
    payload = group.as_json()
    assert payload_digest(canonical(payload)) == fingerprint(canonical_json(payload))
