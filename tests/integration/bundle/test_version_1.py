"""A version 1 bundle (free-text categories, no follow-up actions) is converted on import: category
texts become categories of the taxonomy (a default when a name matches), and importing it again
duplicates nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.domain.taxonomy import DEFAULT_TAXONOMY
from deliverydesk.errors import BundleError
from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories, issues
from deliverydesk.services.reviews import butterfly as reviews
from deliverydesk.services.scope_guard import change_requests
from deliverydesk.store.records import project_id_by_code

MIGRATION_ID = next(c.id for c in DEFAULT_TAXONOMY if c.name_en == "Data migration")


def version_1(document: dict[str, Any], issue_text: Any, request_text: Any) -> dict[str, Any]:
    """The sample bundle as DeliveryDesk wrote it before the taxonomy."""
    records = document["records"]
    del records["category"], records["review_action"]
    for row in records["review"]:
        del row["title"]
    for row in records["issue"]:
        del row["category_id"]
        row["category"] = issue_text
    for row in records["change_request"]:
        del row["category_id"], row["issue_id"]
        row["category"] = request_text
    document["format_version"] = 1
    return document


def write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_category_texts_become_categories_once(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = write(tmp_path, version_1(document, " 传感器 / Sensors ", "数据迁移/data MIGRATION"))
    before = len(categories.list_categories(other_ctx))

    first = import_bundle(other_ctx, path)
    again = import_bundle(other_ctx, path)

    with other_ctx.db.unit_of_work() as session:
        project_id = project_id_by_code(session, document["records"]["project"][0]["code"])
    assert project_id is not None
    issue = issues.list_issues(other_ctx, project_id).rows[0]
    request = change_requests.list_change_requests(other_ctx, project_id).rows[0]
    assert issue.category is not None and (issue.category.name_en, issue.category.name_zh) == (
        "Sensors",
        "传感器",
    )
    assert request.category_id == MIGRATION_ID  # the default, not a second "data migration"
    assert request.issue_id is None
    assert len(categories.list_categories(other_ctx)) == before + 1
    assert [r.title for r in reviews.list_reviews(other_ctx, project_id).rows] == [""]
    assert first.inserted > 0 and (again.inserted, again.updated) == (0, 0)


def test_empty_texts_link_no_category(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    before = len(categories.list_categories(other_ctx))
    import_bundle(other_ctx, write(tmp_path, version_1(document, "", "  ")))
    assert len(categories.list_categories(other_ctx)) == before


def test_a_category_that_is_not_text_is_refused(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    with pytest.raises(BundleError, match="Nothing was imported"):
        import_bundle(other_ctx, write(tmp_path, version_1(document, ["not", "text"], "")))
