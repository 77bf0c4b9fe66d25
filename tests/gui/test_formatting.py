"""Dates in the interface: a month name in English (never "3/6/26"), Chinese's own year-first format."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from deliverydesk.gui.dialogs.records.fields import date_edit
from deliverydesk.gui.formatting import format_date, format_datetime


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
