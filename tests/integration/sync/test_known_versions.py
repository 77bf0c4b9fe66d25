"""The server versions a laptop's copies are based on (``store.sync_capture.known_versions``): read
by every sync and local action, by the table's primary key, and written (with the cursors) by every sync."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert

from deliverydesk.services.storage import OpenOptions, open_workspace
from deliverydesk.store.sync_capture import known_versions
from deliverydesk.store.sync_local import read_cursors, set_known, write_cursors
from deliverydesk.store.sync_tables import SyncKnownRow

KNOWN = SyncKnownRow.__table__


def test_each_key_gets_its_own_entity_s_version_and_unknown_keys_none(tmp_path: Path) -> None:
    opened = open_workspace(OpenOptions(data_dir=tmp_path, create=True))
    try:
        rows = [
            {"entity": "milestone", "record_id": "r1", "version": 3},
            {"entity": "change_request", "record_id": "r1", "version": 7},  # the same id, another table
            {"entity": "change_request", "record_id": "r2", "version": 2},
            *({"entity": "issue", "record_id": f"i{n:04d}", "version": n} for n in range(1200)),
        ]
        with opened.ctx.db.engine.begin() as connection:
            connection.execute(insert(KNOWN), rows)
            wanted = [
                ("change_request", "r1"),
                ("milestone", "r1"),
                ("milestone", "r2"),  # not known
                *(("issue", f"i{n:04d}") for n in range(0, 1200, 2)),  # more than one chunk
            ]
            found = known_versions(connection, wanted)
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT record_id, version FROM sync_known"
                    " WHERE entity = 'issue' AND record_id IN ('i0001', 'i0002')"
                )
            )
    finally:
        opened.close()

    assert found[("change_request", "r1")] == 7 and found[("milestone", "r1")] == 3
    assert ("milestone", "r2") not in found
    assert all(found[("issue", f"i{n:04d}")] == n for n in range(0, 1200, 2))
    assert len(found) == 2 + 600
    assert "SCAN" not in plan and "INDEX" in plan, plan  # the primary key, not the whole table


def test_known_versions_and_cursors_are_written_and_unchanged_ones_left_alone(
    tmp_path: Path,
) -> None:
    """``set_known`` and ``write_cursors`` on SQLite: one upsert each through the driver. New keys are
    added, changed ones moved, removed scopes dropped; a row whose value is the same is not written
    again (a page is mostly the echo of this laptop's own groups, at versions it already holds)."""
    opened = open_workspace(OpenOptions(data_dir=tmp_path, create=True))
    try:
        with opened.ctx.db.engine.begin() as connection:
            set_known(connection, {("issue", "a"): 1, ("milestone", "a"): 4})
            write_cursors(connection, {"shared": 10, "p:1": 10, "p:2": 7})
            raw = connection.connection.driver_connection
            before = raw.total_changes
            set_known(connection, {("issue", "a"): 1, ("milestone", "a"): 4})  # as held
            write_cursors(connection, {"shared": 10, "p:1": 10})
            unchanged = raw.total_changes - before
            set_known(connection, {("issue", "a"): 2, ("issue", "b"): 5})
            write_cursors(connection, {"shared": 12, "p:1": 10, "p:3": 12}, removed=["p:2"])
            known = known_versions(connection, [("issue", "a"), ("issue", "b"), ("milestone", "a")])
            cursors = read_cursors(connection)
    finally:
        opened.close()

    assert unchanged == 0
    assert known == {("issue", "a"): 2, ("issue", "b"): 5, ("milestone", "a"): 4}
    assert cursors == {"shared": 12, "p:1": 10, "p:3": 12}
