"""Reading a date the way people type it, and stepping one part of it: the rules behind the window's
one date field (no Qt here, so every accepted form has a unit test).

Accepted (case, spaces and full-width characters do not matter):

- ISO and year-first numbers: ``2027-01-15``, ``2027/1/15``, ``2027.1.15``;
- Chinese: ``2027年1月15日``, ``1月15日`` (the current year);
- month names: ``15 Jan 2027``, ``15 January 2027``, ``Jan 15, 2027``, ``15-Jan-27``, ``15 Jan``;
- numbers with the year last: ``1/15/2027`` (month first, as ``1/15`` reads in China and the US),
  ``15/1/2027`` (a first number above 12 can only be a day), ``15.1.2027`` (dots: day first, as
  Europe writes it); without a year, ``1/15`` and ``15.1.`` fall in the current year;
- a day of the current month: ``15``;
- relative: ``+5`` (five days from today), ``-3``, ``+2w`` (weeks), ``+1m`` (months), ``today``,
  ``tomorrow``, ``yesterday``, ``今天``, ``明天``, ``昨天``.

``read_date`` says what it understood (which form, whether it assumed the year) and where each part
sits in the text, so the field can step the part under the cursor with the arrow keys:
``step_part`` changes that part only, wrapping within it, never carrying into the next one (the
31st plus one day is the 1st of the same month; December plus one month is January of the same year).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from deliverydesk.domain.workdays import months_later

MIN_YEAR, MAX_YEAR = 1900, 2199  # outside: surely a typo, not a date of a project


class DatePart(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateForm(StrEnum):
    """How the text was read: the field says so next to what it understood."""

    ISO = "iso"  # 2027-01-15, 2027/1/15
    CHINESE = "chinese"  # 2027年1月15日
    MONTH_NAME = "month_name"  # 15 Jan 2027
    NUMBERS = "numbers"  # 1/15/2027, 15.1.2027
    DAY_OF_MONTH = "day_of_month"  # 15
    RELATIVE = "relative"  # +5, today


Span = tuple[int, int]  # [start, end) in the text as typed


@dataclass(frozen=True)
class DateReading:
    value: date
    form: DateForm
    assumed_year: bool = False  # "1/15", "15 Jan": the current year was taken
    offset_days: int | None = None  # relative forms: days from today
    spans: dict[DatePart, Span] = field(default_factory=dict)  # where each part is in the text


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WORDS = {
    "today": 0,
    "now": 0,
    "t": 0,
    "今天": 0,
    "今日": 0,
    "tomorrow": 1,
    "明天": 1,
    "明日": 1,
    "yesterday": -1,
    "昨天": -1,
    "昨日": -1,
}
_RELATIVE = re.compile(r"([+-])\s*(\d{1,4})\s*(d|w|m|天|日|周|个月|月)?")
_CHINESE = re.compile(r"(?:(\d{2,4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_TOKEN = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)


def _normalise(text: str) -> str:
    """Full-width digits and punctuation become ASCII (NFKC); letters lower-case; outer spaces gone."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def read_date(text: str, today: date) -> DateReading | None:
    """What ``text`` means as a date (``today`` for relative and year-less forms), or None.

    NFKC keeps the length of the characters used here, so spans index the text as typed."""
    typed = _normalise(text)
    if not typed:
        return None
    for reader in (_relative, _chinese, _with_month_name, _numbers):
        reading = reader(typed, today)
        if reading is not None:
            return reading if MIN_YEAR <= reading.value.year <= MAX_YEAR else None
    return None


def _relative(typed: str, today: date) -> DateReading | None:
    if typed in _WORDS:
        days = _WORDS[typed]
        return DateReading(today + timedelta(days=days), DateForm.RELATIVE, offset_days=days)
    match = _RELATIVE.fullmatch(typed)
    if match is None:
        return None
    sign = -1 if match.group(1) == "-" else 1
    amount, unit = int(match.group(2)) * sign, match.group(3) or "d"
    if unit in ("m", "个月", "月"):
        value = _add_months(today, amount)
    else:
        value = today + timedelta(days=amount * (7 if unit in ("w", "周") else 1))
    return DateReading(value, DateForm.RELATIVE, offset_days=(value - today).days)


def _add_months(day: date, months: int) -> date:
    if not MIN_YEAR <= (day.year * 12 + day.month - 1 + months) // 12 <= MAX_YEAR:
        return day
    return months_later(day, months)


def _chinese(typed: str, today: date) -> DateReading | None:
    match = _CHINESE.fullmatch(typed)
    if match is None:
        return None
    spans = {DatePart.MONTH: match.span(2), DatePart.DAY: match.span(3)}
    if match.group(1):
        spans[DatePart.YEAR] = match.span(1)
    return _reading(match.group(1), match.group(2), match.group(3), today, DateForm.CHINESE, spans)


def _tokens(typed: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(typed))


