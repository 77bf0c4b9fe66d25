"""Opens every page and dialog of the window on the screen it is started with and reports what does not
fit, as JSON on stdout. ``tests/gui/test_fits_1366.py`` runs it in a child process with a 1366×768
offscreen screen (``QT_QPA_PLATFORM=offscreen:configfile=...``), at 100 % and at 125 % scaling
(``QT_SCALE_FACTOR=1.25``: the 1093×614 logical pixels a 125 % laptop gives the window).

    python -m tests.gui.fit_probe --demo DB --language zh_CN [--shots DIR]

Checked for each page and dialog: its frame lies inside the available screen; every visible button
(Save, Cancel, Issue, Export, Print...) lies inside its window; no column header and no placeholder
is cut off; every icon-only button has an accessible name and a tooltip; a form dialog counts as
unchanged right after it opens (closing it does not ask). ``--shots`` also saves each as a PNG."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
TOLERANCE = 2  # logical pixels: fractional scaling rounds a window's frame by a pixel
# Qt's own parts of other widgets (a line edit's clear button, a table's corner): not buttons of ours.
QT_INTERNAL_BUTTONS = frozenset({"QLineEditIconButton", "QTableCornerButton"})


def wait_until(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(20)
        waited += 20
    QTest.qWait(60)


class Probe:
    def __init__(self, window: Any, tasks: Any, language: str, shots: Path | None) -> None:
        self.window, self.tasks, self.language, self.shots = window, tasks, language, shots
        self.problems: list[str] = []
        self.seen: list[str] = []

    def idle(self) -> None:
        wait_until(lambda: not self.tasks.is_busy)

    # --- checks ------------------------------------------------------------------------------------
    def check(self, name: str, window: QWidget) -> None:
        self.seen.append(name)
        wait_until(window.isVisible, 5000)
        QTest.qWait(50)
        area = (
            window.screen().availableGeometry()
            if window.screen()
            else QGuiApplication.primaryScreen().availableGeometry()
        )
        frame = window.frameGeometry()
        if not area.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(frame):
            self.problems.append(f"{name}: window {_rect(frame)} outside the screen {_rect(area)}")
        self._buttons(name, window)
        self._headers(name, window)
        self._placeholders(name, window)
        dirty = getattr(window, "has_unsaved_changes", None)
        if callable(dirty) and dirty():
            self.problems.append(f"{name}: counts as changed right after opening")
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{name}_{self.language}.png"))

    def _buttons(self, name: str, window: QWidget) -> None:
        inside = window.rect()
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window) or button.window() is not window or _in_popup(button):
                continue
            if not _shown_in(button, window):
                continue  # scrolled out of view in a scroll area (reachable by scrolling and Tab)
            where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            label = button.text() or button.accessibleName() or button.objectName()
            if not inside.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(where):
                self.problems.append(
                    f"{name}: button {label!r} at {_rect(where)} beyond the window {_rect(inside)}"
                )
            internal = button.metaObject().className() in QT_INTERNAL_BUTTONS
            if (
                not internal
                and not button.text().strip()
                and (not button.accessibleName() or not button.toolTip())
            ):
                icon_only = f"{button.metaObject().className()} {button.objectName()!r}"
                self.problems.append(f"{name}: icon-only {icon_only} without accessible name and tooltip")

    def _headers(self, name: str, window: QWidget) -> None:
        for header in window.findChildren(QHeaderView):
            if not header.isVisibleTo(window) or header.orientation() != Qt.Orientation.Horizontal:
                continue
            model = header.model()
            if model is None:
                continue
            metrics = QFontMetrics(header.font())
            for section in range(header.count()):
                if header.isSectionHidden(section) or header.sectionSize(section) == 0:
                    continue
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                needed = metrics.horizontalAdvance(text) + 2
                if (
                    text
                    and header.sectionSize(section) < needed
                    and header.sectionResizeMode(section) != QHeaderView.ResizeMode.Stretch
                ):
                    self.problems.append(
                        f"{name}: column header {text!r} cut off ({header.sectionSize(section)} < {needed})"
                    )

    def _placeholders(self, name: str, window: QWidget) -> None:
        for edit in window.findChildren(QLineEdit):
            if not edit.isVisibleTo(window) or edit.text() or not edit.placeholderText():
                continue
            if isinstance(edit.parentWidget(), QComboBox | QWidget) and edit.parentWidget().inherits(
                "QAbstractSpinBox"
            ):
                continue
            room = edit.width() - 12 - 22 * len(edit.actions())  # frame, margins and icons
            needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            if needed > room:
                self.problems.append(
                    f"{name}: placeholder {edit.placeholderText()!r} cut off ({room} < {needed})"
                )

    # --- dialogs -----------------------------------------------------------------------------------
    @contextmanager
    def dialog(self, name: str, opener: Callable[[], Any], find: Callable[[], Any]) -> Iterator[Any]:
        opener()
        self.idle()
        wait_until(lambda: find() is not None and find().isVisible(), 10_000)
        dialog = find()
        if dialog is None or not dialog.isVisible():
            self.problems.append(f"{name}: did not open")
            yield None
            return
        self.check(name, dialog)
        yield dialog
        if hasattr(dialog, "discard"):
            dialog.discard()
        else:
            dialog.reject()
        self.idle()


def _in_popup(widget: QWidget) -> bool:
    top = widget.window()
    return bool(top.windowFlags() & Qt.WindowType.Popup) and top is not widget.window()


def _shown_in(widget: QWidget, window: QWidget) -> bool:
    """False for a widget inside a scroll area (it may be scrolled out of view: it is reached by
    scrolling and by Tab); everything else must be inside its window."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.inherits("QAbstractScrollArea"):
            return False
        parent = parent.parentWidget()
    return True


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}×{rect.height()}"


