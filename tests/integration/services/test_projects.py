"""Projects and the navigator list: filtering, literal search, paging, next milestone and markers."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.domain.drafts import (
    ChangeRequestDraft,
    ClientDraft,
    MilestoneDraft,
    ProjectDraft,
    draft_from,
)
from deliverydesk.domain.enums import Decision, MilestoneStatus, ProjectStatus
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import clients, milestones, projects
from deliverydesk.services.scope_guard import change_requests
from tests.integration.services.conftest import day, make_client, make_project


@pytest.fixture
def navigator(ctx: ServiceContext) -> dict[str, str]:
    """Four projects at three clients, names in Chinese and English, wildcards in some."""
    hdpm, _, _ = make_client(ctx, "华东精密制造有限公司")
    nordwerk = clients.create_client(ctx, ClientDraft(name="Nordwerk Maschinenbau GmbH")).id
    pacific = clients.create_client(ctx, ClientDraft(name="Pacific Foods Ltd.")).id
    return {
        "mes": make_project(ctx, hdpm, "DD-2026-014", name="MES 二期上线"),
        "vision": make_project(ctx, nordwerk, "DD-2026-009", name="Line 3 vision 100% inspection"),
        "wms": make_project(ctx, pacific, "DD-2026-021", name="Cold_chain WMS", status=ProjectStatus.ON_HOLD),
        "smt": make_project(ctx, hdpm, "DD-2026-027", name="SMT 数据采集", status=ProjectStatus.PLANNING),
    }


def codes(ctx: ServiceContext, **filters: object) -> list[str]:
    return [p.code for p in projects.list_projects(ctx, **filters).rows]  # type: ignore[arg-type]


def test_project_crud_round_trip(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    project_id = make_project(ctx, client_id, "dd-2026-099", summary_rrule="FREQ=WEEKLY;BYDAY=FR")
    item = projects.get_project(ctx, project_id)
    assert item.code == "DD-2026-099" and item.client_name == "华东精密制造有限公司"
    draft = draft_from(ProjectDraft, item, name="Renamed")
    assert projects.update_project(ctx, draft).name == "Renamed"
    assert projects.get_project_by_code(ctx, " dd-2026-099 ").id == project_id
    assert projects.archive_project(ctx, project_id).archived
    assert codes(ctx) == [] and codes(ctx, include_archived=True) == ["DD-2026-099"]
    with pytest.raises(RuleError):
        projects.update_project(ctx, draft)
    assert not projects.restore_project(ctx, project_id).archived


def test_project_codes_are_unique_regardless_of_case(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    first = make_project(ctx, client_id, "DD-2026-014")
    projects.archive_project(ctx, first)
    with pytest.raises(ValidationError) as raised:
        make_project(ctx, client_id, "dd-2026-014")
    assert "already used" in str(raised.value.fields["code"])


def test_project_needs_an_existing_client(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        make_project(ctx, "missing-client")
    with pytest.raises(NotFoundError):
        projects.get_project_by_code(ctx, "DD-0000-000")


def test_search_matches_code_name_and_client_in_both_languages(
    ctx: ServiceContext, navigator: dict[str, str]
) -> None:
    assert codes(ctx, text="精密") == ["DD-2026-014", "DD-2026-027"]  # client name
    assert codes(ctx, text="数据采集") == ["DD-2026-027"]  # project name
    assert codes(ctx, text="nordwerk") == ["DD-2026-009"]  # case-insensitive English
    assert codes(ctx, text="2026-02") == ["DD-2026-021", "DD-2026-027"]  # code
    assert codes(ctx, text="  ") == ["DD-2026-009", "DD-2026-014", "DD-2026-021", "DD-2026-027"]


def test_wildcards_in_search_are_literal(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    assert codes(ctx, text="%") == ["DD-2026-009"]
    assert codes(ctx, text="100%") == ["DD-2026-009"]
    assert codes(ctx, text="_") == ["DD-2026-021"]
    assert codes(ctx, text="\\") == []


def test_sql_in_search_is_just_text(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    assert codes(ctx, text="' OR 1=1 --") == []
    assert codes(ctx, text="'; DROP TABLE project; --") == []
    assert len(codes(ctx)) == 4


def test_filters_by_status_and_client(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    assert codes(ctx, status=ProjectStatus.ON_HOLD) == ["DD-2026-021"]
    mes = projects.get_project(ctx, navigator["mes"])
    assert codes(ctx, client_id=mes.client_id) == ["DD-2026-014", "DD-2026-027"]
    assert codes(ctx, client_id=mes.client_id, status=ProjectStatus.PLANNING, text="SMT") == ["DD-2026-027"]


def test_sorting(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    assert codes(ctx, sort="code", descending=True)[0] == "DD-2026-027"
    assert [p.client_name for p in projects.list_projects(ctx, sort="client").rows][
        -1
    ] == "华东精密制造有限公司"
    with pytest.raises(ValidationError) as raised:
        projects.list_projects(ctx, sort="code; DROP TABLE project")
    assert "sort" in raised.value.fields


def test_paging_bounds(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    first = projects.list_projects(ctx, offset=0, limit=3)
    assert (len(first.rows), first.total, first.has_more) == (3, 4, True)
    last = projects.list_projects(ctx, offset=3, limit=3)
    assert [p.code for p in last.rows] == ["DD-2026-027"] and not last.has_more
    beyond = projects.list_projects(ctx, offset=10, limit=3)
    assert beyond.rows == () and beyond.total == 4
    assert projects.list_projects(ctx, limit=10**6).limit == 1000
    for bad in ({"offset": -1}, {"limit": 0}):
        with pytest.raises(ValidationError) as raised:
            projects.list_projects(ctx, **bad)  # type: ignore[arg-type]
        assert set(raised.value.fields) == set(bad)


def test_navigator_row_has_next_milestone_slip_and_markers(
    ctx: ServiceContext, navigator: dict[str, str]
) -> None:
    mes = navigator["mes"]

    def add(name: str, baseline: int, **extra: object) -> None:
        milestones.create_milestone(
            ctx, MilestoneDraft(project_id=mes, name=name, baseline_date=day(baseline), **extra)
        )  # type: ignore[arg-type]

    add("Kick-off", -20, actual_date=day(-20), status=MilestoneStatus.ACCEPTED)
    add("FAT", -3)  # overdue
    add("SAT", 10, forecast_date=day(17), status=MilestoneStatus.WAITING_ON_CLIENT)
    add("Go-live", 30)
    for decision in (Decision.PENDING, Decision.PENDING_APPROVAL, Decision.DECLINED):
        draft = ChangeRequestDraft(project_id=mes, title="ask", requested_on=day(-1), decision=decision)
        change_requests.create_change_request(ctx, draft)
    row = next(p for p in projects.list_projects(ctx).rows if p.id == mes)
    assert (row.next_milestone_name, row.next_milestone_date, row.slip_days) == ("FAT", day(-3), 0)
    assert (row.overdue_milestones, row.waiting_on_client, row.pending_decisions) == (1, 1, 2)
    assert row.needs_attention
    quiet = next(p for p in projects.list_projects(ctx).rows if p.id == navigator["smt"])
    assert quiet.next_milestone_name is None and quiet.slip_days is None and not quiet.needs_attention


def test_navigator_slip_uses_the_project_calendar(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    cn = make_project(ctx, client_id, "CN-1", holiday_calendar="CN")
    plain = make_project(ctx, client_id, "NONE-1", holiday_calendar="")
    for project_id in (cn, plain):  # Fri 13 Feb 2026 -> Tue 24 Feb 2026, across Spring Festival
        milestones.create_milestone(
            ctx,
            MilestoneDraft(
                project_id=project_id,
                name="FAT",
                baseline_date=date(2026, 2, 13),
                forecast_date=date(2026, 2, 24),
            ),
        )
    slips = {p.code: p.slip_days for p in projects.list_projects(ctx).rows}
    assert slips == {"CN-1": 2, "NONE-1": 7}  # CN: only the make-up Saturday 14 Feb and Tue 24 Feb


def test_sort_by_next_milestone_and_attention(ctx: ServiceContext, navigator: dict[str, str]) -> None:
    def add(key: str, baseline: int) -> None:
        draft = MilestoneDraft(
            project_id=navigator[key], name=f"{key} milestone", baseline_date=day(baseline)
        )
        milestones.create_milestone(ctx, draft)

    add("wms", 3)
    add("mes", 10)
    add("vision", -1)  # overdue
    add("vision", -2)  # overdue
    pending = ChangeRequestDraft(project_id=navigator["mes"], title="ask", requested_on=day(-1))
    change_requests.create_change_request(ctx, pending)
    by_date = codes(ctx, sort="next_milestone")
    assert by_date == ["DD-2026-009", "DD-2026-021", "DD-2026-014", "DD-2026-027"]  # none last
    assert codes(ctx, sort="next_milestone", descending=True)[-1] == "DD-2026-027"
    assert codes(ctx, sort="attention", descending=True)[:2] == ["DD-2026-009", "DD-2026-014"]
    page = projects.list_projects(ctx, sort="next_milestone", offset=1, limit=2)
    assert [p.code for p in page.rows] == by_date[1:3]
