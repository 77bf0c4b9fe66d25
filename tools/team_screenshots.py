"""Screenshots of the team server in the window, English and Chinese, at 1366×768 (offscreen):

    .venv/bin/python tools/team_screenshots.py     # writes docs/screenshots/team_*.png

A team in one process (a SQLite file stands in for PostgreSQL, the server app behind Starlette's test
client): an engineer's laptop with the demo, another laptop that changed the same change request, a
decision held for the manager. Shown: Home with the sync status and the team's news, the conflicts
view, the approval inbox and Home (as the manager) and Settings ▸ Team server with the roster.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deliverydesk.domain.drafts import ChangeRequestDraft, draft_from  # noqa: E402
from deliverydesk.domain.enums import Decision, Language, ScopeCheck  # noqa: E402
from deliverydesk.domain.sync import Role  # noqa: E402
from deliverydesk.gui.env import GuiEnv  # noqa: E402
from deliverydesk.gui.i18n import install_translators, load_cjk_font, remove_translators  # noqa: E402
from deliverydesk.gui.main_window import MainWindow  # noqa: E402
from deliverydesk.gui.tasks import TaskRunner  # noqa: E402
from deliverydesk.gui.team.approvals import ApprovalInboxDialog  # noqa: E402
from deliverydesk.gui.team.conflicts import SyncConflictsDialog  # noqa: E402
from deliverydesk.gui.team.server_dialog import TeamServerDialog  # noqa: E402
from deliverydesk.gui.ui_state import UiState  # noqa: E402
from deliverydesk.services.demo.build import create_demo  # noqa: E402
from deliverydesk.services.records.projects import get_project_by_code  # noqa: E402
from deliverydesk.services.scope_guard import (  # noqa: E402
    DecisionRequest,
    ImpactDraft,
    assess_impact,
    decide_change_request,
)
from deliverydesk.services.scope_guard.change_requests import (  # noqa: E402
    create_change_request,
    list_change_requests,
    update_change_request,
)
from deliverydesk.services.storage import OpenOptions, open_workspace  # noqa: E402
from deliverydesk.services.sync import admin  # noqa: E402
from deliverydesk.services.sync.client import join_team, sync_now  # noqa: E402
from deliverydesk.services.sync.transport import HttpTransport  # noqa: E402
from tests.integration.sync.team import SERVER_URL, make_team, migrated_file  # noqa: E402
from tools.screenshots import NOW, save, wait_until  # noqa: E402  (sets up the 1366×768 offscreen screen)

OUT = ROOT / "docs" / "screenshots"


def _env(folder: Path, tasks: TaskRunner, language: Language, transport_factory: object) -> GuiEnv:
    workspace = open_workspace(OpenOptions(data_dir=folder, create=True), clock=lambda: NOW)
    return GuiEnv(
        ctx=workspace.ctx,
        tasks=tasks,
        ui_state=UiState(workspace.paths.settings_file),
        paths=workspace.paths,
        language=language,
        team_transport=transport_factory,  # type: ignore[arg-type]
    )


def _laptop(
    team: object, folder: Path, user: str, device: str, tasks: TaskRunner, language: Language
) -> GuiEnv:
    token = team.token(user, device)  # type: ignore[attr-defined]

    def factory() -> HttpTransport:
        return HttpTransport(SERVER_URL, token, client=team.client)  # type: ignore[attr-defined]

    env = _env(folder, tasks, language, factory)
    join_team(env.ctx, factory())
    return env


def _scene(tmp: Path, tasks: TaskRunner, language: Language, team: object) -> tuple[GuiEnv, GuiEnv]:
    """Li Na's laptop (the demo, pushed), Wang Lei's edit of the same ask, a held decision."""
    engineer = tmp / f"li-{language.value}"
    engineer.mkdir()
    seed = open_workspace(OpenOptions(data_dir=engineer, create=True), clock=lambda: NOW)
    create_demo(seed.ctx)
    seed.close()
    li = _laptop(team, engineer, "li.na", f"li-thinkpad-{language.value}", tasks, language)
    sync_now(li.ctx, li.team_transport())  # type: ignore[misc]
    other = tmp / f"wang-{language.value}"
    other.mkdir()
    wang = _laptop(team, other, "wang.lei", f"wang-desk-{language.value}", tasks, language)
    sync_now(wang.ctx, wang.team_transport())  # type: ignore[misc]
    project = get_project_by_code(li.ctx, "DD-2026-014")
    request = next(
        r for r in list_change_requests(li.ctx, project_id=project.id).rows if r.decision is Decision.PENDING
    )
    for env, title in ((wang, "报表导出 Excel（含月度汇总）"), (li, "报表导出 Excel 与 CSV")):
        item = next(
            r for r in list_change_requests(env.ctx, project_id=project.id).rows if r.id == request.id
        )
        update_change_request(env.ctx, draft_from(ChangeRequestDraft, item, title=title))
    sync_now(wang.ctx, wang.team_transport())  # type: ignore[misc]
    held = create_change_request(
        li.ctx,
        ChangeRequestDraft(
            project_id=project.id,
            title="夜班看板大屏 / night-shift dashboard",
            requested_on=date(2026, 3, 12),
            scope_check=ScopeCheck.OUT_OF_SCOPE,
        ),
    )
    assess_impact(li.ctx, held.id, ImpactDraft(effort_hours=32.0, cost_cents=1_200_000))
    decide_change_request(
        li.ctx,
        DecisionRequest(
            request_id=held.id,
            outcome=Decision.APPROVED_BILLABLE,
            rationale="客户同意付费",
            decided_on=date(2026, 3, 16),
        ),
    )
    sync_now(li.ctx, li.team_transport())  # type: ignore[misc]
    manager = tmp / f"maria-{language.value}"
    manager.mkdir()
    maria = _laptop(team, manager, "maria", f"maria-laptop-{language.value}", tasks, language)
    sync_now(maria.ctx, maria.team_transport())  # type: ignore[misc]
    return li, maria


def _show(widget: QWidget, path: Path) -> None:
    widget.show()  # the main window opens maximized on the 1366×768 screen, as the user sees it
    wait_until(lambda: False, 1500)
    save(widget, path)


def _grab(language: Language, li: GuiEnv, maria: GuiEnv) -> list[QWidget]:
    window = MainWindow(li)
    window.start_sync()
    wait_until(lambda: window.sync.running)  # the status comes first, then the sync: wait for its end
    wait_until(lambda: not window.sync.running and not li.tasks.is_busy)
    _show(window, OUT / f"team_home_{language.value}.png")
    conflicts = SyncConflictsDialog(li, window, li.team_transport)
    conflicts.resize(1000, 520)
    wait_until(lambda: conflicts.table.rowCount() > 0)
    _show(conflicts, OUT / f"team_conflicts_{language.value}.png")
    inbox = ApprovalInboxDialog(maria)
    wait_until(lambda: inbox.table.rowCount() > 0)
    _show(inbox, OUT / f"team_approvals_{language.value}.png")
    home = MainWindow(maria)  # the manager's Home: the decisions waiting for her approval
    home.start_sync()
    wait_until(lambda: home.sync.running)
    team_news = home.home.team.waiting
    wait_until(lambda: not home.sync.running and not maria.tasks.is_busy and team_news.isVisible())
    _show(home, OUT / f"team_home_manager_{language.value}.png")
    dialog = TeamServerDialog(maria, None)
    wait_until(lambda: dialog.panel.roster.rowCount() > 0, 5000)
    _show(dialog, OUT / f"team_server_{language.value}.png")
    return [window, conflicts, inbox, home, dialog]


def main() -> int:
    app = QApplication([])
    load_cjk_font(app)
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="dd-team-shots-"))
    tasks = TaskRunner()
    try:
        template = migrated_file(tmp / "template.db")
        for language in Language:
            translators = install_translators(app, language)
            server = tmp / f"server-{language.value}"
            server.mkdir()
            with make_team(server, template) as team:
                for name, display in (("li.na", "李娜 Li Na"), ("wang.lei", "王磊 Wang Lei")):
                    admin.add_user(team.ctx, name, Role.ENGINEER, display_name=display)
                admin.add_user(team.ctx, "maria", Role.MANAGER, display_name="Maria Schmidt")
                for user in ("li.na", "wang.lei", "maria"):
                    admin.grant(team.ctx, user, None)
                admin.set_limits(team.ctx, "maria", admin.Limits(200.0, 10**8, 100.0))
                widgets = _grab(language, *_scene(tmp, tasks, language, team))
                for widget in widgets:
                    widget.close()
                tasks.shutdown()
            remove_translators(app, translators)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
