"""A backup stopped by the user (Cancel in the window) leaves no backup file and no partial copy."""

from __future__ import annotations

import pytest

from deliverydesk.errors import Cancelled
from deliverydesk.services.storage import Workspace, backup_now, list_backups
from tests.conftest import StopAt
from tests.integration.storage.helpers import add_client


def test_a_stopped_backup_leaves_nothing(workspace: Workspace) -> None:
    add_client(workspace, "Acme", contacts=3)
    before = sorted(workspace.paths.backups.iterdir()) if workspace.paths.backups.exists() else []
    stop = StopAt(1)
    with pytest.raises(Cancelled):
        backup_now(workspace, stop)
    assert stop.steps and stop.steps[0][1] > 0, "pages copied of the whole"
    after = sorted(workspace.paths.backups.iterdir()) if workspace.paths.backups.exists() else []
    assert after == before, "no backup, no .partial file"
    taken = backup_now(workspace)  # the next one works as always
    assert [b.path for b in list_backups(workspace.paths)] == [taken.path]
