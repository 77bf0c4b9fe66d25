"""What interchange (issue 18) reads and writes, as the domain's records: the project, its milestones
and scope items each with the plan task it came from (``external_ref``), its exclusions, its extra
non-working days, the client's remembered columns, and the open records a calendar file lists. The
SQL is ``interchange_queries``'; here rows become items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from deliverydesk.domain.models import (
    CommitmentItem,
    ExclusionItem,
    MilestoneItem,
    ProjectItem,
    ReviewActionItem,
    ScopeEntry,
)
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.store import interchange_queries as queries
from deliverydesk.store import kinds, mapping
from deliverydesk.store.milestone_rows import milestone_item
from deliverydesk.store.record_rows import get_row, live_project, project_item, save_changes, stamp_new
from deliverydesk.store.records import Session
from deliverydesk.store.tables import ExclusionRow, MilestoneRow, NonWorkingDayRow, ProjectRow, ScopeItemRow


@dataclass(frozen=True)
class StoredDay:
    """One of the project's extra non-working days."""

    day: date
    name: str
    archived: bool


def project_of(session: Session, project_id: str) -> ProjectItem:
    """The project, archived or not (a preview reads an archived one too)."""
    project = session.get(ProjectRow, project_id)
    if project is None:
        raise NotFoundError(
            msg("The project was not found; it may have been removed by a sync or an import.")
        )
    return project_item(session, project)


def live_project_of(session: Session, project_id: str) -> ProjectItem:
    """The project an import changes: archived projects take no changes."""
    return project_item(session, live_project(session, project_id))


def live_project_items(session: Session, codes: Sequence[str] | None = None) -> list[ProjectItem]:
    """Live projects by code; only those with the given codes when ``codes`` is given."""
    return [project_item(session, row) for row in queries.live_projects(session, codes)]


def milestones_of(session: Session, project_id: str, today: date) -> list[tuple[MilestoneItem, str]]:
    """Every milestone of the project (archived too), with the plan task it came from ("" if none)."""
    rows = queries.project_rows(session, MilestoneRow, project_id)
    extra = queries.extra_non_working_days(session, [project_id]).get(project_id, frozenset())
    return [(milestone_item(session, row, today, extra), row.external_ref) for row in rows]


def scope_items_of(session: Session, project_id: str) -> list[tuple[ScopeEntry, str]]:
    """Every scope item of the project (archived too), with the plan task it came from ("" if none)."""
    rows = queries.project_rows(session, ScopeItemRow, project_id)
    return [(mapping.scope_entry(row), row.external_ref) for row in rows]


def exclusions_of(session: Session, project_id: str) -> list[ExclusionItem]:
    """Every exclusion of the project (archived too)."""
    return [mapping.exclusion_item(row) for row in queries.project_rows(session, ExclusionRow, project_id)]


def mark_milestone_imported(session: Session, milestone_id: str, external_ref: str) -> None:
    """The plan task a milestone now comes from (saved with the import's other changes)."""
    get_row(session, kinds.MILESTONE, milestone_id).external_ref = external_ref


def mark_scope_item_imported(session: Session, item_id: str, external_ref: str) -> None:
    """The plan task a scope item now comes from (saved with the import's other changes)."""
    get_row(session, kinds.SCOPE_ITEM, item_id).external_ref = external_ref


def non_working_days_of(session: Session, project_id: str) -> dict[date, StoredDay]:
    """The project's extra non-working days by day, archived ones too."""
    rows = queries.project_rows(session, NonWorkingDayRow, project_id)
    return {row.day: StoredDay(row.day, row.name, row.archived_at is not None) for row in rows}


def add_non_working_day(
    now: datetime, session: Session, project_id: str, day: date, name: str, external_ref: str
) -> None:
    row = NonWorkingDayRow(project_id=project_id, day=day, name=name[:200], external_ref=external_ref)
    stamp_new(now, row)
    session.add(row)


def client_name_of(session: Session, project_id: str) -> str:
    client = queries.client_of_project(session, project_id)
    return client.name if client is not None else ""


def import_columns_of(session: Session, project_id: str) -> str | None:
    """The columns last mapped for the project's client (JSON), or None without a client."""
    client = queries.client_of_project(session, project_id)
    return client.import_columns if client is not None else None


def remember_import_columns(now: datetime, session: Session, project_id: str, columns: str) -> None:
    """Keep the columns of this import for the project's client, when they changed."""
    client = queries.client_of_project(session, project_id)
    if client is not None and client.import_columns != columns:
        client.import_columns = columns
        save_changes(now, session, client)


def calendar_milestones(
    session: Session, project_ids: Sequence[str], today: date, extra: dict[str, frozenset[date]]
) -> list[tuple[MilestoneItem, int]]:
    """Live milestones of the projects, each with how many date changes it has had (its revision)."""
    return [
        (milestone_item(session, row, today, extra.get(row.project_id, frozenset())), revisions)
        for row, revisions in queries.calendar_milestones(session, project_ids)
    ]


def open_commitments(session: Session, project_ids: Sequence[str]) -> list[CommitmentItem]:
    return [mapping.commitment_item(row) for row in queries.open_commitments(session, project_ids)]


def open_review_actions(session: Session, project_ids: Sequence[str]) -> list[tuple[ReviewActionItem, str]]:
    """Open follow-up actions of live reviews, with their review's title."""
    return [
        (mapping.review_action_item(row), title)
        for row, title in queries.open_review_actions(session, project_ids)
    ]
