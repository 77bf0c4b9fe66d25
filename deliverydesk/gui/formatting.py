"""Dates and numbers for display, through QLocale (the UI language's conventions)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDateTime(value.astimezone()), QLocale.FormatType.ShortFormat)


def format_number(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def format_money(cents: int, currency: str) -> str:
    return f"{QLocale().toString(cents / 100, 'f', 2)} {currency}".strip()


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
