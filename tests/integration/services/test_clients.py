from __future__ import annotations

from dataclasses import replace

import pytest

from deliverydesk.domain.drafts import ClientDraft, ContactDraft
from deliverydesk.domain.enums import ContactRole
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records import clients, projects
from tests.conftest import FIXED_NOW
from tests.integration.services.conftest import make_client, make_project


def test_client_create_read_update(ctx: ServiceContext) -> None:
    created = clients.create_client(ctx, ClientDraft(name=" Nordwerk GmbH ", notes="<b>not bold</b>"))
    assert created.name == "Nordwerk GmbH" and created.notes == "<b>not bold</b>"
    assert created.created_at == FIXED_NOW and not created.archived
    draft = ClientDraft(id=created.id, name="Nordwerk Maschinenbau GmbH", industry="machine building")
    updated = clients.update_client(ctx, draft)
    assert clients.get_client(ctx, created.id) == updated
    assert updated.industry == "machine building" and updated.notes == ""


def test_archive_hides_and_restore_shows_again(ctx: ServiceContext) -> None:
    kept = clients.create_client(ctx, ClientDraft(name="Alpha"))
    gone = clients.create_client(ctx, ClientDraft(name="Beta"))
    archived = clients.archive_client(ctx, gone.id)
    assert archived.archived_at == FIXED_NOW
    assert [c.name for c in clients.list_clients(ctx).rows] == ["Alpha"]
    assert {c.name for c in clients.list_clients(ctx, include_archived=True).rows} == {"Alpha", "Beta"}
    with pytest.raises(RuleError):
        clients.update_client(ctx, ClientDraft(id=gone.id, name="Beta 2"))
    assert not clients.restore_client(ctx, gone.id).archived
    assert clients.list_clients(ctx).total == 2
    assert kept.id != gone.id


def test_client_with_live_projects_cannot_be_archived(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    project_id = make_project(ctx, client_id)
    with pytest.raises(RuleError, match="1 project"):
        clients.archive_client(ctx, client_id)
    projects.archive_project(ctx, project_id)
    assert clients.archive_client(ctx, client_id).archived


def test_list_clients_searches_literally(ctx: ServiceContext) -> None:
    for name in ("华东精密制造有限公司", "100% Foods", "Pacific Foods"):
        clients.create_client(ctx, ClientDraft(name=name))
    assert [c.name for c in clients.list_clients(ctx, text="精密").rows] == ["华东精密制造有限公司"]
    assert [c.name for c in clients.list_clients(ctx, text="100%").rows] == ["100% Foods"]
    assert clients.list_clients(ctx, text="foods").total == 2


def test_contacts_crud(ctx: ServiceContext) -> None:
    client_id, signer_id, coordinator_id = make_client(ctx)
    signer = clients.get_contact(ctx, signer_id)
    assert signer.can_sign and signer.role is ContactRole.DECISION_MAKER
    draft = ContactDraft(
        id=coordinator_id, client_id=client_id, name="李娜", email="li.na@hdpm.example.cn", phone="+86 512"
    )
    assert clients.update_contact(ctx, draft).email == "li.na@hdpm.example.cn"
    clients.archive_contact(ctx, coordinator_id)
    assert [c.name for c in clients.list_contacts(ctx, client_id).rows] == ["王建国"]
    clients.restore_contact(ctx, coordinator_id)
    assert clients.list_contacts(ctx, client_id).total == 2


def test_contact_cannot_move_to_another_client(ctx: ServiceContext) -> None:
    client_id, signer_id, _ = make_client(ctx)
    other = clients.create_client(ctx, ClientDraft(name="Other"))
    signer = clients.get_contact(ctx, signer_id)
    draft = ContactDraft(id=signer_id, client_id=other.id, name=signer.name)
    with pytest.raises(RuleError):
        clients.update_contact(ctx, draft)
    assert clients.get_contact(ctx, signer_id).client_id == client_id


def test_validation_names_the_field(ctx: ServiceContext) -> None:
    client_id, _, _ = make_client(ctx)
    with pytest.raises(ValidationError) as raised:
        clients.create_contact(ctx, ContactDraft(client_id=client_id, name="", email="nope"))
    assert set(raised.value.fields) == {"name", "email"}


def test_unknown_ids_are_not_found(ctx: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        clients.get_client(ctx, "no-such-id")
    with pytest.raises(NotFoundError):
        clients.create_contact(ctx, ContactDraft(client_id="no-such-id", name="X"))
    with pytest.raises(RuleError):
        clients.update_client(ctx, replace(ClientDraft(name="x"), id=None))
