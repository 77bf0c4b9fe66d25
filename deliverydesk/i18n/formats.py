"""Dates, times, numbers, money and hours as each language writes them: CLDR's formats, through Babel
or written out where Babel's output is tested equal (the window's values and a draft letter's need no
Babel in memory).

The documents, the messages and the window all print through these functions, so a date or an
amount reads the same on screen as on paper. Two date styles: ``compact`` for the window's tables
and date fields (2026/3/16), the full one for documents (2026年3月16日); English writes the month's
name in both (16 Mar 2026), never the ambiguous 3/16/26."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from deliverydesk.domain.enums import Language

MINUS: Final = "\u2212"  # − : documents print a real minus sign before an amount
# CLDR date patterns (https://unicode.org/reports/tr35/tr35-dates.html#Date_Field_Symbol_Table)
DATE_PATTERNS: Final = {Language.EN: "d MMM y", Language.ZH_CN: "y年M月d日"}
COMPACT_DATE_PATTERNS: Final = {Language.EN: "d MMM y", Language.ZH_CN: "y/M/d"}
MONTH_PATTERNS: Final = {Language.EN: ("MMM", "MMM y"), Language.ZH_CN: ("M月", "y年M月")}
TIME_PATTERN: Final = "HH:mm"
# the currencies a language writes with their sign; any other keeps its unambiguous ISO code
LOCAL_CURRENCIES: Final = {Language.EN: frozenset[str](), Language.ZH_CN: frozenset({"CNY", "RMB"})}
# ... and that sign, as CLDR writes it (Babel's get_currency_symbol; tests/unit/i18n/test_formats.py)
LOCAL_SIGNS: Final = {(Language.ZH_CN, "CNY"): "¥"}


if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern


@cache
def locale_of(language: Language) -> Locale:
    """The Babel (CLDR) locale of a language: ``en``, ``zh_CN`` (parsed once)."""
    from babel import Locale

    return Locale.parse(language.value)


# The date patterns above written out: what Babel prints for them (tests/unit/i18n/test_formats.py
# compares the two on every day of twelve years and on years of one to four digits), without
# importing Babel and reading CLDR's data and its likely subtags: ~50 ms of a command-line export,
# whose draft letter prints no other localised value. A pattern not here goes to Babel.
_MONTHS_EN: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WRITTEN_DATES: Final[dict[tuple[str, Language], Callable[[date], str]]] = {
    ("d MMM y", Language.EN): lambda day: f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}",
    ("y年M月d日", Language.ZH_CN): lambda day: f"{day.year}年{day.month}月{day.day}日",
    ("y/M/d", Language.ZH_CN): lambda day: f"{day.year}/{day.month}/{day.day}",
}


# A document prints the same few dates and amounts many times over (a 30-page summary: ~600 dates):
# formatting is pure, so the results are kept (bounded) rather than asked of Babel again.
@lru_cache(maxsize=4096)
def format_date(day: date, language: Language, *, compact: bool = False) -> str:
    """16 Mar 2026 / 2026年3月16日 (``compact``: 2026/3/16 in Chinese, unchanged in English)."""
    pattern = (COMPACT_DATE_PATTERNS if compact else DATE_PATTERNS)[language]
    written = _WRITTEN_DATES.get((pattern, language))
    if written is not None:
        return written(day)
    return babel_date(day, pattern, language)


def babel_date(day: date, pattern: str, language: Language) -> str:
    """Babel's date in a CLDR pattern (Babel loads on first use: --help stays quick)."""
    from babel.dates import format_date

    return format_date(day, pattern, locale=locale_of(language))


def format_day(day: date, language: Language) -> str:
    """The day in full, weekday included, as a heading: Monday, March 16, 2026 / 2026年3月16日星期一."""
    from babel.dates import format_date as babel_date

    return babel_date(day, "full", locale=locale_of(language))


def format_datetime(moment: datetime, language: Language, *, compact: bool = False) -> str:
    """The date as ``format_date`` writes it and the time on a 24-hour clock, in ``moment``'s own
    time zone (callers convert first): 16 Mar 2026 14:05 / 2026/3/16 14:05."""
    pattern = (COMPACT_DATE_PATTERNS if compact else DATE_PATTERNS)[language]
    written = _WRITTEN_DATES.get((pattern, language))
    if written is not None:  # TIME_PATTERN written out: Babel prints the moment's own wall time
        return f"{written(moment.date())} {moment.hour:02d}:{moment.minute:02d}"
    return babel_datetime(moment, f"{pattern} {TIME_PATTERN}", language)


def babel_datetime(moment: datetime, pattern: str, language: Language) -> str:
    """Babel's date and time in a CLDR pattern, in ``moment``'s own time zone."""
    from babel.dates import format_datetime

    return format_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=locale_of(language))


def format_month(month: date, language: Language, *, with_year: bool) -> str:
    """A month on a time axis: Mar / Mar 2026, 3月 / 2026年3月."""
    from babel.dates import format_date as babel_date

    short, long = MONTH_PATTERNS[language]
    return babel_date(month, long if with_year else short, locale=locale_of(language))


@cache
def number_pattern(pattern: str) -> NumberPattern:
    """Babel's parse of a number pattern (it parses again on every call given the text)."""
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


