"""Learning across clients: similar issues met at other clients (with how they were solved), and
problems or extra asks that recur at several distinct clients in a period."""

from __future__ import annotations

from datetime import date
from typing import Any

from deliverydesk.domain.recurrence import (
    RECURRENCE_MIN_CLIENTS,
    SIMILAR_LIMIT,
    IssueText,
    Occurrence,
    RecurrenceItem,
    SimilarIssue,
    check_period,
    find_recurrences,
    rank_similar,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.projects import get_project_in
from deliverydesk.store import recurrence_queries as q
from deliverydesk.store.category_queries import categories_by_id
from deliverydesk.store.records import Session
from deliverydesk.store.recurrence_queries import RecordKind

# How many issues of other clients are compared in Python: the newest CANDIDATE_LIMIT of the same
# category plus the newest CANDIDATE_LIMIT of any category. The text comparison has no index, so it
# must not read every issue of a large database; old issues of another category rarely matter.
CANDIDATE_LIMIT = 300


def similar_issues(
    ctx: ServiceContext,
    *,
    project_id: str,
    title: str,
    symptoms: str = "",
    category_id: str | None = None,
    limit: int = SIMILAR_LIMIT,
) -> list[SimilarIssue]:
    """Issues at clients other than the project's own that look like this one, best first."""
    with ctx.db.unit_of_work() as session:
        return similar_issues_in(
            session,
            project_id,
            IssueText(title=title, symptoms=symptoms, category_id=category_id),
            limit=limit,
        )


def similar_issues_in(
    session: Session, project_id: str, new: IssueText, *, limit: int = SIMILAR_LIMIT
) -> list[SimilarIssue]:
    if not (new.title.strip() or new.symptoms.strip()):
        return []
    category_id = new.category_id
    client_id = get_project_in(session, project_id).client_id
    rows = q.similar_issue_candidates(
        session, other_than_client=client_id, category_id=category_id, limit=CANDIDATE_LIMIT
    )
    ranked = rank_similar(new, ((row, _issue_text(row)) for row in rows), limit=limit)
    return [_similar(row, score, category_id) for row, score in ranked]


def _issue_text(row: dict[str, Any]) -> IssueText:
    return IssueText(
        title=row["title"],
        symptoms=row["symptoms"],
        root_cause=row["root_cause"],
        category_id=row["category_id"],
    )


def _similar(row: dict[str, Any], score: float, category_id: str | None) -> SimilarIssue:
    return SimilarIssue(
        issue_id=row["issue_id"],
        project_id=row["project_id"],
        project_code=row["project_code"],
        project_name=row["project_name"],
        client_id=row["client_id"],
        client_name=row["client_name"],
        ref=row["ref"],
        title=row["title"],
        category_id=row["category_id"],
        category_name_en=row["category_en"] or "",
        category_name_zh=row["category_zh"] or "",
        severity=row["severity"],
        reported_on=row["reported_on"],
        resolved_on=row["resolved_on"],
        symptoms=row["symptoms"],
        root_cause=row["root_cause"],
        resolution=row["resolution"],
        score=round(score, 3),
        same_category=category_id is not None and row["category_id"] == category_id,
    )


def recurring_problems(
    ctx: ServiceContext,
    *,
    kind: RecordKind,
    since: date,
    until: date,
    min_clients: int = RECURRENCE_MIN_CLIENTS,
) -> list[RecurrenceItem]:
    """Categories of issues (``kind="issues"``, by report date) or of extra asks (``"asks"``: change
    requests, by request date) met at ``min_clients`` or more distinct clients in [since, until]."""
    check_period(since, until, min_clients)
    with ctx.db.unit_of_work() as session:
        category_ids = q.recurring_category_ids(session, kind, since, until, min_clients)
        rows = q.occurrences(session, kind, since, until, category_ids)
        names = {
            key: (row.name_en, row.name_zh) for key, row in categories_by_id(session, category_ids).items()
        }
    return find_recurrences(
        (_occurrence(row) for row in rows), since=since, until=until, min_clients=min_clients, names=names
    )


def _occurrence(row: dict[str, Any]) -> Occurrence:
    return Occurrence(
        category_id=row["category_id"],
        client_id=row["client_id"],
        client_name=row["client_name"],
        project_id=row["project_id"],
        project_code=row["project_code"],
        project_name=row["project_name"],
        record_id=row["record_id"],
        ref=row["ref"],
        title=row["title"],
        on=row["on"],
    )
