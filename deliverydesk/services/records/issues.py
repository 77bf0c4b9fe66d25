"""Issues (I-n) with a category of the shared taxonomy, and categories that recur across clients."""

from __future__ import annotations

from deliverydesk.domain.models import CategoryName, IssueCategoryItem, IssueLinks, LinkedRecord
from deliverydesk.domain.recurrence import RECURRENCE_MIN_CLIENTS
from deliverydesk.domain.validation import validate_issue
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import kinds, project_tables
from deliverydesk.store.queries import issue_categories, issue_link_rows
from deliverydesk.store.record_rows import get_row

ISSUES = ProjectRecords(project_tables.ISSUES, validate=lambda ctx, draft: validate_issue(draft, ctx.today()))

create_issue = ISSUES.create
update_issue = ISSUES.update
get_issue = ISSUES.get
list_issues = ISSUES.list  # category_id=... filters
archive_issue = ISSUES.archive
restore_issue = ISSUES.restore


def issue_links(ctx: ServiceContext, issue_id: str, *, limit: int = 200) -> IssueLinks:
    """The log entries about an issue and the change requests that arose from it (archived too)."""
    with ctx.db.unit_of_work() as session:
        get_row(session, kinds.ISSUE, issue_id)
        entries, requests = issue_link_rows(session, issue_id, check_page(0, limit))
        return IssueLinks(
            log_entries=tuple(
                LinkedRecord(
                    id=e.id,
                    ref="",
                    text=e.summary,
                    on=e.occurred_at.date(),
                    archived=e.archived_at is not None,
                )
                for e in entries
            ),
            change_requests=tuple(
                LinkedRecord(
                    id=r.id, ref=r.ref, text=r.title, on=r.requested_on, archived=r.archived_at is not None
                )
                for r in requests
            ),
        )


def list_issue_categories(ctx: ServiceContext) -> list[IssueCategoryItem]:
    """Every category with live issues, with how many clients met it; recurring ones are ``systemic``."""
    with ctx.db.unit_of_work() as session:
        rows = issue_categories(session)
        return [
            IssueCategoryItem(
                category_id=category.id,
                category=CategoryName(name_en=category.name_en, name_zh=category.name_zh),
                issue_count=issues,
                client_count=clients,
                systemic=clients >= RECURRENCE_MIN_CLIENTS,
            )
            for category, issues, clients in rows
        ]
