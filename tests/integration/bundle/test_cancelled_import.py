"""A bundle import stopped before its commit writes nothing (the ``target`` fixture compares the whole
database before and after)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deliverydesk.errors import Cancelled
from deliverydesk.services.bundle.transfer import import_bundle
from deliverydesk.services.context import ServiceContext
from tests.conftest import StopAt


@pytest.mark.parametrize("stop_at", [1, 2, 3])  # before reading, checking, committing
def test_a_stopped_import_writes_nothing(
    target: ServiceContext, document: dict[str, Any], tmp_path: Path, stop_at: int
) -> None:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    stop = StopAt(stop_at)
    with pytest.raises(Cancelled):
        import_bundle(target, path, progress=stop)
    assert len(stop.steps) == stop_at
