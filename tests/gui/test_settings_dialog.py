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
from deliverydesk.services.records import people
from deliverydesk.services.records.settings import get_settings
from tests.gui.conftest import wait_idle


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
    dialog.engineer_place.setText("苏州")
    dialog.paper_size.setCurrentIndex(dialog.paper_size.findData(PaperSize.LETTER))
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("zh_CN"))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = get_settings(env.ctx)
    assert (saved.company_name, saved.engineer_name, saved.engineer_place) == (
        "Tiandi Automation",
        "张浩",
        "苏州",
    )
    assert people.get_you(env.ctx).name == "张浩"  # you, on the team roster
    assert saved.paper_size is PaperSize.LETTER
    assert saved.ui_language == "zh_CN"
    assert not dialog.isVisible()


def test_escape_asks_then_cancels_without_saving(qtbot, dialog: SettingsDialog, env: GuiEnv) -> None:
    dialog.company_name.setText("Not saved")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "typed changes are not thrown away on Escape without asking"
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.objectName() == "discardButton").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
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
    assert _next_tab_stop(dialog.engineer_title) is dialog.engineer_place


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


# --- Settings ▸ People ----------------------------------------------------------------------------


def _people(qtbot, env: GuiEnv) -> SettingsDialog:
    from deliverydesk.gui.dialogs.settings import PEOPLE_TAB

    widget = SettingsDialog(env, get_settings(env.ctx), tab=PEOPLE_TAB)
    qtbot.addWidget(widget)
    widget.open()
    wait_idle(qtbot, env.tasks)
    assert widget.tabs.currentWidget() is widget.people
    return widget


def _rows(dialog: SettingsDialog) -> list[list[str]]:
    table = dialog.people.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_roster_holds_names_roles_and_limits_per_person(qtbot, env: GuiEnv) -> None:
    from deliverydesk.domain.drafts import SettingsDraft
    from deliverydesk.domain.enums import PersonRole
    from deliverydesk.gui.dialogs.people import PersonDialog
    from deliverydesk.services.records.settings import update_settings

    update_settings(env.ctx, SettingsDraft(engineer_name="张浩"))
    dialog = _people(qtbot, env)
    assert [row[:2] for row in _rows(dialog)] == [["张浩 (you)", "Engineer"]]
    assert not dialog.people.remove_button.isEnabled()  # nobody selected; you can never be removed
    dialog.people.add_button.click()
    adding = dialog.people.dialog
    assert isinstance(adding, PersonDialog)
    adding.name.setText("Chen Jing")
    adding.role.set_value(PersonRole.MANAGER)
    adding.hours.setValue(80)
    adding.cost.setValue(20000)
    assert adding.currency.currentText() == "CNY"  # the default, as a project's
    adding.currency.setCurrentText("eur")  # typed: any ISO code, checked and written in capitals
    adding.accept()
    wait_idle(qtbot, env.tasks)
    from deliverydesk.gui.formatting import format_number

    money = "EUR " + format_number(20000, 2)  # the UI locale's grouping ("20,000.00", "20000.00")
    assert _rows(dialog)[0][:4] == ["Chen Jing", "Manager", format_number(80), money]
    assert next(p for p in people.list_people(env.ctx) if p.name == "Chen Jing").cost_currency == "EUR"
    dialog.people.add_button.click()
    dialog.people.dialog.name.setText("chen jing")  # names are unique without case
    dialog.people.dialog.accept()
    assert "already in the team roster" in dialog.people.dialog.field_error("name")
    dialog.people.dialog.name.setText("Wrong Currency")
    dialog.people.dialog.currency.setCurrentText("euro")
    dialog.people.dialog.accept()
    assert "3-letter currency code" in dialog.people.dialog.field_error("cost_currency")


def test_raising_your_own_limits_shows_on_home_until_a_manager_confirms(qtbot, env: GuiEnv) -> None:
    from deliverydesk.domain.drafts import PersonDraft, SettingsDraft
    from deliverydesk.domain.enums import PersonRole
    from deliverydesk.gui.dialogs.people import ConfirmLimitsDialog, PersonDialog
    from deliverydesk.gui.pages.home import HomePage
    from deliverydesk.services.records.settings import update_settings

    update_settings(env.ctx, SettingsDraft(engineer_name="张浩"))
    people.save_person(env.ctx, PersonDraft(name="陈经理", role=PersonRole.MANAGER))
    dialog = _people(qtbot, env)
    you_row = next(i for i, row in enumerate(_rows(dialog)) if row[0] == "张浩 (you)")
    dialog.people.table.selectRow(you_row)
    assert not dialog.people.confirm_button.isEnabled()
    dialog.people.edit_button.click()
    editing = dialog.people.dialog
    assert isinstance(editing, PersonDialog)
    editing.hours.setValue(200)
    editing.accept()
    wait_idle(qtbot, env.tasks)
    assert "themselves" in _rows(dialog)[you_row][5]
    home = HomePage(env)
    qtbot.addWidget(home)
    home.refresh()
    wait_idle(qtbot, env.tasks)
    model = home.model
    titles = [model.index(g, 0).data() for g in range(model.rowCount())]
    group = model.index(titles.index("Authority limits set by the person themselves (1)"), 0)
    assert model.index(0, 0, group).data().startswith("张浩 set their own limits: 200.0 h and CNY ")
    assert model.index(0, 3, group).data() == "a manager should confirm them (Settings ▸ People)"
    opened: list[str] = []
    home.people_opened.connect(opened.append)
    home.view.clicked.emit(model.index(0, 0, group))
    assert opened == [people.get_you(env.ctx).id]  # opens Settings ▸ People on that person
    dialog.people.table.selectRow(you_row)
    assert dialog.people.confirm_button.isEnabled()
    dialog.people.confirm_button.click()
    confirming = dialog.people.dialog
    assert isinstance(confirming, ConfirmLimitsDialog) and confirming.manager.currentText() == "陈经理"
    confirming.accept()
    wait_idle(qtbot, env.tasks)
    home.refresh()
    wait_idle(qtbot, env.tasks)
    assert not any(
        str(model.index(g, 0).data()).startswith("Authority limits") for g in range(model.rowCount())
    )


def test_the_signing_certificate_is_kept_for_this_computer_and_its_password_asked_once(
    qtbot, dialog: SettingsDialog, env: GuiEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QWidget

    from deliverydesk.gui import signing_identity

    certificate = tmp_path / "company.p12"
    monkeypatch.setattr(
        "deliverydesk.gui.dialogs.settings.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(certificate), ""),
    )
    dialog.choose_certificate()
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert env.ui_state.value(signing_identity.CERTIFICATE_KEY) == str(certificate)

    asked: list[str] = []

    def answer(parent: QWidget, title: str, label: str, *rest: object) -> tuple[str, bool]:
        asked.append(label)
        return "s3cret", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    first = signing_identity.signing_context(env, parent)
    second = signing_identity.signing_context(env, parent)
    assert first is not None and second is not None
    assert first.seal.company_certificate == certificate and second.seal.company_password == b"s3cret"
    assert len(asked) == 1 and "company.p12" in asked[0]  # once per session
    signing_identity.forget_password(env)  # a refused issue (wrong password) asks again
    signing_identity.signing_context(env, parent)
    assert len(asked) == 2
    signing_identity.forget_password(env)
