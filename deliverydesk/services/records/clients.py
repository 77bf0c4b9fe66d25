"""Clients and their contacts."""

from __future__ import annotations

from deliverydesk.domain.client_defaults import contacts_language
from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.models import ClientItem, ContactItem, Page
from deliverydesk.domain.validation import validate_client, validate_contact
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg, msg_n
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import (
    check_page,
    get_editable,
    get_row,
    insert_new,
    page_of,
    require_id,
    save_changes,
    set_archived,
)
from deliverydesk.store import mapping
from deliverydesk.store.queries import search_clients
from deliverydesk.store.records import Session, contact_languages, count_projects, list_rows
from deliverydesk.store.tables import ClientRow, ContactRow


def _client(session: Session, row: ClientRow) -> ClientItem:
    return _clients(session, [row])[0]


def _clients(session: Session, rows: list[ClientRow]) -> list[ClientItem]:
    languages = contact_languages(session, [row.id for row in rows])
    return [
        mapping.client_item(row, contact_language=contacts_language(languages.get(row.id, ())))
        for row in rows
    ]


def _contact(_session: Session, row: ContactRow) -> ContactItem:
    return mapping.contact_item(row)


def create_client(ctx: ServiceContext, draft: ClientDraft) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return create_client_in(ctx, session, draft)


def create_client_in(ctx: ServiceContext, session: Session, draft: ClientDraft) -> ClientItem:
    draft = validate_client(draft)
    row = ClientRow()
    mapping.write_client(row, draft)
    insert_new(ctx, session, row)
    return _client(session, row)


def update_client(ctx: ServiceContext, draft: ClientDraft) -> ClientItem:
    client_id = require_id(draft.id, "client")
    draft = validate_client(draft)
    with ctx.db.unit_of_work() as session:
        row = get_editable(session, ClientRow, client_id, "client")
        mapping.write_client(row, draft)
        save_changes(ctx, session, row)
        return _client(session, row)


def get_client(ctx: ServiceContext, client_id: str) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return _client(session, get_row(session, ClientRow, client_id, "client"))


def list_clients(
    ctx: ServiceContext, *, text: str = "", include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[ClientItem]:
    """Clients by name; ``text`` matches name or industry literally."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = search_clients(
            session, text, include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(_clients(session, list(rows)), total, offset, limit)


def archive_client(ctx: ServiceContext, client_id: str) -> ClientItem:
    """Refused while the client still has projects that are not archived."""
    with ctx.db.unit_of_work() as session:
        live = count_projects(session, client_id=client_id)
        if live:
            raise RuleError(
                msg_n(
                    "This client still has {count} project.", "This client still has {count} projects.", live
                ),
                msg("Archive its projects first."),
            )
        return set_archived(ctx, session, ClientRow, client_id, "client", _client, archived=True)


def restore_client(ctx: ServiceContext, client_id: str) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return set_archived(ctx, session, ClientRow, client_id, "client", _client, archived=False)


def create_contact(ctx: ServiceContext, draft: ContactDraft) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return create_contact_in(ctx, session, draft)


def create_contact_in(ctx: ServiceContext, session: Session, draft: ContactDraft) -> ContactItem:
    draft = validate_contact(draft)
    get_editable(session, ClientRow, draft.client_id, "client")
    row = ContactRow()
    mapping.write_contact(row, draft)
    insert_new(ctx, session, row)
    return _contact(session, row)


def update_contact(ctx: ServiceContext, draft: ContactDraft) -> ContactItem:
    """A contact stays with its client: moving one to another client is refused."""
    contact_id = require_id(draft.id, "contact")
    draft = validate_contact(draft)
    with ctx.db.unit_of_work() as session:
        row = get_editable(session, ContactRow, contact_id, "contact")
        if row.client_id != draft.client_id:
            raise RuleError(
                msg("A contact cannot move to another client."), msg("Add a new contact there instead.")
            )
        mapping.write_contact(row, draft)
        save_changes(ctx, session, row)
        return _contact(session, row)


def get_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return _contact(session, get_row(session, ContactRow, contact_id, "contact"))


def list_contacts(
    ctx: ServiceContext, client_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[ContactItem]:
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        rows, total = list_rows(
            session,
            ContactRow,
            where={"client_id": client_id},
            include_archived=include_archived,
            order_by=("name", "id"),
            offset=offset,
            limit=limit,
        )
        return page_of([_contact(session, r) for r in rows], total, offset, limit)


def archive_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return set_archived(ctx, session, ContactRow, contact_id, "contact", _contact, archived=True)


def restore_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return set_archived(ctx, session, ContactRow, contact_id, "contact", _contact, archived=False)
