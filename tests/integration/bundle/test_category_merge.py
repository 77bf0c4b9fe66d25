"""Two laptops that each added a category of the same name: once both bundles are in one database,
the records of both link to one category, so the recurrence across their clients shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from deliverydesk.domain.drafts import CategoryDraft
from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories, issues
from deliverydesk.store.records import project_id_by_code


def _bundled_issue_category(other_ctx: ServiceContext, document: dict[str, Any]) -> str | None:
    with other_ctx.db.unit_of_work() as session:
        project_id = project_id_by_code(session, document["records"]["project"][0]["code"])
    assert project_id is not None
    return issues.list_issues(other_ctx, project_id).rows[0].category_id


def test_a_bundled_category_named_like_a_local_one_becomes_that_one(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    bundled = next(c for c in document["records"]["category"] if c["name_en"].startswith("Sensors"))
    local = categories.create_category(
        other_ctx, CategoryDraft(name_en=bundled["name_en"].upper(), name_zh="传感器(本机)")
    )
    path = tmp_path / "b.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    first = import_bundle(other_ctx, path)
    again = import_bundle(other_ctx, path)

    assert _bundled_issue_category(other_ctx, document) == local.id
    names = [c.name_en.casefold() for c in categories.list_categories(other_ctx, include_archived=True)]
    assert names.count(bundled["name_en"].casefold()) == 1
    assert first.inserted > 0 and (again.inserted, again.updated) == (0, 0)


def test_a_category_new_by_name_and_id_is_added(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    import_bundle(other_ctx, path)
    bundled = next(c for c in document["records"]["category"] if c["name_en"].startswith("Sensors"))
    assert _bundled_issue_category(other_ctx, document) == bundled["id"]
