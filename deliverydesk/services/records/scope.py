"""Contracted scope: scope items (S-n) and explicit exclusions (X-n)."""

from __future__ import annotations

from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_exclusion, validate_scope_item
from deliverydesk.services.records.kinds import ProjectRecords, mapped
from deliverydesk.store import mapping
from deliverydesk.store.tables import ExclusionRow, ScopeItemRow

SCOPE_ITEMS = ProjectRecords(
    ScopeItemRow,
    "scope item",
    validate=lambda _ctx, draft: validate_scope_item(draft),
    write=mapping.write_scope_item,
    to_items=mapped(mapping.scope_entry),
    ref_prefix=RefPrefix.SCOPE_ITEM,
)
EXCLUSIONS = ProjectRecords(
    ExclusionRow,
    "exclusion",
    validate=lambda _ctx, draft: validate_exclusion(draft),
    write=mapping.write_exclusion,
    to_items=mapped(mapping.exclusion_item),
    ref_prefix=RefPrefix.EXCLUSION,
)

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
