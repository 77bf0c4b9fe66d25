"""A version 3 bundle (before interchange: no extra non-working days, no ``external_ref``, no
``import_columns``; before letters said who issued them, where, and which version they translate) is
converted on import: the new fields come out empty, nothing else changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deliverydesk.services.bundle.schema import FORMAT_VERSION
from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents import letters
from deliverydesk.services.records import projects
from deliverydesk.store.tables import ClientRow, MilestoneRow, ScopeItemRow
from tests.integration.bundle.test_version_4 import version_4


def version_3(document: dict[str, Any]) -> dict[str, Any]:
    records = version_4(document)["records"]
    del records["non_working_day"]
    for table in ("milestone", "scope_item"):
        for row in records[table]:
            del row["external_ref"]
    for row in records["client"]:
        del row["import_columns"]
    for row in records["letter"]:
        for column in ("issued_by", "issued_host", "translation_of_id"):
            del row[column]
    document["format_version"] = 3
    return document


def test_a_version_3_bundle_imports_with_empty_new_fields(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    assert document["format_version"] == FORMAT_VERSION and "non_working_day" in document["records"]
    milestones = len(document["records"]["milestone"])
    path = tmp_path / "v3.json"
    path.write_text(json.dumps(version_3(document), ensure_ascii=False), encoding="utf-8")

    summary = import_bundle(other_ctx, path)

    assert summary.inserted > 0
    with other_ctx.db.unit_of_work() as session:
        refs = [row.external_ref for row in session.query(MilestoneRow)]
        refs += [row.external_ref for row in session.query(ScopeItemRow)]
        columns = [row.import_columns for row in session.query(ClientRow)]
    assert len(refs) >= milestones > 0 and set(refs) == {""}
    assert columns == [""]
    project = projects.get_project_by_code(other_ctx, document["records"]["project"][0]["code"])
    imported = letters.list_letters(other_ctx, project.id)
    assert imported and all(item.translation_of_id is None and item.issued_by == "" for item in imported)
