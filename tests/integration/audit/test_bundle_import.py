"""A bundle import writes audit events in the importing database; bundles never carry events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from deliverydesk.domain.models import ExpectationItem
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.records.expectations import update_expectation
from deliverydesk.services.records.history import record_history
from deliverydesk.services.records.projects import get_project
from deliverydesk.services.storage import OpenOptions, open_workspace
from deliverydesk.store.audit import login_name, verify_trail
from tests.conftest import FIXED_NOW, fixed_clock
from tests.integration.audit.conftest import draft_of


@pytest.fixture
def other_ctx(tmp_path: Path) -> Iterator[ServiceContext]:
    """A second database: the one the bundle is imported into."""
    workspace = open_workspace(OpenOptions(data_dir=tmp_path / "other", create=True), fixed_clock)
    yield workspace.ctx
    workspace.close()


def test_an_import_records_who_imported_what(
    ctx: ServiceContext, other_ctx: ServiceContext, expectation: ExpectationItem, tmp_path: Path
) -> None:
    code = get_project(ctx, expectation.project_id).code
    bundle = tmp_path / "b.json"
    export_bundle(ctx, code, bundle)
    assert "audit" not in bundle.read_text(encoding="utf-8")

    import_bundle(other_ctx, bundle)
    update_expectation(ctx, draft_of(expectation, statement="Line runs 2 shifts"))
    export_bundle(ctx, code, bundle)
    import_bundle(other_ctx, bundle)

    events = record_history(other_ctx, expectation.id).events
    assert [(e.action, e.actor, e.occurred_at) for e in events] == [
        ("update", f"{login_name()} (bundle import)", FIXED_NOW),  # no engineer named in this database
        ("create", f"{login_name()} (bundle import)", FIXED_NOW),
    ]
    assert {c.field: (c.before, c.after) for c in events[0].changes} == {
        "statement": ("Line runs 3 shifts", "Line runs 2 shifts")
    }
    with other_ctx.db.engine.connect() as connection:
        assert verify_trail(connection).ok
    assert json.loads(bundle.read_text(encoding="utf-8"))["format"] == "deliverydesk-bundle"
