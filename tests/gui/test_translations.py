"""The zh_CN catalogue: complete, current (the committed .qm equals a fresh build of the .ts from the
code and the JSON sources), and loaded by the app so window strings appear in Chinese."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from deliverydesk.gui import i18n
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


def test_the_ts_has_no_unfinished_or_empty_entries() -> None:
    tree = ET.parse(ROOT / "resources" / "translations" / "deliverydesk_zh_CN.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 150
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        assert translation.get("type") is None and text, message.findtext("source")


def test_every_ui_string_is_translated_and_the_committed_catalogue_is_current() -> None:
    outcome, stale = _tool().check()
    assert outcome.missing == [], "run tools/update_translations.py and add the missing translations"
    assert stale == [], "run tools/update_translations.py: the committed .ts/.qm are out of date"


def test_the_catalogue_the_app_loads_exists() -> None:
    assert i18n.catalogue_path(i18n.CHINESE).is_file()


def test_language_choice_order() -> None:
    chinese, english = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale("en_US")
    assert i18n.choose_language("en", "zh_CN", chinese) == "en"  # --lang wins
    assert i18n.choose_language(None, "zh_CN", english) == "zh_CN"  # then Settings
    assert i18n.choose_language(None, "", chinese) == "zh_CN"  # then the system
    assert i18n.choose_language(None, "", english) == "en"


@pytest.fixture
def chinese(qapp: QApplication):
    translators = i18n.install_translators(qapp, i18n.CHINESE)
    yield translators
    i18n.remove_translators(qapp, translators)


def test_the_window_speaks_chinese(qtbot, chinese, env: GuiEnv) -> None:
    assert len(chinese) == 2, "the app's catalogue and Qt's qtbase_zh_CN"
    window = MainWindow(env)
    qtbot.addWidget(window)
    assert window.act_today.text() == "今日(&T)"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own catalogue
    assert QLocale().language() == QLocale.Language.Chinese


def test_the_bundled_font_renders_chinese(qapp: QApplication) -> None:
    family = i18n.load_cjk_font(qapp)
    assert family is not None and "Noto Sans SC" in family
    assert family in qapp.font().families()


HALF_WIDTH_BY_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff])")


def test_chinese_translations_use_full_width_punctuation() -> None:
    """ "数据库：%1", not "数据库:%1"; Qt's menu mnemonics keep their ASCII brackets: "文件(&F)"."""
    wrong = []
    for path in sorted((ROOT / "resources" / "translations" / "zh_CN").glob("*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        texts = entries.get("messages", entries)
        for key, text in texts.items():
            if isinstance(text, str) and HALF_WIDTH_BY_CHINESE.search(re.sub(r"\(&\w\)", "", text)):
                wrong.append(f"{path.name}: {key} -> {text}")
    assert wrong == []