# --- the scenes ------------------------------------------------------------------------------------


def run_scenes(probe: Probe, showcase: dict[str, str]) -> None:
    from deliverydesk.gui.pages.base import (
        AREA_CHANGE_REQUESTS,
        AREA_DOCUMENTS,
        AREA_EXPECTATIONS,
        AREA_HANDOVER,
        AREA_ISSUES,
        AREA_LOG,
        AREA_MILESTONES,
        AREA_OVERVIEW,
        AREA_SCOPE,
    )

    window = probe.window
    window.show()
    probe.idle()
    probe.check("home", window)
    window.show_projects()
    wait_until(lambda: window.navigator.model.rowCount() > 0)
    project_id = showcase["project_id"]
    areas = (
        AREA_OVERVIEW,
        AREA_SCOPE,
        AREA_MILESTONES,
        AREA_EXPECTATIONS,
        AREA_CHANGE_REQUESTS,
        AREA_LOG,
        AREA_ISSUES,
        AREA_HANDOVER,
        AREA_DOCUMENTS,
    )
    widths = []
    for area in areas:
        window.open_record(project_id, area, "")
        probe.idle()
        probe.check(f"page_{area}", window)
        widths.append(window.navigator.width())
    if len(set(widths)) > 1:
        probe.problems.append(f"the project list changed width between pages: {widths}")
    window.show_recurring()
    probe.idle()
    probe.check("recurring", window)
    _window_dialogs(probe)
    _record_dialogs(probe, project_id, showcase)
    _document_dialogs(probe, project_id, showcase)


