"""When is the next progress summary due? From the project's cadence (an RRULE) and the last one issued.

The Home page lists due summaries across projects (``services.attention``, same rule); this answers
for one project and proposes the period the next summary covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.domain.cadence import cadence_state
from deliverydesk.domain.enums import LetterKind
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.parts import load_facts, summary_period_for
from deliverydesk.services.records.projects import get_project_in
from deliverydesk.store.document_queries import latest_issued


@dataclass(frozen=True)
class SummarySchedule:
    project_id: str
    rule: str  # "" = no cadence
    last_issued_on: date | None
    next_due: date | None
    is_due: bool  # the next due date has arrived (today or earlier)
    missed: int  # cadence dates passed since the last summary, today included
    period_start: date  # what the next summary would cover
    period_end: date


def summary_schedule(ctx: ServiceContext, project_id: str) -> SummarySchedule:
    today = ctx.today()
    with ctx.db.unit_of_work() as session:
        project = get_project_in(session, project_id)
        last = latest_issued(session, project_id, LetterKind.PROGRESS_SUMMARY)
        last_on = last.issued_at.astimezone().date() if last is not None and last.issued_at else None
        start = project.start_date or project.created_at.date()
        state = cadence_state(project.summary_rrule, start, last_on, today)
        period = summary_period_for(session, load_facts(ctx, session, project_id, None), None)
    return SummarySchedule(
        project_id=project_id,
        rule=project.summary_rrule,
        last_issued_on=last_on,
        next_due=state.next_due,
        is_due=state.is_due,
        missed=state.missed,
        period_start=period[0],
        period_end=period[1],
    )
