"""Change requests (CR-n): the extra asks, their analysis and decision fields.

Storage and field rules. The decision rules (triage consequences, authority, budgets, transitions)
are the scope guard's (``services.scope_guard``); this plain editor only refuses to change the
decision of a request whose change-decision letter is issued."""

from __future__ import annotations

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.enums import Decision
from deliverydesk.domain.models import ChangeRequestItem, Page
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_change_request
from deliverydesk.errors import RuleError
from deliverydesk.services.common import (
    add_with_ref,
    apply_draft,
    check_contact_link,
    check_page,
    check_same_project,
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
from deliverydesk.services.scope_meters import letter_issued
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import ChangeRequestRow, ExclusionRow, ProjectRow, ScopeItemRow

DECISION_FIELDS = (
    "decision",
    "decided_by",
    "decided_on",
    "rationale",
    "escalation_needed",
    "approved_by",
    "approved_on",
    "approval_note",
)


def _item(_session: Session, row: ChangeRequestRow) -> ChangeRequestItem:
    return to_item(ChangeRequestItem, row)


def _check_links(session: Session, draft: ChangeRequestDraft, project: ProjectRow) -> None:
    check_contact_link(session, "requested_by_id", draft.requested_by_id, project)
    check_same_project(session, "scope_item_id", ScopeItemRow, draft.scope_item_id, project.id)
    check_same_project(session, "exclusion_id", ExclusionRow, draft.exclusion_id, project.id)


def _check_decision_open(session: Session, row: ChangeRequestRow, draft: ChangeRequestDraft) -> None:
    changed = any(getattr(row, name) != getattr(draft, name) for name in DECISION_FIELDS)
    if changed and letter_issued(session, row.id):
        raise RuleError(
            f"The change decision letter of {row.ref} is issued: its decision can no longer change.",
            "Supersede the letter first, then change the decision and issue a new version.",
        )


def create_change_request(ctx: ServiceContext, draft: ChangeRequestDraft) -> ChangeRequestItem:
    draft = validate_change_request(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        project = live_project(session, draft.project_id)
        _check_links(session, draft, project)
        row = ChangeRequestRow()
        apply_draft(row, draft)
        add_with_ref(ctx, session, row, RefPrefix.CHANGE_REQUEST)
        return _item(session, row)


def update_change_request(ctx: ServiceContext, draft: ChangeRequestDraft) -> ChangeRequestItem:
    request_id = require_id(draft.id, "change request")
    draft = validate_change_request(draft, ctx.today())
    with ctx.db.unit_of_work() as session:
        row, project = editable_record(
            session, ChangeRequestRow, request_id, "change request", draft.project_id
        )
        _check_links(session, draft, project)
        _check_decision_open(session, row, draft)
        apply_draft(row, draft, skip=("id", "project_id"))
        save_changes(ctx, session, row)
        return _item(session, row)


def get_change_request(ctx: ServiceContext, request_id: str) -> ChangeRequestItem:
    with ctx.db.unit_of_work() as session:
        return _item(session, get_row(session, ChangeRequestRow, request_id, "change request"))


def list_change_requests(
    ctx: ServiceContext,
    project_id: str,
    *,
    decision: Decision | None = None,
    include_archived: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> Page[ChangeRequestItem]:
    limit = check_page(offset, limit)
    where: dict[str, object] = {"project_id": project_id}
    if decision is not None:
        where["decision"] = decision
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ChangeRequestRow,
            where=where,
            include_archived=include_archived,
            order_by=("ref",),
            offset=offset,
            limit=limit,
        )
        return page_of([_item(session, r) for r in rows], total, offset, limit)


def archive_change_request(ctx: ServiceContext, request_id: str) -> ChangeRequestItem:
    return set_archived(ctx, ChangeRequestRow, request_id, "change request", _item, archived=True)


def restore_change_request(ctx: ServiceContext, request_id: str) -> ChangeRequestItem:
    return set_archived(ctx, ChangeRequestRow, request_id, "change request", _item, archived=False)
