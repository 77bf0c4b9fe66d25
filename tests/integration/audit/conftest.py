"""Fixtures for the audit trail tests: services stamped by the fixed clock, a project to change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from deliverydesk.domain.drafts import ExpectationDraft
from deliverydesk.domain.models import ExpectationItem
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.expectations import create_expectation
from deliverydesk.services.records.settings import get_settings, settings_draft, update_settings
from deliverydesk.store.database import Database
from tests.conftest import fixed_clock
from tests.integration.services.conftest import make_client, make_project

ENGINEER = "张伟 Zhang Wei"


@pytest.fixture
def ctx(migrated_db: Database) -> ServiceContext:
    """The shared ``ctx``, with audit events stamped by the same fixed clock as the services."""
    migrated_db.audit.clock = fixed_clock
    return ServiceContext(db=migrated_db, clock=fixed_clock)


def name_engineer(ctx: ServiceContext, name: str = ENGINEER) -> None:
    update_settings(ctx, replace(settings_draft(get_settings(ctx)), engineer_name=name))


def draft_of(item: ExpectationItem, **changes: object) -> ExpectationDraft:
    """The draft that saves ``item`` with ``changes``."""
    fields = {name: getattr(item, name) for name in ExpectationDraft.__dataclass_fields__}
    return replace(ExpectationDraft(**fields), **changes)  # type: ignore[arg-type]


@pytest.fixture
def project_id(ctx: ServiceContext) -> str:
    name_engineer(ctx)
    client_id, _signer, _coordinator = make_client(ctx)
    return make_project(ctx, client_id)


@pytest.fixture
def expectation(ctx: ServiceContext, project_id: str) -> ExpectationItem:
    return create_expectation(ctx, ExpectationDraft(project_id=project_id, statement="Line runs 3 shifts"))


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    """A data folder holding a copy of the module's ``template`` database (a path to it)."""
    folder = tmp_path / "data"
    folder.mkdir()
    source = sqlite3.connect(template)
    with closing(source), closing(sqlite3.connect(folder / "deliverydesk.db")) as copy:
        source.backup(copy)  # the WAL's content too
    return folder


@pytest.fixture
def raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """Hand edits of the file, as someone with a SQLite tool would make them."""
    with closing(sqlite3.connect(data_dir / "deliverydesk.db", isolation_level=None)) as connection:
        yield connection
