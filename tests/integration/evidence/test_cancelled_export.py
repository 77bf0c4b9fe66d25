"""An evidence pack export stopped at any of its safe points writes nothing: no file, no temp file,
and an older file of that name stays exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.errors import Cancelled
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.evidence.pack import EvidenceTopic, export_evidence_pack
from tests.conftest import StopAt

from .conftest import Scenario


@pytest.mark.parametrize("stop_at", [1, 2, 3, 4])  # before gathering, printing, writing, the rename
def test_a_stopped_export_leaves_nothing_half_written(
    ctx: ServiceContext, scenario: Scenario, tmp_path: Path, stop_at: int
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "pack.pdf"
    out.write_bytes(b"the older pack")
    stop = StopAt(stop_at)
    with pytest.raises(Cancelled):
        export_evidence_pack(
            ctx, EvidenceTopic(scenario.project_id, change_request_id=scenario.request_id), out, None, stop
        )
    assert len(stop.steps) == stop_at
    assert out.read_bytes() == b"the older pack"
    assert sorted(p.name for p in folder.iterdir()) == ["pack.pdf"], "no temp file left behind"


def test_an_export_that_is_not_stopped_reports_each_step(
    ctx: ServiceContext, scenario: Scenario, tmp_path: Path
) -> None:
    stop = StopAt(99)
    out = tmp_path / "pack.pdf"
    export_evidence_pack(
        ctx, EvidenceTopic(scenario.project_id, change_request_id=scenario.request_id), out, None, stop
    )
    assert [what for _d, _t, what in stop.steps] == ["gather", "print", "write", ""]
    assert out.read_bytes().startswith(b"%PDF")
