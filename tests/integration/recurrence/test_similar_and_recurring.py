"""Similar issues at other clients, and problems or extra asks recurring at N distinct clients, on a
migrated database (archived records and projects left out)."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.domain.recurrence import TrendDirection
from deliverydesk.errors import NotFoundError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.learning.recurrence import recurring_problems, similar_issues
from deliverydesk.services.records.issues import archive_issue
from deliverydesk.services.records.projects import archive_project
from tests.integration.recurrence.conftest import TODAY, ask, category, client, issue, project

SINCE, UNTIL = date(2025, 10, 1), date(2025, 12, 31)  # 92 days, halves split on 16 November
NEW_TITLE = "数据迁移后客户编码重复"


def test_similar_issues_come_from_other_clients_only_with_their_resolution(ctx: ServiceContext) -> None:
    home = client(ctx, "华东精密")
    here = project(ctx, home, "DD-1")
    same_client_other_project = project(ctx, home, "DD-2")
    issue(ctx, same_client_other_project, NEW_TITLE)  # the same client: not "another client"
    elsewhere = project(ctx, client(ctx, "北方物流"), "DD-3")
    found_id = issue(
        ctx,
        elsewhere,
        "迁移数据时客户编码出现重复",
        on=date(2026, 3, 2),
        root_cause="导入脚本没有按编码去重",
        resolution="按编码去重后重新导入",
        resolved_on=date(2026, 3, 10),
    )
    issue(ctx, project(ctx, client(ctx, "Acme"), "DD-4"), "打印机驱动无法安装")  # unrelated
    archived = issue(ctx, project(ctx, client(ctx, "Gone Ltd"), "DD-5"), NEW_TITLE)
    archive_issue(ctx, archived)
    in_archived_project = project(ctx, client(ctx, "Old Co"), "DD-6")
    issue(ctx, in_archived_project, NEW_TITLE)
    archive_project(ctx, in_archived_project)

    found = similar_issues(ctx, project_id=here, title=NEW_TITLE)

    assert [f.issue_id for f in found] == [found_id]
    [hit] = found
    assert (hit.client_name, hit.project_code, hit.ref) == ("北方物流", "DD-3", "I-1")
    assert (hit.resolution, hit.root_cause, hit.resolved_on) == (
        "按编码去重后重新导入",
        "导入脚本没有按编码去重",
        date(2026, 3, 10),
    )
    assert hit.project_id == elsewhere and not hit.same_category and hit.score > 0.35


def test_the_category_brings_in_a_weaker_text_match_and_ranks_it(ctx: ServiceContext) -> None:
    scanners = category(ctx, "Barcode scanners", "扫码设备")
    here = project(ctx, client(ctx, "A"), "DD-1")
    weak = issue(ctx, project(ctx, client(ctx, "B"), "DD-2"), "扫码枪驱动版本旧", category_id=scanners)
    strong = issue(ctx, project(ctx, client(ctx, "C"), "DD-3"), "扫码枪偶尔无响应")
    without = similar_issues(ctx, project_id=here, title="扫码枪偶尔无响应")
    assert [f.issue_id for f in without] == [strong]
    with_category = similar_issues(ctx, project_id=here, title="扫码枪偶尔无响应", category_id=scanners)
    assert [f.issue_id for f in with_category] == [strong, weak]
    assert with_category[1].same_category and with_category[1].category_name(Language.ZH_CN) == "扫码设备"
    assert similar_issues(ctx, project_id=here, title="扫码枪偶尔无响应", limit=1)[0].issue_id == strong


def test_nothing_to_compare_and_an_unknown_project(ctx: ServiceContext) -> None:
    here = project(ctx, client(ctx, "A"), "DD-1")
    issue(ctx, project(ctx, client(ctx, "B"), "DD-2"), "Anything")
    assert similar_issues(ctx, project_id=here, title="  ") == []
    with pytest.raises(NotFoundError):
        similar_issues(ctx, project_id="no-such-project", title="Anything")


def _three_clients(ctx: ServiceContext, category_id: str) -> dict[str, str]:
    """Client A with two projects, B and C with one: four projects, three clients."""
    a, b, c = client(ctx, "Alpha"), client(ctx, "Beta"), client(ctx, "Gamma")
    return {
        "A1": project(ctx, a, "DD-A1"),
        "A2": project(ctx, a, "DD-A2"),
        "B": project(ctx, b, "DD-B"),
        "C": project(ctx, c, "DD-C"),
    }


def test_a_category_at_three_distinct_clients_recurs_with_its_projects_and_records(
    ctx: ServiceContext,
) -> None:
    migration = category(ctx, "Data migration", "数据迁移")
    projects = _three_clients(ctx, migration)
    ids = [
        issue(ctx, projects["A1"], "Duplicate codes", on=SINCE, category_id=migration),  # first day
        issue(ctx, projects["A2"], "Codes again", on=date(2025, 11, 1), category_id=migration),
        issue(ctx, projects["B"], "Codes at B", on=date(2025, 12, 1), category_id=migration),
    ]
    assert recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=3) == []  # A twice
    ids.append(issue(ctx, projects["C"], "Codes at C", on=UNTIL, category_id=migration))  # last day
    [row] = recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=3)
    assert (row.category_id, row.category_name(Language.EN), row.client_count) == (
        migration,
        "Data migration",
        3,
    )
    assert [c.name for c in row.clients] == ["Alpha", "Beta", "Gamma"]
    assert [p.code for p in row.projects] == ["DD-A1", "DD-A2", "DD-B", "DD-C"]
    assert [o.record_id for o in row.occurrences] == ids
    assert [o.ref for o in row.occurrences] == ["I-1", "I-1", "I-1", "I-1"]
    assert (row.trend.first_half, row.trend.second_half) == (2, 2)
    assert row.trend.direction is TrendDirection.STEADY
    assert recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=4) == []


def test_outside_the_period_archived_and_uncategorised_issues_do_not_count(ctx: ServiceContext) -> None:
    migration = category(ctx, "Data migration", "数据迁移")
    projects = _three_clients(ctx, migration)
    issue(ctx, projects["A1"], "in", on=SINCE, category_id=migration)
    issue(ctx, projects["B"], "in", on=UNTIL, category_id=migration)
    issue(ctx, projects["C"], "the day before", on=date(2025, 9, 30), category_id=migration)
    issue(ctx, projects["C"], "the day after", on=date(2026, 1, 1), category_id=migration)
    issue(ctx, projects["C"], "no category", on=date(2025, 11, 1))
    archive_issue(ctx, issue(ctx, projects["C"], "archived", on=date(2025, 11, 1), category_id=migration))
    assert recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=3) == []
    [row] = recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=2)
    assert row.client_count == 2
    late = recurring_problems(ctx, kind="issues", since=SINCE, until=date(2026, 1, 1), min_clients=3)
    assert [r.client_count for r in late] == [3]  # moving the end by a day takes "the day after" in


def test_extra_asks_recur_by_request_date_separately_from_issues(ctx: ServiceContext) -> None:
    reports = category(ctx, "Extra reports", "额外报表")
    projects = _three_clients(ctx, reports)
    for key, day in (("A1", date(2025, 10, 5)), ("B", date(2025, 12, 20)), ("C", date(2025, 12, 25))):
        ask(ctx, projects[key], "One more report", on=day, category_id=reports)
    issue(ctx, projects["A1"], "An issue of that category", on=TODAY, category_id=reports)
    [row] = recurring_problems(ctx, kind="asks", since=SINCE, until=UNTIL, min_clients=3)
    assert [o.ref for o in row.occurrences] == ["CR-1", "CR-1", "CR-1"]
    assert (row.trend.first_half, row.trend.second_half, row.trend.direction) == (1, 2, TrendDirection.STEADY)
    assert recurring_problems(ctx, kind="issues", since=SINCE, until=UNTIL, min_clients=2) == []


def test_a_backwards_period_is_refused_in_plain_words(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as refused:
        recurring_problems(ctx, kind="issues", since=UNTIL, until=SINCE)
    assert "ends before it starts" in str(refused.value.fields["until"])
