"""UI language: choose it, install the translators, load the bundled CJK font.

The app's catalogue is ``resources/translations/deliverydesk_<lang>.qm`` (built by
``tools/update_translations.py``); Qt's own ``qtbase_<lang>.qm`` translates standard buttons."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from deliverydesk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
SUPPORTED = (ENGLISH, CHINESE)
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
FONT_FILE = RESOURCES_DIR / "fonts" / "NotoSansSC-Regular.ttf"


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"deliverydesk_{language}.qm"


def choose_language(requested: str | None, saved: str, system_locale: QLocale | None = None) -> str:
    """``--lang`` wins, then the language saved in Settings, then the system locale."""
    for candidate in (requested, saved):
        if candidate in SUPPORTED:
            return candidate  # type: ignore[return-value]
    locale = system_locale if system_locale is not None else QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's catalogues for ``language``; English needs none."""
    QLocale.setDefault(QLocale(language))
    if language == ENGLISH:
        return []
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (catalogue_path(language), Path(qt_dir) / f"qtbase_{language}.qm"):
        translator = QTranslator(app)
        if translator.load(str(path)) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.warning("could not load translation catalogue %s", path)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(ENGLISH))


def load_cjk_font(app: QApplication) -> str | None:
    """Make Chinese render with no CJK system font: add the bundled font as a fallback family."""
    if not FONT_FILE.exists():
        log.warning("bundled font %s is missing; Chinese may not render", FONT_FILE)
        return None
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load bundled font %s", FONT_FILE)
        return None
    font = QFont(app.font())
    font.setFamilies([app.font().family(), families[0]])
    app.setFont(font)
    return families[0]
