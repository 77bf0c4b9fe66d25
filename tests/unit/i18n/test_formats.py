"""Dates, numbers, money and messages per language, through Babel: what the documents print and the
window shows (the window's Qt-side test checks it shows the same)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from deliverydesk.domain.enums import Language
from deliverydesk.i18n import formats, parse_language, translator
from deliverydesk.i18n.formats import (
    format_date,
    format_datetime,
    format_fixed,
    format_money,
    format_month,
    format_number,
)

EN, ZH = Language.EN, Language.ZH_CN


@pytest.mark.parametrize(("language", "expected"), [(EN, "16 Mar 2026"), (ZH, "2026年3月16日")])
def test_dates_print_per_language(language: Language, expected: str) -> None:
    assert format_date(date(2026, 3, 16), language) == expected
    assert translator(language).date(date(2026, 3, 16)) == expected
    assert translator(language).date(None) == "—"


def _days_to_compare() -> Iterator[date]:
    """Every day of 2020-2031 (three leap years), and the first and last day of years with one to
    four digits (1-120, then every 37th up to 9999)."""
    day = date(2020, 1, 1)
    while day.year <= 2031:
        yield day
        day += timedelta(days=1)
    for year in (*range(1, 121), *range(121, 10000, 37), 9999):
        yield from (date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("language", list(Language))
def test_the_dates_written_out_are_babel_s(language: Language, compact: bool) -> None:
    pattern = (formats.COMPACT_DATE_PATTERNS if compact else formats.DATE_PATTERNS)[language]
    assert (pattern, language) in formats._WRITTEN_DATES  # else it goes to Babel: this test is moot
    written = formats._WRITTEN_DATES[pattern, language]
    for day in _days_to_compare():
        assert written(day) == formats.babel_date(day, pattern, language), day


def test_the_compact_date_is_chinese_year_first_and_english_unchanged() -> None:
    assert format_date(date(2026, 3, 6), ZH, compact=True) == "2026/3/6"
    assert format_date(date(2026, 3, 6), EN, compact=True) == "6 Mar 2026"


def test_times_keep_their_own_zone() -> None:
    moment = datetime(2026, 3, 6, 14, 5, tzinfo=timezone(timedelta(hours=8)))
    assert format_datetime(moment, EN) == "6 Mar 2026 14:05"
    assert format_datetime(moment, ZH, compact=True) == "2026/3/6 14:05"
    assert format_datetime(moment.replace(tzinfo=None), ZH) == "2026年3月6日 14:05"


def test_months_on_a_time_axis() -> None:
    assert format_month(date(2026, 3, 1), EN, with_year=True) == "Mar 2026"
    assert format_month(date(2026, 3, 1), EN, with_year=False) == "Mar"
    assert format_month(date(2026, 3, 1), ZH, with_year=True) == "2026年3月"
    assert format_month(date(2026, 3, 1), ZH, with_year=False) == "3月"


def test_money_prints_per_language() -> None:
    assert format_money(Decimal("12000"), "CNY", EN) == "CNY 12,000.00"
    assert format_money(Decimal("12000"), "CNY", ZH) == "¥12,000.00"
    assert format_money(Decimal("12000"), "rmb", ZH) == "¥12,000.00"
    assert format_money(Decimal("1234.5"), "usd", ZH) == "USD 1,234.50"
    assert format_money(Decimal("-80"), "EUR", EN) == "−EUR 80.00"


def test_money_says_its_code_where_two_currencies_meet() -> None:
    assert format_money(Decimal("500"), "CNY", ZH, with_code=True) == "CNY 500.00"  # ¥ is the yen's too
    assert format_money(Decimal("500"), "cny", EN, with_code=True) == "CNY 500.00"
    assert format_money(Decimal("-80"), "", EN) == "−80.00", "no currency known: the amount alone"


def test_numbers_keep_only_informative_decimals() -> None:
    assert format_number(Decimal("12.50"), EN) == "12.5"
    assert format_number(Decimal("8"), EN) == "8"
    assert format_number(Decimal("1200"), ZH) == "1,200"
    assert format_number(Decimal("0"), EN) == "0"
    assert format_number(Decimal("-0.001"), EN) == "0"
    assert translator(ZH).hours(Decimal("6")) == "6 小时"
    assert translator(EN).hours(Decimal("6.5")) == "6.5 h"


def test_fixed_decimals_round_half_away_from_zero() -> None:
    assert format_fixed(0.25, 1, EN) == "0.3"
    assert format_fixed(1234.5, 0, EN) == "1,235"
    assert format_fixed(2, 2, ZH) == "2.00"
    assert format_fixed(-0.004, 2, EN) == "0.00", "a zero has no sign"
    assert format_fixed(-0.0, 1, ZH) == "0.0"


def _numbers_to_compare() -> Iterator[Decimal | float | int]:
    """Integers around each grouping, floats and decimals on and beside rounding ties (half to even
    and away), negative ones, zeros with a sign, and long and tiny values."""
    for magnitude in range(13):
        for base in (10**magnitude, 10**magnitude - 1, 10**magnitude + 1):
            yield from (base, -base)
    for cents in range(-1000, 1001, 7):
        yield from (cents / 100, cents / 1000, Decimal(cents).scaleb(-3), cents / 100 + 0.005)
    for text in (
        "0.125",
        "0.135",
        "2.675",
        "1.005",
        "-0.005",
        "-0",
        "0.0000",
        "1E+3",
        "123456789.995",
        "1e-9",
        "-1234567.8949",
        "999999.999",
        "0.5",
        "1.5",
        "2.5",
    ):
        yield from (Decimal(text), float(text))
    yield from (0.1 + 0.2, 1 / 3, -2 / 3, 1e15 + 0.3, 12345.678901)


@pytest.mark.parametrize("language", list(Language))
def test_the_numbers_written_out_are_babel_s(language: Language) -> None:
    from babel.numbers import format_decimal

    locale = formats.locale_of(language)
    for value in _numbers_to_compare():
        babel_number = format_decimal(value, formats.number_pattern("#,##0.##"), locale=locale)
        assert format_number(value, language) == ("0" if babel_number == "-0" else babel_number), value
        for decimals in range(5):
            rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
            rounded = rounded if rounded else rounded.copy_abs()  # a zero has no sign
            pattern = formats.number_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
            babel_fixed = format_decimal(rounded, pattern, locale=locale, decimal_quantization=False)
            assert format_fixed(value, decimals, language) == babel_fixed, (value, decimals)


def test_a_number_written_out_says_when_it_cannot_be() -> None:
    assert formats.written_decimal(Decimal("NaN"), 0, 2) is None
    assert formats.written_decimal(float("inf"), 0, 2) is None
    assert formats.written_decimal(Decimal("-1234.5"), 2, 2) == "-1,234.50"


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("language", list(Language))
def test_the_times_written_out_are_babel_s(language: Language, compact: bool) -> None:
    pattern = (formats.COMPACT_DATE_PATTERNS if compact else formats.DATE_PATTERNS)[language]
    assert (pattern, language) in formats._WRITTEN_DATES  # else it goes to Babel: this test is moot
    zones = (None, UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30)))
    for day in (date(2026, 3, 16), date(2024, 2, 29), date(1, 1, 1), date(9999, 12, 31)):
        for hour, minute in ((0, 0), (9, 5), (12, 30), (23, 59)):
            for zone in zones:
                moment = datetime(day.year, day.month, day.day, hour, minute, 59, 999999, tzinfo=zone)
                expected = formats.babel_datetime(moment, f"{pattern} {formats.TIME_PATTERN}", language)
                assert format_datetime(moment, language, compact=compact) == expected, moment


def test_the_local_currency_signs_are_cldr_s() -> None:
    from babel.numbers import get_currency_symbol

    for (language, code), sign in formats.LOCAL_SIGNS.items():
        assert sign == get_currency_symbol(code, formats.locale_of(language))
    for language, codes in formats.LOCAL_CURRENCIES.items():  # every local currency has its sign
        assert all((language, "CNY" if code == "RMB" else code) in formats.LOCAL_SIGNS for code in codes)


def test_the_window_s_numbers_and_times_do_not_load_babel() -> None:
    """What the window shows after its start (hours, amounts, the log's times) is written out: Babel
    and CLDR's data stay out of its memory (issue 16's window peak)."""
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from decimal import Decimal\n"
        "from deliverydesk.domain.enums import Language\n"
        "from deliverydesk.i18n import formats\n"
        "for language in Language:\n"
        "    formats.format_number(1234.5, language)\n"
        "    formats.format_fixed(2, 1, language)\n"
        "    formats.format_money(Decimal('-12000'), 'CNY', language)\n"
        "    formats.format_datetime(datetime(2026, 3, 16, 10, 5).astimezone(), language, compact=True)\n"
        "    formats.format_date(datetime(2026, 3, 16).date(), language)\n"
        "print(sorted(name for name in sys.modules if name.startswith('babel')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_text_without_values_keeps_its_braces() -> None:
    assert translator(EN)("{literal}") == "{literal}"


def test_language_codes() -> None:
    assert parse_language("zh") is ZH and parse_language("zh_CN") is ZH and parse_language("en") is EN
    assert parse_language(None) is None and parse_language("") is None
    with pytest.raises(ValueError, match="unknown language"):
        parse_language("fr")


BUNDLE_SPEC = Path(__file__).resolve().parents[3] / "tools" / "bundle" / "deliverydesk.spec"
CACHED = (formats.locale_of, formats.format_date, formats.format_number, formats.format_fixed)


def bundled_babel_locales() -> set[str]:
    """``BABEL_LOCALES`` of the desktop bundle's spec: the only CLDR files the bundle ships."""
    for node in ast.parse(BUNDLE_SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "BABEL_LOCALES" for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"no BABEL_LOCALES in {BUNDLE_SPEC}")