def _with_month_name(typed: str, today: date) -> DateReading | None:
    tokens = _tokens(typed)
    names = [t for t in tokens if not t.group().isdigit()]
    if len(names) != 1 or names[0].group() not in MONTHS or not 2 <= len(tokens) <= 3:
        return None
    month_token = names[0]
    numbers = [t for t in tokens if t.group().isdigit()]
    if _leftover(typed, tokens):
        return None
    day_token, year_token = numbers[0], numbers[1] if len(numbers) > 1 else None
    if len(numbers) == 2 and len(numbers[0].group()) == 4:  # 2027 Jan 15
        day_token, year_token = numbers[1], numbers[0]
    spans = {DatePart.MONTH: month_token.span(), DatePart.DAY: day_token.span()}
    if year_token is not None:
        spans[DatePart.YEAR] = year_token.span()
    year = year_token.group() if year_token is not None else None
    month = str(MONTHS[month_token.group()])
    return _reading(year, month, day_token.group(), today, DateForm.MONTH_NAME, spans)


def _leftover(typed: str, tokens: list[re.Match[str]]) -> bool:
    """Anything but separators between the tokens (``15 Jan 2027 x`` is not a date)."""
    rest = _TOKEN.sub("", typed)
    return any(ch not in " ,./-" for ch in rest)


def _numbers(typed: str, today: date) -> DateReading | None:
    tokens = _tokens(typed)
    if not tokens or any(not t.group().isdigit() for t in tokens) or _leftover(typed, tokens):
        return None
    if len(tokens) == 1:
        return _day_of_month(tokens[0], today)
    if len(tokens) not in (2, 3):
        return None
    texts = [t.group() for t in tokens]
    order: tuple[DatePart, ...]
    if len(texts) == 3 and len(texts[0]) == 4:  # 2027-01-15, 2027/1/15, 2027.1.15
        order = (DatePart.YEAR, DatePart.MONTH, DatePart.DAY)
        form = DateForm.ISO
    else:
        order = _day_month_order(texts, dotted="." in typed)
        form = DateForm.NUMBERS
    parts = {part: tokens[i] for i, part in enumerate(order)}
    spans = {part: token.span() for part, token in parts.items()}
    year = parts[DatePart.YEAR].group() if DatePart.YEAR in parts else None
    return _reading(year, parts[DatePart.MONTH].group(), parts[DatePart.DAY].group(), today, form, spans)


def _day_month_order(texts: list[str], *, dotted: bool) -> tuple[DatePart, ...]:
    """Month first (1/15, 1/15/2027), unless the first number cannot be a month or dots separate the
    numbers (15.1.2027): then day first. A third number is the year."""
    day_first = dotted or int(texts[0]) > 12
    order = (DatePart.DAY, DatePart.MONTH) if day_first else (DatePart.MONTH, DatePart.DAY)
    return (*order, DatePart.YEAR) if len(texts) == 3 else order


def _day_of_month(token: re.Match[str], today: date) -> DateReading | None:
    if len(token.group()) > 2:
        return None
    reading = _reading(None, str(today.month), token.group(), today, DateForm.DAY_OF_MONTH, {})
    if reading is None:
        return None
    return DateReading(
        reading.value, DateForm.DAY_OF_MONTH, assumed_year=True, spans={DatePart.DAY: token.span()}
    )


def _reading(
    year: str | None, month: str, day: str, today: date, form: DateForm, spans: dict[DatePart, Span]
) -> DateReading | None:
    if year is not None and len(year) not in (2, 4):
        return None
    full_year = today.year if year is None else int(year) + (2000 if len(year) == 2 else 0)
    try:
        value = date(full_year, int(month), int(day))
    except ValueError:  # 30 February, month 13
        return None
    return DateReading(value, form, assumed_year=year is None, spans=spans)


# --- stepping one part -------------------------------------------------------------------------


def step_part(value: date, part: DatePart, delta: int) -> date:
    """``value`` with only ``part`` changed by ``delta``: the day wraps within its month, the month
    within its year, and a day the new month lacks becomes the month's last (31 Jan + 1 month = 28 Feb)."""
    if part is DatePart.DAY:
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=(value.day - 1 + delta) % last + 1)
    if part is DatePart.MONTH:
        month = (value.month - 1 + delta) % 12 + 1
        return _clamped(value.year, month, value.day)
    year = min(max(value.year + delta, MIN_YEAR), MAX_YEAR)
    return _clamped(year, value.month, value.day)


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def part_at(reading: DateReading, position: int) -> DatePart:
    """The part of the text under the cursor (``position``); the day when none is (or at a separator,
    the part just before it)."""
    best: tuple[int, DatePart] | None = None
    for part, (start, end) in reading.spans.items():
        if start <= position <= end:
            return part
        if end <= position and (best is None or end > best[0]):
            best = (end, part)
    return best[1] if best is not None else DatePart.DAY
