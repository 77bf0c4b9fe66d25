"""The shared category taxonomy: bilingual names required and unique without case among live ones,
archive / restore, links from issues and change requests of any project, usage counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deliverydesk.domain.drafts import (
    CategoryDraft,
    ChangeRequestDraft,
    ClientDraft,
    IssueDraft,
    ProjectDraft,
)
from deliverydesk.domain.enums import Language
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import categories, clients, issues, projects
from deliverydesk.services.scope_guard import change_requests
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()
DEFAULTS = {
    "Data migration": "数据迁移",
    "Site network": "现场网络",
    "Accounts and permissions": "权限与账号",
    "Integration interfaces": "集成接口",
    "Training and documentation": "培训与文档",
    "Performance": "性能",
    "Requirements understanding": "需求理解",
    "Hardware and environment": "硬件与环境",
    "Reports and dashboards": "报表与看板",
}


def project(ctx: ServiceContext, code: str) -> str:
    client = clients.create_client(ctx, ClientDraft(name=f"Client of {code}")).id
    return projects.create_project(ctx, ProjectDraft(code=code, name=code, client_id=client)).id


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def test_every_database_starts_with_the_default_bilingual_taxonomy(ctx: ServiceContext) -> None:
    listed = categories.list_categories(ctx)
    assert {c.name_en: c.name_zh for c in listed} == DEFAULTS
    migration = next(c for c in listed if c.name_en == "Data migration")
    assert (migration.label(Language.ZH_CN), migration.label(Language.EN)) == ("数据迁移", "Data migration")
    assert migration.id == "3e3bd0a4-e755-5b46-96b7-70fe676328cc"  # the same UUID in every database


def test_create_update_and_hostile_names_stored_literally(ctx: ServiceContext) -> None:
    hostile = "<b>x</b> '; DROP TABLE category; -- 𠮷 ✗ RTL"
    made = categories.create_category(
        ctx, CategoryDraft(name_en=f"  {hostile}  ", name_zh="传感器", description=" drift ")
    )
    assert (made.name_en, made.name_zh, made.description) == (hostile, "传感器", "drift")
    renamed = categories.update_category(ctx, CategoryDraft(id=made.id, name_en="Sensors", name_zh="传感器"))
    assert categories.get_category(ctx, made.id) == renamed and renamed.name_en == "Sensors"


@pytest.mark.parametrize(
    ("name_en", "name_zh", "wrong"),
    [
        ("", "传感器", {"name_en"}),
        ("Sensors", "  ", {"name_zh"}),
        ("DATA MIGRATION", "新类别", {"name_en"}),  # taken, whatever the case
        ("New one", "性能", {"name_zh"}),
        ("performance", "数据迁移", {"name_en", "name_zh"}),  # every wrong field at once
        ("x" * 101, "传感器", {"name_en"}),
    ],
)
def test_names_are_required_and_unique_without_case(
    ctx: ServiceContext, name_en: str, name_zh: str, wrong: set[str]
) -> None:
    with pytest.raises(ValidationError) as refused:
        categories.create_category(ctx, CategoryDraft(name_en=name_en, name_zh=name_zh))
    assert set(refused.value.fields) == wrong


def test_renaming_keeps_its_own_name_and_refuses_another(ctx: ServiceContext) -> None:
    made = categories.create_category(ctx, CategoryDraft(name_en="Sensors", name_zh="传感器"))
    same = categories.update_category(ctx, CategoryDraft(id=made.id, name_en="SENSORS", name_zh="传感器"))
    assert same.name_en == "SENSORS"
    with pytest.raises(ValidationError) as refused:
        categories.update_category(ctx, CategoryDraft(id=made.id, name_en="Performance", name_zh="传感器"))
    assert "already exists" in str(refused.value.fields["name_en"])


def test_an_archived_name_is_free_again_and_restore_refuses_a_clash(ctx: ServiceContext) -> None:
    made = categories.create_category(ctx, CategoryDraft(name_en="Sensors", name_zh="传感器"))
    categories.archive_category(ctx, made.id)
    assert made.id not in {c.id for c in categories.list_categories(ctx)}
    assert made.id in {c.id for c in categories.list_categories(ctx, include_archived=True)}
    with pytest.raises(RuleError, match="archived"):
        categories.update_category(ctx, CategoryDraft(id=made.id, name_en="S", name_zh="S"))
    newer = categories.create_category(ctx, CategoryDraft(name_en="sensors", name_zh="传感器 2"))
    with pytest.raises(ValidationError):
        categories.restore_category(ctx, made.id)
    categories.archive_category(ctx, newer.id)
    assert categories.restore_category(ctx, made.id).archived_at is None


def test_unknown_category_is_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError, match="category"):
        categories.get_category(ctx, "00000000-0000-4000-8000-000000000000")


def test_issues_and_requests_of_any_project_link_one_category_and_count_it(ctx: ServiceContext) -> None:
    first, second = project(ctx, "DD-1"), project(ctx, "DD-2")
    sensors = categories.create_category(ctx, CategoryDraft(name_en="Sensors", name_zh="传感器"))
    issue = issues.create_issue(
        ctx, IssueDraft(project_id=first, title="Drift", reported_on=day(-2), category_id=sensors.id)
    )
    issues.create_issue(
        ctx, IssueDraft(project_id=second, title="噪声", reported_on=day(-1), category_id=sensors.id)
    )
    ask = change_requests.create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=second,
            title="More sensors",
            requested_on=day(0),
            category_id=sensors.id,
            issue_id=None,
        ),
    )
    assert issue.category is not None and issue.category.label(Language.ZH_CN) == "传感器"
    assert ask.category is not None and ask.category.name_en == "Sensors"
    usage = categories.category_usage(ctx)[sensors.id]
    assert (usage.issue_count, usage.change_request_count, usage.in_use) == (2, 1, True)
    issues.archive_issue(ctx, issue.id)
    assert categories.category_usage(ctx)[sensors.id].issue_count == 1  # live records only
    categories.update_category(
        ctx, CategoryDraft(id=sensors.id, name_en="Sensors and probes", name_zh="传感器")
    )
    assert change_requests.get_change_request(ctx, ask.id).category.name_en == "Sensors and probes"  # type: ignore[union-attr]


def test_a_link_must_be_a_live_category_unless_it_was_already_there(ctx: ServiceContext) -> None:
    pid = project(ctx, "DD-1")
    sensors = categories.create_category(ctx, CategoryDraft(name_en="Sensors", name_zh="传感器"))
    draft = IssueDraft(project_id=pid, title="Drift", reported_on=day(-2), category_id=sensors.id)
    issue = issues.create_issue(ctx, draft)
    categories.archive_category(ctx, sensors.id)
    kept = issues.update_issue(ctx, replace(draft, id=issue.id, title="Drift again"))
    assert kept.category_id == sensors.id and kept.category is not None  # archived, still shown
    with pytest.raises(ValidationError) as archived:
        issues.create_issue(ctx, draft)
    assert "archived" in str(archived.value.fields["category_id"])
    with pytest.raises(ValidationError) as unknown:
        issues.create_issue(ctx, replace(draft, category_id="00000000-0000-4000-8000-000000000000"))
    assert "category_id" in unknown.value.fields


def test_a_change_request_arises_from_an_issue_of_its_own_project(ctx: ServiceContext) -> None:
    first, second = project(ctx, "DD-1"), project(ctx, "DD-2")
    issue = issues.create_issue(ctx, IssueDraft(project_id=first, title="Slow reports", reported_on=day(-3)))
    draft = ChangeRequestDraft(
        project_id=first, title="Faster reports", requested_on=day(0), issue_id=issue.id
    )
    assert change_requests.create_change_request(ctx, draft).issue_id == issue.id
    with pytest.raises(ValidationError) as foreign:
        change_requests.create_change_request(ctx, replace(draft, project_id=second))
    assert "issue_id" in foreign.value.fields