@pytest.fixture
def only_bundled_cldr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Babel reading its locale data from a folder holding just the bundle's files."""
    import babel.localedata as localedata

    for name in bundled_babel_locales():
        shutil.copy(Path(localedata._dirname) / name, tmp_path / name)

    def forget() -> None:
        localedata.clear_caches()
        localedata.exists.cache_clear()
        localedata.locale_identifiers.cache_clear()
        for function in CACHED:
            function.cache_clear()

    forget()
    monkeypatch.setattr(localedata, "_dirname", str(tmp_path))
    yield
    monkeypatch.undo()
    forget()


@pytest.mark.usefixtures("only_bundled_cldr")
def test_the_bundle_keeps_the_cldr_data_every_format_reads() -> None:
    day, moment = date(2026, 3, 16), datetime(2026, 3, 16, 10, 5, tzinfo=UTC)
    assert format_date(day, ZH) == "2026年3月16日" and format_date(day, EN, compact=True) == "16 Mar 2026"
    assert formats.format_day(day, ZH) == "2026年3月16日星期一"
    assert formats.format_day(day, EN) == "Monday, March 16, 2026"
    assert format_datetime(moment, ZH, compact=True) == "2026/3/16 10:05"
    assert format_month(day, ZH, with_year=True) == "2026年3月"
    assert format_month(day, EN, with_year=False) == "Mar"
    assert format_money(Decimal("-12000"), "CNY", ZH) == "\u2212¥12,000.00"
    assert format_money(Decimal("12000"), "CNY", EN) == "CNY 12,000.00"
    assert format_number(1234.5, ZH) == "1,234.5" and format_fixed(2, 2, EN) == "2.00"
