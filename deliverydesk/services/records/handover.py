"""Handover entries: documents handed over, training sessions, risks and cautions, open items."""

from __future__ import annotations

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.domain.validation import validate_handover_entry
from deliverydesk.services.records.common import to_item
from deliverydesk.services.records.kinds import ProjectRecords, mapped
from deliverydesk.store.tables import HandoverItemRow

HANDOVER_ENTRIES: ProjectRecords[HandoverItemRow, HandoverEntryDraft, HandoverEntry] = ProjectRecords(
    HandoverItemRow,
    "handover entry",
    validate=lambda _ctx, draft: validate_handover_entry(draft),
    to_items=mapped(lambda row: to_item(HandoverEntry, row)),
    order_by=("kind", "item_date", "created_at", "id"),  # by kind, then date, then when written
)

create_handover_entry = HANDOVER_ENTRIES.create
update_handover_entry = HANDOVER_ENTRIES.update
get_handover_entry = HANDOVER_ENTRIES.get
list_handover_entries = HANDOVER_ENTRIES.list  # kind=HandoverKind filters
archive_handover_entry = HANDOVER_ENTRIES.archive
restore_handover_entry = HANDOVER_ENTRIES.restore
