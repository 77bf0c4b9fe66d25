"""Export -> import into an empty database -> export gives the same content; re-import is idempotent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from deliverydesk.errors import BundleError, NotFoundError
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.tables import LogEntryRow, ScopeItemRow
from tests.integration.bundle.conftest import (
    CORRECTION_LOG_ID,
    ORIGINAL_LOG_ID,
    PNG,
    add_sample_project,
    full_dump,
)


def _content(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_export_import_export_gives_the_same_content(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = add_sample_project(ctx)
    first, second = tmp_path / "first.json", tmp_path / "second.json"

    exported = export_bundle(ctx, sample.code, first)
    imported = import_bundle(other_ctx, first)
    export_bundle(other_ctx, sample.code, second)

    assert _content(first) == _content(second)
    assert first.read_bytes() == second.read_bytes()  # same clock: byte for byte
    assert exported.records == 24  # with the seeded category it uses, identical in every database:
    assert imported.inserted == 23  # not inserted again
    assert [c["name_en"] for c in _content(first)["records"]["category"]].count("Data migration") == 1
    assert (imported.updated, imported.blobs_added) == (0, 4)  # 2 attachments, the letter's 2 PDFs
    assert full_dump(ctx.db) == full_dump(other_ctx.db)  # every column, timestamps included


def test_the_bundle_has_the_documented_shape(ctx: ServiceContext, tmp_path: Path) -> None:
    sample = add_sample_project(ctx)
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    text = (tmp_path / "b.json").read_text(encoding="utf-8")
    document = json.loads(text)

    assert list(document) == ["app_version", "blobs", "exported_at", "format", "format_version", "records"]
    assert (document["format"], document["format_version"]) == ("deliverydesk-bundle", 5)
    assert document["exported_at"] == "2026-03-16T09:30:00Z"
    records = document["records"]
    assert [len(records[name]) for name in ("client", "contact", "project", "log_entry", "attachment")] == [
        1,
        2,
        1,
        2,
        2,
    ]
    for rows in records.values():
        assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert "王芳" in text and "🚀" in text  # UTF-8, not \u escapes
    commitment = records["commitment"][0]  # the register travels with its links and closing note
    assert (commitment["due_date"], commitment["closed_note"]) == ("2026-03-09", "Plan received by email")
    letter, signature = records["letter"][0], records["signature"][0]
    assert signature["letter_id"] == letter["id"] and signature["signed_on"] == "2026-03-02"
    assert signature["signature_png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert signature["recorded_at"] == "2026-03-02T08:15:30.123456Z"
    assert len(document["blobs"]) == 4  # 2 attachments, the letter's issued and signed PDFs
    assert {letter["pdf_sha256"], letter["signed_pdf_sha256"]} < set(document["blobs"])


def test_reimport_updates_and_never_duplicates(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = add_sample_project(ctx)
    bundle = tmp_path / "b.json"
    export_bundle(ctx, sample.code, bundle)
    import_bundle(other_ctx, bundle)
    counts_before = {name: len(rows) for name, rows in full_dump(other_ctx.db).items()}

    with ctx.db.unit_of_work() as session:  # the source edits a record, then exports again
        session.execute(  # as the services write it: the row version counts the write
            update(ScopeItemRow).values(
                title="PLC migration — revised", row_version=ScopeItemRow.row_version + 1
            )
        )
    export_bundle(ctx, sample.code, bundle)
    again = import_bundle(other_ctx, bundle)

    assert {name: len(rows) for name, rows in full_dump(other_ctx.db).items()} == counts_before
    assert (again.inserted, again.updated, again.blobs_added) == (0, 1, 0)  # only the edited one
    with other_ctx.db.unit_of_work() as session:
        assert session.scalars(select(ScopeItemRow.title)).all() == ["PLC migration — revised"]
    assert full_dump(ctx.db) == full_dump(other_ctx.db)


def test_reimport_into_the_source_changes_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    sample = add_sample_project(ctx)
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    before = full_dump(ctx.db)
    summary = import_bundle(ctx, tmp_path / "b.json")
    assert (summary.inserted, summary.updated, summary.blobs_added) == (0, 0, 0)
    assert full_dump(ctx.db) == before


def test_a_correction_that_sorts_before_its_original_is_imported(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = add_sample_project(ctx)
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    import_bundle(other_ctx, tmp_path / "b.json")
    with other_ctx.db.unit_of_work() as session:
        correction = session.get(LogEntryRow, CORRECTION_LOG_ID)
        assert correction is not None and correction.correction_of_id == ORIGINAL_LOG_ID


def test_signature_and_attachment_bytes_survive(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    sample = add_sample_project(ctx)
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    import_bundle(other_ctx, tmp_path / "b.json")
    assert any(PNG in row for row in full_dump(other_ctx.db)["signature"])


def test_export_of_an_unknown_code_says_so(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="DD-1999-001"):
        export_bundle(ctx, "DD-1999-001", tmp_path / "b.json")
    assert not (tmp_path / "b.json").exists()


def test_export_finds_the_code_whatever_its_case(ctx: ServiceContext, tmp_path: Path) -> None:
    add_sample_project(ctx)
    summary = export_bundle(ctx, "dd-2026-014", tmp_path / "b.json")
    assert (summary.project_code, summary.records) == ("DD-2026-014", 24)


def test_a_failed_export_keeps_the_older_file(ctx: ServiceContext, tmp_path: Path) -> None:
    sample = add_sample_project(ctx)
    older = tmp_path / "b.json"
    older.write_text("older bundle", encoding="utf-8")
    with pytest.raises(NotFoundError):
        export_bundle(ctx, "NOPE", older)
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "b.json").write_text("older bundle", encoding="utf-8")
    export_bundle(ctx, sample.code, folder / "b.json")
    assert older.read_text(encoding="utf-8") == "older bundle"
    assert sorted(p.name for p in folder.iterdir()) == ["b.json"]  # no temp file left behind


def test_reimport_never_rewrites_an_existing_log_entry(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    """The log is append-only here, so a bundle whose copy of an entry differs is refused whole,
    naming the entry, even when its row version claims to be newer."""
    sample = add_sample_project(ctx)
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    import_bundle(other_ctx, tmp_path / "b.json")
    before = full_dump(other_ctx.db)
    with ctx.db.unit_of_work() as session:  # detach the correction and reword it (outside the services)
        session.execute(
            update(LogEntryRow)
            .where(LogEntryRow.id == CORRECTION_LOG_ID)
            .values(correction_of_id=None, summary="Standalone note", row_version=LogEntryRow.row_version + 5)
        )
    export_bundle(ctx, sample.code, tmp_path / "b.json")
    with pytest.raises(BundleError, match=r"can never change.*log entry of 2026-03-02 'Standalone note'"):
        import_bundle(other_ctx, tmp_path / "b.json")
    assert full_dump(other_ctx.db) == before
