"""Interchange tests: a project made through the services in a copy of a migrated template, and the
hand-written files of tests/data/interchange."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from deliverydesk.services.context import ServiceContext
from tests.integration.bundle.conftest import other_ctx, templates
from tests.integration.services.conftest import make_client, make_project, migrated_db, migrated_template

# Fixtures of the services and bundle folders, reused: fast migrated templates, a second database.
__all__ = ["migrated_db", "migrated_template", "other_ctx", "templates"]

DATA = Path(__file__).resolve().parents[2] / "data" / "interchange"


@dataclass(frozen=True)
class Project:
    id: str
    code: str
    client_id: str


@pytest.fixture
def project(ctx: ServiceContext) -> Project:
    client_id, _signer, _coordinator = make_client(ctx)
    return Project(make_project(ctx, client_id), "DD-2026-014", client_id)


@pytest.fixture
def empty_project(ctx: ServiceContext, project: Project) -> Project:
    """A second project of the same client, with nothing in it (round trips import into it)."""
    return Project(make_project(ctx, project.client_id, code="DD-2026-099"), "DD-2026-099", project.client_id)


def data_file(
    tmp_path: Path, name: str, *, replace: tuple[tuple[str, str], ...] = (), rename: str = ""
) -> Path:
    """A copy of a test file (edited when asked), so a test can change it and import it again."""
    target = tmp_path / (rename or name)
    if replace:
        text = (DATA / name).read_text(encoding="utf-8")
        for old, new in replace:
            assert old in text, old
            text = text.replace(old, new)
        target.write_text(text, encoding="utf-8")
    else:
        shutil.copyfile(DATA / name, target)
    return target
