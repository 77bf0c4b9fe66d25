"""Service and domain error sentences shown in the UI language: the matcher, the catalogue's
completeness (every sentence the source passes to an error has a Chinese entry), and the window."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from deliverydesk.errors import ForeignFileError, RuleError, ValidationError
from deliverydesk.gui import i18n
from deliverydesk.gui.dialogs.records.client import ContactDialog
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.messages import error_text, show_error
from deliverydesk.gui.service_messages import (
    CATALOGUE_FILE,
    Catalogue,
    load_catalogue,
    placeholders,
    translate_message,
)
from deliverydesk.services.records.clients import archive_client, list_clients
from tools import service_messages as tool

HOSTILE = [
    "a.*b(c)[d]+?$^|\\1",
    "{0} {name} {{}} }{",
    "line one\nline two\r\n",
    "emoji 🚀👩‍🔧",
    "עברית \u202eRTL\u202c",
    "<b>markup</b> & 'quotes' \"; DROP TABLE projects; --",
    "",
    "x" * 10_000,
]


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue.from_mapping(
        {
            "This cannot be empty.": "此项不能为空。",
            "Braces {{stay}} literal.": "花括号 {{stay}} 保持原样。",
            "{0} is not a contact of this project's client.": "{0} 不是本项目客户的联系人。",
            "Keep this to {0} characters or fewer (it has {1}).": "请控制在 {0} 个字符以内(当前为 {1} 个)。",
            "This {0} is archived.": "此{0:term}已归档。",
            "The disk is full. {0}": "磁盘已满。{0:msg}",
            "{0}: {1}": "{0}:{1:msg}",
            "The {0} {1}: {2}.": "{0:term} {1}:{2}。",
            "Free some space.": "请释放一些空间。",
        },
        {"milestone": "里程碑"},
    )


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translators(qapp, i18n.CHINESE)
    yield
    i18n.remove_translators(qapp, translators)


# --- the matcher ---------------------------------------------------------------------------------


def test_a_sentence_without_placeholders_is_looked_up_exactly(catalogue: Catalogue) -> None:
    assert catalogue.translate("This cannot be empty.") == "此项不能为空。"
    assert catalogue.translate("Braces {stay} literal.") == "花括号 {stay} 保持原样。"
    assert catalogue.translate("This cannot be empty") == "This cannot be empty"  # not a prefix match


def test_placeholders_carry_the_runtime_values_into_the_translation(catalogue: Catalogue) -> None:
    assert catalogue.translate("Keep this to 200 characters or fewer (it has 1,234).") == (
        "请控制在 200 个字符以内(当前为 1,234 个)。"
    )
    assert catalogue.translate("Wang Wei is not a contact of this project's client.") == (
        "Wang Wei 不是本项目客户的联系人。"
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_user_text_in_a_placeholder_stays_literal(catalogue: Catalogue, value: str) -> None:
    sentence = f"{value} is not a contact of this project's client."
    assert catalogue.translate(sentence) == f"{value} 不是本项目客户的联系人。"


def test_terms_and_nested_sentences_are_translated_only_where_the_template_says(catalogue: Catalogue) -> None:
    assert catalogue.translate("This milestone is archived.") == "此里程碑已归档。"
    assert catalogue.translate("This gizmo is archived.") == "此gizmo已归档。"  # unknown term: as is
    assert catalogue.translate("The disk is full. Free some space.") == "磁盘已满。请释放一些空间。"
    assert catalogue.translate("name: This cannot be empty.") == "name:此项不能为空。"
    # a plain placeholder is data even when it happens to equal a known sentence
    assert catalogue.translate("The milestone Free some space.: Free some space..") == (
        "里程碑 Free some space.:Free some space.。"
    )


def test_an_unknown_sentence_is_shown_unchanged(catalogue: Catalogue) -> None:
    for text in ["Something nobody wrote down.", *HOSTILE]:
        assert catalogue.translate(text) == text


def test_the_english_ui_shows_the_services_english(qapp: QApplication) -> None:
    assert translate_message("This cannot be empty.") == "This cannot be empty."
    error = RuleError("This client still has 2 project(s).", "Archive its projects first.")
    assert error_text(error) == "This client still has 2 project(s).\nArchive its projects first."


def test_the_chinese_ui_translates_message_hint_and_fields(chinese: None) -> None:
    error = RuleError("This client still has 2 project(s).", "Archive its projects first.")
    assert error_text(error) == "此客户仍有 2 个项目。\n请先归档它的项目。"
    fields = ValidationError({"name": "This cannot be empty.", "x": "Not in the catalogue."})
    assert error_text(fields) == "name: 此项不能为空。; x: Not in the catalogue."


# --- the catalogue -------------------------------------------------------------------------------


def test_every_message_in_the_source_has_a_chinese_entry() -> None:
    """Sentences passed directly to the error classes and validation helpers are collected.

    Not collected (indirect, built from parts or passed through variables), so they stay English:
    the conflict sentences of ``services/bundle/transfer.py`` (``_conflict_reason``), the reasons returned by
    ``domain/attachments.py`` (``size_problem``, ``unsafe_filename_reason``) and ``pixel_bomb``; a
    template that embeds one of them marks it ``{n:msg}`` so it is translated once it is listed."""
    found = tool.extract()
    assert len(found) > 150
    messages = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))["messages"]
    missing = sorted(t for t in found if not messages.get(t, "").strip())
    assert missing == [], "add these to resources/translations/zh_CN/service_messages.json"


def test_every_translation_keeps_the_placeholders_of_its_english() -> None:
    data = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    for english, chinese in data["messages"].items():
        assert sorted(placeholders(chinese)) == sorted(placeholders(english)), english
        assert chinese.strip() and chinese != english, english
    load_catalogue()  # compiles


def test_the_extractor_turns_f_strings_into_numbered_templates() -> None:
    source = (
        "raise RuleError(f'The {kind} {row.ref:>4} moved {{twice}}.', 'Say why.')\n"
        "raise ValidationError({'a': 'A is wrong.', 'b': f'B is {n:,}.'})\n"
        "check.fail('x', 'X is wrong.' if bad else f'X is {x!r}.')\n"
        "print('Not a message.')\n"
    )
    assert tool.templates_in(source) == {
        "The {0} {1} moved {{twice}}.",
        "Say why.",
        "A is wrong.",
        "B is {0}.",
        "X is wrong.",
        "X is {0}.",
    }


def test_the_extractor_reads_what_reason_functions_return() -> None:
    source = (
        "def size_problem(size):\n"
        "    if size == 0:\n"
        "        return 'The file is empty.'\n"
        "    return f'The file is {size:.1f} MB.' if size else None\n"
        "def image_refusal(what):\n"
        "    return ValidationError({'data': {1: f'{what} is damaged.'}[1]})\n"
        "def unrelated():\n"
        "    return 'Not a reason.'\n"
    )
    assert tool.templates_in(source) == {"The file is empty.", "The file is {0} MB.", "{0} is damaged."}


def test_the_shipped_catalogue_translates_nested_reasons_and_record_kinds() -> None:
    shipped = load_catalogue()
    assert shipped.translate("photo.png: The file is 30.0 MB; attachments are limited to 25 MB.") == (
        "photo.png:文件大小为 30.0 MB；附件不能超过 25 MB。"
    )
    assert shipped.translate("This file name cannot be used: it ends with a dot or a space.") == (
        "不能使用此文件名：它以句点或空格结尾。"
    )
    assert shipped.translate("This log entry is archived.") == "此沟通记录已归档。"
    assert shipped.translate(
        "The change request was not found; it may have been removed by a sync or an import."
    ) == ("找不到该变更请求；它可能已被同步或导入删除。")


# --- the window ----------------------------------------------------------------------------------


def test_a_bad_field_shows_its_chinese_message_next_to_it(qtbot, chinese: None, demo_env: GuiEnv) -> None:
    client = list_clients(demo_env.ctx).rows[0]
    dialog = ContactDialog(demo_env, "", client.id, None)
    qtbot.addWidget(dialog)
    dialog.email.setText("not-an-address")
    dialog.accept()
    assert dialog.field_error("name") == "此项不能为空。"
    assert dialog.field_error("email") == "这看起来不是电子邮件地址（name@example.com）。"
    assert dialog.result_value is None  # nothing saved: the dialog stays open


def test_a_rule_error_shows_chinese_in_the_message_box(qtbot, chinese: None, demo_env: GuiEnv) -> None:
    client = list_clients(demo_env.ctx).rows[0]
    with pytest.raises(RuleError) as caught:
        archive_client(demo_env.ctx, client.id)
    box = show_error(None, caught.value)
    qtbot.addWidget(box)
    assert box.windowTitle() == "不允许此操作"
    assert box.text().startswith("此客户仍有 ") and box.text().endswith(" 个项目。\n请先归档它的项目。")


def test_the_startup_dialog_details_speak_chinese(chinese: None, tmp_path) -> None:
    from deliverydesk.gui.startup_specs import error_spec
    from deliverydesk.services.storage import OpenOptions, open_workspace
    from tests.conftest import fixed_clock

    (tmp_path / "deliverydesk.db").write_text("not a database, <b>ünïcode</b> 🚀", encoding="utf-8")
    with pytest.raises(ForeignFileError) as caught:
        open_workspace(OpenOptions(data_dir=tmp_path), clock=fixed_clock)
    details = error_spec(caught.value).details
    assert "不是 DeliveryDesk 数据库" in details and "not a" not in details, details
    assert str(tmp_path / "deliverydesk.db") in details  # the path stays as it is
