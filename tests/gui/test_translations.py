"""The window's Qt Linguist catalogues: one .ts per feature, complete for zh_CN and current (the
committed .ts/.qm equal a fresh lupdate/lrelease of the code), plurals through %n in both languages,
and loaded by the app with Qt's own catalogue so standard dialogs speak Chinese too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from deliverydesk.domain.enums import Language
from deliverydesk.gui import i18n
from deliverydesk.gui.env import GuiEnv
from deliverydesk.gui.main_window import MainWindow
from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parents[2]
TS_FOLDER = ROOT / "resources" / "translations" / "zh_CN"


def _qt_tool() -> ModuleType:
    return load_tool("i18n_qt")


def _messages() -> list[tuple[str, ET.Element]]:
    return [
        (ts.stem, message)
        for ts in sorted(TS_FOLDER.glob("*.ts"))
        for message in ET.parse(ts).getroot().iter("message")
    ]


def test_one_source_per_feature_each_finished() -> None:
    features = {path.stem for path in TS_FOLDER.glob("*.ts")}
    assert {"shell", "home", "records", "scope_guard", "documents", "evidence", "learning"} <= features
    messages = _messages()
    assert len(messages) > 900
    for feature, message in messages:
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext()).strip()
        assert translation.get("type") is None and text, (feature, message.findtext("source"))


def test_every_ui_string_is_translated_and_the_committed_catalogues_are_current() -> None:
    outcome = _qt_tool().check()
    assert outcome.missing == [], "translate these in resources/translations/zh_CN/<feature>.ts"
    assert outcome.conflicts == []
    assert outcome.stale == [], "run tools/update_translations.py: the committed .ts/.qm are out of date"


def test_a_gui_file_belongs_to_the_feature_its_pattern_names() -> None:
    tool = _qt_tool()
    gui = ROOT / "deliverydesk" / "gui"
    assert tool.feature_of(gui / "pages" / "home.py") == "home"
    assert tool.feature_of(gui / "dialogs" / "records" / "decision.py") == "scope_guard"
    assert tool.feature_of(gui / "dialogs" / "records" / "milestone.py") == "records"
    assert tool.feature_of(gui / "dialogs" / "records" / "client.py") == "project"
    assert tool.feature_of(ROOT / "deliverydesk" / "app.py") == "shell"


def test_english_plurals_are_written_by_rule() -> None:
    tool = _qt_tool()
    assert tool.english_forms("%n day(s) overdue") == ("%n day overdue", "%n days overdue")
    assert tool.english_forms("%n log entry(s)") == ("%n log entry", "%n log entries")
    stand = tool.english_forms("The handover report cannot be issued yet: %n thing(s) stand in the way")
    assert stand[0].endswith("%n thing stands in the way")  # the verb too: an exception in the table
    sources = {message.findtext("source") for _feature, message in _messages()}
    assert set(tool.ENGLISH_PLURALS) <= sources  # every exception is still a string of the window


def test_the_catalogues_the_app_loads_exist() -> None:
    assert i18n.catalogue_path(Language.ZH_CN).is_file()
    assert i18n.catalogue_path(Language.EN).is_file()
    assert all(path.is_file() for path in i18n.qt_catalogue_paths(Language.ZH_CN))


def test_language_choice_order() -> None:
    chinese, english = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale("en_US")
    assert i18n.choose_language("en", "zh_CN", chinese) is Language.EN  # --lang wins
    assert i18n.choose_language(None, "zh_CN", english) is Language.ZH_CN  # then Settings
    assert i18n.choose_language(None, "", chinese) is Language.ZH_CN  # then the system
    assert i18n.choose_language(None, "", english) is Language.EN
    assert i18n.choose_language(None, "klingon", english) is Language.EN  # a bad saved value: ignored


@pytest.fixture
def english(qapp: QApplication):
    translators = i18n.install_translators(qapp, Language.EN)
    yield translators
    i18n.remove_translators(qapp, translators)


def test_english_plurals_come_from_the_english_catalogue(english) -> None:
    assert len(english) == 1, "the English plurals; Qt's own strings are English already"
    assert QCoreApplication.translate("AttentionModel", "%n day(s) overdue", "", 1) == "1 day overdue"
    assert QCoreApplication.translate("AttentionModel", "%n day(s) overdue", "", 3) == "3 days overdue"


def test_english_plurals_of_translate_calls_outside_a_widget(english) -> None:
    # lupdate does not mark QCoreApplication.translate(..., n) as a plural: the date warnings said "day(s)"
    assert QCoreApplication.translate("DateField", "in %n day(s)", "", 1) == "in 1 day"
    warning = "This is %n day(s) from now, but it records what already happened."
    assert QCoreApplication.translate("DateField", warning, "", 365).startswith("This is 365 days from now")


def test_the_window_speaks_chinese(qtbot, chinese_ui, env: GuiEnv) -> None:
    window = MainWindow(env)
    qtbot.addWidget(window)
    assert window.act_today.text() == "今日(&T)"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own catalogue
    assert QCoreApplication.translate("AttentionModel", "%n day(s) overdue", "", 3) == "已逾期 3 天"
    assert QLocale().language() == QLocale.Language.Chinese


class _MissProbe(QTranslator):
    """Installed last (asked first): notes each Qt string the installed catalogues cannot translate."""

    def __init__(self, catalogues: list[QTranslator]) -> None:
        super().__init__()
        self.catalogues, self.missed = catalogues, set[tuple[str, str]]()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if (
            context.startswith("Q")
            and source.strip(".")
            and not any(
                catalogue.translate(context, source, disambiguation, n) for catalogue in self.catalogues
            )
        ):
            self.missed.add((context, source))
        return None  # no answer: Qt asks the real catalogues

    def isEmpty(self) -> bool:
        return False


def _walk(widget: QWidget, menus: list[QMenu]) -> None:
    widget.show()
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLineEdit | QTextEdit | QPlainTextEdit):
            menus.append(child.createStandardContextMenu())  # Undo, Copy, Paste, Select All ...
    widget.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_qt_s_own_dialogs_speak_chinese(qtbot, qapp: QApplication, chinese_ui) -> None:
    """The file dialog ("Look in", "Files of type", the Folder type), message box buttons, edit menus,
    the calendar and the print dialog: every Qt string has Chinese (Qt's catalogue, or ours for what
    Qt's lacks)."""
    probe = _MissProbe(qapp.findChildren(QTranslator))
    qapp.installTranslator(probe)
    menus: list[QMenu] = []
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            files = QFileDialog(None, "x", str(ROOT), "PDF (*.pdf);;All files (*)")
            files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            files.setAcceptMode(mode)
            files.setViewMode(QFileDialog.ViewMode.Detail)
            _walk(files, menus)
        box = QMessageBox(QMessageBox.Icon.Warning, "x", "x")
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Save)
        box.setDetailedText("x")
        _walk(box, menus)
        day = QDateEdit()
        day.setCalendarPopup(True)
        _walk(day, menus)
        _walk(day.calendarWidget(), menus)
        printer = QPrinter()  # outlives its dialog
        _walk(QPrintDialog(printer), menus)
    finally:
        qapp.removeTranslator(probe)
    assert probe.missed == set()


def test_the_bundled_font_renders_chinese(qapp: QApplication) -> None:
    family = i18n.load_cjk_font(qapp)
    assert family is not None and "Noto Sans SC" in family
    assert family in qapp.font().families()


HALF_WIDTH_BY_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff])")


def test_chinese_translations_use_full_width_punctuation() -> None:
    """ "数据库：%1", not "数据库:%1"; Qt's menu mnemonics keep their ASCII brackets: "文件(&F)"."""
    wrong = []
    for feature, message in _messages():
        text = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
        if HALF_WIDTH_BY_CHINESE.search(re.sub(r"\(&\w\)", "", text)):
            wrong.append(f"{feature}: {message.findtext('source')} -> {text}")
    assert wrong == []


def test_no_english_plural_brackets_in_chinese() -> None:
    wrong = [
        f"{feature}: {message.findtext('source')}"
        for feature, message in _messages()
        if "(s)" in "".join(message.find("translation").itertext())  # type: ignore[union-attr]
    ]
    assert wrong == []
