"""CI's bounded run of the reliability suite (``benchmarks/faults.py``): a few trials of each fault.

The full run (100 kills, 12 disk-full trials, 30 races) is ``python -m benchmarks.faults``."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import faults


@pytest.mark.slow
def test_a_bounded_fault_run_loses_nothing_and_breaks_nothing(tmp_path: Path) -> None:
    rows = faults.run(kills=2, disk_full=1, races=1, work=tmp_path)
    table = faults.table(rows)
    assert [row.fault.split(" ")[0] for row in rows] == ["SIGKILL", "disk", "lock", "bad"]
    assert all(row.trials > 0 for row in rows), table
    assert all(row.rows_lost == 0 and row.integrity_failures == 0 for row in rows), table
    assert table.splitlines()[0].split()[:5] == ["fault", "trials", "rows", "lost", "integrity"]
