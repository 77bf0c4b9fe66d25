"""Microsoft Project XML out: the project's milestones and scope items as a plan that MS Project,
ProjectLibre and GanttProject open.

Milestones are milestone tasks pinned to their forecast date ("must start on"; the baseline when
there is no forecast), with the baseline saved as the plan's baseline and the actual date as the
task's actual finish; scope items are tasks from the project's start,
as long as their effort (8 hours a day), with their effort as work. Each task's GUID is its record's
UUID, so a plan edited elsewhere and imported back finds its records. The project calendar has the
project's weekend, its public holidays and extra non-working days as exceptions, and its make-up
working days as working exceptions."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from deliverydesk.domain.enums import Language, MilestoneStatus, ScopeStatus
from deliverydesk.domain.models import MilestoneItem, ProjectItem, ScopeEntry
from deliverydesk.domain.workdays import WorkCalendar, calendar_for
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg, translator
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.files import write_file_atomically
from deliverydesk.services.interchange.mspdi_writer import (
    HOURS_PER_DAY,
    MUST_START_ON,
    START_NO_EARLIER_THAN,
    ExceptionOut,
    PlanOut,
    TaskOut,
    render_plan,
)
from deliverydesk.store import interchange_rows, roster_rows
from deliverydesk.store.records import Session

_REF = re.compile(r"msproject:([0-9a-f-]*):(\d+)")


@dataclass(frozen=True)
class PlanExport:
    project_code: str
    path: Path
    milestones: int
    scope_items: int
    non_working_days: int
    size: int


def export_msproject(ctx: ServiceContext, project_code: str, out: Path) -> PlanExport:
    """Write the project with this code as MSPDI to ``out`` (atomically: an older file survives a failure)."""
    with ctx.db.unit_of_work() as session:
        projects = interchange_rows.live_project_items(session, [project_code])
        if not projects:
            raise NotFoundError(
                msg("There is no project with code {code!r}.", code=project_code),
                hint=msg("`deliverydesk list-projects` lists them."),
            )
        plan = _plan(ctx, session, projects[0])
    data = render_plan(plan)
    write_file_atomically(out, data)
    tasks = [t for t in plan.tasks if not t.summary]
    milestones = sum(1 for t in tasks if t.milestone)
    days = sum((e.last - e.first).days + 1 for e in plan.exceptions if not e.working)
    return PlanExport(projects[0].code, out, milestones, len(tasks) - milestones, days, len(data))


def _plan(ctx: ServiceContext, session: Session, project: ProjectItem) -> PlanOut:
    stored_milestones = interchange_rows.milestones_of(session, project.id, ctx.today())
    stored_scope = interchange_rows.scope_items_of(session, project.id)
    from_plan = {item.id: ref for item, ref in [*stored_milestones, *stored_scope]}  # the task it came from
    milestones = [item for item, _ref in stored_milestones if item.archived_at is None]
    scope = [item for item, _ref in stored_scope if item.archived_at is None]
    milestones.sort(key=lambda r: (r.baseline_date, len(r.ref), r.ref))
    scope.sort(key=lambda r: (len(r.ref), r.ref))
    start = project.start_date or min([r.baseline_date for r in milestones] or [ctx.today()])
    dates = [start, *(d for r in milestones for d in (r.baseline_date, r.forecast_date, r.actual_date) if d)]
    calendar = calendar_for(project.holiday_calendar, min(dates).year, max(dates).year + 1)
    stored_days = interchange_rows.non_working_days_of(session, project.id).values()
    extra = {d.day: d.name for d in stored_days if not d.archived}
    uids = _Uids(project.id, [(r.id, from_plan[r.id]) for r in [*milestones, *scope]])
    tasks = [
        *_milestone_tasks(milestones, uids, project.language),
        *_scope_tasks(scope, uids, start, calendar, project.language),
    ]
    finish = max([start, project.end_date or start, *(t.finish for t in tasks)])
    summary = TaskOut(0, "", project.name, "", 0, True, False, start, finish, 0, 0, 0)
    return PlanOut(
        name=f"{project.code} {project.name}",
        guid=project.id,
        title=project.name,
        company=interchange_rows.client_name_of(session, project.id),
        author=roster_rows.engineer_name(session),
        currency=project.currency,
        created=ctx.now(),
        start=start,
        finish=finish,
        weekend=calendar.weekend,
        exceptions=_exceptions(calendar, extra, start, finish),
        tasks=(summary, *tasks),
    )


class _Uids:
    """Task UIDs: a record imported from (or exported as) this project's plan keeps its task UID,
    the others get the next free ones, in a stable order."""

    def __init__(self, project_id: str, records: Sequence[tuple[str, str]]) -> None:
        """``records``: (record id, the plan task it came from) of each record, in the tasks' order."""
        self.kept: dict[str, int] = {}
        for record_id, external_ref in records:
            match = _REF.fullmatch(external_ref)
            if match and match.group(1) == project_id:
                self.kept.setdefault(record_id, int(match.group(2)))
        self.next = max([2, *self.kept.values()]) + 1  # 1 and 2: the two summary tasks

    def of(self, record_id: str) -> int:
        if record_id not in self.kept:
            self.kept[record_id], self.next = self.next, self.next + 1
        return self.kept[record_id]


