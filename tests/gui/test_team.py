"""The team server in the window: background sync and its status, the conflicts view (mine, theirs,
base; keep mine / keep theirs / edit), the manager's approval inbox, Settings ▸ Team server with the
roster from the server — against an in-process server, never blocking the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from
from deliverydesk.domain.enums import Decision, ScopeCheck
from deliverydesk.domain.sync import Role
from deliverydesk.gui.dialogs.settings import TEAM_TAB, SettingsDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from deliverydesk.gui.pages.home import HomePage
from deliverydesk.gui.team.approvals import ApprovalInboxDialog
from deliverydesk.gui.team.conflicts import SyncConflictsDialog
from deliverydesk.gui.team.server_dialog import TeamServerDialog
from deliverydesk.services.records.people import get_you
from deliverydesk.services.records.settings import get_settings
from deliverydesk.services.scope_guard import (
    DecisionRequest,
    ImpactDraft,
    approve_change_request,
    assess_impact,
    decide_change_request,
)
from deliverydesk.services.scope_guard.change_requests import (
    create_change_request,
    get_change_request,
    update_change_request,
)
from deliverydesk.services.sync import admin
from deliverydesk.services.sync.client import join_team, list_conflicts, sync_now, sync_status
from deliverydesk.services.sync.transport import HttpTransport
from tests.integration.services.conftest import make_client, make_project
from tests.integration.sync.team import SERVER_URL, Laptop, Team, make_team, migrated_file

pytestmark = pytest.mark.sync
ON = date(2026, 3, 10)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_file(tmp_path_factory.mktemp("gui-team") / "laptop.db")


@pytest.fixture
def team(tmp_path: Path, template: Path) -> Iterator[Team]:
    folder = tmp_path / "server"
    folder.mkdir()
    with make_team(folder, template) as made:
        made.add_user("li.na", Role.ENGINEER)
        made.add_user("maria", Role.MANAGER, hours_per_change=500.0, cost_cents_per_change=10**8)
        for user in ("li.na", "maria"):
            admin.grant(made.ctx, user, None)
        yield made


def team_env(make_env, team: Team, user: str, device: str) -> GuiEnv:
    env = make_env()
    token = team.token(user, device)

    def factory() -> HttpTransport:
        return HttpTransport(SERVER_URL, token, client=team.client)

    join_team(env.ctx, factory())
    return replace(env, team_transport=factory)


def _shared_request(team: Team, env: GuiEnv) -> tuple[Laptop, str]:
    """Another laptop makes a project with a change request; the window's laptop pulls it."""
    other = team.laptop("li.na", "li-desktop")
    client_id, _s, _c = make_client(other.ctx)
    project_id = make_project(other.ctx, client_id)
    request = create_change_request(
        other.ctx, ChangeRequestDraft(project_id=project_id, title="Export", requested_on=ON)
    )
    other.sync()
    assert env.team_transport is not None
    sync_now(env.ctx, env.team_transport())
    return other, request.id


def _title(ctx, request_id: str, title: str) -> None:
    item = get_change_request(ctx, request_id)
    update_change_request(ctx, draft_from(ChangeRequestDraft, item, title=title))


def test_the_window_syncs_in_the_background_and_shows_how_things_stand(qtbot, make_env, team: Team) -> None:
    env = team_env(make_env, team, "li.na", "li-thinkpad")
    other, request_id = _shared_request(team, env)
    _title(other.ctx, request_id, "theirs")
    other.sync()
    _title(env.ctx, request_id, "mine")
    window = MainWindow(env)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sync.synced, timeout=20_000):
        window.start_sync()
    qtbot.waitUntil(lambda: "conflict" in window.sync_status.text(), timeout=10_000)
    assert window.sync_status.isVisibleTo(window)
    text = window.sync_status.text()
    assert "Last sync" in text and "1 change(s) waiting" in text and "1 conflict(s)" in text
    assert window.act_sync.isEnabled()
    with qtbot.waitSignal(window.sync.synced, timeout=20_000):
        window.act_sync.trigger()  # F9: on demand, on the task runner


