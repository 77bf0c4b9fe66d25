"""Render the main window's pages and the welcome dialog, English and Chinese, to PNG in docs/screenshots/

    .venv/bin/python tools/screenshots.py [--out DIR]

The window is shown on a 1366×768 offscreen screen (the field laptop the window is made to fit): it
opens maximized there and every dialog fits that screen.

Uses a fresh demo database (fixed date 2026-03-16) so the pictures are reproducible: Home, the navigator
with the showcase project's Overview (its expectation letter signed on screen: every expectation
confirmed), Milestones (a moved milestone and its history), Change requests, the Approve-or-refuse dialog
of a decision held above the engineer's authority, Log (a corrected entry and the commitments register;
an entry with an attached picture), Documents (the signed letter), the Sign dialog (on screen, the pad
signed), Handover (what stands in the way of issuing the report), Recurring problems, Settings (General
and People), the welcome dialog, Search records (a Chinese and an English term), a record's History, the
guided butterfly review and the issue dialog with similar issues at other clients, and the import
previews of a Microsoft Project plan and a spreadsheet. Each PNG is reduced to
an 8-bit palette so the documentation stays small."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCREEN = {
    "name": "Laptop",
    "x": 0,
    "y": 0,
    "width": 1366,
    "height": 768,
    "logicalDpi": 96,
    "logicalBaseDpi": 96,
}
_SCREEN_FILE = Path(tempfile.mkdtemp()) / "screen.json"
_SCREEN_FILE.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a bare "offscreen" is 800×600: size it
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_FILE}"
os.environ["TZ"] = "Asia/Shanghai"  # the demo's meetings happen at 10:00 China time; show them so
time.tzset()
ROOT = Path(__file__).resolve().parents[1]
INTERCHANGE_DATA = ROOT / "tests" / "data" / "interchange"
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deliverydesk.domain.drafts import AttachmentDraft  # noqa: E402
from deliverydesk.domain.enums import Decision, Language, LetterKind, ProjectStatus, SignMethod  # noqa: E402
from deliverydesk.gui.dialogs.documents import sealing  # noqa: E402
from deliverydesk.gui.dialogs.interchange.plan_import import PlanImportDialog  # noqa: E402
from deliverydesk.gui.dialogs.interchange.scope_import import ScopeImportDialog  # noqa: E402
from deliverydesk.gui.env import GuiEnv  # noqa: E402
from deliverydesk.gui.i18n import install_translators, load_cjk_font, remove_translators  # noqa: E402
from deliverydesk.gui.main_window import MainWindow  # noqa: E402
from deliverydesk.gui.pages.base import (  # noqa: E402
    AREA_CHANGE_REQUESTS,
    AREA_DOCUMENTS,
    AREA_HANDOVER,
    AREA_ISSUES,
    AREA_LOG,
    AREA_MILESTONES,
    AREA_OVERVIEW,
)
from deliverydesk.gui.startup import StartupDialog  # noqa: E402
from deliverydesk.gui.startup_specs import first_start_spec  # noqa: E402
from deliverydesk.gui.tasks import TaskRunner  # noqa: E402
from deliverydesk.gui.ui_state import UiState  # noqa: E402
from deliverydesk.services.demo.build import create_demo  # noqa: E402
from deliverydesk.services.documents.build import DocumentRequest, build_document  # noqa: E402
from deliverydesk.services.documents.letters import issue_document, sign_letter  # noqa: E402
from deliverydesk.services.documents.signing import SignRequest  # noqa: E402
from deliverydesk.services.records.attachments import add_attachment  # noqa: E402
from deliverydesk.services.records.clients import list_contacts  # noqa: E402
from deliverydesk.services.records.log import list_log_entries  # noqa: E402
from deliverydesk.services.records.milestones import list_milestone_changes, list_milestones  # noqa: E402
from deliverydesk.services.records.projects import get_project_by_code, list_projects  # noqa: E402
from deliverydesk.services.reviews.butterfly import list_reviews  # noqa: E402
from deliverydesk.services.scope_guard.change_requests import list_change_requests  # noqa: E402
from deliverydesk.services.storage import (  # noqa: E402
    OpenOptions,
    Workspace,
    backup_now,
    list_backups,
    open_workspace,
)

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
SHOWCASE = "DD-2026-014"
# Where a Linux user's database lives (the welcome dialog shows it; a temp folder would look odd).
SHOWN_DATABASE = "/home/engineer/.local/share/DeliveryDesk/deliverydesk.db"


@dataclass(frozen=True)
class Showcase:
    """The records the pictures select: the project, a moved milestone, a corrected entry, a letter."""

    project_id: str
    moved_milestone_id: str
    correction_id: str
    letter_id: str
    attached_entry_id: str  # a log entry with a picture attached
    review_project_id: str  # the project whose issue has a butterfly review
    held_request_id: str  # a decision held for a manager's approval
    handed_over_id: str  # the handed-over project
    handover_letter_id: str  # its handover report, issued and waiting to be signed


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(20)
        waited += 20
    QTest.qWait(80)


def save(widget: QWidget, path: Path) -> None:
    """The widget as an 8-bit palette PNG (a fraction of the size of a full-colour grab)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True
    )
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def prepare_showcase(workspace: Workspace) -> Showcase:
    """The demo plus one issued letter and one attached picture; finds the records worth showing."""
    ctx = workspace.ctx
    project_id = get_project_by_code(ctx, SHOWCASE).id
    moved = max(list_milestones(ctx, project_id).rows, key=lambda m: _history_interest(workspace, m.id))
    entries = list_log_entries(ctx, project_id, limit=500).rows
    correction = next(e for e in entries if e.correction_of_id)
    attached = next(e for e in entries if "字段映射表" in e.summary)  # "sent the field mapping table"
    add_attachment(
        ctx,
        AttachmentDraft(
            project_id=project_id,
            filename="字段映射表-李娜确认.png",
            data=_mapping_sheet_png(),
            media_type="image/png",
            log_entry_id=attached.id,
        ),
    )
    letter = issue_document(ctx, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)).letter
    signer = next(
        c for c in list_contacts(ctx, get_project_by_code(ctx, SHOWCASE).client_id).rows if c.can_sign
    )
    sign_letter(  # on screen: every expectation of the letter confirmed, both blocks filled
        ctx,
        SignRequest(
            letter.id, SignMethod.ON_SCREEN, contact_id=signer.id, place="苏州工业园区", signature_png=_pad()
        ),
    )
    reviewed = next(p for p in list_projects(ctx).rows if list_reviews(ctx, p.id).rows)
    held = list_change_requests(ctx, project_id, decision=Decision.PENDING_APPROVAL).rows[0]
    handed = list_projects(ctx, status=ProjectStatus.HANDED_OVER).rows[0]
    handover = issue_document(ctx, DocumentRequest(handed.id, LetterKind.HANDOVER)).letter
    return Showcase(
        project_id,
        moved.id,
        correction.id,
        letter.id,
        attached.id,
        reviewed.id,
        held.id,
        handed.id,
        handover.id,
    )


