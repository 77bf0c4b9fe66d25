"""Older bundle formats, converted to the current one before any check (a newer DeliveryDesk keeps
reading older bundles): 1 -> 2 -> 3 -> 4 -> 5.

Version 1 had a free-text ``category`` on issues and change requests, no ``category`` or
``review_action`` records, no ``review.title`` and no ``change_request.issue_id``. Each category text
becomes a category of the shared taxonomy exactly as migration 0004 converts a database: a default
category when a name matches one, else one whose UUID is derived from its names, so importing the
same bundle twice (or a bundle of a migrated database) never duplicates a category.

Version 2 had no ``row_version`` (the per-row write counter of migration 0006): every record of an
older bundle is taken as its first version.

Version 3 had no ``non_working_day`` records, no ``external_ref`` on milestones and scope items and
no ``import_columns`` on the client (migration 0007): they become empty. Anything not shaped as
expected is left alone for the schema check to refuse.

Version 4 kept how a letter was signed on the letter itself (``signer_name``, ``signed_at``,
``sign_method``...) and had ``handover_item.material_left``. Each signed (or refused) letter's
columns become one client ``signature`` event exactly as migration 0008 converts a database (its UUID
derived from the letter's, so importing the same bundle twice never duplicates it; signed on = the
local day it was recorded); the handover links, the expectation's confirming letter and a change
request's refusal start empty.

Nor had versions up to 4, nor format 5 bundles written before migration 0012, a log entry's
``letter_id``, ``voided_at`` and ``void_reason``, a client's ``country`` or a contact's ``language``:
none, not voided, not known (the same format number: the lead consolidates formats at the release).
Nor did they, before migration 0014, say who issued a letter and on which machine, nor which letter a
translation translates (``issued_by``, ``issued_host``, ``translation_of_id``): issued by someone
unnamed, none a translation."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from deliverydesk.domain.taxonomy import SEEDED_AT, converted_category_id, default_for, split_names

OLDEST_READABLE = 1


def upgrade_document(document: dict[str, Any]) -> dict[str, Any]:
    """The document in the current format (the same object when it already is)."""
    if document.get("format_version") == 1 and isinstance(document.get("records"), dict):
        _from_version_1(document)
    if document.get("format_version") == 2 and isinstance(document.get("records"), dict):
        _from_version_2(document)
    if document.get("format_version") == 3 and isinstance(document.get("records"), dict):
        _from_version_3(document)
    if document.get("format_version") == 4 and isinstance(document.get("records"), dict):
        _from_version_4(document)
    if document.get("format_version") == 5 and isinstance(document.get("records"), dict):
        _columns_of_0012(document["records"])
        _columns_of_0014(document["records"])
    return document


def _from_version_1(document: dict[str, Any]) -> None:
    records: dict[str, Any] = document["records"]
    categories: dict[str, dict[str, Any]] = {}
    for table in ("issue", "change_request"):
        for row in _rows(records, table):
            text = row.pop("category", "")
            row["category_id"] = _category(categories, text, document.get("exported_at"))
            if table == "change_request":
                row.setdefault("issue_id", None)
    for row in _rows(records, "review"):
        row.setdefault("title", "")
    records.setdefault("category", sorted(categories.values(), key=lambda row: str(row["id"])))
    records.setdefault("review_action", [])
    document["format_version"] = 2


def _from_version_2(document: dict[str, Any]) -> None:
    for rows in document["records"].values():
        for row in rows if isinstance(rows, list) else ():
            if isinstance(row, dict):
                row.setdefault("row_version", 1)
    document["format_version"] = 3


def _from_version_3(document: dict[str, Any]) -> None:
    records: dict[str, Any] = document["records"]
    for table in ("milestone", "scope_item"):
        for row in _rows(records, table):
            row.setdefault("external_ref", "")
    for row in _rows(records, "client"):
        row.setdefault("import_columns", "")
    records.setdefault("non_working_day", [])
    document["format_version"] = 4


def _columns_of_0012(records: dict[str, Any]) -> None:
    """Columns migration 0012 added: older bundles (and format 5 ones written before it) lack them."""
    for row in _rows(records, "log_entry"):
        row.setdefault("letter_id", None)
        row.setdefault("voided_at", None)
        row.setdefault("void_reason", "")
    for row in _rows(records, "client"):
        row.setdefault("country", "")
    for row in _rows(records, "contact"):
        row.setdefault("language", None)


def _columns_of_0014(records: dict[str, Any]) -> None:
    """Columns migration 0014 added to letters: who issued one, where, and what it translates."""
    for row in _rows(records, "letter"):
        row.setdefault("issued_by", "")
        row.setdefault("issued_host", "")
        row.setdefault("translation_of_id", None)


def _rows(records: dict[str, Any], table: str) -> list[dict[str, Any]]:
    rows = records.get(table)
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _category(found: dict[str, dict[str, Any]], text: Any, exported_at: Any) -> Any:
    """The category id for one old text (None when empty); its record is added to ``found`` once."""
    if not isinstance(text, str):
        return text  # not text: left for the schema check to refuse
    if not text.strip():
        return None
    name_en, name_zh = split_names(text)
    category_id = converted_category_id(name_en, name_zh)
    if category_id not in found:
        seed = default_for(name_en, name_zh)
        stamp = SEEDED_AT.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if seed else exported_at
        found[category_id] = {
            "id": category_id,
            "name_en": seed.name_en if seed else name_en,
            "name_zh": seed.name_zh if seed else name_zh,
            "description": "",
            "created_at": stamp,
            "updated_at": stamp,
            "archived_at": None,
        }
    return category_id


_SIGNATURE_NAMESPACE = uuid.UUID("2f3b1c9a-6d54-4a8e-9f0e-5b7c2d1e8a40")
_LETTER_SIGN_COLUMNS = (
    "signer_name",
    "signer_title",
    "signed_at",
    "sign_place",
    "sign_method",
    "sign_note",
    "sign_log_entry_id",
    "signature_png",
)


def _local_day(moment: Any) -> Any:
    """The local day of an ISO date and time, as migration 0008 takes it (else left for the check)."""
    try:
        return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone().date().isoformat()
    except (AttributeError, TypeError, ValueError):
        return moment


def signature_id_of(letter_id: str) -> str:
    """The UUID of the signature event a version 4 letter's own signer columns become."""
    return str(uuid.uuid5(_SIGNATURE_NAMESPACE, f"letter:{letter_id}"))