def _window_dialogs(probe: Probe) -> None:
    window = probe.window
    last = lambda: window.last_dialog  # noqa: E731
    opened = lambda: getattr(window.last_dialog, "dialog", None)  # noqa: E731
    with probe.dialog("new_project", window.new_project, opened):
        pass
    with probe.dialog("settings", window.open_settings, opened):
        pass
    with probe.dialog("backups", window.open_backups, last):
        pass
    with probe.dialog("categories", window.open_categories, last):
        pass
    with probe.dialog("about", window.show_about, last):
        pass
    with probe.dialog("search", window.search_records, lambda: window.search_dialog):
        pass
    from deliverydesk.gui.startup import StartupDialog
    from deliverydesk.gui.startup_specs import first_start_spec

    welcome = StartupDialog(first_start_spec("/home/engineer/.local/share/DeliveryDesk/deliverydesk.db"))
    with probe.dialog("welcome", welcome.show, lambda: welcome):
        pass


def _page(probe: Probe, project_id: str, area: str, record_id: str = "") -> Any:
    probe.window.open_record(project_id, area, record_id)
    probe.idle()
    return probe.window.workspace.current_page()


def _record_dialogs(probe: Probe, project_id: str, showcase: dict[str, str]) -> None:
    from deliverydesk.gui.pages.base import (
        AREA_CHANGE_REQUESTS,
        AREA_EXPECTATIONS,
        AREA_HANDOVER,
        AREA_ISSUES,
        AREA_LOG,
        AREA_MILESTONES,
        AREA_OVERVIEW,
        AREA_SCOPE,
    )

    page = _page(probe, project_id, AREA_OVERVIEW)
    for name, opener in (
        ("edit_project", page.edit_project),
        ("edit_client", page.edit_client),
        ("new_contact", lambda: page.edit_contact(None)),
    ):
        with probe.dialog(name, opener, lambda: page.dialog):
            pass
    page = _page(probe, project_id, AREA_SCOPE)
    with probe.dialog("scope_item", lambda: page.edit_scope_item(None), lambda: page.dialog):
        pass
    with probe.dialog("exclusion", lambda: page.edit_exclusion(None), lambda: page.dialog):
        pass
    page = _page(probe, project_id, AREA_MILESTONES, showcase["milestone_id"])
    with probe.dialog(
        "milestone", lambda: page.edit_milestone(page.panel.current_item()), lambda: page.dialog
    ):
        pass
    with probe.dialog("move_milestone", page.move_current, lambda: page.dialog):
        pass
    page = _page(probe, project_id, AREA_EXPECTATIONS)
    with probe.dialog("expectation", lambda: page.edit_expectation(None), lambda: page.dialog):
        pass
    page = _page(probe, project_id, AREA_CHANGE_REQUESTS, showcase["pending_request_id"])
    with probe.dialog(
        "change_request", lambda: page.edit_request(page.panels[0].current_item()), lambda: page.dialog
    ):
        pass
    with probe.dialog("decide", page.decide_current, lambda: page.dialog):
        pass
    window = probe.window
    with probe.dialog("capture", window.capture_ask, lambda: window.capture_flow.dialog):
        pass
    page = _page(probe, project_id, AREA_LOG, showcase["entry_id"])
    with probe.dialog("log_entry", lambda: page.edit_entry(None), lambda: page.dialog):
        pass
    with probe.dialog("commitment", page.commitments.record_from_entry, lambda: page.dialog):
        pass
    page = _page(probe, project_id, AREA_ISSUES)
    with probe.dialog("issue", lambda: page.edit_issue(None), lambda: page.dialog):
        pass
    with probe.dialog("review", lambda: page.edit_review(None), lambda: page.dialog):
        pass
    page = _page(probe, project_id, AREA_HANDOVER)
    with probe.dialog("handover", lambda: page.edit_entry(None), lambda: page.dialog):
        pass
    history = _page(probe, project_id, AREA_MILESTONES, showcase["milestone_id"])
    with probe.dialog("history", history.panel.show_history, lambda: history.panel.history_dialog):
        pass