def test_the_conflicts_view_shows_mine_theirs_and_base_and_resolves(qtbot, make_env, team: Team) -> None:
    env = team_env(make_env, team, "li.na", "li-thinkpad")
    other, request_id = _shared_request(team, env)
    _title(other.ctx, request_id, "theirs")
    other.sync()
    _title(env.ctx, request_id, "mine")
    assert env.team_transport is not None
    sync_now(env.ctx, env.team_transport())
    dialog = SyncConflictsDialog(env, None, env.team_transport)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    cells = [dialog.table.item(0, column).text() for column in range(4)]
    assert cells == ["Title", "Export", "mine", "theirs"]
    assert not dialog.resolve_button.isEnabled()
    dialog.keep_theirs.click()
    assert dialog.resolve_button.isEnabled()
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.resolve_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    assert list_conflicts(env.ctx) == [] and get_change_request(env.ctx, request_id).title == "theirs"
    sync_now(env.ctx, env.team_transport())
    assert sync_status(env.ctx).waiting == 0


def _held_decision(ctx, sync: Callable[[], object]) -> str:
    """The engineer decides a 40-hour change above their limits (held for a manager) and syncs."""
    client_id, _s, _c = make_client(ctx)
    project_id = make_project(ctx, client_id)
    request = create_change_request(
        ctx,
        ChangeRequestDraft(
            project_id=project_id, title="Big", requested_on=ON, scope_check=ScopeCheck.OUT_OF_SCOPE
        ),
    )
    assess_impact(ctx, request.id, ImpactDraft(effort_hours=40.0))
    decide_change_request(
        ctx, DecisionRequest(request_id=request.id, outcome=Decision.APPROVED_BILLABLE, rationale="pays")
    )
    sync()
    return request.id


def test_a_manager_approves_from_the_inbox_under_their_own_name(qtbot, make_env, team: Team) -> None:
    engineer = team.laptop("li.na", "li-thinkpad")
    request_id = _held_decision(engineer.ctx, engineer.sync)
    env = team_env(make_env, team, "maria", "maria-laptop")
    assert env.team_transport is not None
    sync_now(env.ctx, env.team_transport())
    dialog = ApprovalInboxDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.approve_button.isEnabled() and "Maria" in dialog.note.text()
    dialog.approve_button.click()  # the Approve dialog, with the whole request
    qtbot.waitUntil(lambda: getattr(dialog, "dialog", None) is not None, timeout=10_000)
    approve = dialog.dialog
    qtbot.waitUntil(lambda: approve.manager.count() == 1, timeout=10_000)  # the managers: Maria, herself
    with qtbot.waitSignal(dialog.decided, timeout=10_000):
        approve.approve_button.click()
    sync_now(env.ctx, env.team_transport())
    engineer.sync()
    approved = get_change_request(engineer.ctx, request_id)
    assert (approved.decision, approved.approved_by) == (Decision.APPROVED_BILLABLE, "Maria")


def _home(qtbot, env: GuiEnv) -> HomePage:
    home = HomePage(env)
    qtbot.addWidget(home)
    home.show()
    home.show_team_status(sync_status(env.ctx))
    return home


def test_home_shows_a_manager_the_decisions_waiting_for_their_approval(qtbot, make_env, team: Team) -> None:
    engineer = team.laptop("li.na", "li-thinkpad")
    request_id = _held_decision(engineer.ctx, engineer.sync)
    env = team_env(make_env, team, "maria", "maria-laptop")
    assert env.team_transport is not None
    sync_now(env.ctx, env.team_transport())
    home = _home(qtbot, env)
    qtbot.waitUntil(lambda: "wait for your approval" in home.team.waiting.text(), timeout=10_000)
    ref = get_change_request(env.ctx, request_id).ref
    first, held = home.team.waiting.text().splitlines()
    assert first == "1 decision(s) wait for your approval:"
    assert held.endswith(f"{ref} “Big”: 40.0 h, decided by Li.Na")
    assert home.team.isVisible() and home.team.inbox_button.isVisible()

    approve_change_request(env.ctx, request_id, manager_id=get_you(env.ctx).id, approved_on=date(2026, 3, 16))
    home.team.reload()
    qtbot.waitUntil(lambda: "No decision waits" in home.team.waiting.text(), timeout=10_000)


