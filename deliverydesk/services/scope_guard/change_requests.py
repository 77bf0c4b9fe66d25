"""Change requests (CR-n): the extra asks, their analysis and decision fields.

Storage and field rules. The decision rules (triage consequences, authority, budgets, transitions)
are the scope guard's (``services.scope_guard``); this plain editor only refuses to change the
decision of a request whose change-decision letter is issued."""

from __future__ import annotations

from deliverydesk.domain.validation import validate_change_request
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import project_tables

CHANGE_REQUESTS = ProjectRecords(
    project_tables.CHANGE_REQUESTS, validate=lambda ctx, draft: validate_change_request(draft, ctx.today())
)

create_change_request = CHANGE_REQUESTS.create
update_change_request = CHANGE_REQUESTS.update
get_change_request = CHANGE_REQUESTS.get
list_change_requests = CHANGE_REQUESTS.list  # decision=Decision filters
archive_change_request = CHANGE_REQUESTS.archive
restore_change_request = CHANGE_REQUESTS.restore
