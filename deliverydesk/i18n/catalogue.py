"""Where the gettext catalogues are, and loading one per language (once per process).

``locale_dir()`` is the only place that knows where the compiled catalogues live: the run-time
resources folder shipped with the package (``resources/locale``), laid out as gettext expects:
``<locale_dir>/<language>/LC_MESSAGES/deliverydesk.mo``."""

from __future__ import annotations

import gettext
import logging
from functools import cache
from pathlib import Path

from deliverydesk.domain.enums import Language
from deliverydesk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

DOMAIN = "deliverydesk"
SOURCE_LANGUAGE = Language.EN  # the language the code is written in: it needs no catalogue


def locale_dir() -> Path:
    """The folder holding ``<language>/LC_MESSAGES/deliverydesk.mo`` for every translated language."""
    return RESOURCES_DIR / "locale"


@cache
def translations(language: Language) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``; English (the source) reads the code's own text.

    A missing catalogue is a broken install: it is logged and the English text is used, so nothing
    the user wrote is lost (a test keeps the shipped catalogues complete)."""
    if language is SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, locale_dir(), languages=[language.value])
    except OSError:
        log.exception("no %s catalogue for %s in %s", DOMAIN, language.value, locale_dir())
        return gettext.NullTranslations()
