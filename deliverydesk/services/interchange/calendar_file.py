"""Calendar files (iCalendar, RFC 5545) for Outlook, Thunderbird and phones, built with ``icalendar``.

Milestones are all-day events on their forecast date (the actual date once reached; the baseline when
there is no forecast), with the slip in working days in the description; open commitments and open
review follow-ups are to-dos due on their date. Every component's UID is its record's UUID and its
SEQUENCE grows with the record's changes, so importing a newer file updates the events instead of
adding copies. Texts follow each project's document language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deliverydesk import __version__
from deliverydesk.domain.enums import OwnerSide
from deliverydesk.domain.models import CommitmentItem, MilestoneItem, ProjectItem, ReviewActionItem
from deliverydesk.domain.workdays import calendar_covering, slip_working_days, with_extra_days
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg, translator
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.files import write_file_atomically
from deliverydesk.store import interchange_rows
from deliverydesk.store.interchange_queries import extra_non_working_days
from deliverydesk.store.records import Session

if TYPE_CHECKING:  # icalendar (~30 ms) loads only when a calendar is written, not with the window
    from icalendar import Event, Todo

PRODID = f"-//DeliveryDesk//DeliveryDesk {__version__}//EN"


@dataclass(frozen=True)
class CalendarExport:
    path: Path
    projects: int
    events: int
    todos: int
    size: int


def _new(component: str) -> Any:
    """A new icalendar component, imported on first use."""
    import icalendar

    return getattr(icalendar, component)()


def export_calendar(ctx: ServiceContext, project_codes: list[str] | None, out: Path) -> CalendarExport:
    """Write the calendar of the projects with these codes (None: every live project) to ``out``."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    with ctx.db.unit_of_work() as session:
        projects = interchange_rows.live_project_items(session, project_codes)
        if project_codes is not None and len(projects) < len(set(code.upper() for code in project_codes)):
            raise NotFoundError(
                msg("There is no project with code {code!r}.", code=project_codes[0]),
                hint=msg("`deliverydesk list-projects` lists them."),
            )
        events, todos = _components(ctx, session, projects)
    name = projects[0].code if project_codes is not None and projects else "DeliveryDesk"
    calendar.add("x-wr-calname", name)
    for component in [*events, *todos]:
        calendar.add_component(component)
    data = calendar.to_ical()
    write_file_atomically(out, data)
    return CalendarExport(out, len(projects), len(events), len(todos), len(data))


def _components(
    ctx: ServiceContext, session: Session, projects: list[ProjectItem]
) -> tuple[list[Event], list[Todo]]:
    by_id = {project.id: project for project in projects}
    ids = list(by_id)
    extra = extra_non_working_days(session, ids)
    now = ctx.now()
    events = [
        _milestone_event(by_id[row.project_id], row, revisions, extra.get(row.project_id, frozenset()), now)
        for row, revisions in interchange_rows.calendar_milestones(session, ids, ctx.today(), extra)
    ]
    todos = [
        _commitment_todo(by_id[row.project_id], row, now)
        for row in interchange_rows.open_commitments(session, ids)
    ]
    todos += [
        _review_todo(by_id[row.project_id], row, title, now)
        for row, title in interchange_rows.open_review_actions(session, ids)
    ]
    return events, todos


def _stamp(component: Event | Todo, record_id: str, updated: datetime, now: datetime, sequence: int) -> None:
    component.add("uid", record_id)
    component.add("dtstamp", now)
    component.add("last-modified", updated)
    component.add("sequence", sequence)


def _milestone_event(
    project: ProjectItem, row: MilestoneItem, revisions: int, extra: frozenset[date], now: datetime
) -> Event:
    day = row.actual_date or row.forecast_date or row.baseline_date
    calendar = with_extra_days(calendar_covering(project.holiday_calendar, row.baseline_date, day), extra)
    slip = slip_working_days(row.baseline_date, row.forecast_date, row.actual_date, calendar)
    event: Event = _new("Event")
    _stamp(event, row.id, row.updated_at, now, revisions)
    event.add("summary", f"{project.code} {row.ref} {row.name}")
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # an all-day marker, not a busy day
    t = translator(project.language)
    event.add("categories", [t("Milestone")])
    event.add("description", _milestone_text(project, row, slip))
    return event


def _milestone_text(project: ProjectItem, row: MilestoneItem, slip: int) -> str:
    t = translator(project.language)
    if slip > 0:
        slip_text = t.ngettext(
            "Slip: {count} working day late", "Slip: {count} working days late", slip, count=slip
        )
    elif slip < 0:
        slip_text = t.ngettext(
            "Slip: {count} working day early", "Slip: {count} working days early", -slip, count=-slip
        )
    else:
        slip_text = t("Slip: on time")
    forecast = (row.forecast_date or row.baseline_date).isoformat()
    lines = [
        f"{project.code} {project.name}",
        t("Baseline: {date}", date=row.baseline_date.isoformat()),
        t("Forecast: {date}", date=forecast),
        slip_text,
    ]
    if row.actual_date is not None:
        lines.insert(3, t("Actual: {date}", date=row.actual_date.isoformat()))
    if row.owner_side is OwnerSide.CLIENT:
        lines.append(t("Waiting on the client"))
    return "\n".join(lines)


def _todo(
    project: ProjectItem, record: CommitmentItem | ReviewActionItem, due: date, category: str, now: datetime
) -> Todo:
    """A to-do of an open record: due on its date, its description's first line as the summary."""
    todo: Todo = _new("Todo")
    _stamp(todo, record.id, record.updated_at, now, 0)
    first_line = record.description.splitlines()[0][:120] if record.description else ""
    todo.add("summary", f"{project.code} {first_line}".strip())
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("categories", [category])
    return todo


def _commitment_todo(project: ProjectItem, row: CommitmentItem, now: datetime) -> Todo:
    t = translator(project.language)
    todo = _todo(project, row, row.due_date, t("Commitment"), now)
    owner = row.owner_name or (t("the client") if row.owner_side is OwnerSide.CLIENT else t("us"))
    lines = [f"{project.code} {project.name}", t("Owed by: {owner}", owner=owner)]
    if row.owed_to:
        lines.append(t("Owed to: {to}", to=row.owed_to))
    lines.append(row.description)
    todo.add("description", "\n".join(lines))
    return todo


def _review_todo(project: ProjectItem, row: ReviewActionItem, review_title: str, now: datetime) -> Todo:
    t = translator(project.language)
    todo = _todo(project, row, row.revisit_on, t("Review follow-up"), now)
    lines = [f"{project.code} {project.name}"]
    if review_title:
        lines.append(t("Review: {title}", title=review_title))
    if row.owner:
        lines.append(t("Owner: {owner}", owner=row.owner))
    lines.append(row.description)
    todo.add("description", "\n".join(lines))
    return todo
