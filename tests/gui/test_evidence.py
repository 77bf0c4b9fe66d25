"""Evidence pack…: from the Change requests and Expectations pages, and for a date range; the pack is
made on the task runner and written to the chosen file (no dialog blocks the test)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QWidget

from deliverydesk.gui.dialogs.documents.evidence import EvidenceDialog, open_evidence_dialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import to_qdate
from deliverydesk.gui.pages.base import AREA_CHANGE_REQUESTS, AREA_EXPECTATIONS
from deliverydesk.services.records.projects import get_project_by_code
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import open_bench

CODE = "DD-2026-014"


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def _export(qtbot, env: GuiEnv, dialog: EvidenceDialog, out: Path, language: str = "English") -> str:
    dialog.language.setCurrentIndex(dialog.language.findText(language))
    dialog.path.setText(str(out))
    dialog.accept()
    wait_idle(qtbot, env.tasks)
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert not dialog.isVisible()
    assert dialog.parent().findChild(QMessageBox, "exportFinished") is not None  # offers to open it
    return _text(out)


def test_the_change_requests_page_exports_the_pack_of_the_selected_request(
    qtbot, demo_env: GuiEnv, tmp_path: Path
) -> None:
    project_id = get_project_by_code(demo_env.ctx, CODE).id
    bench = open_bench(qtbot, demo_env, project_id)
    page = bench.page(AREA_CHANGE_REQUESTS)
    action = next(a for a in page.panel.extra_actions if a.text() == "Evidence pack…")
    assert not action.isEnabled()  # nothing selected
    request = next(r for r in page.panel.records if r.ref == "CR-1")
    page.panel.select_record(request.id)
    assert action.isEnabled()
    action.trigger()
    assert isinstance(page.dialog, EvidenceDialog) and page.dialog.isVisible()
    text = _export(qtbot, demo_env, page.dialog, tmp_path / "cr-1.pdf")
    assert "Evidence pack" in text and f"{CODE}-EP-CR-1" in text and request.title.split()[0] in text


def test_the_expectations_page_exports_in_the_chosen_language(
    qtbot, demo_env: GuiEnv, tmp_path: Path
) -> None:
    project_id = get_project_by_code(demo_env.ctx, CODE).id
    bench = open_bench(qtbot, demo_env, project_id)  # keeps the workspace alive
    page = bench.page(AREA_EXPECTATIONS)
    page.panel.select_record(page.panel.records[0].id)
    next(a for a in page.panel.extra_actions if a.text() == "Evidence pack…").trigger()
    text = _export(qtbot, demo_env, page.dialog, tmp_path / "e.pdf", "简体中文")
    assert "证据包" in text and f"期望 {page.panel.records[0].ref}" in text


def test_the_action_works_on_a_read_only_database_and_archived_records(
    qtbot, demo_env: GuiEnv, tmp_path: Path
) -> None:
    project_id = get_project_by_code(demo_env.ctx, CODE).id
    bench = open_bench(qtbot, replace(demo_env, readonly=True), project_id)
    page = bench.page(AREA_CHANGE_REQUESTS)
    action = next(a for a in page.panel.extra_actions if a.text() == "Evidence pack…")
    decide = next(a for a in page.panel.extra_actions if a.text() == "Decide…")
    page.panel.select_record(page.panel.records[0].id)
    page.refresh()  # a reload re-applies the panel's rules to its actions
    bench.idle()
    assert page.panel.current_item() is not None
    assert action.isEnabled() and not decide.isEnabled()  # reading is allowed, deciding is not
    action.trigger()
    text = _export(qtbot, demo_env, page.dialog, tmp_path / "read-only.pdf")
    assert "Evidence pack" in text


def test_a_date_range_refuses_an_inverted_range_and_writes_nothing(
    qtbot, demo_env: GuiEnv, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    project_id = get_project_by_code(demo_env.ctx, CODE).id
    dialog = open_evidence_dialog(parent, demo_env, project_id)
    out = tmp_path / "range.pdf"
    dialog.path.setText(str(out))
    dialog.first_day.setDate(to_qdate(date(2026, 3, 10)))
    dialog.last_day.setDate(to_qdate(date(2026, 3, 1)))
    dialog.accept()
    assert dialog.isVisible() and dialog.field_error("period_end")
    wait_idle(qtbot, demo_env.tasks)
    assert not out.exists()
    dialog.first_day.setDate(to_qdate(date(2026, 1, 1)))
    text = _export(qtbot, demo_env, dialog, out)
    assert "Log entries from 1 Jan 2026 to 1 Mar 2026" in " ".join(text.split())
