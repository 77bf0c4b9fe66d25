"""A version 2 bundle (before ``row_version``) is read as the first version of each of its rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import projects


def test_rows_of_a_version_2_bundle_are_imported_as_version_1(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    for rows in document["records"].values():
        for row in rows:
            del row["row_version"]
    document["format_version"] = 2
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    result = import_bundle(other_ctx, path)

    assert result.inserted > 0
    project = projects.get_project_by_code(other_ctx, document["records"]["project"][0]["code"])
    assert project.row_version == 1