def _document_dialogs(probe: Probe, project_id: str, showcase: dict[str, str]) -> None:
    from deliverydesk.domain.enums import LetterKind
    from deliverydesk.gui.dialogs.documents.evidence import open_evidence_dialog
    from deliverydesk.gui.pages.base import AREA_DOCUMENTS

    page = _page(probe, project_id, AREA_DOCUMENTS, showcase["letter_id"])
    with probe.dialog(
        "preview_draft", lambda: page.new_document(LetterKind.EXPECTATION_CONFIRMATION), lambda: page.dialog
    ):
        pass
    page.dialog = None
    with probe.dialog("preview_issued", page.preview_selected, lambda: page.dialog):
        pass
    page.dialog = None
    with probe.dialog("summary", page.write_summary, lambda: page.dialog):
        pass
    page.dialog = None
    with probe.dialog("sign", page.sign_selected, lambda: page.dialog):
        pass
    holder: dict[str, Any] = {}
    with probe.dialog(
        "evidence",
        lambda: holder.setdefault("dialog", open_evidence_dialog(page, page.env, project_id)),
        lambda: holder.get("dialog"),
    ):
        pass


# --- set-up ----------------------------------------------------------------------------------------


def showcase_of(ctx: Any) -> dict[str, str]:
    from deliverydesk.domain.enums import Decision, LetterKind
    from deliverydesk.services.documents.build import DocumentRequest
    from deliverydesk.services.documents.letters import issue_document
    from deliverydesk.services.records.log import list_log_entries
    from deliverydesk.services.records.milestones import list_milestones
    from deliverydesk.services.records.projects import get_project_by_code
    from deliverydesk.services.scope_guard.change_requests import list_change_requests

    project_id = get_project_by_code(ctx, "DD-2026-014").id
    letter = issue_document(ctx, DocumentRequest(project_id, LetterKind.EXPECTATION_CONFIRMATION)).letter
    pending = next(r for r in list_change_requests(ctx, project_id).rows if r.decision is Decision.PENDING)
    return {
        "project_id": project_id,
        "milestone_id": list_milestones(ctx, project_id).rows[0].id,
        "pending_request_id": pending.id,
        "entry_id": list_log_entries(ctx, project_id).rows[0].id,
        "letter_id": letter.id,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--demo", type=Path, required=True, help="a demo database to copy")
    parser.add_argument("--language", action="append", default=[])
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    from deliverydesk.domain.enums import Language
    from deliverydesk.gui.env import GuiEnv
    from deliverydesk.gui.i18n import install_translators, load_cjk_font, remove_translators
    from deliverydesk.gui.main_window import MainWindow
    from deliverydesk.gui.tasks import TaskRunner
    from deliverydesk.gui.ui_state import UiState
    from deliverydesk.services.storage import OpenOptions, open_workspace

    app = QApplication([sys.argv[0]])
    load_cjk_font(app)
    folder = Path(tempfile.mkdtemp(prefix="fit-probe-"))
    shutil.copyfile(args.demo, folder / "deliverydesk.db")
    workspace = open_workspace(OpenOptions(data_dir=folder), clock=lambda: NOW)
    report: dict[str, Any] = {"screen": _rect(app.primaryScreen().availableGeometry()), "languages": {}}
    try:
        showcase = showcase_of(workspace.ctx)
        for code in args.language or ["en", "zh_CN"]:
            language = Language(code)
            translators = install_translators(app, language)
            tasks = TaskRunner()
            env = GuiEnv(
                workspace.ctx, tasks, UiState(folder / f"ui-{language}.ini"), workspace.paths, language
            )
            window = MainWindow(env, workspace.db_url)
            window.open_url = lambda _url: True
            probe = Probe(window, tasks, language, args.shots)
            try:
                run_scenes(probe, showcase)
            finally:
                window.close()
                tasks.shutdown()
                remove_translators(app, translators)
            report["languages"][language.value] = {"seen": probe.seen, "problems": probe.problems}
    finally:
        workspace.close()
        shutil.rmtree(folder, ignore_errors=True)
    print("FIT-REPORT " + json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
