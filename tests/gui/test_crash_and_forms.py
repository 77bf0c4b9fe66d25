"""Crash safety: an unexpected exception is logged and explained in a dialog naming the log file; a form
dialog whose save fails stays open with everything typed."""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from deliverydesk.errors import DiskFullError, ValidationError
from deliverydesk.gui.crash import CrashHandler
from deliverydesk.gui.dialogs.base import FormDialog
from deliverydesk.i18n import msg


def test_an_unexpected_exception_shows_a_dialog_and_is_logged(qtbot, tmp_path, caplog) -> None:
    handler = CrashHandler(tmp_path / "deliverydesk.log")
    try:
        raise KeyError("milestone")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="deliverydesk.crash"):
            handler.handle(type(exc), exc, exc.__traceback__)
    box = handler.last_box
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible()
    assert "KeyError" in box.text()
    assert str(tmp_path / "deliverydesk.log") in box.informativeText()
    assert "Traceback" in box.detailedText()
    assert "KeyError" in caplog.text


def test_an_exception_in_another_thread_reaches_the_gui_thread(qtbot, tmp_path) -> None:
    handler = CrashHandler(tmp_path / "deliverydesk.log")
    handler.install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: handler.last_box is not None)
    finally:
        handler.uninstall()
    qtbot.addWidget(handler.last_box)
    assert "ZeroDivisionError" in handler.last_box.text()


class NameDialog(FormDialog):
    def __init__(self, save) -> None:
        super().__init__()
        self.name = self.add_field("name", "Name", QLineEdit(self))
        self.other = self.add_field("other", "Other", QLineEdit(self))
        self._save = save

    def save(self):
        return self._save(self.name.text())


def test_a_validation_error_stays_next_to_its_field(qtbot) -> None:
    def refuse(_name: str):
        raise ValidationError({"name": msg("Too long."), "ghost": msg("Something else.")})

    dialog = NameDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name.setText("x" * 10_000)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.field_error("name") == "Too long."
    assert dialog.field_error("other") == ""
    assert dialog.message_bar.text() == "Something else."  # errors with no field go to the bar
    assert dialog.name.text() == "x" * 10_000


def test_a_storage_error_shows_in_the_message_bar_and_then_saves(qtbot) -> None:
    attempts: list[str] = []

    def flaky(name: str):
        attempts.append(name)
        if len(attempts) == 1:
            raise DiskFullError(msg("The disk is full."), hint=msg("Nothing was saved; free some space."))
        return name.upper()

    dialog = NameDialog(flaky)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name.setText("<script>")
    dialog.accept()
    assert dialog.isVisible()
    assert "disk is full" in dialog.message_bar.text()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.accept()
    assert saved.args == ["<SCRIPT>"]
    assert not dialog.isVisible() and dialog.message_bar.isHidden()


def test_ctrl_s_saves_and_escape_cancels(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    assert QKeySequence(QKeySequence.StandardKey.Save) == QKeySequence("Ctrl+S")
    dialog = NameDialog(str.upper)
    qtbot.addWidget(dialog)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # shortcuts need the active window
    dialog.name.setFocus()
    dialog.name.setText("saved with the keyboard")
    QTest.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == ["SAVED WITH THE KEYBOARD"]
    other = NameDialog(str.upper)
    qtbot.addWidget(other)
    other.show()
    QTest.keyClick(other, Qt.Key.Key_Escape)
    assert not other.isVisible() and other.result_value is None


def test_a_form_opens_with_the_keyboard_in_its_first_field(qtbot) -> None:
    """Not on Save: Enter would save at once what the dialog was opened with (a decision's default
    outcome, say), and the first field would be three Tabs away, behind Cancel and the scroll area."""
    from PySide6.QtWidgets import QComboBox

    class OutcomeDialog(FormDialog):
        def __init__(self) -> None:
            super().__init__()
            self.ref = self.add_field("ref", "Ref", QLabel("CR-3", self))  # shown, takes no focus
            self.outcome = self.add_field("outcome", "Outcome", QComboBox(self))
            self.rationale = self.add_field("rationale", "Rationale", QLineEdit(self))

    dialog = OutcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.outcome
    chosen = NameDialog(str.upper)  # a dialog that puts the focus where it wants keeps it there
    qtbot.addWidget(chosen)
    chosen.other.setFocus()
    chosen.show()
    chosen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is chosen)
    assert QApplication.focusWidget() is chosen.other
