"""``deliverydesk search`` on the demo database: lines, JSON, scope, hostile text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.cli.conftest import Run, demo_dir, demo_template, run  # noqa: F401 (fixtures)


def test_search_prints_one_line_per_record_with_the_match_marked(run: Run, demo_dir: Path) -> None:  # noqa: F811
    result = run("search", "迁移", "--project", "DD-2026-014", "--data-dir", demo_dir)
    assert result.code == 0, result.err
    lines = result.out_lines
    assert lines[-1] == f"{len(lines) - 1} of {len(lines) - 1} record(s) shown"
    assert any(line.startswith("issue  DD-2026-014  I-1  ") for line in lines)
    assert all("»迁移«" in line for line in lines[:-1])


def test_search_json_kinds_and_all_projects(run: Run, demo_dir: Path) -> None:  # noqa: F811
    result = run("search", "migration", "--kind", "issue", "--json", "--data-dir", demo_dir)
    assert result.code == 0, result.err
    hits = json.loads(result.out)
    assert hits and {hit["kind"] for hit in hits} == {"issue"}
    assert len({hit["project_code"] for hit in hits}) >= 1
    assert all(any(part["matched"] for part in hit["snippet"]) for hit in hits)


def test_hostile_text_finds_nothing_and_an_unknown_project_is_one_line(run: Run, demo_dir: Path) -> None:  # noqa: F811
    result = run("search", '"*" AND (x NEAR', "--data-dir", demo_dir)
    assert (result.code, result.out_lines) == (0, ["0 of 0 record(s) shown"])
    missing = run("search", "迁移", "--project", "NOPE-1", "--data-dir", demo_dir)
    assert missing.code == 1 and len(missing.err_lines) == 1
