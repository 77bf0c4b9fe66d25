"""Scope lists in spreadsheets: which column holds what, and each row read into a checked ``RowValues``
with its problems in words ("row 7: the due date 31/02 does not exist"). Pure: no database.

Fields: ``kind`` (scope item, exclusion or milestone; English or Chinese words), ``title`` (the scope
item's title, the exclusion's text, the milestone's name), ``description``, ``acceptance`` (criteria),
``effort`` (hours) and ``due`` (a milestone's date). Dates are read as the spreadsheet holds them
(a date cell), or written 2026-03-31, 2026/3/31, 2026年3月31日, 31/03/2026, 31.03.2026 or 31/03 (the
year of the import): day before month, as Chinese and European lists write them.
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from deliverydesk.i18n import NP_, Message, msg, msg_p
from deliverydesk.services.interchange.sheets import Cell, Table

FIELDS = ("kind", "title", "description", "acceptance", "effort", "due")
REQUIRED = ("title",)
# the fields as a sentence names them ("Choose the column that holds the title.")
FIELD_WORDS = frozenset(
    {
        NP_("scope list field", "kind"),
        NP_("scope list field", "title"),
        NP_("scope list field", "description"),
        NP_("scope list field", "acceptance"),
        NP_("scope list field", "effort"),
        NP_("scope list field", "due"),
    }
)


def field_word(field: str) -> Message:
    return msg_p("scope list field", field)


class RowKind(enum.StrEnum):
    SCOPE = "scope"
    EXCLUSION = "exclusion"
    MILESTONE = "milestone"


# Header words that name each field, lower-case (what Chinese and English scope appendices use).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "kind": ("kind", "type", "category", "类型", "类别", "种类"),
    "title": (
        "title",
        "deliverable",
        "item",
        "name",
        "scope item",
        "标题",
        "名称",
        "交付物",
        "范围条目",
        "内容",
        "事项",
    ),
    "description": ("description", "details", "notes", "说明", "描述", "备注", "详细说明"),
    "acceptance": ("acceptance criteria", "acceptance", "criteria", "验收标准", "验收条件"),
    "effort": (
        "effort",
        "effort (h)",
        "hours",
        "effort hours",
        "工作量",
        "工时",
        "工作量(小时)",
        "工时(小时)",
        "人时",
    ),
    "due": (
        "due",
        "due date",
        "date",
        "deadline",
        "baseline",
        "截止日期",
        "日期",
        "计划日期",
        "完成日期",
        "基线日期",
    ),
}
KIND_WORDS: dict[RowKind, tuple[str, ...]] = {
    RowKind.SCOPE: ("scope", "scope item", "deliverable", "in scope", "范围", "范围条目", "交付物", "范围内"),
    RowKind.EXCLUSION: (
        "exclusion",
        "excluded",
        "out of scope",
        "not included",
        "不包含",
        "不包含事项",
        "范围外",
        "排除",
    ),
    RowKind.MILESTONE: ("milestone", "里程碑"),
}


def _key(text: str) -> str:
    return re.sub(r"[\s_:：()（）]+", " ", text).strip().casefold()


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """field -> column for the columns whose header names a field (first match wins)."""
    found: dict[str, str] = {}
    for field, names in HEADER_WORDS.items():
        keys = {_key(name) for name in names}
        column = next((name for name in header if name and _key(name) in keys), None)
        if column is not None and column not in found.values():
            found[field] = column
    return found


def usable_mapping(mapping: Mapping[str, str], header: Sequence[str]) -> dict[str, str]:
    """The part of a (remembered) mapping whose columns this sheet has."""
    return {field: column for field, column in mapping.items() if field in FIELDS and column in header}


def mapping_json(mapping: Mapping[str, str]) -> str:
    return json.dumps(
        {field: mapping[field] for field in FIELDS if mapping.get(field)}, ensure_ascii=False, sort_keys=True
    )


def mapping_from_json(text: str) -> dict[str, str]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def mapping_problems(mapping: Mapping[str, str], header: Sequence[str]) -> list[Message]:
    problems = [
        msg("The field {field} is not one of: {fields}.", field=field, fields=", ".join(FIELDS))
        for field in mapping
        if field not in FIELDS
    ]
    problems += [
        msg("The sheet has no column “{column}” (for {field}).", column=column, field=field_word(field))
        for field, column in mapping.items()
        if field in FIELDS and column not in header
    ]
    problems += [
        msg("Choose the column that holds the {field}.", field=field_word(field))
        for field in REQUIRED
        if not mapping.get(field)
    ]
    return problems


# --- rows --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowValues:
    number: int  # as the spreadsheet shows it
    kind: RowKind
    title: str
    description: str
    acceptance: str
    effort: float
    due: date | None
    problems: tuple[Message, ...]  # each "row N: ..." in words; empty when the row can be imported


def read_rows(
    table: Table, mapping: Mapping[str, str], default_kind: RowKind, today: date
) -> list[RowValues]:
    positions = {
        field: table.header.index(column) for field, column in mapping.items() if column in table.header
    }
    rows = [_row(number, cells, positions, default_kind, today) for number, cells in table.rows]
    return _flag_repeats(rows)


def _cell(cells: Sequence[Cell], positions: Mapping[str, int], field: str) -> Cell:
    position = positions.get(field)
    return cells[position] if position is not None and position < len(cells) else None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


def _row(
    number: int, cells: Sequence[Cell], positions: Mapping[str, int], default: RowKind, today: date
) -> RowValues:
    problems: list[Message] = []
    kind = _kind(number, _text(_cell(cells, positions, "kind")), default, problems)
    title = " ".join(_text(_cell(cells, positions, "title")).split())
    if not title:
        problems.append(msg("row {number}: the title is empty", number=number))
    elif len(title) > 200 and kind is not RowKind.EXCLUSION:
        problems.append(msg("row {number}: the title is longer than 200 characters", number=number))
    effort = _effort(number, _cell(cells, positions, "effort"), problems)
    found = len(problems)
    due = _due(number, _cell(cells, positions, "due"), today, problems)
    if kind is RowKind.MILESTONE and due is None and len(problems) == found:  # no due date, not a bad one
        problems.append(msg("row {number}: a milestone needs a due date", number=number))
    return RowValues(
        number=number,
        kind=kind,
        title=title,
        description=_text(_cell(cells, positions, "description")),
        acceptance=_text(_cell(cells, positions, "acceptance")),
        effort=effort,
        due=due,
        problems=tuple(problems),
    )


def _kind(number: int, text: str, default: RowKind, problems: list[Message]) -> RowKind:
    if not text:
        return default
    key = _key(text)
    for kind, names in KIND_WORDS.items():
        if key in {_key(name) for name in names}:
            return kind
    problems.append(
        msg("row {number}: the kind “{text}” is not scope, exclusion or milestone", number=number, text=text)
    )
    return default


def _effort(number: int, value: Cell, problems: list[Message]) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, int | float):
        hours = float(value)
    else:
        text = re.sub(r"\s*(h|hours?|小时|工时)$", "", str(value).strip(), flags=re.IGNORECASE).replace(
            ",", "."
        )
        try:
            hours = float(text)
        except ValueError:
            problems.append(
                msg(
                    "row {number}: the effort “{effort}” is not a number of hours",
                    number=number,
                    effort=value,
                )
            )
            return 0.0
    if not math.isfinite(hours) or hours < 0:
        problems.append(
            msg("row {number}: the effort “{effort}” cannot be negative", number=number, effort=_text(value))
        )
        return 0.0
    return round(hours, 2)


_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_DMY = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})")
_DM = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})")


def parse_day(value: Cell, today: date) -> date | str | None:
    """The date in a cell; None when empty; "" when it does not look like a date; "invalid" when it
    names a day that does not exist (31/02); "day-first" when only month/day order would make it one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _DM.fullmatch(text):
        (day, month), year = (int(g) for g in match.groups()), today.year
    else:
        return ""
    try:
        return date(year, month, day)
    except ValueError:
        swapped = _DMY.fullmatch(text) or _DM.fullmatch(text)
        if swapped and day <= 12 and month <= 31:
            try:
                date(year, day, month)
                return "day-first"
            except ValueError:
                pass
        return "invalid"


