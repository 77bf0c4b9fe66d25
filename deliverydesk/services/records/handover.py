"""Handover entries: documents handed over, training sessions, risks and cautions, open items.

The links the handover gate reads (``domain.handover``): a document's training (a training's written
material is the documents handed over for it), an open item's scope item and owner, a risk's issue.
``save_handover_entry`` saves an entry and, for a training, which documents were handed over for it,
in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.domain.validation import validate_handover_entry
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import require_id
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import project_rows, project_tables
from deliverydesk.store.records import Session

HANDOVER_ENTRIES = ProjectRecords(
    project_tables.HANDOVER_ENTRIES, validate=lambda _ctx, draft: validate_handover_entry(draft)
)

get_handover_entry = HANDOVER_ENTRIES.get
list_handover_entries = HANDOVER_ENTRIES.list  # kind=HandoverKind filters
archive_handover_entry = HANDOVER_ENTRIES.archive
restore_handover_entry = HANDOVER_ENTRIES.restore


def create_handover_entry(ctx: ServiceContext, draft: HandoverEntryDraft) -> HandoverEntry:
    with ctx.db.unit_of_work() as session:
        return save_handover_entry_in(ctx, session, replace(draft, id=None))


def update_handover_entry(ctx: ServiceContext, draft: HandoverEntryDraft) -> HandoverEntry:
    require_id(draft.id, "handover entry")
    with ctx.db.unit_of_work() as session:
        return save_handover_entry_in(ctx, session, draft)


def save_handover_entry(
    ctx: ServiceContext, draft: HandoverEntryDraft, material_ids: Sequence[str] | None = None
) -> HandoverEntry:
    """Create (``id`` None) or change an entry; for a training, ``material_ids`` (when given) are the
    documents handed over for it: linked to it, and any other document linked to it is let go."""
    with ctx.db.unit_of_work() as session:
        return save_handover_entry_in(ctx, session, draft, material_ids)


def save_handover_entry_in(
    ctx: ServiceContext,
    session: Session,
    draft: HandoverEntryDraft,
    material_ids: Sequence[str] | None = None,
) -> HandoverEntry:
    draft = validate_handover_entry(draft)
    chosen = None if material_ids is None else set(material_ids)
    return project_rows.save_handover_entry(ctx.now(), session, draft, chosen)
