"""Nothing typed is lost: closing or escaping a dialog with changes asks first (Keep editing is the
default); an untouched dialog closes at once; Discard closes without saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from deliverydesk.domain.drafts import ClientDraft
from deliverydesk.gui.dialogs.records.client import ContactDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.records.clients import create_client, list_contacts


def _dialog(qtbot, env: GuiEnv) -> ContactDialog:
    client = create_client(env.ctx, ClientDraft(name="Acme"))
    dialog = ContactDialog(env, "", client.id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.client_for_test = client.id  # type: ignore[attr-defined]
    return dialog


def _button(box: QMessageBox, name: str) -> object:
    return next(b for b in box.buttons() if b.objectName() == name)


def test_an_untouched_dialog_closes_at_once(qtbot, env: GuiEnv) -> None:
    dialog = _dialog(qtbot, env)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_box is None


def test_escape_with_changes_asks_and_keep_editing_keeps_everything(qtbot, env: GuiEnv) -> None:
    dialog = _dialog(qtbot, env)
    dialog.name.setText("Wang Jianguo")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert dialog.isVisible() and box is not None and box.isVisible()
    assert box.defaultButton() is _button(box, "keepEditingButton"), "Enter keeps editing"
    _button(box, "keepEditingButton").click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and dialog.name.text() == "Wang Jianguo"


def test_the_close_button_asks_too_and_discard_saves_nothing(qtbot, env: GuiEnv) -> None:
    dialog = _dialog(qtbot, env)
    dialog.email.setText("wang@example.com")
    dialog.close()  # the window's close button
    assert dialog.isVisible()
    _button(dialog.discard_box, "discardButton").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert list_contacts(env.ctx, dialog.client_for_test).rows == ()  # type: ignore[attr-defined]


def test_after_a_save_there_is_nothing_to_ask(qtbot, env: GuiEnv) -> None:
    dialog = _dialog(qtbot, env)
    dialog.name.setText("Li Na")
    dialog.accept()
    assert not dialog.isVisible() and dialog.discard_box is None
    assert [c.name for c in list_contacts(env.ctx, dialog.client_for_test).rows] == ["Li Na"]  # type: ignore[attr-defined]
