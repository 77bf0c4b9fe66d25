"""Dates, times, numbers and money for display: the same text the documents print (Babel's helpers in
``deliverydesk.i18n.formats``), in the UI language.

Tables and date fields use the compact date (Chinese year-first 2026/3/16; English 16 Mar 2026, never
the ambiguous 3/16/26); money reads exactly as on a letter (CNY 12,000.00 / ¥12,000.00)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from deliverydesk.domain.enums import Language
from deliverydesk.gui.i18n import ui_language
from deliverydesk.i18n import formats

# Qt patterns of the date fields (QDateEdit): the compact dates of ``formats``, so a typed date parses
QT_DATE_PATTERNS = {Language.EN: "d MMM yyyy", Language.ZH_CN: "yyyy/M/d"}


# Dates are written with Qt's own CLDR data, compiled into QtCore: the same text as Babel's
# (formats.format_date(compact=True) / formats.format_day; tests/gui/test_formatting.py holds them equal
# for every day of 2000-2040) without loading Babel and its locale files on the GUI thread (~16 ms of CPU)
# for the first date shown - Today's heading and dates, right after the window's start.
_QT_LOCALES = {
    Language.EN: (QLocale.Language.English, QLocale.Script.LatinScript, QLocale.Country.UnitedStates),
    Language.ZH_CN: (QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
}


@cache
def qt_locale(language: Language) -> QLocale:
    """The Qt locale whose dates read as the documents' (``formats.locale_of``): en_US, zh_Hans_CN."""
    return QLocale(*_QT_LOCALES[language])


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    language = ui_language()
    return qt_locale(language).toString(to_qdate(value), QT_DATE_PATTERNS[language])


def format_day(value: date) -> str:
    """A day in full, weekday included (a page's heading)."""
    return qt_locale(ui_language()).toString(to_qdate(value), QLocale.FormatType.LongFormat)


def date_edit_format() -> str:
    """The display format of a date field, matching ``format_date`` (a typed date parses with it too)."""
    return QT_DATE_PATTERNS[ui_language()]


def format_datetime(value: datetime | None) -> str:
    """In the computer's time zone."""
    return "" if value is None else formats.format_datetime(value.astimezone(), ui_language(), compact=True)


def format_number(value: float, decimals: int = 1) -> str:
    return formats.format_fixed(value, decimals, ui_language())


def format_money(cents: int, currency: str, *, with_code: bool = False) -> str:
    return formats.format_money(Decimal(cents) / 100, currency, ui_language(), with_code=with_code)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def limits_text(
    hours_per_change: float, cost_cents_per_change: int, goodwill_hours_per_project: float, currency: str
) -> str:
    """A person's authority limits in words: "8.0 h and CNY 5000.00 per change request · 16.0 h goodwill
    per project" (Settings ▸ People, Home)."""
    text = QCoreApplication.translate(
        "PeoplePanel", "%1 h and %2 per change request · %3 h goodwill per project"
    )
    for marker, value in (
        ("%1", format_number(hours_per_change)),
        ("%2", format_money(cost_cents_per_change, currency, with_code=True)),
        ("%3", format_number(goodwill_hours_per_project)),
    ):
        text = text.replace(marker, value)
    return text
