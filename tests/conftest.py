"""Shared fixtures. Qt must run offscreen before anything imports it (else pytest dies with exit 134)."""

from __future__ import annotations

import importlib.util
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DELIVERYDESK_DATA_DIR", "/nonexistent-deliverydesk-test-data")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from deliverydesk.services.context import ServiceContext
from deliverydesk.store.database import Database, make_engine
from deliverydesk.store.migrate import upgrade

FIXED_NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)  # a Monday


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "deliverydesk.db"


@pytest.fixture
def migrated_db(db_path: Path) -> Iterator[Database]:
    """A real temp-file SQLite database migrated with Alembic (never create_all)."""
    url = f"sqlite:///{db_path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        upgrade(connection)
    database = Database(url=url, engine=engine)
    yield database
    database.close()


@pytest.fixture
def ctx(migrated_db: Database) -> ServiceContext:
    migrated_db.audit.clock = fixed_clock  # audit events stamped by the same fixed clock as the records
    return ServiceContext(db=migrated_db, clock=fixed_clock)


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceContext]:
    """The bilingual demo on a migrated SQLite file, built once per test module (~1 s)."""
    from deliverydesk.services.demo.build import create_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        upgrade(connection)
    database = Database(url=url, engine=engine)
    ctx = ServiceContext(db=database, clock=fixed_clock)
    create_demo(ctx)
    yield ctx
    database.close()


def load_tool(name: str) -> ModuleType:
    """A script of ``tools/`` as a module (they are not a package), e.g. ``load_tool("i18n_qt")``."""
    path = Path(__file__).resolve().parents[1] / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class StopAt:
    """A ``Progress`` that stops the task (raises ``Cancelled``) at its ``calls``-th step: what Cancel in
    the window does at the job's next safe point. ``steps`` records what was reported."""

    def __init__(self, calls: int) -> None:
        self.calls, self.steps = calls, []  # type: list[tuple[int, int, str]]

    def step(self, done: int, total: int, what: str = "") -> None:
        from deliverydesk.errors import Cancelled

        self.steps.append((done, total, what))
        if len(self.steps) >= self.calls:
            raise Cancelled()