def _pad() -> bytes:
    """A signature as the pad exports it: a dark stroke on a transparent background."""
    image = Image.new("RGBA", (420, 140), (255, 255, 255, 0))
    ImageDraw.Draw(image).line(
        [(12, 110), (80, 30), (150, 100), (230, 40), (320, 95), (405, 50)], fill="#1B2430", width=5
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _mapping_sheet_png() -> bytes:
    """A small picture of a filled-in table, like a photographed sign-off sheet."""
    image = Image.new("RGB", (480, 300), "#fbfbf8")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 460, 56), fill="#dfe8f1")
    for row in range(8):
        y = 20 + row * 36
        draw.line((20, y, 460, y), fill="#8a96a3", width=1)
    for x in (20, 150, 300, 460):
        draw.line((x, 20, x, 272), fill="#8a96a3", width=1)
    for row in range(1, 7):
        y = 20 + row * 36 + 14
        draw.line((32, y, 32 + 60 + row * 7, y), fill="#5b6570", width=3)
        draw.line((162, y, 162 + 90 - row * 5, y), fill="#5b6570", width=3)
    draw.line((330, 250, 360, 232, 390, 256, 430, 236), fill="#1f4e8c", width=3)  # the signature
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _history_interest(workspace: Workspace, milestone_id: str) -> tuple[int, int]:
    """Moves from one date to another, for a change request, say the most in the history table."""
    changes = list_milestone_changes(workspace.ctx, milestone_id)
    moved = [c for c in changes if c.old_date is not None]
    return (sum(1 for c in moved if c.change_request_ref), len(moved))


