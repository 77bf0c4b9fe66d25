"""Importing a bundle is one transaction: a write that fails late in the import leaves nothing of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from deliverydesk.errors import BundleError
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from tests.integration.atomicity import INJECTED, database_state, fail_writes
from tests.integration.bundle.conftest import add_sample_project, full_dump


def test_an_import_whose_signature_fails_keeps_none_of_the_projects_rows_blobs_or_audit(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = add_sample_project(ctx)
    bundle = tmp_path / "b.json"
    export_bundle(ctx, sample.code, bundle)
    before = database_state(other_ctx.db)

    # tables are written parent first: a signature after the client, the project, its records and its letter
    with fail_writes(other_ctx.db, "INSERT", "signature"), pytest.raises(BundleError, match=INJECTED):
        import_bundle(other_ctx, bundle)

    assert database_state(other_ctx.db) == before
    import_bundle(other_ctx, bundle)  # the same file imports whole once the fault is gone
    assert full_dump(other_ctx.db) == full_dump(ctx.db)
