"""Issues (I-n) with a category, and categories that recur across clients."""

from __future__ import annotations

from deliverydesk.domain.drafts import IssueDraft
from deliverydesk.domain.models import IssueCategoryItem, IssueItem
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_issue
from deliverydesk.services.common import to_item
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import ProjectRecords, mapped
from deliverydesk.store.queries import issue_categories
from deliverydesk.store.tables import IssueRow

SYSTEMIC_CLIENT_COUNT = 3  # the same category at this many different clients is a pattern

ISSUES: ProjectRecords[IssueRow, IssueDraft, IssueItem] = ProjectRecords(
    IssueRow,
    "issue",
    validate=lambda ctx, draft: validate_issue(draft, ctx.today()),
    to_items=mapped(lambda row: to_item(IssueItem, row)),
    ref_prefix=RefPrefix.ISSUE,
)

create_issue = ISSUES.create
update_issue = ISSUES.update
get_issue = ISSUES.get
list_issues = ISSUES.list
archive_issue = ISSUES.archive
restore_issue = ISSUES.restore


def list_issue_categories(ctx: ServiceContext) -> list[IssueCategoryItem]:
    """Every issue category in use, with how many clients met it; recurring ones are ``systemic``."""
    with ctx.db.unit_of_work() as session:
        rows = issue_categories(session)
    return [
        IssueCategoryItem(
            category=category,
            issue_count=issues,
            client_count=clients,
            systemic=clients >= SYSTEMIC_CLIENT_COUNT,
        )
        for category, issues, clients in rows
    ]
