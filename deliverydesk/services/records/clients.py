"""Clients and their contacts."""

from __future__ import annotations

from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.models import ClientItem, ContactItem, Page
from deliverydesk.domain.validation import validate_client, validate_contact
from deliverydesk.errors import RuleError
from deliverydesk.i18n import msg, msg_n
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.common import check_page, page_of, require_id
from deliverydesk.store import client_rows
from deliverydesk.store.records import Session, count_projects


def create_client(ctx: ServiceContext, draft: ClientDraft) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return create_client_in(ctx, session, draft)


def create_client_in(ctx: ServiceContext, session: Session, draft: ClientDraft) -> ClientItem:
    return client_rows.add_client(ctx.now(), session, validate_client(draft))


def update_client(ctx: ServiceContext, draft: ClientDraft) -> ClientItem:
    client_id = require_id(draft.id, "client")
    draft = validate_client(draft)
    with ctx.db.unit_of_work() as session:
        return client_rows.save_client(ctx.now(), session, client_id, draft)


def get_client(ctx: ServiceContext, client_id: str) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return client_rows.get_client(session, client_id)


def list_clients(
    ctx: ServiceContext, *, text: str = "", include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[ClientItem]:
    """Clients by name; ``text`` matches name or industry literally."""
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        items, total = client_rows.client_page(
            session, text, include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(items, total, offset, limit)


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
        return client_rows.set_client_archived(ctx.now(), session, client_id, archived=True)


def restore_client(ctx: ServiceContext, client_id: str) -> ClientItem:
    with ctx.db.unit_of_work() as session:
        return client_rows.set_client_archived(ctx.now(), session, client_id, archived=False)


def create_contact(ctx: ServiceContext, draft: ContactDraft) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return create_contact_in(ctx, session, draft)


def create_contact_in(ctx: ServiceContext, session: Session, draft: ContactDraft) -> ContactItem:
    return client_rows.add_contact(ctx.now(), session, validate_contact(draft))


def update_contact(ctx: ServiceContext, draft: ContactDraft) -> ContactItem:
    """A contact stays with its client: moving one to another client is refused."""
    contact_id = require_id(draft.id, "contact")
    draft = validate_contact(draft)
    with ctx.db.unit_of_work() as session:
        return client_rows.save_contact(ctx.now(), session, contact_id, draft)


def get_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return client_rows.get_contact(session, contact_id)


def list_contacts(
    ctx: ServiceContext, client_id: str, *, include_archived: bool = False, offset: int = 0, limit: int = 200
) -> Page[ContactItem]:
    limit = check_page(offset, limit)
    with ctx.db.unit_of_work() as session:
        items, total = client_rows.contact_page(
            session, client_id, include_archived=include_archived, offset=offset, limit=limit
        )
        return page_of(items, total, offset, limit)


def archive_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return client_rows.set_contact_archived(ctx.now(), session, contact_id, archived=True)


def restore_contact(ctx: ServiceContext, contact_id: str) -> ContactItem:
    with ctx.db.unit_of_work() as session:
        return client_rows.set_contact_archived(ctx.now(), session, contact_id, archived=False)
