"""Dates and numbers for display, through QLocale (the UI language's conventions)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

# English's short format ("11/16/25") reads differently either side of the Atlantic; a month name does not.
# Chinese keeps its own short format (2026/3/16), which is already unambiguous.
ENGLISH_DATE = "d MMM yyyy"
ENGLISH_DATETIME = "d MMM yyyy HH:mm"
CHINESE_DATE = "yyyy/M/d"  # QLocale's Chinese short format, four-digit year in a field


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    locale, shown = QLocale(), QDate(value.year, value.month, value.day)
    if locale.language() == QLocale.Language.Chinese:
        return locale.toString(shown, QLocale.FormatType.ShortFormat)
    return locale.toString(shown, ENGLISH_DATE)


def date_edit_format() -> str:
    """The display format of a date field, matching ``format_date`` (a typed date parses with it too)."""
    return CHINESE_DATE if QLocale().language() == QLocale.Language.Chinese else ENGLISH_DATE


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    locale, shown = QLocale(), QDateTime(value.astimezone())
    if locale.language() == QLocale.Language.Chinese:
        return locale.toString(shown, QLocale.FormatType.ShortFormat)
    return locale.toString(shown, ENGLISH_DATETIME)


def format_number(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def format_money(cents: int, currency: str) -> str:
    return f"{QLocale().toString(cents / 100, 'f', 2)} {currency}".strip()


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def limits_text(
    hours_per_change: float, cost_cents_per_change: int, goodwill_hours_per_project: float
) -> str:
    """A person's authority limits in words: "8.0 h and 5000.00 per change request · 16.0 h goodwill
    per project" (Settings ▸ People, Home)."""
    text = QCoreApplication.translate(
        "PeoplePanel", "%1 h and %2 per change request · %3 h goodwill per project"
    )
    for marker, value in (
        ("%1", format_number(hours_per_change)),
        ("%2", format_number(cost_cents_per_change / 100, 2)),
        ("%3", format_number(goodwill_hours_per_project)),
    ):
        text = text.replace(marker, value)
    return text