# Numbers written out too: CLDR's en and zh_CN write a decimal number alike ("." before the decimals,
# "," between groups of three digits, "-" before a negative one), so the window's hours, amounts and
# counts need neither Babel nor CLDR's data in memory (~4 MiB of the window's peak, issue 16).
# tests/unit/i18n/test_formats.py compares both functions with Babel on every language here.
_WRITTEN_NUMBER_LANGUAGES: Final = frozenset({Language.EN, Language.ZH_CN})


def written_decimal(value: Decimal | float | int, min_decimals: int, max_decimals: int) -> str | None:
    """What Babel's ``format_decimal`` prints in en and zh_CN for the pattern "#,##0" with
    ``min_decimals`` to ``max_decimals`` decimals (None for what it would not write the same way: an
    infinity, NaN): a float read as its shortest text (0.1, not 0.1000000000000000055...), rounded
    half to even at ``max_decimals``, trailing zeros dropped down to ``min_decimals``."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        return None
    sign = "-" if number.is_signed() else ""
    rounded = abs(number).normalize().quantize(Decimal(1).scaleb(-max_decimals))  # as Babel: half to even
    whole, _, decimals = f"{rounded:f}".partition(".")
    decimals = decimals.rstrip("0").ljust(min_decimals, "0")
    head = len(whole) % 3 or 3
    grouped = ",".join([whole[:head], *(whole[start : start + 3] for start in range(head, len(whole), 3))])
    return f"{sign}{grouped}.{decimals}" if decimals else f"{sign}{grouped}"


@lru_cache(maxsize=4096)
def format_number(value: Decimal | float | int, language: Language) -> str:
    """Thousands grouped, at most two decimals and only those that carry information: 12.5, 8, 1,200."""
    text = written_decimal(value, 0, 2) if language in _WRITTEN_NUMBER_LANGUAGES else None
    if text is None:
        from babel.numbers import format_decimal

        text = format_decimal(value, number_pattern("#,##0.##"), locale=locale_of(language))
    return "0" if text == "-0" else text


@lru_cache(maxsize=4096)
def format_fixed(value: Decimal | float | int, decimals: int, language: Language) -> str:
    """Thousands grouped and exactly ``decimals`` decimals, rounded half away from zero: 1,234.50
    (and 0.00 for what rounds to zero, whatever its sign)."""
    exact = Decimal(value)  # a float exactly as stored, as Qt rounds it
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if not rounded:  # no "-0.00": a zero has no sign (and 0 and -0.0 are one key of the cache)
        rounded = rounded.copy_abs()
    text = written_decimal(rounded, decimals, decimals) if language in _WRITTEN_NUMBER_LANGUAGES else None
    if text is not None:
        return text
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(
        rounded, number_pattern(pattern), locale=locale_of(language), decimal_quantization=False
    )


def format_money(amount: Decimal, currency: str, language: Language, *, with_code: bool = False) -> str:
    """CNY 12,000.00 in English; ¥12,000.00 in Chinese (other currencies keep their code); a
    negative amount starts with a minus sign: −EUR 80.00. ``with_code``: the code in every language,
    where amounts in two currencies meet (¥ is also the yen's sign)."""
    code = currency.upper()
    digits = format_fixed(abs(amount), 2, language)
    sign = MINUS if amount < 0 else ""
    if code in LOCAL_CURRENCIES[language] and not with_code:
        return f"{sign}{LOCAL_SIGNS[language, 'CNY' if code == 'RMB' else code]}{digits}"
    return f"{sign}{code} {digits}".rstrip() if code else f"{sign}{digits}"  # no code: the amount


def utc_offset_text(moment: datetime) -> str:
    """The zone of an aware time as printed: "UTC+08:00", "UTC−05:00"."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else MINUS
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# Compiled when first used: a character class over tens of thousands of code points takes Python's
# compiler 10-20 ms, and a draft letter's export never asks.
_CJK: Final = (
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)
_DATE_ZH: Final = r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
_CJK_CHAR: Final = "[\u3400-\u9fff\U00020000-\U0003ffff]"
_TIGHT: Final = f"(?=({_CJK_CHAR}[A-Za-z0-9]|[A-Za-z0-9]{_CJK_CHAR}))"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese (or Japanese) character or full-width form."""
    return _compiled(_CJK).search(text) is not None


def spacing_problems(text: str) -> list[str]:
    """Where fixed Chinese text breaks the documents' one spacing rule: one space between Chinese
    characters and Latin letters or digits (第 2 版, 6 小时, 变更请求 CR-3, 截至 2026年3月16日); a date
    written the Chinese way is one number with its units inside (2026年3月16日), and next to
    full-width punctuation no space is needed. User text is printed as it was typed."""
    return [match.group(1) for match in _compiled(_TIGHT).finditer(_compiled(_DATE_ZH).sub("D0", text))]


def join_list(items: Iterable[str], language: Language) -> str:
    """A list in running text: "a, b, c"; in Chinese "甲、乙、丙", but ", " between two items
    written in Latin letters (no "、" between Latin names: "Zhou Ming, Sun Li")."""
    parts = [item for item in items if item]
    if language is Language.EN:
        return ", ".join(parts)
    joined = parts[:1]
    for previous, item in pairwise(parts):
        latin = not (has_cjk(previous) or has_cjk(item))
        joined += [", " if latin else "、", item]
    return "".join(joined)
