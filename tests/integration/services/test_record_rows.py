"""The store's row helpers the services now call with a kind of record (``store.kinds``) instead of a
table: look-ups, archiving, the links a record may hold, and a kind's ``RecordTable``."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.domain.drafts import ScopeItemDraft
from deliverydesk.errors import NotFoundError, RuleError, ValidationError
from deliverydesk.services.context import ServiceContext
from deliverydesk.store import kinds, project_tables, record_rows
from tests.integration.services.conftest import Setup, make_client, make_project


def _scope_item(ctx: ServiceContext, project_id: str, title: str) -> str:
    with ctx.db.unit_of_work() as session:
        draft = ScopeItemDraft(project_id=project_id, title=title)
        return project_tables.SCOPE_ITEMS.add(ctx.now(), session, draft).id


def test_a_lookup_names_the_kind_of_record(ctx: ServiceContext, setup: Setup) -> None:
    with ctx.db.unit_of_work() as session:
        assert record_rows.find_row(session, kinds.MILESTONE, "nope") is None
        assert record_rows.find_row(session, kinds.MILESTONE, None) is None
        with pytest.raises(NotFoundError, match="The milestone was not found"):
            record_rows.get_row(session, kinds.MILESTONE, "nope")
        assert record_rows.get_row(session, kinds.PROJECT, setup.project_id).id == setup.project_id


def test_archived_records_are_read_only_and_archiving_twice_keeps_the_first_date(
    ctx: ServiceContext, setup: Setup
) -> None:
    item_id = _scope_item(ctx, setup.project_id, "Barcode scanning")
    first, later = ctx.now(), ctx.now() + timedelta(hours=2)
    with ctx.db.unit_of_work() as session:
        table = project_tables.SCOPE_ITEMS
        assert table.set_archived(first, session, item_id, archived=True).archived_at == first
        assert table.set_archived(later, session, item_id, archived=True).archived_at == first
        with pytest.raises(RuleError, match="This scope item is archived"):
            record_rows.get_editable(session, kinds.SCOPE_ITEM, item_id)
        assert table.set_archived(later, session, item_id, archived=False).archived_at is None


def test_links_must_stay_in_the_project(ctx: ServiceContext, setup: Setup) -> None:
    other_client, _, _ = make_client(ctx, "Other client")
    other_project = make_project(ctx, other_client, code="DD-2026-099")
    theirs = _scope_item(ctx, other_project, "Their item")
    ours = _scope_item(ctx, setup.project_id, "Our item")
    with ctx.db.unit_of_work() as session:
        record_rows.check_same_project(session, "scope_item_id", kinds.SCOPE_ITEM, ours, setup.project_id)
        record_rows.check_same_project(session, "scope_item_id", kinds.SCOPE_ITEM, None, setup.project_id)
        with pytest.raises(ValidationError) as raised:
            record_rows.check_same_project(
                session, "scope_item_id", kinds.SCOPE_ITEM, theirs, setup.project_id
            )
        assert set(raised.value.fields) == {"scope_item_id"}
        with pytest.raises(RuleError, match="A scope item cannot move to another project"):
            record_rows.editable_record(session, kinds.SCOPE_ITEM, theirs, setup.project_id)


def test_a_page_of_a_kind_sorts_refs_by_number(ctx: ServiceContext, setup: Setup) -> None:
    for number in range(1, 12):
        _scope_item(ctx, setup.project_id, f"Item {number}")
    with ctx.db.unit_of_work() as session:
        items, total = project_tables.SCOPE_ITEMS.page(
            session, {"project_id": setup.project_id}, include_archived=False, offset=8, limit=5
        )
    assert total == 11
    assert [item.ref for item in items] == ["S-9", "S-10", "S-11"]
