"""Categories…: both names listed, add and rename with messages next to the fields, archive and
restore."""

from __future__ import annotations

from deliverydesk.gui.dialogs.categories import ENGLISH, CategoriesDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.records.categories import list_categories
from tests.gui.conftest import wait_idle
from tests.gui.project.conftest import type_text


def _dialog(qtbot, env: GuiEnv) -> CategoriesDialog:
    dialog = CategoriesDialog(env)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, env.tasks)
    return dialog


def _names(dialog: CategoriesDialog) -> list[str]:
    return [dialog.model.index(r, ENGLISH).data() for r in range(dialog.model.rowCount())]


def test_lists_both_names_and_usage(qtbot, demo_env: GuiEnv) -> None:
    dialog = _dialog(qtbot, demo_env)
    row = _names(dialog).index("Data migration")
    assert dialog.model.index(row, 1).data() == "数据迁移"
    assert dialog.model.index(row, 2).data().startswith("Issues: 3")


def test_add_needs_both_names_then_rename_archive_restore(qtbot, env: GuiEnv) -> None:
    dialog = _dialog(qtbot, env)
    dialog.edit(None)
    editor = dialog.editor
    editor.name_en.setText("Label printing")
    editor.accept()
    assert editor.field_error("name_zh") and editor.result_value is None
    type_text(editor.name_zh, "标签打印")
    editor.accept()
    wait_idle(qtbot, env.tasks)
    assert "Label printing" in _names(dialog) and dialog.current().name_en == "Label printing"
    dialog.edit(dialog.current())
    dialog.editor.name_en.setText("Data migration")  # taken by a seeded category
    dialog.editor.accept()
    assert "already exists" in dialog.editor.field_error("name_en")
    dialog.editor.name_en.setText("Label and barcode printing")
    dialog.editor.accept()
    wait_idle(qtbot, env.tasks)
    assert "Label and barcode printing" in _names(dialog)
    dialog.archive_button.click()
    wait_idle(qtbot, env.tasks)
    assert "Label and barcode printing" not in _names(dialog)
    dialog.show_archived.setChecked(True)
    wait_idle(qtbot, env.tasks)
    archived = [n for n in _names(dialog) if n.startswith("Label and barcode printing")]
    assert archived and "(archived)" in archived[0]
    dialog.select(next(c.id for c in list_categories(env.ctx, include_archived=True) if c.archived))
    assert dialog.restore_button.isEnabled() and not dialog.rename_button.isEnabled()
    dialog.restore_button.click()
    wait_idle(qtbot, env.tasks)
    live = {c.name_en for c in list_categories(env.ctx)}
    assert "Label and barcode printing" in live
