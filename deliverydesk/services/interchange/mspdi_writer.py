"""Writing a plan as Microsoft Project XML (MSPDI): pure, ``PlanOut`` in, bytes out.

Element names, their order and the required ones follow the published MSPDI schema (Project 2010
and later, ``SaveVersion`` 14; the order of ``mspdi_pj12.xsd`` with the 2010 additions such as task
``GUID``): MS Project refuses elements out of order. Calendar exceptions are written twice, as MS
Project 2007+ and MPXJ do: as ``Exceptions`` (read by MS Project) and as ``WeekDay`` entries with
``DayType`` 0 (read by ProjectLibre and older tools). ``tests/.../test_msproject_export.py`` checks
the output against that structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from xml.etree.ElementTree import Element, SubElement, indent, tostring

NAMESPACE = "http://schemas.microsoft.com/project"
SAVE_VERSION = 14  # Project 2010 and later
CALENDAR_UID = 1
DAY_START, DAY_END = time(8, 0), time(17, 0)
WORKING_TIMES = ((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0)))
HOURS_PER_DAY = 8
MUST_START_ON, START_NO_EARLIER_THAN = 2, 4  # ConstraintType


@dataclass(frozen=True)
class TaskOut:
    uid: int
    guid: str  # the record's UUID ("" for summary tasks)
    name: str
    wbs: str
    outline_level: int
    summary: bool
    milestone: bool
    start: date
    finish: date
    duration_hours: float
    work_hours: float
    percent_complete: int
    notes: str = ""
    baseline_start: date | None = None
    baseline_finish: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    constraint: tuple[int, date] | None = None  # (ConstraintType, ConstraintDate)


@dataclass(frozen=True)
class ExceptionOut:
    first: date
    last: date
    name: str
    working: bool  # a make-up working day (调休上班日) on a weekend


@dataclass(frozen=True)
class PlanOut:
    name: str
    guid: str
    title: str
    company: str
    author: str
    currency: str
    created: datetime
    start: date
    finish: date
    weekend: frozenset[int]  # Python weekdays: Monday 0 ... Sunday 6
    exceptions: tuple[ExceptionOut, ...]  # sorted by first day
    tasks: tuple[TaskOut, ...]  # in outline order, UID 0 (the project summary task) first


def render_plan(plan: PlanOut) -> bytes:
    root = Element("Project", {"xmlns": NAMESPACE})
    _fields(
        root,
        ("SaveVersion", str(SAVE_VERSION)),
        ("Name", plan.name[:255]),
        ("GUID", plan.guid.upper()),
        ("Title", plan.title[:512]),
        ("Company", plan.company[:512]),
        ("Author", plan.author[:512]),
        ("CreationDate", _moment(plan.created.replace(tzinfo=None, microsecond=0))),
        ("ScheduleFromStart", "1"),
        ("StartDate", _at(plan.start, DAY_START)),
        ("FinishDate", _at(plan.finish, DAY_END)),
        ("CurrencyCode", plan.currency[:3]),
        ("CalendarUID", str(CALENDAR_UID)),
        ("DefaultStartTime", DAY_START.isoformat()),
        ("DefaultFinishTime", DAY_END.isoformat()),
        ("MinutesPerDay", str(HOURS_PER_DAY * 60)),
        ("MinutesPerWeek", str(HOURS_PER_DAY * 60 * (7 - len(plan.weekend)))),
        ("DaysPerMonth", "20"),
        ("DurationFormat", "7"),  # days
        ("WorkFormat", "2"),  # hours
        ("WeekStartDay", "1"),  # Monday
    )
    _calendar(SubElement(SubElement(root, "Calendars"), "Calendar"), plan)
    tasks = SubElement(root, "Tasks")
    for position, task in enumerate(plan.tasks):
        _task(SubElement(tasks, "Task"), task, position)
    indent(root, space="  ")
    body: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + b"\n"


def _fields(parent: Element, *pairs: tuple[str, str | None]) -> None:
    """Child elements in the order given; None and "" are left out (every one written is optional
    in the schema unless the caller always passes it)."""
    for name, value in pairs:
        if value not in (None, ""):
            SubElement(parent, name).text = value


def _at(day: date, moment: time) -> str:
    return datetime.combine(day, moment).isoformat()


def _moment(value: datetime) -> str:
    return value.isoformat()


def _hours(hours: float) -> str:
    whole = int(hours)
    minutes = round((hours - whole) * 60)
    return f"PT{whole}H{minutes}M0S"


# --- calendar ----------------------------------------------------------------------------------

MSPDI_DAY_TYPE = {6: 1, 0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7}  # Python weekday -> DayType (1 = Sunday)


def _calendar(calendar: Element, plan: PlanOut) -> None:
    _fields(calendar, ("UID", str(CALENDAR_UID)), ("Name", "Standard"), ("IsBaseCalendar", "1"))
    _fields(calendar, ("BaseCalendarUID", "-1"))
    week_days = SubElement(calendar, "WeekDays")
    for weekday in (6, 0, 1, 2, 3, 4, 5):
        day = SubElement(week_days, "WeekDay")
        working = weekday not in plan.weekend
        _fields(day, ("DayType", str(MSPDI_DAY_TYPE[weekday])), ("DayWorking", "1" if working else "0"))
        if working:
            _working_times(day)
    for exception in plan.exceptions:  # the pre-2007 form, for ProjectLibre and older readers
        day = SubElement(week_days, "WeekDay")
        _fields(day, ("DayType", "0"), ("DayWorking", "1" if exception.working else "0"))
        _period(day, exception)
        if exception.working:
            _working_times(day)
    if plan.exceptions:
        _exceptions(SubElement(calendar, "Exceptions"), plan.exceptions)


def _period(parent: Element, exception: ExceptionOut) -> None:
    period = SubElement(parent, "TimePeriod")
    _fields(
        period, ("FromDate", _at(exception.first, time(0, 0))), ("ToDate", _at(exception.last, time(23, 59)))
    )


def _working_times(parent: Element) -> None:
    times = SubElement(parent, "WorkingTimes")
    for start, end in WORKING_TIMES:
        _fields(
            SubElement(times, "WorkingTime"), ("FromTime", start.isoformat()), ("ToTime", end.isoformat())
        )


def _exceptions(parent: Element, exceptions: Sequence[ExceptionOut]) -> None:
    for exception in exceptions:
        element = SubElement(parent, "Exception")
        _fields(element, ("EnteredByOccurrences", "0"))
        _period(element, exception)
        _fields(element, ("Occurrences", "1"), ("Name", exception.name[:512]), ("Type", "1"))
        _fields(element, ("DayWorking", "1" if exception.working else "0"))
        if exception.working:
            _working_times(element)


# --- tasks -------------------------------------------------------------------------------------


def _task(element: Element, task: TaskOut, position: int) -> None:
    _fields(
        element,
        ("UID", str(task.uid)),
        ("GUID", task.guid.upper()),
        ("ID", str(position)),
        ("Name", task.name[:512]),
        ("Active", "1"),
        ("Manual", "0"),
        ("Type", "1"),  # fixed duration
        ("IsNull", "0"),
        ("WBS", task.wbs),
        ("OutlineLevel", str(task.outline_level)),
        ("Start", _at(task.start, DAY_END if task.milestone else DAY_START)),
        ("Finish", _at(task.finish, DAY_END)),
        ("Duration", _hours(task.duration_hours)),
        ("DurationFormat", "7"),
        ("Work", _hours(task.work_hours)),
        ("Milestone", "1" if task.milestone else "0"),
        ("Summary", "1" if task.summary else "0"),
        ("PercentComplete", str(task.percent_complete)),
        ("ActualStart", _at(task.actual_start, DAY_START) if task.actual_start else None),
        ("ActualFinish", _at(task.actual_finish, DAY_END) if task.actual_finish else None),
        ("ConstraintType", str(task.constraint[0]) if task.constraint else "0"),
        (
            "ConstraintDate",
            _at(task.constraint[1], DAY_END if task.milestone else DAY_START) if task.constraint else None,
        ),
        ("Notes", task.notes),
    )
    if task.baseline_start is not None and task.baseline_finish is not None:
        baseline = SubElement(element, "Baseline")
        _fields(
            baseline,
            ("Number", "0"),
            ("Start", _at(task.baseline_start, DAY_END if task.milestone else DAY_START)),
            ("Finish", _at(task.baseline_finish, DAY_END)),
            ("Duration", _hours(task.duration_hours)),
            ("DurationFormat", "7"),
        )
