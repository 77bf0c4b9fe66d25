"""Reading Microsoft Project XML (MSPDI) into a plain ``Plan``: pure, no database.

MSPDI is what MS Project saves as "XML" (``<Project xmlns="http://schemas.microsoft.com/project">``),
and what ProjectLibre and GanttProject export for it. Read here: the plan's name and GUID, its tasks
(UID, GUID, name, outline, summary and milestone flags, dates, the first baseline, actual dates,
percent complete, work, notes) and the non-working exceptions of the project calendar and its base
calendars, in both the Project 2007+ form (``Exceptions``) and the older one (``WeekDay`` with
``DayType`` 0) that ProjectLibre writes.

The parser is safe against hostile XML: ``defusedxml`` refuses any DTD (so no entity expansion and no
external entity or DTD is ever fetched), the file is bounded in size before it is parsed, and the
number of tasks and of expanded calendar days are bounded too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from deliverydesk.i18n import Message, msg
from deliverydesk.services.interchange.source import ImportSource, refused

MAX_PLAN_BYTES = 20 * 1024 * 1024  # a 5,000-task plan saved by MS Project is about 15 MB
MAX_TASKS = 10_000
MAX_EXCEPTION_DAYS = 3_660  # non-working days read from one plan (ten years of them)
WORK_HOURS_CAP = 1_000_000.0


@dataclass(frozen=True)
class PlanTask:
    uid: int
    guid: str  # lower-case, "" when the file has none
    name: str
    outline_level: int
    wbs: str
    summary: bool
    milestone: bool
    start: date | None
    finish: date | None
    baseline_start: date | None
    baseline_finish: date | None
    actual_start: date | None
    actual_finish: date | None
    percent_complete: int
    work_hours: float
    notes: str
    parents: tuple[str, ...]  # the names of the summary tasks above it, outermost first


@dataclass(frozen=True)
class NonWorkingDay:
    day: date
    name: str


@dataclass(frozen=True)
class Plan:
    name: str
    guid: str
    tasks: tuple[PlanTask, ...]
    non_working_days: tuple[NonWorkingDay, ...]  # sorted, one per day
    notes: tuple[Message, ...]  # what was read but not taken (in words)


def parse_plan(source: ImportSource) -> Plan:
    """The plan in ``source``; ``ImportFileError`` in plain words for anything that is not one."""
    if len(source.data) > MAX_PLAN_BYTES:
        raise refused(
            msg(
                "{name} is larger than the {limit_mb} MB a plan may have.",
                name=source.name,
                limit_mb=MAX_PLAN_BYTES // (1024 * 1024),
            )
        )
    root = _parse_xml(source)
    if _local(root.tag) != "Project":
        raise refused(
            msg(
                "{name} is not a Microsoft Project XML file (its root element is not Project).",
                name=source.name,
            )
        )
    tasks_element = _child(root, "Tasks")
    task_elements = list(_children(tasks_element, "Task")) if tasks_element is not None else []
    if len(task_elements) > MAX_TASKS:
        raise refused(
            msg(
                "{name} has {tasks:,} tasks; a plan may have at most {max_tasks:,}.",
                name=source.name,
                tasks=len(task_elements),
                max_tasks=MAX_TASKS,
            )
        )
    notes: list[Message] = []
    tasks = tuple(_tasks(task_elements, source.name))
    days = _non_working_days(root, notes)
    return Plan(
        name=_text(root, "Name") or _text(root, "Title"),
        guid=_guid(_text(root, "GUID")),
        tasks=tasks,
        non_working_days=days,
        notes=tuple(notes),
    )


def _parse_xml(source: ImportSource) -> Element:
    try:
        return fromstring(source.data, forbid_dtd=True, forbid_entities=True, forbid_external=True)  # type: ignore[no-any-return]
    except DefusedXmlException:
        raise refused(
            msg(
                "{name} declares a DTD or entities, which a Microsoft Project file never has; it was not"
                " read (entity expansion and external entities are refused).",
                name=source.name,
            )
        ) from None
    except (ParseError, ValueError) as exc:
        raise refused(
            msg("{name} is not well-formed XML ({problem}).", name=source.name, problem=str(exc))
        ) from None


# --- elements ----------------------------------------------------------------------------------


def _local(tag: str) -> str:
    """The tag without its namespace: MSPDI files come with and without ``/project/2007`` etc."""
    return tag.rsplit("}", 1)[-1]


def _children(parent: Element, name: str) -> Iterator[Element]:
    return (child for child in parent if _local(child.tag) == name)


def _child(parent: Element, name: str) -> Element | None:
    return next(_children(parent, name), None)


def _text(parent: Element, name: str) -> str:
    child = _child(parent, name)
    return (child.text or "").strip() if child is not None else ""


def _flag(parent: Element, name: str) -> bool:
    return _text(parent, name).lower() in ("1", "true")


def _int(parent: Element, name: str, default: int = 0) -> int:
    text = _text(parent, name)
    try:
        return int(float(text)) if text else default
    except ValueError:
        return default


def _guid(text: str) -> str:
    return text.strip("{}").lower()


def _datetime(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _day(parent: Element, name: str) -> date | None:
    moment = _datetime(_text(parent, name))
    return moment.date() if moment is not None else None


def _finish_day(parent: Element, name: str, start: date | None) -> date | None:
    """A finish at midnight ends the day before (some tools write 00:00 of the next day)."""
    moment = _datetime(_text(parent, name))
    if moment is None:
        return None
    if moment.time() == datetime.min.time() and start is not None and moment.date() > start:
        return moment.date() - timedelta(days=1)
    return moment.date()


_DURATION = re.compile(
    r"P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?"
)


def duration_hours(text: str) -> float:
    """``PT24H0M0S`` -> 24.0 (days count as 8 hours, as MS Project's default working day)."""
    match = _DURATION.fullmatch(text.strip()) if text else None
    if match is None:
        return 0.0
    days, hours, minutes, seconds = (float(group) if group else 0.0 for group in match.groups())
    return min(days * 8 + hours + minutes / 60 + seconds / 3600, WORK_HOURS_CAP)


# --- tasks -------------------------------------------------------------------------------------


def _tasks(elements: list[Element], file_name: str) -> Iterator[PlanTask]:
    summaries: list[tuple[int, str]] = []  # (outline level, name) of the summary tasks above
    seen: set[int] = set()
    for element in elements:
        uid_text = _text(element, "UID")
        if not uid_text.isdigit():
            raise refused(
                msg(
                    "{file_name} has a task without a valid UID ({uid!r}).",
                    file_name=file_name,
                    uid=uid_text[:20],
                )
            )
        uid, level = int(uid_text), _int(element, "OutlineLevel", 1)
        if uid in seen:
            raise refused(msg("{file_name} has two tasks with UID {uid}.", file_name=file_name, uid=uid))
        seen.add(uid)
        if _flag(element, "IsNull") or level < 1 or (uid == 0 and level <= 1 and _flag(element, "Summary")):
            continue  # a blank row, or the project summary task (UID 0, level 0)
        if _text(element, "Active") in ("0", "false"):
            continue  # an inactive task (Project 2010+) is not part of the plan
        while summaries and summaries[-1][0] >= level:
            summaries.pop()
        task = _task(element, uid, level, tuple(name for _level, name in summaries))
        if task.summary:
            summaries.append((level, task.name))
        yield task


def _task(element: Element, uid: int, level: int, parents: tuple[str, ...]) -> PlanTask:
    start = _day(element, "Start")
    actual_start = _day(element, "ActualStart")
    baseline = _baseline(element)
    return PlanTask(
        uid=uid,
        guid=_guid(_text(element, "GUID")),
        name=" ".join(_text(element, "Name").split()),
        outline_level=level,
        wbs=_text(element, "WBS") or _text(element, "OutlineNumber"),
        summary=_flag(element, "Summary"),
        milestone=_flag(element, "Milestone"),
        start=start,
        finish=_finish_day(element, "Finish", start),
        baseline_start=_day(baseline, "Start") if baseline is not None else None,
        baseline_finish=_finish_day(baseline, "Finish", _day(baseline, "Start"))
        if baseline is not None
        else None,
        actual_start=actual_start,
        actual_finish=_finish_day(element, "ActualFinish", actual_start),
        percent_complete=max(0, min(100, _int(element, "PercentComplete"))),
        work_hours=duration_hours(_text(element, "Work")),
        notes=_text(element, "Notes"),
        parents=parents,
    )


def _baseline(element: Element) -> Element | None:
    """The task's baseline (number 0, "Baseline"), when it was saved."""
    for baseline in _children(element, "Baseline"):
        if _int(baseline, "Number", 0) == 0 and (_text(baseline, "Start") or _text(baseline, "Finish")):
            return baseline
    return None


# --- calendar ----------------------------------------------------------------------------------


def _non_working_days(root: Element, notes: list[Message]) -> tuple[NonWorkingDay, ...]:
    found: dict[date, str] = {}
    for calendar in _project_calendars(root):
        for name, days in _calendar_exceptions(calendar, notes):
            for day in days:
                found.setdefault(day, name)
                if len(found) > MAX_EXCEPTION_DAYS:
                    raise refused(
                        msg(
                            "The plan's calendar has more than {max_exception_days:,} non-working days.",
                            max_exception_days=MAX_EXCEPTION_DAYS,
                        )
                    )
    return tuple(NonWorkingDay(day, found[day]) for day in sorted(found))


def _project_calendars(root: Element) -> list[Element]:
    """The project calendar and its base calendars (a chain of ``BaseCalendarUID``)."""
    calendars_element = _child(root, "Calendars")
    calendars = list(_children(calendars_element, "Calendar")) if calendars_element is not None else []
    by_uid = {_text(c, "UID"): c for c in calendars}
    wanted = _text(root, "CalendarUID")
    current = (
        by_uid.get(wanted) if wanted else next((c for c in calendars if _flag(c, "IsBaseCalendar")), None)
    )
    chain: list[Element] = []
    while current is not None and current not in chain and len(chain) < 8:
        chain.append(current)
        current = by_uid.get(_text(current, "BaseCalendarUID"))
    return chain


def _calendar_exceptions(calendar: Element, notes: list[Message]) -> Iterator[tuple[str, list[date]]]:
    exceptions = _child(calendar, "Exceptions")
    if exceptions is not None and _child(exceptions, "Exception") is not None:
        for exception in _children(exceptions, "Exception"):
            yield from _exception(exception, notes)
        return
    week_days = _child(calendar, "WeekDays")
    for day in _children(week_days, "WeekDay") if week_days is not None else ():
        period = _child(day, "TimePeriod")
        if _text(day, "DayType") == "0" and period is not None and not _flag(day, "DayWorking"):
            first, last = _day(period, "FromDate"), _day(period, "ToDate")
            if first is not None and last is not None:
                yield "", _range(first, last, notes, "")


def _exception(exception: Element, notes: list[Message]) -> Iterator[tuple[str, list[date]]]:
    name = " ".join(_text(exception, "Name").split())
    period = _child(exception, "TimePeriod")
    first = _day(period, "FromDate") if period is not None else None
    last = _day(period, "ToDate") if period is not None else None
    if first is None or last is None:
        return
    if _flag(exception, "DayWorking"):
        notes.append(msg("The working-day exception “{name}” was not imported.", name=name or first))
        return
    kind = _int(exception, "Type", 1)
    occurrences = max(1, _int(exception, "Occurrences", 1))
    period_length = max(1, _int(exception, "Period", 1))
    if kind == 1:
        yield name, _range(first, last, notes, name)
    elif kind == 7:
        yield name, _stepped(first, last, timedelta(days=period_length), occurrences)
    elif kind == 6:
        yield name, _weekly(first, last, _int(exception, "DaysOfWeek"), period_length, occurrences)
    elif kind == 2:
        yield (
            name,
            _yearly(first, last, _int(exception, "Month") + 1, _int(exception, "MonthDay"), occurrences),
        )
    elif kind == 4:
        yield name, _monthly(first, last, _int(exception, "MonthDay"), period_length, occurrences)
    else:  # relative ("the second Monday of..."): rare in exported plans
        notes.append(msg("The recurring exception “{name}” was not imported.", name=name or first))


def _range(first: date, last: date, notes: list[Message], name: str) -> list[date]:
    if (last - first).days > 366:
        label = name or first.isoformat()
        notes.append(msg("The exception “{label}” spans more than a year; it was not imported.", label=label))
        return []
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _stepped(first: date, last: date, step: timedelta, occurrences: int) -> list[date]:
    days: list[date] = []
    day = first
    while day <= last and len(days) < min(occurrences, MAX_EXCEPTION_DAYS):
        days.append(day)
        day += step
    return days


def _weekly(first: date, last: date, mask: int, weeks: int, occurrences: int) -> list[date]:
    """Days whose bit is set (Sunday 0x01 ... Saturday 0x40), every ``weeks`` weeks from ``first``."""
    days: list[date] = []
    for offset in range(min((last - first).days, 366 * 10) + 1):
        day = first + timedelta(days=offset)
        bit = 1 << ((day.weekday() + 1) % 7)
        if mask & bit and (offset // 7) % weeks == 0:
            days.append(day)
            if len(days) >= occurrences:
                break
    return days


def _yearly(first: date, last: date, month: int, month_day: int, occurrences: int) -> list[date]:
    days: list[date] = []
    for year in range(first.year, min(last.year, first.year + 100) + 1):
        day = _valid(year, month, month_day)
        if day is not None and first <= day <= last:
            days.append(day)
        if len(days) >= occurrences:
            break
    return days


def _monthly(first: date, last: date, month_day: int, months: int, occurrences: int) -> list[date]:
    days: list[date] = []
    index = first.year * 12 + first.month - 1
    while len(days) < min(occurrences, MAX_EXCEPTION_DAYS) and index <= last.year * 12 + last.month - 1:
        day = _valid(index // 12, index % 12 + 1, month_day)
        if day is not None and first <= day <= last:
            days.append(day)
        index += months
    return days


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
