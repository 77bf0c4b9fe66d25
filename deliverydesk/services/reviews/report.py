"""The butterfly review report (internal PDF): its data from the database, the PDF, and the export.

Internal: never issued or signed, so nothing is stored. Its content is fingerprinted like an issued
letter (SHA-256 of the canonical JSON of what is printed), so a printed copy can be matched to the
review it came from. Reference: ``<project code>-RV-<issue ref>`` for a review of an issue, else
``<project code>-RV-<held on, yyyymmdd>``. Similar issues at other clients come from
``services.learning.recurrence`` (same category or similar words, with their resolutions)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from deliverydesk.domain.enums import Language
from deliverydesk.domain.fingerprint import seal
from deliverydesk.domain.models import IssueItem, ReviewItem
from deliverydesk.domain.recurrence import IssueText, SimilarIssue, category_label
from deliverydesk.i18n import translator
from deliverydesk.reports.documents.data import with_seal
from deliverydesk.reports.labels import label
from deliverydesk.reports.review.data import (
    ButterflyData,
    FollowUpData,
    RecurrenceData,
    ReviewedIssueData,
    ReviewReportData,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.documents.export import ExportResult, write_export
from deliverydesk.services.documents.parts import ALL_ROWS, DocumentFacts, load_facts
from deliverydesk.services.documents.verify import keep_exported_copy_in
from deliverydesk.services.learning.recurrence import similar_issues_in
from deliverydesk.store.project_tables import ISSUES, REVIEW_ACTIONS, REVIEWS
from deliverydesk.store.records import Session
from deliverydesk.store.recurrence_queries import similar_issue_candidates

RECURRENCE_LIMIT = 10  # similar issues at other clients printed at most


def build_review_report(
    ctx: ServiceContext, review_id: str, language: Language | None = None, *, name_clients: bool = False
) -> ReviewReportData:
    """The report's data, fingerprinted; ``language`` None: the project's document language.
    ``name_clients``: the user chose to name the other clients where the same problem was met
    (otherwise "Client A", "Client B"...)."""
    with ctx.db.unit_of_work() as session:
        return build_review_report_in(ctx, session, review_id, language, name_clients=name_clients)


def build_review_report_in(
    ctx: ServiceContext,
    session: Session,
    review_id: str,
    language: Language | None = None,
    *,
    name_clients: bool = False,
) -> ReviewReportData:
    review = REVIEWS.get(session, review_id)
    facts = load_facts(ctx, session, review.project_id, language)
    issue = ISSUES.get(session, review.issue_id) if review.issue_id else None
    data = ReviewReportData(
        meta=facts.document_meta(_reference(facts, review, issue)),  # internal: always version 1
        project=facts.project_ref,
        client=facts.client.name,
        held_on=review.held_on,
        title=review.title,
        answers=_answers(review),
        issue=_issue(facts, issue) if issue else None,
        lessons=review.lessons,
        actions=_actions(session, review.id),
        name_other_clients=name_clients,
    )
    if issue is not None:
        same = _same_category_elsewhere(session, facts, issue)
        text = IssueText(title=issue.title, symptoms=issue.symptoms, category_id=issue.category_id)
        data = _with_recurrence(session, data, (review.project_id, text), same)
    return seal(data, with_seal)[2]


def review_report_pdf(
    ctx: ServiceContext, review_id: str, language: Language | None = None, *, name_clients: bool = False
) -> bytes:
    from deliverydesk.reports.review.report import render_review_report  # reportlab loads on demand

    with ctx.db.unit_of_work() as session:
        data = build_review_report_in(ctx, session, review_id, language, name_clients=name_clients)
    return render_review_report(data)


def export_review_report(
    ctx: ServiceContext,
    review_id: str,
    out: Path,
    language: Language | None = None,
    *,
    name_clients: bool = False,
) -> ExportResult:
    """Write the report to ``out`` atomically (a failed export leaves an older file as it was) and keep
    a copy, so ``deliverydesk verify`` can check it later: one unit of work."""
    from deliverydesk.reports.review.report import render_review_report

    with ctx.db.unit_of_work() as session:
        data = build_review_report_in(ctx, session, review_id, language, name_clients=name_clients)
        pdf = render_review_report(data)
        result = write_export(out, pdf)
        meta = data.meta
        keep_exported_copy_in(
            ctx,
            session,
            project_id=REVIEWS.get(session, review_id).project_id,
            kind="review_report",
            reference=meta.reference,
            fingerprint=meta.fingerprint,
            pdf=pdf,
        )
        return result


def _reference(facts: DocumentFacts, review: ReviewItem, issue: IssueItem | None) -> str:
    suffix = issue.ref if issue is not None else f"{review.held_on:%Y%m%d}"
    return f"{facts.project.code}-RV-{suffix}"


def _answers(review: ReviewItem) -> ButterflyData:
    return ButterflyData(
        client_short=review.client_short,
        client_mid=review.client_mid,
        client_long=review.client_long,
        company_short=review.company_short,
        company_mid=review.company_mid,
        company_long=review.company_long,
    )


def _issue(facts: DocumentFacts, issue: IssueItem) -> ReviewedIssueData:
    category = issue.category  # its names, archived or not
    return ReviewedIssueData(
        ref=issue.ref,
        title=issue.title,
        category=category_label(category.name_en, category.name_zh, facts.language) if category else "",
        severity=label(translator(facts.language), issue.severity),
        reported_on=issue.reported_on,
        resolved_on=issue.resolved_on,
        root_cause=issue.root_cause,
        resolution=issue.resolution,
    )


def _actions(session: Session, review_id: str) -> tuple[FollowUpData, ...]:
    actions, _total = REVIEW_ACTIONS.page(
        session,
        {"review_id": review_id},
        include_archived=False,
        offset=0,
        limit=ALL_ROWS,
        order_by=("revisit_on", "created_at"),
    )
    return tuple(FollowUpData(a.description, a.owner, a.revisit_on, a.done_on) for a in actions)


def _same_category_elsewhere(
    session: Session, facts: DocumentFacts, issue: IssueItem
) -> list[dict[str, Any]]:
    """The newest issues of the issue's category at other clients."""
    if issue.category_id is None:
        return []
    candidates = similar_issue_candidates(
        session, other_than_client=facts.client.id, category_id=issue.category_id, limit=RECURRENCE_LIMIT
    )
    return [row for row in candidates if row["category_id"] == issue.category_id]


def _with_recurrence(
    session: Session, data: ReviewReportData, about: tuple[str, IssueText], same: list[dict[str, Any]]
) -> ReviewReportData:
    """Issues of the same category at other clients, then other similar issues (similar words)."""
    project_id, issue = about
    similar = similar_issues_in(session, project_id, issue)
    shown = {row["issue_id"] for row in same}
    rows = [_row_data(row) for row in same] + [_similar_data(s) for s in similar if s.issue_id not in shown]
    clients = {row["client_id"] for row in same} | {s.client_id for s in similar}
    return replace(data, recurrence=tuple(rows[:RECURRENCE_LIMIT]), recurrence_clients=len(clients))


def _row_data(row: dict[str, Any]) -> RecurrenceData:
    return RecurrenceData(
        row["client_name"],
        row["project_code"],
        row["ref"],
        row["title"],
        row["reported_on"],
        row["resolution"],
    )


def _similar_data(similar: SimilarIssue) -> RecurrenceData:
    return RecurrenceData(
        client=similar.client_name,
        project_code=similar.project_code,
        ref=similar.ref,
        title=similar.title,
        reported_on=similar.reported_on,
        resolution=similar.resolution,
    )