def _from_version_4(document: dict[str, Any]) -> None:
    records: dict[str, Any] = document["records"]
    signatures = [event for row in _rows(records, "letter") if (event := _signature(row)) is not None]
    records.setdefault("signature", sorted(signatures, key=lambda row: str(row["id"])))
    for row in _rows(records, "letter"):
        for column in _LETTER_SIGN_COLUMNS:
            row.pop(column, None)
    for row in _rows(records, "handover_item"):
        row.pop("material_left", None)
        row.setdefault("training_id", None)
        row.setdefault("scope_item_id", None)
        row.setdefault("owner", "")
        row.setdefault("issue_id", None)
    for row in _rows(records, "expectation"):
        row.setdefault("confirmed_by_letter_id", None)
    for row in _rows(records, "change_request"):
        row.setdefault("refused_by", "")
        row.setdefault("refused_on", None)
        row.setdefault("refusal_reason", "")
    document["format_version"] = 5


def _signature(letter: dict[str, Any]) -> dict[str, Any] | None:
    """The client signature event of a version 4 letter (None when it was never signed or refused)."""
    method = letter.get("sign_method")
    if not isinstance(method, str) or not isinstance(letter.get("id"), str):
        return None
    recorded = letter.get("signed_at") or letter.get("created_at")
    day = _local_day(recorded)
    return {
        "id": signature_id_of(letter["id"]),
        "project_id": letter.get("project_id"),
        "letter_id": letter["id"],
        "party": "client",
        "method": method,
        "signer_name": letter.get("signer_name", ""),
        "signer_title": letter.get("signer_title", ""),
        "contact_id": None,
        "signed_on": day,
        "place": letter.get("sign_place", ""),
        "recorded_at": recorded,
        "recorded_by": "",
        "note": letter.get("sign_note", ""),
        "log_entry_id": letter.get("sign_log_entry_id") if method == "by_email" else None,
        "attachment_id": None,
        "signature_png": letter.get("signature_png") if method == "on_screen" else None,
        "created_at": recorded,
        "updated_at": recorded,
        "archived_at": None,
        "row_version": 1,
    }
