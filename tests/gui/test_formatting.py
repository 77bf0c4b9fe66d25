"""Dates in the interface: a month name in English (never "3/6/26"), Chinese's own year-first format."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QWidget

from deliverydesk.domain.enums import Language
from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.formatting import format_date, format_datetime, format_day, format_money, format_number
from deliverydesk.i18n import formats, translator


@pytest.fixture
def locale_of() -> Iterator[object]:
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(QLocale("en"))


@pytest.mark.parametrize(("language", "expected"), [("en", "6 Mar 2026"), ("zh_CN", "2026/3/6")])
def test_dates_are_unambiguous(locale_of, language: str, expected: str) -> None:
    locale_of(language)
    assert format_date(date(2026, 3, 6)) == expected
    assert format_date(None) == ""


@pytest.mark.parametrize(("language", "expected"), [("en", "6 Mar 2026 14:05"), ("zh_CN", "2026/3/6 14:05")])
def test_times_show_in_local_time(locale_of, language: str, expected: str) -> None:
    locale_of(language)
    local = datetime(2026, 3, 6, 14, 5).astimezone()
    in_utc = local.astimezone(timezone(timedelta(0)))
    assert format_datetime(in_utc) == expected
    assert format_datetime(None) == ""


@pytest.mark.parametrize(("language", "expected"), [("en", "6 Mar 2026"), ("zh_CN", "2026/3/6")])
def test_date_fields_show_dates_as_the_tables_do(qtbot, locale_of, language: str, expected: str) -> None:
    locale_of(language)
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = date_edit(parent, date(2026, 3, 6))
    assert edit.text() == expected == format_date(date(2026, 3, 6))
    edit.lineEdit().setText("16 Apr 2026" if language == "en" else "2026/4/16")  # typed, not picked
    assert edit.date().toPython() == date(2026, 4, 16)


@pytest.mark.parametrize("language", list(Language))
def test_the_window_writes_dates_as_the_documents_print_them(locale_of, language: Language) -> None:
    """The window writes dates with Qt's locale data (no Babel on the GUI thread at start): the same
    text as the documents' Babel dates, every day of 41 years, in both languages."""
    locale_of(language.value)
    first = date(2000, 1, 1)
    for offset in range((date(2041, 1, 1) - first).days):
        day = first + timedelta(days=offset)
        assert format_date(day) == formats.format_date(day, language, compact=True), day
        assert format_day(day) == formats.format_day(day, language), day


@pytest.mark.parametrize("language", list(Language))
def test_the_window_writes_money_and_dates_as_the_documents_print_them(locale_of, language: Language) -> None:
    """One set of Babel helpers for both: an amount on screen reads exactly as on the letter."""
    locale_of(language.value)
    t = translator(language)
    assert format_money(1_200_050, "CNY") == t.money(Decimal("12000.50"), "CNY")
    assert format_money(-8_000, "EUR") == t.money(Decimal("-80"), "EUR")
    day = date(2026, 3, 6)
    assert format_date(day) == formats.format_date(day, language, compact=True)
    if language is Language.EN:
        assert format_date(day) == t.date(day)  # English: the very same words on screen and paper


@pytest.mark.parametrize("language", list(Language))
def test_babel_agrees_with_qt_on_what_the_window_showed_before(locale_of, language: Language) -> None:
    """The window moved from QLocale to Babel without a visible change: numbers and dates as Qt wrote them."""
    locale_of(language.value)
    qt = QLocale()
    for value in (0.0, 0.25, 1.05, 7.5, 1234.5, 98765.4321, -3.75, 1_000_000.0):
        for decimals in (0, 1, 2):
            assert format_number(value, decimals) == qt.toString(value, "f", decimals), (value, decimals)
    for day in (date(2026, 1, 1), date(2026, 12, 31), date(1999, 7, 4)):
        shown = QDate(day.year, day.month, day.day)
        expected = (
            qt.toString(shown, QLocale.FormatType.ShortFormat)
            if language is Language.ZH_CN
            else qt.toString(shown, "d MMM yyyy")
        )
        assert format_date(day) == expected
        assert format_day(day) == qt.toString(shown, QLocale.FormatType.LongFormat)  # Home's heading
