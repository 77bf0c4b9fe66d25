"""Contracted scope: scope items (S-n) and explicit exclusions (X-n)."""

from __future__ import annotations

from deliverydesk.domain.validation import validate_exclusion, validate_scope_item
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import project_tables

SCOPE_ITEMS = ProjectRecords(
    project_tables.SCOPE_ITEMS, validate=lambda _ctx, draft: validate_scope_item(draft)
)
EXCLUSIONS = ProjectRecords(project_tables.EXCLUSIONS, validate=lambda _ctx, draft: validate_exclusion(draft))

create_scope_item = SCOPE_ITEMS.create
update_scope_item = SCOPE_ITEMS.update
get_scope_item = SCOPE_ITEMS.get
list_scope_items = SCOPE_ITEMS.list
archive_scope_item = SCOPE_ITEMS.archive
restore_scope_item = SCOPE_ITEMS.restore

create_exclusion = EXCLUSIONS.create
update_exclusion = EXCLUSIONS.update
get_exclusion = EXCLUSIONS.get
list_exclusions = EXCLUSIONS.list
archive_exclusion = EXCLUSIONS.archive
restore_exclusion = EXCLUSIONS.restore
