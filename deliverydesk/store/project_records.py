"""Projects' own rows: insert, save, archive and restore; items out, drafts in. The rules (validation,
free codes, the client a project may name) are the services'; the client is looked up here."""

from __future__ import annotations

from datetime import datetime

from deliverydesk.domain.drafts import ProjectDraft
from deliverydesk.domain.models import ProjectItem
from deliverydesk.store import kinds, mapping
from deliverydesk.store.record_rows import get_editable, insert_new, project_item, save_changes, set_archived
from deliverydesk.store.records import Session
from deliverydesk.store.tables import ProjectRow


def add_project(now: datetime, session: Session, draft: ProjectDraft) -> ProjectItem:
    """A new project for a live client (an archived or missing client is refused)."""
    get_editable(session, kinds.CLIENT, draft.client_id)
    row = ProjectRow()
    mapping.write_project(row, draft)
    insert_new(now, session, row)
    return project_item(session, row)


def save_project(now: datetime, session: Session, project_id: str, draft: ProjectDraft) -> ProjectItem:
    """The project as ``draft`` says; a move to another client needs that client live."""
    row = get_editable(session, kinds.PROJECT, project_id)
    if draft.client_id != row.client_id:
        get_editable(session, kinds.CLIENT, draft.client_id)
    mapping.write_project(row, draft)
    save_changes(now, session, row)
    return project_item(session, row)


def set_project_archived(now: datetime, session: Session, project_id: str, *, archived: bool) -> ProjectItem:
    return set_archived(now, session, kinds.PROJECT, project_id, project_item, archived=archived)
