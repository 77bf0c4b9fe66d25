"""Older bundle formats, converted to the current one before any check (a newer DeliveryDesk keeps
reading older bundles).

Version 1 had a free-text ``category`` on issues and change requests, no ``category`` or
``review_action`` records, no ``review.title`` and no ``change_request.issue_id``. Each category text
becomes a category of the shared taxonomy exactly as migration 0004 converts a database: a default
category when a name matches one, else one whose UUID is derived from its names, so importing the
same bundle twice (or a bundle of a migrated database) never duplicates a category.

Version 2 had no ``row_version`` (the per-row write counter of migration 0006): every record of an
older bundle is taken as its first version.

Version 3 had no ``non_working_day`` records, no ``external_ref`` on milestones and scope items and
no ``import_columns`` on the client (migration 0007): they become empty. Anything not shaped as
expected is left alone for the schema check to refuse."""

from __future__ import annotations

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
