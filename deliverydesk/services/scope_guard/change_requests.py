"""Change requests (CR-n): the extra asks, their analysis and decision fields.

Storage and field rules. The decision rules (triage consequences, authority, budgets, transitions)
are the scope guard's (``services.scope_guard``); this plain editor only refuses to change the
decision of a request whose change-decision letter is issued."""

from __future__ import annotations

from deliverydesk.domain.drafts import ChangeRequestDraft
from deliverydesk.domain.models import ChangeRequestItem
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_change_request
from deliverydesk.domain.write_once import DECISION_FIELDS  # the same list bundles respect
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.services.records.categories import category_names, check_category_link
from deliverydesk.services.records.common import check_contact_link, check_same_project
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.services.scope_guard.meters import letter_issued
from deliverydesk.store import mapping
from deliverydesk.store.records import Session
from deliverydesk.store.tables import ChangeRequestRow, ExclusionRow, IssueRow, ProjectRow, ScopeItemRow


def _check_links(
    session: Session, draft: ChangeRequestDraft, project: ProjectRow, row: ChangeRequestRow | None
) -> None:
    check_contact_link(session, "requested_by_id", draft.requested_by_id, project)
    check_same_project(session, "scope_item_id", ScopeItemRow, draft.scope_item_id, project.id)
    check_same_project(session, "exclusion_id", ExclusionRow, draft.exclusion_id, project.id)
    check_same_project(session, "issue_id", IssueRow, draft.issue_id, project.id)
    check_category_link(session, draft.category_id, row.category_id if row else None)


def _apply_update(session: Session, row: ChangeRequestRow, draft: ChangeRequestDraft) -> None:
    """The decision of a request whose change-decision letter is issued can no longer change."""
    changed = any(getattr(row, name) != getattr(draft, name) for name in DECISION_FIELDS)
    if changed and letter_issued(session, row.id):
        raise RuleError(
            msg(
                "The change decision letter of {ref} is issued: its decision can no longer change.",
                ref=row.ref,
            ),
            msg("Supersede the letter first, then change the decision and issue a new version."),
        )
    mapping.write_change_request(row, draft)


def change_request_items(session: Session, rows: list[ChangeRequestRow]) -> list[ChangeRequestItem]:
    """Items of a batch of change requests, with their categories' names looked up once."""
    names = category_names(session, [row.category_id for row in rows])
    return [mapping.change_request_item(row, category=names.get(row.category_id or "")) for row in rows]


CHANGE_REQUESTS = ProjectRecords(
    ChangeRequestRow,
    "change request",
    validate=lambda ctx, draft: validate_change_request(draft, ctx.today()),
    write=mapping.write_change_request,
    to_items=lambda session, rows: change_request_items(session, rows),
    ref_prefix=RefPrefix.CHANGE_REQUEST,
    check_links=_check_links,
    apply_update=_apply_update,
)

create_change_request = CHANGE_REQUESTS.create
update_change_request = CHANGE_REQUESTS.update
get_change_request = CHANGE_REQUESTS.get
list_change_requests = CHANGE_REQUESTS.list  # decision=Decision filters
archive_change_request = CHANGE_REQUESTS.archive
restore_change_request = CHANGE_REQUESTS.restore
