"""Factories for service tests: a client with contacts and a project, created through the services."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from deliverydesk.domain.drafts import ChangeRequestDraft, ClientDraft, ContactDraft, ProjectDraft
from deliverydesk.domain.enums import ContactRole, Decision, ProjectStatus, ScopeCheck
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.clients import create_client, create_contact
from deliverydesk.services.records.projects import create_project
from deliverydesk.services.scope_guard.change_requests import create_change_request
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


@dataclass(frozen=True)
class Setup:
    client_id: str
    signer_id: str  # may sign
    coordinator_id: str  # may not sign
    project_id: str


def make_client(ctx: ServiceContext, name: str = "华东精密制造有限公司") -> tuple[str, str, str]:
    client = create_client(ctx, ClientDraft(name=name, industry="precision machining"))
    signer = create_contact(
        ctx, ContactDraft(client_id=client.id, name="王建国", role=ContactRole.DECISION_MAKER, can_sign=True)
    )
    coordinator = create_contact(
        ctx, ContactDraft(client_id=client.id, name="Li Na", role=ContactRole.COORDINATOR)
    )
    return client.id, signer.id, coordinator.id


def make_project(ctx: ServiceContext, client_id: str, code: str = "DD-2026-014", **extra: object) -> str:
    values: dict[str, object] = {
        "code": code,
        "name": "MES 二期上线 / MES phase 2",
        "client_id": client_id,
        "start_date": TODAY - timedelta(days=30),
        "end_date": TODAY + timedelta(days=60),
        "status": ProjectStatus.ACTIVE,
        "contracted_effort_hours": 400.0,
        "goodwill_budget_hours": 16.0,
    }
    values.update(extra)
    return create_project(ctx, ProjectDraft(**values)).id  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated with Alembic per test process; each test gets a copy (fast, identical)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    engine.dispose()
    return path


@pytest.fixture
def migrated_db(db_path: Path, migrated_template: Path) -> Iterator[Database]:
    """Overrides the shared fixture for this folder: a copy of the migrated template."""
    shutil.copyfile(migrated_template, db_path)
    url = f"sqlite:///{db_path}"
    database = Database(url=url, engine=make_engine(url))
    yield database
    database.close()


@pytest.fixture
def setup(ctx: ServiceContext) -> Setup:
    client_id, signer_id, coordinator_id = make_client(ctx)
    return Setup(client_id, signer_id, coordinator_id, make_project(ctx, client_id))


@pytest.fixture
def ticking_ctx(migrated_db: Database) -> ServiceContext:
    """A clock one second later at each call: for tests about the order records were written in."""
    ticks = iter(range(10**9))
    return ServiceContext(db=migrated_db, clock=lambda: FIXED_NOW + timedelta(seconds=next(ticks)))


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def decided_ask(
    ctx: ServiceContext, project_id: str, decision: Decision, hours: float, check: ScopeCheck
) -> None:
    """A change request already decided (written directly, as an import would): feeds the meters."""
    draft = ChangeRequestDraft(
        project_id=project_id,
        title="ask",
        requested_on=day(-1),
        decision=decision,
        effort_hours=hours,
        scope_check=check,
    )
    create_change_request(ctx, draft)