def _due(number: int, value: Cell, today: date, problems: list[Message]) -> date | None:
    parsed = parse_day(value, today)
    text = _text(value)
    if parsed == "":
        problems.append(
            msg(
                "row {number}: the due date “{text}” is not a date (write it like 2026-03-31)",
                number=number,
                text=text,
            )
        )
    elif parsed == "invalid":
        problems.append(msg("row {number}: the due date {text} does not exist", number=number, text=text))
    elif parsed == "day-first":
        problems.append(
            msg(
                "row {number}: the due date {text} does not exist (dates are read day first: 31/03/2026)",
                number=number,
                text=text,
            )
        )
    elif isinstance(parsed, date):
        if not date(2000, 1, 1) <= parsed <= date(2099, 12, 31):
            problems.append(
                msg(
                    "row {number}: the due date {text} is not between 2000 and 2099", number=number, text=text
                )
            )
            return None
        return parsed
    return None


def _flag_repeats(rows: list[RowValues]) -> list[RowValues]:
    """A title twice in the same file (same kind) is a mistake: the later row says which it repeats."""
    first: dict[tuple[RowKind, str], int] = {}
    checked = []
    for row in rows:
        key = (row.kind, _key(row.title))
        if row.title and key in first:
            problem = msg("row {number}: the same title as row {first}", number=row.number, first=first[key])
            row = RowValues(**{**row.__dict__, "problems": (*row.problems, problem)})
        elif row.title:
            first[key] = row.number
        checked.append(row)
    return checked


def same_title(a: str, b: str) -> bool:
    return _key(a) == _key(b)
