"""The unit of work: one per user action; one opened inside another is a bug and raises."""

from __future__ import annotations

import threading

import pytest

from deliverydesk.domain.drafts import ClientDraft
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import create_client, list_clients
from deliverydesk.store.database import Database, NestedUnitOfWorkError
from deliverydesk.store.tables import ClientRow


def test_a_unit_of_work_inside_another_raises_and_the_outer_one_writes_nothing(
    ctx: ServiceContext, migrated_db: Database
) -> None:
    with pytest.raises(NestedUnitOfWorkError), migrated_db.unit_of_work() as session:
        session.add(ClientRow(name="outer"))
        session.flush()
        create_client(ctx, ClientDraft(name="inner"))  # a public service: opens its own unit of work
    assert list_clients(ctx).rows == ()
    create_client(ctx, ClientDraft(name="after"))  # the next unit of work works
    assert [c.name for c in list_clients(ctx).rows] == ["after"]


def test_units_of_work_one_after_another_and_on_other_threads_are_fine(
    ctx: ServiceContext, migrated_db: Database
) -> None:
    create_client(ctx, ClientDraft(name="first"))
    create_client(ctx, ClientDraft(name="second"))
    errors: list[BaseException] = []

    def on_a_worker() -> None:
        try:
            create_client(ctx, ClientDraft(name="worker"))
        except BaseException as exc:  # pragma: no cover - reported by the assertion below
            errors.append(exc)

    with migrated_db.unit_of_work():  # the GUI thread holds one while a worker opens its own
        worker = threading.Thread(target=on_a_worker)
        worker.start()
        worker.join()
    assert errors == []
    assert sorted(c.name for c in list_clients(ctx).rows) == ["first", "second", "worker"]
