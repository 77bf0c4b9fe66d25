"""Contracted scope: scope items (S-n) and explicit exclusions (X-n)."""

from __future__ import annotations

from deliverydesk.domain.drafts import ExclusionDraft, ScopeItemDraft
from deliverydesk.domain.models import ExclusionItem, ScopeEntry
from deliverydesk.domain.refs import RefPrefix
from deliverydesk.domain.validation import validate_exclusion, validate_scope_item
from deliverydesk.services.records.common import to_item
from deliverydesk.services.records.kinds import ProjectRecords, mapped
from deliverydesk.store.tables import ExclusionRow, ScopeItemRow

SCOPE_ITEMS: ProjectRecords[ScopeItemRow, ScopeItemDraft, ScopeEntry] = ProjectRecords(
    ScopeItemRow,
    "scope item",
    validate=lambda _ctx, draft: validate_scope_item(draft),
    to_items=mapped(lambda row: to_item(ScopeEntry, row)),
    ref_prefix=RefPrefix.SCOPE_ITEM,
)
EXCLUSIONS: ProjectRecords[ExclusionRow, ExclusionDraft, ExclusionItem] = ProjectRecords(
    ExclusionRow,
    "exclusion",
    validate=lambda _ctx, draft: validate_exclusion(draft),
    to_items=mapped(lambda row: to_item(ExclusionItem, row)),
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
