"""Handover entries: documents handed over, training sessions, risks and cautions, open items.

The links the handover gate reads (``domain.handover``): a document's training (a training's written
material is the documents handed over for it), an open item's scope item and owner, a risk's issue.
``save_handover_entry`` saves an entry and, for a training, which documents were handed over for it,
in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deliverydesk.domain.drafts import HandoverEntryDraft
from deliverydesk.domain.enums import HandoverKind
from deliverydesk.domain.models import HandoverEntry
from deliverydesk.domain.validation import validate_handover_entry
from deliverydesk.errors import ValidationError
from deliverydesk.i18n import msg
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    check_same_project,
    editable_record,
    insert_new,
    live_project,
    require_id,
    save_changes,
)
from deliverydesk.services.records.kinds import ProjectRecords
from deliverydesk.store import mapping
from deliverydesk.store.records import Session, list_rows
from deliverydesk.store.tables import HandoverItemRow, IssueRow, ProjectRow, ScopeItemRow

MAX_ROWS = 1000


def _items(session: Session, rows: list[HandoverItemRow]) -> list[HandoverEntry]:
    """Items with each training's written material (the titles of the live documents linked to it)."""
    trainings = [r.id for r in rows if r.kind is HandoverKind.TRAINING]
    material: dict[str, list[str]] = {t: [] for t in trainings}
    if trainings:
        project_ids = {r.project_id for r in rows}
        for project_id in project_ids:
            documents, _ = list_rows(
                session,
                HandoverItemRow,
                where={"project_id": project_id, "kind": HandoverKind.DOCUMENT},
                order_by=("item_date", "created_at"),
                limit=MAX_ROWS,
            )
            for document in documents:
                if document.training_id in material:
                    material[document.training_id].append(document.title)
    return [mapping.handover_entry(r, material=tuple(material.get(r.id, ()))) for r in rows]


def _check_links(
    session: Session, draft: HandoverEntryDraft, project: ProjectRow, row: HandoverItemRow | None
) -> None:
    check_same_project(session, "scope_item_id", ScopeItemRow, draft.scope_item_id, project.id)
    check_same_project(session, "issue_id", IssueRow, draft.issue_id, project.id)
    if draft.training_id is not None:
        _training(session, draft.training_id, project.id, "training_id")


def _training(session: Session, training_id: str, project_id: str, field: str) -> HandoverItemRow:
    training = session.get(HandoverItemRow, training_id)
    if training is None or training.project_id != project_id or training.kind is not HandoverKind.TRAINING:
        raise ValidationError({field: msg("Choose a training session of this project.")})
    return training


HANDOVER_ENTRIES = ProjectRecords(
    HandoverItemRow,
    "handover entry",
    validate=lambda _ctx, draft: validate_handover_entry(draft),
    write=mapping.write_handover_entry,
    to_items=_items,
    order_by=("kind", "item_date", "created_at", "id"),  # by kind, then date, then when written
    check_links=_check_links,
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
    project = live_project(session, draft.project_id)
    if draft.id is None:
        row = HandoverItemRow()
        _check_links(session, draft, project, None)
        mapping.write_handover_entry(row, draft)
        insert_new(ctx, session, row)
    else:
        row, project = editable_record(session, HandoverItemRow, draft.id, "handover entry", project.id)
        _check_links(session, draft, project, row)
        mapping.write_handover_entry(row, draft)
        save_changes(ctx, session, row)
    if row.kind is HandoverKind.TRAINING and material_ids is not None:
        _link_material(ctx, session, row, set(material_ids))
    elif row.kind is not HandoverKind.TRAINING:
        _link_material(ctx, session, row, set())  # no longer a training: its documents are let go
    return _items(session, [row])[0]


def _link_material(
    ctx: ServiceContext, session: Session, training: HandoverItemRow, chosen: set[str]
) -> None:
    documents, _ = list_rows(
        session,
        HandoverItemRow,
        where={"project_id": training.project_id, "kind": HandoverKind.DOCUMENT},
        include_archived=True,
        limit=MAX_ROWS,
    )
    known = {d.id for d in documents}
    if chosen - known:
        raise ValidationError({"material_ids": msg("Choose documents handed over in this project.")})
    for document in documents:
        linked = document.id in chosen
        if linked and document.training_id != training.id:
            document.training_id = training.id
        elif not linked and document.training_id == training.id:
            document.training_id = None
        else:
            continue
        save_changes(ctx, session, document)
