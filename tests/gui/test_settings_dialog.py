"""Settings: fields load, validation messages appear next to the field, the dialog keeps what was typed,
a valid save is stored; the logo is size-checked in bytes and pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from deliverydesk.domain.enums import PaperSize
from deliverydesk.gui.dialogs.settings import SettingsDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.services.records.settings import get_settings


@pytest.fixture
def dialog(qtbot, env: GuiEnv) -> SettingsDialog:
    widget = SettingsDialog(env, get_settings(env.ctx))
    qtbot.addWidget(widget)
    widget.open()
    return widget


def test_a_bad_holiday_calendar_is_refused_next_to_its_field(qtbot, dialog: SettingsDialog, env) -> None:
    dialog.company_name.setText("天地自动化 <b>Tiandi</b>")
    dialog.holiday_calendar.setEditText("XX")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter = Save
    assert dialog.isVisible(), "a failed save keeps the dialog open"
    assert dialog.field_error("holiday_calendar")
    assert dialog.company_name.text() == "天地自动化 <b>Tiandi</b>", "nothing typed is lost"
    assert get_settings(env.ctx).company_name == ""


def test_valid_settings_are_saved(qtbot, dialog: SettingsDialog, env: GuiEnv) -> None:
    dialog.company_name.setText("Tiandi Automation")
    dialog.engineer_name.setText("张浩")
    dialog.authority_hours.setValue(12)
    dialog.authority_cost.setValue(1234.5)
    dialog.paper_size.setCurrentIndex(dialog.paper_size.findData(PaperSize.LETTER))
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("zh_CN"))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = get_settings(env.ctx)
    assert (saved.company_name, saved.engineer_name) == ("Tiandi Automation", "张浩")
    assert saved.authority_hours_per_change == 12
    assert saved.authority_cost_cents_per_change == 123450
    assert saved.paper_size is PaperSize.LETTER
    assert saved.ui_language == "zh_CN"
    assert not dialog.isVisible()


def test_escape_cancels_without_saving(qtbot, dialog: SettingsDialog, env: GuiEnv) -> None:
    dialog.company_name.setText("Not saved")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert get_settings(env.ctx).company_name == ""


def _image(path: Path, width: int, height: int, kind: str) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    assert image.save(str(path), kind)
    return path


def test_a_jpeg_logo_is_accepted_and_stored_as_png(qtbot, dialog: SettingsDialog, tmp_path, env) -> None:
    assert dialog.load_logo_file(_image(tmp_path / "logo.jpg", 300, 100, "JPEG"))
    assert dialog.logo_png is not None and dialog.logo_png.startswith(b"\x89PNG")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert get_settings(env.ctx).logo_png == dialog.logo_png


def test_a_huge_logo_is_refused_next_to_the_logo_field(dialog: SettingsDialog, tmp_path) -> None:
    assert not dialog.load_logo_file(_image(tmp_path / "huge.png", 5000, 10, "PNG"))
    assert "4000" in dialog.field_error("logo_png")
    assert dialog.logo_png is None


def test_a_file_that_is_no_image_is_refused(dialog: SettingsDialog, tmp_path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("<svg>not really</svg>")
    assert not dialog.load_logo_file(fake)
    assert dialog.field_error("logo_png")


def _next_tab_stop(widget):
    candidate = widget.nextInFocusChain()
    while not candidate.focusPolicy() & Qt.FocusPolicy.TabFocus or not candidate.isVisibleTo(widget.window()):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_follows_the_form(dialog: SettingsDialog) -> None:
    assert _next_tab_stop(dialog.company_name) is dialog.company_address
    assert _next_tab_stop(dialog.company_address) is dialog.logo_choose
    assert _next_tab_stop(dialog.engineer_name) is dialog.engineer_title
    assert _next_tab_stop(dialog.engineer_title) is dialog.authority_hours


def test_the_ui_language_is_kept_beside_the_database(qtbot, make_env, tasks) -> None:
    from deliverydesk.domain.drafts import SettingsDraft
    from deliverydesk.gui.application import WindowHost, saved_ui_language
    from deliverydesk.services.records.settings import update_settings
    from deliverydesk.services.storage import OpenOptions, open_workspace
    from tests.conftest import fixed_clock

    env = make_env()
    update_settings(env.ctx, SettingsDraft(ui_language="zh_CN"))
    host = WindowHost(tasks, env.ui_state, "en")
    host.workspace = open_workspace(OpenOptions(data_dir=env.paths.root, readonly=True), clock=fixed_clock)
    try:
        host.remember_ui_language()
        qtbot.waitUntil(lambda: saved_ui_language(env.ui_state) == "zh_CN")
    finally:
        host.workspace.close()
