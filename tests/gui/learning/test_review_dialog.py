"""The guided butterfly review: questions and help texts in the UI language, follow-up actions with
quick revisit dates, done / reopened / removed, and messages under an incomplete action."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit, QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.domain.review_texts import review_question
from deliverydesk.domain.revisits import Horizon, revisit_date
from deliverydesk.gui.dialogs.records import review as review_module
from deliverydesk.gui.dialogs.records.review import ReviewDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.formatting import to_qdate
from deliverydesk.gui.pages.base import AREA_ISSUES
from deliverydesk.gui.pages.project.issues import IssuesPage
from deliverydesk.gui.screen_fit import largest_size
from deliverydesk.services.records.projects import get_project_by_code
from deliverydesk.services.reviews import butterfly as reviews
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import type_text


def _dialog(qtbot, env: GuiEnv, item=None) -> ReviewDialog:
    project = get_project_by_code(env.ctx, "DD-2026-014")
    dialog = ReviewDialog(env, project.id, item, [])
    qtbot.addWidget(dialog)
    wait_idle(qtbot, env.tasks)
    return dialog


def _labels(dialog: ReviewDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel)}


@pytest.mark.parametrize("language", list(Language))
def test_every_question_and_help_text_shows_in_the_ui_language(
    qtbot, make_env, demo_template, language: Language
) -> None:
    env = make_env(demo=True, demo_template=demo_template, language=language)
    shown = _labels(_dialog(qtbot, env))
    fields = [f"{s}_{h}" for s in ("client", "company") for h in ("short", "mid", "long")]
    for field in (*fields, "lessons", "follow_up"):
        question = review_question(field, Language(language))
        assert question.question in shown and question.hint in shown, field


def test_new_review_with_actions_quick_dates_and_done(qtbot, demo_env: GuiEnv) -> None:
    dialog = _dialog(qtbot, demo_env)
    held_on = demo_env.ctx.today() - timedelta(days=3)
    dialog.held_on.setDate(to_qdate(held_on))
    type_text(dialog.answers["client_short"], "当天修复，客户已确认")
    dialog.lessons.setPlainText("Ask for sample data at kick-off.")
    first = dialog.actions_editor.add_row(None)
    type_text(first.description, "回访客户质量部")
    first.owner.setText("Li Wei")
    qtbot.mouseClick(first.quick[1], Qt.MouseButton.LeftButton)  # in three months
    second = dialog.actions_editor.add_row(None)
    second.description.setText("Publish the checklist")
    second.done.setChecked(True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message_bar.text()
    saved = dialog.result_value
    assert saved.client_short == "当天修复，客户已确认"
    actions = reviews.list_review_actions(demo_env.ctx, saved.id).rows
    by_text = {a.description: a for a in actions}
    assert by_text["回访客户质量部"].revisit_on == revisit_date(held_on, Horizon.MID)
    assert by_text["回访客户质量部"].owner == "Li Wei" and by_text["回访客户质量部"].done_on is None
    assert by_text["Publish the checklist"].done_on == demo_env.ctx.today()


def test_editing_removes_reopens_and_changes_actions(qtbot, demo_env: GuiEnv) -> None:
    project = get_project_by_code(demo_env.ctx, "DD-2026-009")
    review = reviews.list_reviews(demo_env.ctx, project.id).rows[0]
    dialog = ReviewDialog(demo_env, project.id, review, [])
    qtbot.addWidget(dialog)
    wait_idle(qtbot, demo_env.tasks)
    rows = dialog.actions_editor.rows
    assert len(rows) == 4
    done = next(row for row in rows if row.done.isChecked())
    done.done.setChecked(False)
    removed = next(row for row in rows if not row.done.isChecked() and row is not done)
    removed_id = removed.item.id
    dialog.actions_editor.remove_row(removed)
    changed = dialog.actions_editor.rows[-1]
    changed.owner.setText("Zhou Min")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message_bar.text()
    actions = {a.id: a for a in reviews.list_review_actions(demo_env.ctx, review.id).rows}
    assert removed_id not in actions and len(actions) == 3
    assert actions[done.item.id].done_on is None
    assert actions[changed.item.id].owner == "Zhou Min"


def test_an_action_without_description_keeps_the_dialog_open(qtbot, demo_env: GuiEnv) -> None:
    project = get_project_by_code(demo_env.ctx, "DD-2026-014")
    before = reviews.list_reviews(demo_env.ctx, project.id).total
    dialog = _dialog(qtbot, demo_env)
    dialog.show()
    row = dialog.actions_editor.add_row(None)
    row.owner.setText("Li Wei")
    dialog.accept()
    assert dialog.result_value is None and row.error.isVisible() and row.error.text()
    assert dialog.message_bar.text()
    assert reviews.list_reviews(demo_env.ctx, project.id).total == before
    row.description.setText("Now described")
    dialog.accept()
    assert dialog.result_value is not None and not row.error.isVisible()


def test_export_review_report_from_the_issues_page(
    qtbot, demo_env: GuiEnv, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = get_project_by_code(demo_env.ctx, "DD-2026-009")
    page = IssuesPage(demo_env)
    qtbot.addWidget(page)
    page.set_project(project.id)
    page.refresh()
    wait_idle(qtbot, demo_env.tasks)
    assert page.area == AREA_ISSUES and not page.act_review_report.isEnabled()
    page.reviews.select_record(page.reviews.model.row_item(0).id)
    assert page.act_review_report.isEnabled()
    out = tmp_path / "review.pdf"
    asked: list[bool] = []
    monkeypatch.setattr(review_module, "ask_name_clients", lambda _parent: asked.append(True) and None)
    monkeypatch.setattr(review_module, "ask_export_path", lambda _parent, _name: out)
    page.act_review_report.trigger()  # the question about other clients cancelled: nothing written
    wait_idle(qtbot, demo_env.tasks)
    assert asked and not out.exists()
    monkeypatch.setattr(review_module, "ask_name_clients", lambda _parent: False)
    page.act_review_report.trigger()
    wait_idle(qtbot, demo_env.tasks)
    assert out.read_bytes().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "INTERNAL" in text or "内部文件" in text
    box = page.findChild(QMessageBox, "exportFinished")
    assert box is not None and str(out) in box.text()


def _overlapping(body: QWidget) -> list[str]:
    """Pairs of shown questions, help texts and answers that are drawn over one another."""
    shown = [w for w in (*body.findChildren(QLabel), *body.findChildren(QPlainTextEdit)) if w.isVisible()]

    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(body, QPoint(0, 0)), widget.size())

    return [
        f"{first.objectName() or first.text()[:30]} / {second.objectName() or second.text()[:30]}"
        for n, first in enumerate(shown)
        for second in shown[n + 1 :]
        if place(first).intersects(place(second))
    ]


def test_the_form_grows_with_the_follow_up_actions(qtbot, demo_env: GuiEnv) -> None:
    """A dialog as tall as the screen scrolls; an action added (or the stored ones, read after the
    dialog is shown) must make the scrolled form longer. It did not (its widgets were shown a moment
    after the form had been laid out): the form kept its first height and the questions of the mid
    and long term were drawn over the answers above them (the review screenshots at 1366×768)."""
    dialog = _dialog(qtbot, demo_env)
    dialog.show()
    dialog.resize(dialog.width(), largest_size(dialog).height())  # as tall as the screen allows
    qtbot.wait(200)
    body = dialog.findChild(QWidget, "reviewBody")
    rows = [dialog.actions_editor.add_row(None) for _ in range(3)]
    # shown at once, not a moment later: the form is laid out with them, then grows to hold them
    assert all(widget.isVisible() for row in rows for widget in row.widgets()[:-1])
    qtbot.wait(200)  # what the window does by itself once the rows are in
    assert dialog.content.height() >= dialog.content.heightForWidth(dialog.content.width())
    assert _overlapping(body) == []
