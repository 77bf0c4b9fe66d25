"""The team's tables (``store.sync_tables``, 16 ORM classes) load only where sync uses them: a process
that opens a database, reads and writes records on a laptop that never joined a team does not build
them (benchmarks/README.md, *The team's tables on demand*); on a team laptop the same write still
lands in the sync outbox, the tables loaded at that moment."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from deliverydesk.store.sync_state import SYNC_STATE_ID, SYNC_STATE_TABLE

SYNC_MODULES = (
    "deliverydesk.store.sync_tables",
    "deliverydesk.store.sync_capture",
    "deliverydesk.store.sync_local",
)

# One process: the command line lists the projects, checks the file and issues a letter (the full open,
# reads, a unit of work that writes and is audited, the team gate), then a service writes a record.
PROBE = """
import json, sys
from deliverydesk.cli import main
data_dir, out = sys.argv[1], sys.argv[2]
codes = [main(["--data-dir", data_dir, *argv]) for argv in (
    ["list-projects"],
    ["check"],
    ["export", "letter", "--project", "DD-2026-014", "--issue", "--out", out],
)]
from deliverydesk.domain.drafts import ClientDraft
from deliverydesk.services.records.clients import create_client
from deliverydesk.services.storage import OpenOptions, open_workspace
workspace = open_workspace(OpenOptions(data_dir=data_dir))
try:
    create_client(workspace.ctx, ClientDraft(name="Lazy Tables GmbH"))
finally:
    workspace.close()
wanted = ("sqlalchemy", "deliverydesk.store.database", *SYNC_MODULES, "sqlalchemy.dialects.postgresql")
loaded = [name for name in wanted if name in sys.modules]
print(json.dumps({"codes": codes, "loaded": loaded}))
"""


def _probe(data_dir: Path, out: Path, *, issue: bool = True) -> dict[str, list[object]]:
    code = f"SYNC_MODULES = {SYNC_MODULES!r}\n" + PROBE
    if not issue:  # a team laptop issues only with a reservation from the server
        code = code.replace(
            '    ["export", "letter", "--project", "DD-2026-014", "--issue", "--out", out],\n', ""
        )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), str(out)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_laptop_outside_a_team_never_loads_the_team_tables(demo_dir: Path, tmp_path: Path) -> None:
    found = _probe(demo_dir, tmp_path / "issued.pdf")
    assert found["codes"] == [0, 0, 0]
    assert found["loaded"] == ["sqlalchemy", "deliverydesk.store.database"]  # opened, wrote, no team tables
    with sqlite3.connect(demo_dir / "deliverydesk.db") as connection:
        assert connection.execute(
            "SELECT count(*) FROM client WHERE name = 'Lazy Tables GmbH'"
        ).fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM sync_outbox").fetchone() == (0,)


def test_a_team_laptop_still_captures_its_writes_in_the_outbox(demo_dir: Path, tmp_path: Path) -> None:
    with sqlite3.connect(demo_dir / "deliverydesk.db") as connection:
        connection.execute(
            f"INSERT INTO {SYNC_STATE_TABLE} (id, server_url, user_name, display_name, role, device_name,"
            " replica_id, configured_at, last_error, offline)"
            " VALUES (?, 'https://team.example', 'wang', 'Wang Fang', 'engineer', 'laptop', 'r1',"
            " '2026-12-05 12:00:00', '', 0)",
            (SYNC_STATE_ID,),
        )
    found = _probe(demo_dir, tmp_path / "issued.pdf", issue=False)
    assert found["codes"] == [0, 0]
    assert "deliverydesk.store.sync_tables" in found["loaded"]  # loaded for the capture
    assert "sqlalchemy.dialects.postgresql" not in found["loaded"]  # a laptop's tables need SQLite's only
    with sqlite3.connect(demo_dir / "deliverydesk.db") as connection:
        captured = connection.execute(
            "SELECT c.entity, c.op FROM sync_outbox_change c JOIN client ON client.id = c.record_id"
            " WHERE client.name = 'Lazy Tables GmbH'"
        ).fetchall()
    assert captured == [("client", "create")]
