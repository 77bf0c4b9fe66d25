"""Service and domain messages in the window's language: errors carry a message id and values (no
English sentence is matched back), so the Chinese window shows Chinese next to fields, in message boxes,
in the start-up dialog and in the scope-check verdict, and the English window the English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from deliverydesk.domain.enums import Language
from deliverydesk.errors import ForeignFileError, RuleError
from deliverydesk.gui import i18n
from deliverydesk.gui.dialogs.records.client import ContactDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_text, show_error
from deliverydesk.services.records.clients import archive_client, list_clients


def test_the_english_ui_shows_the_services_english(qapp: QApplication, demo_env: GuiEnv) -> None:
    client = list_clients(demo_env.ctx).rows[0]
    with pytest.raises(RuleError) as caught:
        archive_client(demo_env.ctx, client.id)
    assert i18n.ui_language() is Language.EN
    assert error_text(caught.value) == "This client still has 1 project.\nArchive its projects first."


def test_a_bad_field_shows_its_chinese_message_next_to_it(qtbot, chinese_ui: None, demo_env: GuiEnv) -> None:
    client = list_clients(demo_env.ctx).rows[0]
    dialog = ContactDialog(demo_env, "", client.id, None)
    qtbot.addWidget(dialog)
    dialog.email.setText("not-an-address")
    dialog.accept()
    assert dialog.field_error("name") == "此项不能为空。"
    assert dialog.field_error("email") == "这看起来不是电子邮件地址（name@example.com）。"
    assert dialog.result_value is None  # nothing saved: the dialog stays open


def test_a_rule_error_shows_chinese_in_the_message_box(qtbot, chinese_ui: None, demo_env: GuiEnv) -> None:
    client = list_clients(demo_env.ctx).rows[0]
    with pytest.raises(RuleError) as caught:
        archive_client(demo_env.ctx, client.id)
    box = show_error(None, caught.value)
    qtbot.addWidget(box)
    assert box.windowTitle() == "不允许此操作"
    assert box.text().startswith("此客户仍有 ") and box.text().endswith(" 个项目。\n请先归档它的项目。")


def test_the_startup_dialog_details_speak_chinese(chinese_ui: None, tmp_path) -> None:
    from deliverydesk.gui.startup_specs import error_spec
    from deliverydesk.services.storage import OpenOptions, open_workspace
    from tests.conftest import fixed_clock

    (tmp_path / "deliverydesk.db").write_text("not a database, <b>ünïcode</b> 🚀", encoding="utf-8")
    with pytest.raises(ForeignFileError) as caught:
        open_workspace(OpenOptions(data_dir=tmp_path), clock=fixed_clock)
    details = error_spec(caught.value).details
    assert "不是 DeliveryDesk 数据库" in details and "not a" not in details, details
    assert str(tmp_path / "deliverydesk.db") in details  # the path stays as it is