def test_home_shows_an_engineer_the_approvals_received(qtbot, make_env, team: Team) -> None:
    env = team_env(make_env, team, "li.na", "li-thinkpad")
    assert env.team_transport is not None
    transport = env.team_transport()
    request_id = _held_decision(env.ctx, lambda: sync_now(env.ctx, transport))
    home = _home(qtbot, env)  # nothing from the team yet
    qtbot.waitUntil(lambda: not home.team.isVisible(), timeout=10_000)

    manager = team.laptop("maria", "maria-laptop")
    manager.sync()
    approve_change_request(
        manager.ctx, request_id, manager_id=get_you(manager.ctx).id, approved_on=date(2026, 3, 16)
    )
    manager.sync()
    sync_now(env.ctx, transport)
    home.team.reload()
    qtbot.waitUntil(lambda: home.team.isVisible(), timeout=10_000)
    ref = get_change_request(env.ctx, request_id).ref
    assert ref in home.team.lines.text() and "Maria" in home.team.lines.text()
    assert not home.team.waiting.isVisible() and not home.team.inbox_button.isVisible()
    home.team.dismiss_button.click()  # dismissed: gone from Home
    qtbot.waitUntil(lambda: not home.team.isVisible(), timeout=10_000)


def test_team_server_settings_test_the_connection_and_show_the_roster(qtbot, make_env, team: Team) -> None:
    env = make_env()
    token = team.token("li.na", "li-thinkpad")
    made: list[HttpTransport] = []

    def maker(url: str, typed: str) -> HttpTransport:
        made.append(HttpTransport(url, typed, client=team.client))
        return made[-1]

    def join(ctx, url: str, typed: str, folder: Path) -> tuple[object, None]:
        return join_team(ctx, maker(url, typed)), None  # no warning: the token went to the keyring

    window = TeamServerDialog(env, None, transport_maker=maker, join=join)
    qtbot.addWidget(window)
    window.show()
    dialog = window.panel
    dialog.url.setText(SERVER_URL)
    dialog.token.setText(token)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Connected" in dialog.result.text(), timeout=10_000)
    assert "Li.Na (engineer)" in dialog.result.text()
    names = {dialog.roster.item(row, 0).text() for row in range(dialog.roster.rowCount())}
    assert names == {"li.na", "maria"}
    with qtbot.waitSignal(dialog.joined, timeout=10_000):
        dialog.join_button.click()
    assert sync_status(env.ctx).joined


def test_settings_show_the_servers_roster_read_only_and_a_team_server_tab(
    qtbot, make_env, team: Team
) -> None:
    env = team_env(make_env, team, "li.na", "li-thinkpad")
    dialog = SettingsDialog(env, get_settings(env.ctx), None, TEAM_TAB, team=sync_status(env.ctx))
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentWidget() is dialog.team_server
    people = dialog.people
    assert not people.add_button.isEnabled() and not people.server_note.isHidden()
    qtbot.waitUntil(lambda: people.table.rowCount() == 2, timeout=10_000)  # li.na and maria, from the server
    names = {people.table.item(row, 0).text() for row in range(people.table.rowCount())}
    assert names == {"Li.Na (you)", "Maria"}


def test_the_documents_page_issues_through_the_team_server(make_env, team: Team) -> None:
    """In a team, issuing from the window syncs and reserves the letter's number first (docs/sync.md,
    References): issuing on this computer alone is refused there."""
    from deliverydesk.domain.drafts import ExpectationDraft
    from deliverydesk.domain.enums import LetterKind
    from deliverydesk.errors import RuleError
    from deliverydesk.gui.pages.project.documents import _issue
    from deliverydesk.gui.team.controller import team_transports
    from deliverydesk.services.documents.build import DocumentRequest
    from deliverydesk.services.documents.letters import get_letter, issue_document
    from deliverydesk.services.records.expectations import create_expectation

    env = team_env(make_env, team, "li.na", "li-thinkpad")
    client_id, signer_id, _c = make_client(env.ctx)
    project_id = make_project(env.ctx, client_id)
    statement = ExpectationDraft(
        project_id=project_id, statement="日报每天 18 点前发出", agreed_with_id=signer_id
    )
    create_expectation(env.ctx, statement)
    request = DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)
    with pytest.raises(RuleError, match="needs the team server"):
        issue_document(env.ctx, request)
    issued = _issue(env.ctx, team_transports(env), request)
    other = team.laptop("maria", "maria-desk")
    other.sync()
    assert get_letter(other.ctx, issued.letter.id).fingerprint == issued.letter.fingerprint
