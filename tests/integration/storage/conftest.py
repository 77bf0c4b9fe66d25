"""Fixtures for the storage tests: data folders, a clock, fresh and existing databases."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.paths import DataPaths
from deliverydesk.services.storage import OpenOptions, Workspace, open_workspace
from tests.integration.storage.helpers import SteppingClock, add_client


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def options(paths: DataPaths) -> OpenOptions:
    return OpenOptions(data_dir=paths.root)


@pytest.fixture
def workspace(options: OpenOptions, clock: SteppingClock) -> Iterator[Workspace]:
    """A freshly created database, open for writing."""
    created = open_workspace(OpenOptions(data_dir=options.data_dir, create=True), clock)
    yield created
    created.close()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Created once: a closed, healthy database holding one client with one contact."""
    folder = tmp_path_factory.mktemp("template")
    created = open_workspace(OpenOptions(data_dir=folder, create=True), SteppingClock())
    add_client(created, "Acme 甲方", contacts=1)
    created.close()
    return created.paths.database


@pytest.fixture
def existing_db(template_db: Path, paths: DataPaths) -> Path:
    """A closed, healthy database holding one client with one contact, and no backups yet."""
    paths.root.mkdir(parents=True)
    shutil.copyfile(template_db, paths.database)  # a closed file without -wal: a plain copy is whole
    return paths.database
