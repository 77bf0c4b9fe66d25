"""Every project of the bilingual demo survives export -> import -> export, and together they rebuild
the whole database (but for the settings and the team roster, which are not project data)."""

from __future__ import annotations

from pathlib import Path

from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.demo.build import create_demo
from deliverydesk.services.records.projects import list_projects
from tests.integration.bundle.conftest import full_dump


def test_every_demo_project_round_trips(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    create_demo(ctx)
    codes = [row.code for row in list_projects(ctx, include_archived=True).rows]
    assert len(codes) >= 5

    for code in codes:
        first, second = tmp_path / f"{code}.json", tmp_path / f"{code}-again.json"
        export_bundle(ctx, code, first)
        import_bundle(other_ctx, first)
        export_bundle(other_ctx, code, second)
        assert first.read_bytes() == second.read_bytes(), code  # same fixed clock: byte for byte

    source, copy = full_dump(ctx.db), full_dump(other_ctx.db)
    for local in ("settings", "person"):  # this machine's: never in a bundle
        del source[local], copy[local]
    assert copy == source
