"""Shared pieces of the demo data: relative dates and a clock that ticks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from deliverydesk.domain.drafts import ExclusionDraft, ProjectDraft, ScopeItemDraft
from deliverydesk.domain.enums import ScopeStatus
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.categories import list_categories_in
from deliverydesk.services.records.projects import create_project_in
from deliverydesk.services.records.scope import EXCLUSIONS, SCOPE_ITEMS
from deliverydesk.store.records import Session

CHINA_TIME = timezone(timedelta(hours=8), "CST")


@dataclass(frozen=True)
class DemoClient:
    id: str
    contacts: dict[str, str]  # short key -> contact id


@dataclass(frozen=True)
class Demo:
    """What every part of the demo needs: a context whose clock ticks, the one unit of work the whole
    demo is written in (its session), and relative dates."""

    ctx: ServiceContext
    session: Session
    today: date

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def at(self, offset: int, hour: int = 10, minute: int = 0) -> datetime:
        return datetime.combine(self.day(offset), time(hour, minute), tzinfo=CHINA_TIME)

    def category(self, name_en: str) -> str:
        """The id of a category of the default taxonomy (every database is seeded with it)."""
        return next(c.id for c in list_categories_in(self.session) if c.name_en == name_en)


def ticking_clock(start: datetime) -> Callable[[], datetime]:
    """Each call a millisecond later, so records keep the order they were created in."""
    ticks = iter(range(1_000_000_000))
    return lambda: start + timedelta(milliseconds=next(ticks))


DATA_MIGRATION = "Data migration"  # issues at three clients: a systemic problem
REPORTS = "Reports and dashboards"  # extra asks at three clients: a product gap


def make_project(
    demo: Demo, client: DemoClient, code: str, name: str, start: int, end: int, **extra: object
) -> str:
    draft = ProjectDraft(
        code=code,
        name=name,
        client_id=client.id,
        start_date=demo.day(start),
        end_date=demo.day(end),
        summary_rrule="FREQ=WEEKLY;BYDAY=FR",
        **extra,  # type: ignore[arg-type]
    )
    return create_project_in(demo.ctx, demo.session, draft).id


def make_scope(
    demo: Demo, project_id: str, items: list[tuple[str, str, float, ScopeStatus]], exclusions: list[str]
) -> None:
    for title, criteria, hours, status in items:
        draft = ScopeItemDraft(
            project_id=project_id,
            title=title,
            acceptance_criteria=criteria,
            effort_hours=hours,
            status=status,
        )
        SCOPE_ITEMS.create_in(demo.ctx, demo.session, draft)
    for text in exclusions:
        EXCLUSIONS.create_in(demo.ctx, demo.session, ExclusionDraft(project_id=project_id, text=text))
