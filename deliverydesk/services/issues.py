"""Issues (I-n) with a category, and categories that recur across clients."""

from __future__ import annotations

from deliverydesk.domain.drafts import IssueDraft
from deliverydesk.domain.models import IssueCategoryItem, IssueItem, Page
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_issue
from deliverydesk.services.common import (
    add_with_ref,
    apply_draft,
    check_page,
    editable_record,
    get_row,
    live_project,
    page_of,
    require_id,
    save_changes,
    set_archived,
    to_item,
)
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.queries import issue_categories
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import IssueRow

SYSTEMIC_CLIENT_COUNT = 3  # the same category at this many different clients is a pattern


def _item(_session: Session, row: IssueRow) -> IssueItem:
    return to_item(IssueItem, row)


def create_issue(ctx: ServiceContext, draft: IssueDraft) -> IssueItem:
    draft = validate_issue(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        live_project(session, draft.project_id)
        row = IssueRow()
        apply_draft(row, draft)
        add_with_ref(ctx, session, row, RefPrefix.ISSUE)
        return _item(session, row)


def update_issue(ctx: ServiceContext, draft: IssueDraft) -> IssueItem:
    issue_id = require_id(draft.id, "issue")
    draft = validate_issue(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        row, _ = editable_record(session, IssueRow, issue_id, "issue", draft.project_id)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _item(session, row)


def get_issue(ctx: ServiceContext, issue_id: str) -> IssueItem:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, IssueRow, issue_id, "issue"))


def list_issues(
    ctx: ServiceContext, project_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 500
) -> Page[IssueItem]:
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            IssueRow,
            where={"project_id": project_id},
            include_archived=include_archived,
            order_by=("ref",),
            offset=offset,
            limit=limit,
        )
        return page_of([_item(session, r) for r in rows], total, offset, limit)


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


def archive_issue(ctx: ServiceContext, issue_id: str) -> IssueItem:
    return set_archived(ctx, IssueRow, issue_id, "issue", _item, archived=True)


def restore_issue(ctx: ServiceContext, issue_id: str) -> IssueItem:
    return set_archived(ctx, IssueRow, issue_id, "issue", _item, archived=False)