class Shooter:
    """One language's pictures of one main window."""

    def __init__(self, workspace: Workspace, language: Language, out: Path) -> None:
        self.tasks = TaskRunner()
        state = UiState(Path(tempfile.mkdtemp()) / "ui.ini")
        env = GuiEnv(workspace.ctx, self.tasks, state, workspace.paths, language)
        self.window = MainWindow(env, workspace.db_url)  # maximized on the 1366×768 screen
        self.language, self.out, self.workspace = language, out, workspace

    def idle(self) -> None:
        wait_until(lambda: not self.tasks.is_busy)

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        save(widget or self.window, self.out / f"{name}_{self.language.value}.png")

    def area(self, showcase: Showcase, area: str, record_id: str = "") -> None:
        self.window.open_record(showcase.project_id, area, record_id)  # selected once its page loads
        self.idle()

    def run(self, showcase: Showcase) -> None:
        self.window.show()
        wait_until(lambda: self.window.has_started)  # Today's rows are asked for after the first paint
        # What waits for the first pages (the copy keeper) starts once Today's rows are painted: after
        # it, not before, the window is at rest (no "Working…" in the shot)
        wait_until(lambda: self.window.home.has_shown_rows)
        self.idle()
        self.shot("home")
        self.window.show_projects()
        wait_until(lambda: self.window.navigator.model.rowCount() > 0)
        self.area(showcase, AREA_OVERVIEW)
        self.shot("projects")
        pictures = (
            ("milestones", AREA_MILESTONES, showcase.moved_milestone_id),
            ("change_requests", AREA_CHANGE_REQUESTS, ""),
            ("log", AREA_LOG, showcase.correction_id),
            ("documents", AREA_DOCUMENTS, showcase.letter_id),
        )
        for name, area, record_id in pictures:
            self.area(showcase, area, record_id)
            self.shot(name)
        self.summary_dialog()
        self.area(showcase, AREA_HANDOVER)
        self.shot("handover")
        self.approval(showcase)
        self.signing(showcase)
        self.area(showcase, AREA_LOG, showcase.attached_entry_id)
        self.shot("log_attachment")
        self.search()
        self.learning(showcase)
        self.window.show_recurring()
        self.idle()
        self.shot("recurring")
        self.dialogs()
        self.interchange(showcase)
        self.forgiving(showcase)
        self.first_run()

    def approval(self, showcase: Showcase) -> None:
        """The Approve-or-refuse dialog of the held decision: all of it shown before a manager answers."""
        self.area(showcase, AREA_CHANGE_REQUESTS, showcase.held_request_id)
        page = self.window.workspace.current_page()
        page.approve_current()
        self.idle()
        self.idle()
        self.shot("approve", page.dialog)  # its own size: it fits a 1366 x 768 screen (the form scrolls)
        page.dialog.reject()
        page.decide_current()  # deciding it again: what is held, and that saving replaces it
        self.idle()
        self.idle()
        self.shot("decide_held", page.dialog)
        page.dialog.reject()

    def signing(self, showcase: Showcase) -> None:
        """The Sign dialog for the handed-over project's report: signed on the pad, on screen."""
        self.window.open_record(showcase.handed_over_id, AREA_DOCUMENTS, showcase.handover_letter_id)
        self.idle()
        page = self.window.workspace.current_page()
        wait_until(lambda: page.selected() is not None)
        page.sign_selected()
        wait_until(lambda: page.dialog is not None and page.dialog.objectName() == "signDialog")
        dialog = page.dialog
        dialog.place.setText("Bremen")
        self.idle()
        pad = dialog.pad
        points = [(30, 120), (90, 40), (150, 110), (230, 50), (320, 100), (400, 60)]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
        for x, y in points[1:]:
            QTest.mouseMove(pad, QPoint(x, y))
        QTest.mouseRelease(
            pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1])
        )
        self.idle()
        self.shot("sign", dialog)
        dialog.reject()

    def summary_dialog(self) -> None:
        """A progress summary's narrative: the period since the previous summary, next actions as a table."""
        page = self.window.workspace.current_page()
        page.write_summary()
        wait_until(lambda: type(page.dialog).__name__ == "SummaryDialog")
        self.idle()
        self.shot("summary", page.dialog)
        page.dialog.reject()
        self.sealing_question(page)

    def sealing_question(self, page: Any) -> None:
        """What issuing will seal, asked before the expectation letter is issued."""
        request = page.request(LetterKind.EXPECTATION_CONFIRMATION)
        data = build_document(self.workspace.ctx, request)
        box, _issue = sealing.issue_question(page, sealing.seal_lines(data))
        box.show()
        self.idle()
        self.shot("sealing", box)
        box.reject()

    def dialogs(self) -> None:
        self.window.open_settings()
        wait_until(lambda: getattr(self.window.last_dialog, "dialog", None) is not None)
        dialog = self.window.last_dialog.dialog
        wait_until(dialog.isVisible)
        self.shot("settings", dialog)
        dialog.tabs.setCurrentWidget(dialog.people)
        self.idle()
        self.shot("settings_people", dialog)
        dialog.reject()
        welcome = StartupDialog(first_start_spec(SHOWN_DATABASE))
        welcome.show()
        wait_until(welcome.isVisible)
        self.shot("welcome", welcome)
        welcome.close()

    def forgiving(self, showcase: Showcase) -> None:
        """Issue 17: New project defaulting from its client, a date warning with Keep this date,
        the Backups dialog, a sorted and filtered list, a voided log entry."""
        self.window.new_project()
        wait_until(lambda: getattr(self.window.last_dialog, "dialog", None) is not None)
        dialog = self.window.last_dialog.dialog
        dialog.client.setCurrentText("Nordwerk Maschinenbau GmbH")
        dialog.code.setText("DD-2026-040")
        dialog.name.setText("Line 4 vision inspection")
        dialog.tabs.setCurrentIndex(1)  # the language and calendar the German client suggests
        self.idle()
        self.shot("new_project", dialog)
        dialog.discard()
        self.area(showcase, AREA_MILESTONES, showcase.moved_milestone_id)
        page = self.window.workspace.current_page()
        page.edit_milestone(None)
        milestone = page.dialog
        milestone.name.setText("Go-live of line 3" if self.language == "en" else "三线上线")
        milestone.baseline.edit.setText("2025/1/15")  # a year before the contract started
        milestone.forecast.check.setChecked(True)
        milestone.forecast.edit.edit.setText("+5")
        self.idle()
        self.shot("date_warning", milestone)
        milestone.discard()
        if not list_backups(self.workspace.paths):
            backup_now(self.workspace)  # the day's backup the window takes when it opens
        self.window.open_backups()
        self.idle()
        self.shot("backups", self.window.last_dialog)
        self.window.last_dialog.reject()
        self.area(showcase, AREA_CHANGE_REQUESTS)
        page = self.window.workspace.current_page()
        page.panel.view.horizontalHeader().setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # effort
        page.panel.filter_edit.setText("deferred" if self.language == "en" else "延后")
        self.idle()
        self.shot("sorted_filtered")
        page.panel.filter_edit.clear()

    def first_run(self) -> None:
        """An empty database's Home: what to do first."""
        empty = open_workspace(OpenOptions(data_dir=Path(tempfile.mkdtemp()), create=True), clock=lambda: NOW)
        tasks = TaskRunner()
        try:
            env = GuiEnv(
                empty.ctx, tasks, UiState(Path(tempfile.mkdtemp()) / "ui.ini"), empty.paths, self.language
            )
            window = MainWindow(env, empty.db_url)
            window.show()
            wait_until(lambda: not tasks.is_busy)
            save(window, self.out / f"first_run_{self.language}.png")
            window.close()
        finally:
            tasks.shutdown()
            empty.close()

    def interchange(self, showcase: Showcase) -> None:
        """File ▸ Import: a Microsoft Project plan's preview (one task chosen as a scope item) and a
        spreadsheet's verdicts (a list with bad rows, in the language of the window)."""
        self.window.open_record(showcase.project_id, AREA_OVERVIEW, "")
        self.idle()
        plan = PlanImportDialog(self.window.env, showcase.project_id, self.window)
        plan.show()
        plan.open_file(INTERCHANGE_DATA / "msproject_plan.xml")
        self.idle()
        task = plan.model.index(
            next(r for r in range(plan.model.rowCount()) if plan.model.row_item(r).key == "5"), 0
        )
        plan.model.setData(task, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        self.idle()
        self.shot("import_plan", plan)
        plan.reject()
        sheet = ScopeImportDialog(self.window.env, showcase.project_id, self.window)
        sheet.show()
        sheet.open_file(
            INTERCHANGE_DATA / ("scope_zh_gbk.csv" if self.language == "zh_CN" else "scope_en_bom.csv")
        )
        self.idle()
        self.shot("import_scope", sheet)
        sheet.reject()

    def learning(self, showcase: Showcase) -> None:
        """A record's History, the issue dialog with similar issues elsewhere, the guided review."""
        self.area(showcase, AREA_MILESTONES, showcase.moved_milestone_id)
        panel = self.window.workspace.current_page().panels[0]
        panel.show_history()
        self.idle()
        self.shot("history", panel.history_dialog)
        panel.history_dialog.close()
        self.area(showcase, AREA_ISSUES)
        page = self.window.workspace.current_page()
        category_id = page.issues.records[0].category_id  # data migration, met at other clients too
        page.edit_issue(None)
        dialog = page.dialog
        dialog.title.setText("二厂迁移后批次号被截断 / lot codes truncated after the plant 2 migration")
        dialog.category.setCurrentIndex(dialog.category.findData(category_id))
        dialog.symptoms.setPlainText("迁移后的批次号只剩前 10 位,质量追溯查不到原批次。")
        wait_until(lambda: dialog.similar.model.rowCount() > 0)
        self.idle()
        self.shot("issue", dialog)
        dialog.reject()
        self.window.open_record(showcase.review_project_id, AREA_ISSUES, "")
        self.idle()
        page = self.window.workspace.current_page()
        page.edit_review(page.reviews.records[0])
        self.idle()
        self.shot("review", page.dialog)
        page.dialog.reject()

    def search(self) -> None:
        """Search records: a Chinese term in the open project, an English one across all projects."""
        self.window.search_records()
        dialog = self.window.search_dialog
        for name, term, scope in (("search_chinese", "迁移", 0), ("search_english", "import", 1)):
            dialog.scope.setCurrentIndex(scope)
            dialog.query.setText(term)
            dialog.search_now()
            self.idle()
            wait_until(lambda: dialog.model.rowCount() > 0)
            self.shot(name, dialog)
        dialog.close()

    def close(self) -> None:
        self.window.close()
        self.tasks.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    load_cjk_font(app)
    workspace = open_workspace(OpenOptions(data_dir=Path(tempfile.mkdtemp()), create=True), clock=lambda: NOW)
    try:
        create_demo(workspace.ctx)
        showcase = prepare_showcase(workspace)
        for language in Language:
            translators = install_translators(app, language)
            shooter = Shooter(workspace, language, args.out)
            try:
                shooter.run(showcase)
            finally:
                shooter.close()
                remove_translators(app, translators)
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
