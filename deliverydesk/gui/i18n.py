"""UI language: choose it, install the translators, load the bundled CJK font, show service messages.

The window's own strings come from ``resources/translations/deliverydesk_<lang>.qm`` (Qt Linguist,
built by ``tools/update_translations.py`` from one ``.ts`` per feature); English has one too, holding
only the plural forms of ``%n`` strings ("%n day(s)" -> "1 day", "2 days"). Qt's own
``qtbase_<lang>.qm`` translates standard dialogs and buttons (file dialogs, message boxes). Messages
from services and errors are ``deliverydesk.i18n.Message``s: ``shown`` renders one in the UI language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import Message, parse_language
from deliverydesk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
FONT_FILE = RESOURCES_DIR / "fonts" / "NotoSansSC-Regular.ttf"
QT_CATALOGUES = ("qtbase",)  # Qt's own strings: standard buttons, QFileDialog, QMessageBox ...


def catalogue_path(language: Language) -> Path:
    return TRANSLATIONS_DIR / f"deliverydesk_{language.value}.qm"


def qt_catalogue_paths(language: Language) -> list[Path]:
    """Qt's own catalogues for ``language`` (none for English, Qt's source language)."""
    if language is Language.EN:
        return []
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [folder / f"{name}_{language.value}.qm" for name in QT_CATALOGUES]


def choose_language(requested: str | None, saved: str, system_locale: QLocale | None = None) -> Language:
    """``--lang`` wins, then the language saved in Settings, then the system locale."""
    for candidate in (requested, saved):
        try:
            chosen = parse_language(candidate)
        except ValueError:
            continue
        if chosen is not None:
            return chosen
    locale = system_locale if system_locale is not None else QLocale.system()
    return Language.ZH_CN if locale.language() == QLocale.Language.Chinese else Language.EN


def install_translators(app: QCoreApplication, language: Language) -> list[QTranslator]:
    """Install the app's and Qt's catalogues for ``language``, and make it QLocale's default."""
    QLocale.setDefault(QLocale(language.value))
    installed: list[QTranslator] = []
    for path in (catalogue_path(language), *qt_catalogue_paths(language)):
        translator = QTranslator(app)
        if translator.load(str(path)) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.warning("could not load translation catalogue %s", path)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(Language.EN.value))


def ui_language() -> Language:
    """The language the translators were installed for (``install_translators`` sets QLocale's default)."""
    return Language.ZH_CN if QLocale().language() == QLocale.Language.Chinese else Language.EN


def shown(message: Message) -> str:
    """A service's message (an error, a notice, a verdict) in the UI language."""
    return message.render(ui_language())


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
