"""Every project-page model passes qtmodeltester with demo rows; the Overview's meters warn at 80 %
and 100 % of the goodwill budget; the milestone history reads old, new, reason and change request."""

from __future__ import annotations

import re
from datetime import date

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision, ScopeCheck
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.pages.base import AREA_MILESTONES, AREA_OVERVIEW
from deliverydesk.gui.pages.project.change_requests import ChangeRequestModel, ChangeRequestsPage
from deliverydesk.gui.pages.project.expectations import ExpectationModel, ExpectationsPage
from deliverydesk.gui.pages.project.handover import HandoverModel, HandoverPage
from deliverydesk.gui.pages.project.issues import IssueModel, IssuesPage, ReviewModel
from deliverydesk.gui.pages.project.log import LogModel, LogPage
from deliverydesk.gui.pages.project.meters import level
from deliverydesk.gui.pages.project.milestones import HistoryModel, MilestoneModel, MilestonesPage
from deliverydesk.gui.pages.project.overview import ContactModel, OverviewPage
from deliverydesk.gui.pages.project.scope import ExclusionModel, ScopeModel, ScopePage
from deliverydesk.services.records.clients import list_contacts
from deliverydesk.services.records.milestones import list_milestone_changes
from deliverydesk.services.records.projects import get_project_by_code, list_projects
from deliverydesk.services.scope_guard.change_requests import create_change_request, list_change_requests
from tests.gui.project.conftest import Workbench, open_bench

SHOWCASE, HANDED_OVER = "DD-2026-014", "DD-2026-009"


def _check(qtmodeltester, model, rows) -> None:
    assert rows, f"the demo has rows for {type(model).__name__}"
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_every_model_passes_the_model_tester(qtmodeltester, demo_env: GuiEnv) -> None:
    ctx = demo_env.ctx
    showcase = get_project_by_code(ctx, SHOWCASE).id
    handed_over = get_project_by_code(ctx, HANDED_OVER).id
    scope = ScopePage.load(ctx, showcase)
    _check(qtmodeltester, ScopeModel(), scope.items)
    _check(qtmodeltester, ExclusionModel(), scope.exclusions)
    milestones = MilestonesPage.load(ctx, showcase).milestones
    _check(qtmodeltester, MilestoneModel(), milestones)
    changes = [c for m in milestones for c in list_milestone_changes(ctx, m.id)]
    _check(qtmodeltester, HistoryModel(), changes)
    _check(qtmodeltester, ExpectationModel(), ExpectationsPage.load(ctx, showcase).expectations)
    _check(qtmodeltester, ChangeRequestModel(), ChangeRequestsPage.load(ctx, showcase).requests)
    _check(qtmodeltester, LogModel(), LogPage.load(ctx, showcase).page.rows)
    issues = IssuesPage.load(ctx, showcase)
    _check(qtmodeltester, IssueModel(), issues.issues)
    _check(qtmodeltester, ReviewModel(), IssuesPage.load(ctx, handed_over).reviews)
    _check(qtmodeltester, HandoverModel(), HandoverPage.load(ctx, handed_over).entries)
    _check(qtmodeltester, ContactModel(), OverviewPage.load(ctx, showcase).contacts)


def test_history_rows_show_the_linked_change_request(qtbot, demo_env: GuiEnv) -> None:
    project = get_project_by_code(demo_env.ctx, SHOWCASE).id
    bench = open_bench(qtbot, demo_env, project)
    page = bench.page(AREA_MILESTONES)
    assert isinstance(page, MilestonesPage)
    moved = next(m for m in page.panel.records if list_milestone_changes(demo_env.ctx, m.id))
    page.show_record(moved.id)
    bench.idle()
    rows = [
        [page.history_model.index(r, c).data() for c in range(6)]
        for r in range(page.history_model.rowCount())
    ]
    stored = list_milestone_changes(demo_env.ctx, moved.id)
    assert len(rows) == len(stored)
    newest = stored[-1]
    assert rows[0][4] == (newest.change_request_ref or "") and rows[0][5] == newest.reason


@pytest.mark.parametrize(("hours", "expected"), [(5.0, "ok"), (8.0, "warn"), (10.0, "over"), (12.0, "over")])
def test_goodwill_meter_warns_at_80_and_100_percent(bench: Workbench, hours: float, expected: str) -> None:
    ctx = bench.env.ctx
    create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=bench.project_id,
            title="Extra report",
            requested_on=date(2026, 3, 10),
            effort_hours=hours,
            decision=Decision.APPROVED_GOODWILL,
            scope_check=ScopeCheck.OUT_OF_SCOPE,
        ),
    )
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    bench.workspace.refresh()
    bench.idle()
    assert page.goodwill_meter.level == expected  # the project's goodwill budget is 10 h
    assert page.meter_texts["goodwill"].text().startswith(f"{hours:.1f} h of 10.0 h")
    assert page.creep_meter.ratio == pytest.approx(hours / 200)
    assert "1" in page.meter_texts["decisions"].text()
    assert list_change_requests(ctx, bench.project_id).total == 1


def test_overview_of_a_new_project_explains_the_empty_meters(bench: Workbench) -> None:
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    assert page.facts["client"].text() == "Acme Foods"
    assert page.meter_texts["milestones"].text() == "No milestones yet"
    assert page.goodwill_meter.level == "ok" and level(None) == "none"


def _contact_names(page: OverviewPage) -> set[str]:
    model = page.contacts.model
    return {model.row_item(row).name for row in range(model.rowCount())}


def test_a_switch_shows_the_new_clients_contacts_and_a_failed_read_none(qtbot, demo_env: GuiEnv) -> None:
    """The Overview keeps the previous project's contacts until the new ones arrive (one reset per
    switch), so what it shows after a switch must be the new client's, and nothing after a failed read."""
    ctx = demo_env.ctx
    projects = list_projects(ctx).rows
    contacts = {
        p.id: {c.name for c in list_contacts(ctx, p.client_id, include_archived=True).rows} for p in projects
    }
    first = next(p for p in projects if contacts[p.id])
    second = next(p for p in projects if contacts[p.id] and contacts[p.id] != contacts[first.id])
    bench = open_bench(qtbot, demo_env, first.id)
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    assert _contact_names(page) == contacts[first.id]

    bench.workspace.set_project(second.id)
    bench.idle()
    assert _contact_names(page) == contacts[second.id]
    assert page.facts["client"].text() == second.client_name

    bench.workspace.set_project("no-such-project")
    bench.idle()
    assert _contact_names(page) == set() and page.facts["client"].text() == ""


@pytest.mark.parametrize(
    ("chinese", "phrase"),
    [(False, r"\d+ (on track|at risk|overdue|done)"), (True, r"\d+ 个(正常|有风险|已逾期|已完成)")],
)
def test_milestone_counts_read_as_whole_phrases(request, qtbot, demo_env: GuiEnv, chinese, phrase) -> None:
    """Each count is one translated phrase: Chinese needs its measure word ("3 个有风险"), which
    joining the number to the health's name ("3 有风险") left out."""
    if chinese:
        request.getfixturevalue("chinese_ui")
    bench = open_bench(qtbot, demo_env, get_project_by_code(demo_env.ctx, SHOWCASE).id)
    page = bench.page(AREA_OVERVIEW)
    assert isinstance(page, OverviewPage)
    parts = page.meter_texts["milestones"].text().split(" · ")
    assert len(parts) >= 2 and all(re.fullmatch(phrase, part) for part in parts), parts
