"""Fixtures for the team sync tests (see ``team.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.domain.sync import Role
from tests.integration.sync.team import Team, make_team, migrated_file

pytestmark = pytest.mark.sync


@pytest.fixture(scope="session")
def laptop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_file(tmp_path_factory.mktemp("sync-template") / "laptop.db")


@pytest.fixture
def team(tmp_path: Path, laptop_template: Path) -> Iterator[Team]:
    """A server with an engineer (li.na, wang.lei) pair granted every project and a manager (maria)."""
    with make_team(tmp_path, laptop_template) as made:
        made.add_user("li.na", Role.ENGINEER, hours_per_change=8.0)
        made.add_user("wang.lei", Role.ENGINEER)
        made.add_user("maria", Role.MANAGER, hours_per_change=200.0, cost_cents_per_change=10_000_000)
        from deliverydesk.services.sync.admin import grant

        for user in ("li.na", "wang.lei", "maria"):
            grant(made.ctx, user, None)
        yield made
