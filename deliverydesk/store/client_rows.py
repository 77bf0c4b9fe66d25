"""Clients' and contacts' rows: their items (a client's contacts' language), insert, save, look up,
archive, and the page of a client's contacts."""

from __future__ import annotations

from datetime import datetime

from deliverydesk.domain.client_defaults import contacts_language
from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.models import ClientItem, ContactItem
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg
from deliverydesk.store import kinds, mapping
from deliverydesk.store.queries import search_clients
from deliverydesk.store.record_rows import get_editable, get_row, insert_new, save_changes, set_archived
from deliverydesk.store.records import Session, contact_languages, list_rows
from deliverydesk.store.tables import ClientRow, ContactRow


def client_items(session: Session, rows: list[ClientRow]) -> list[ClientItem]:
    languages = contact_languages(session, [row.id for row in rows])
    return [
        mapping.client_item(row, contact_language=contacts_language(languages.get(row.id, ())))
        for row in rows
    ]


def _client(session: Session, row: ClientRow) -> ClientItem:
    return client_items(session, [row])[0]


def _contact(_session: Session, row: ContactRow) -> ContactItem:
    return mapping.contact_item(row)


def add_client(now: datetime, session: Session, draft: ClientDraft) -> ClientItem:
    row = ClientRow()
    mapping.write_client(row, draft)
    insert_new(now, session, row)
    return _client(session, row)


def save_client(now: datetime, session: Session, client_id: str, draft: ClientDraft) -> ClientItem:
    row = get_editable(session, kinds.CLIENT, client_id)
    mapping.write_client(row, draft)
    save_changes(now, session, row)
    return _client(session, row)


def get_client(session: Session, client_id: str) -> ClientItem:
    return _client(session, get_row(session, kinds.CLIENT, client_id))


def client_page(
    session: Session, text: str, *, include_archived: bool, offset: int, limit: int
) -> tuple[list[ClientItem], int]:
    """Clients by name; ``text`` matches name or industry literally."""
    rows, total = search_clients(session, text, include_archived=include_archived, offset=offset, limit=limit)
    return client_items(session, list(rows)), total


def set_client_archived(now: datetime, session: Session, client_id: str, *, archived: bool) -> ClientItem:
    return set_archived(now, session, kinds.CLIENT, client_id, _client, archived=archived)


def add_contact(now: datetime, session: Session, draft: ContactDraft) -> ContactItem:
    get_editable(session, kinds.CLIENT, draft.client_id)
    row = ContactRow()
    mapping.write_contact(row, draft)
    insert_new(now, session, row)
    return _contact(session, row)


def save_contact(now: datetime, session: Session, contact_id: str, draft: ContactDraft) -> ContactItem:
    """A contact stays with its client: moving one to another client is refused."""
    row = get_editable(session, kinds.CONTACT, contact_id)
    if row.client_id != draft.client_id:
        raise RuleError(
            msg("A contact cannot move to another client."), msg("Add a new contact there instead.")
        )
    mapping.write_contact(row, draft)
    save_changes(now, session, row)
    return _contact(session, row)


def get_contact(session: Session, contact_id: str) -> ContactItem:
    return _contact(session, get_row(session, kinds.CONTACT, contact_id))


def contact_page(
    session: Session, client_id: str, *, include_archived: bool, offset: int, limit: int
) -> tuple[list[ContactItem], int]:
    rows, total = list_rows(
        session,
        ContactRow,
        where={"client_id": client_id},
        include_archived=include_archived,
        order_by=("name", "id"),
        offset=offset,
        limit=limit,
    )
    return [_contact(session, r) for r in rows], total


def set_contact_archived(now: datetime, session: Session, contact_id: str, *, archived: bool) -> ContactItem:
    return set_archived(now, session, kinds.CONTACT, contact_id, _contact, archived=archived)