def _milestone_tasks(rows: list[MilestoneItem], uids: _Uids, language: Language) -> list[TaskOut]:
    if not rows:
        return []
    # the planned date (forecast, else baseline): the actual date travels as the task's actual finish
    when = [r.forecast_date or r.baseline_date for r in rows]
    t = translator(language)
    group = TaskOut(1, "", t("Milestones"), "M", 1, True, False, min(when), max(when), 0, 0, 0)
    tasks = [group]
    for row, day in zip(rows, when, strict=True):
        reached = row.actual_date is not None or row.status in (
            MilestoneStatus.DONE,
            MilestoneStatus.ACCEPTED,
        )
        tasks.append(
            TaskOut(
                uid=uids.of(row.id),
                guid=row.id,
                name=row.name,
                wbs=row.ref,
                outline_level=2,
                summary=False,
                milestone=True,
                start=day,
                finish=day,
                duration_hours=0,
                work_hours=0,
                percent_complete=100 if reached else 0,
                baseline_start=row.baseline_date,
                baseline_finish=row.baseline_date,
                actual_start=row.actual_date,
                actual_finish=row.actual_date,
                constraint=(MUST_START_ON, day),
            )
        )
    return tasks


_PERCENT = {
    ScopeStatus.NOT_STARTED: 0,
    ScopeStatus.IN_PROGRESS: 50,
    ScopeStatus.DELIVERED: 100,
    ScopeStatus.ACCEPTED: 100,
}


def _scope_tasks(
    rows: list[ScopeEntry], uids: _Uids, start: date, calendar: WorkCalendar, language: Language
) -> list[TaskOut]:
    if not rows:
        return []
    tasks: list[TaskOut] = []
    for row in rows:
        days = max(1, math.ceil(row.effort_hours / HOURS_PER_DAY))
        first = _next_working(start, calendar)
        finish = _add_working_days(first, days - 1, calendar)
        tasks.append(
            TaskOut(
                uid=uids.of(row.id),
                guid=row.id,
                name=row.title,
                wbs=row.ref,
                outline_level=2,
                summary=False,
                milestone=False,
                start=first,
                finish=finish,
                duration_hours=days * HOURS_PER_DAY,
                work_hours=row.effort_hours,
                percent_complete=_PERCENT[row.status],
                notes=row.description,
                constraint=(START_NO_EARLIER_THAN, first),
            )
        )
    group_finish = max(task.finish for task in tasks)
    t = translator(language)
    group = TaskOut(2, "", t("Scope"), "S", 1, True, False, tasks[0].start, group_finish, 0, 0, 0)
    return [group, *tasks]


def _next_working(day: date, calendar: WorkCalendar) -> date:
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def _add_working_days(day: date, count: int, calendar: WorkCalendar) -> date:
    for _ in range(count):
        day = _next_working(day + timedelta(days=1), calendar)
    return day


def _exceptions(
    calendar: WorkCalendar, extra: dict[date, str], start: date, finish: date
) -> tuple[ExceptionOut, ...]:
    """Public holidays and extra non-working days in the plan's years, as ranges of days with the
    same name (MS Project ignores exceptions that are not sorted); make-up working days as working."""
    first, last = date(start.year, 1, 1), date(finish.year, 12, 31)
    names = {day: "" for day in calendar.holidays if first <= day <= last}
    names.update({day: name for day, name in extra.items()})
    off = sorted(day for day in names if day not in calendar.make_up_workdays)
    ranges: list[ExceptionOut] = []
    for day in off:
        previous = ranges[-1] if ranges else None
        if previous is not None and previous.last + timedelta(days=1) == day and names[day] == previous.name:
            ranges[-1] = ExceptionOut(previous.first, day, previous.name, False)
        else:
            ranges.append(ExceptionOut(day, day, names[day], False))
    working = [ExceptionOut(d, d, "", True) for d in sorted(calendar.make_up_workdays) if first <= d <= last]
    return tuple(sorted([*ranges, *working], key=lambda e: e.first))
