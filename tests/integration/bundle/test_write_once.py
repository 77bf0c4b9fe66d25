"""Imports never rewrite the record: write-once records refuse the whole bundle (naming them), an older
copy of a record is a conflict (refused, or kept as it is here with keep_newer), never a silent revert;
bundle fields meet the services' limits."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from deliverydesk.cli import main
from deliverydesk.errors import BundleError
from deliverydesk.services.bundle.transfer import export_bundle, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.tables import ChangeRequestRow, LetterRow, LogEntryRow, ScopeItemRow, SignatureRow
from tests.integration.bundle.conftest import add_sample_project, full_dump

Edit = Callable[[dict[str, Any]], None]


def _exported(ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The sample project exported from ``ctx`` and imported into ``other_ctx``; the bundle's path and
    its parsed document."""
    sample = add_sample_project(ctx)
    path = tmp_path / "b.json"
    export_bundle(ctx, sample.code, path)
    import_bundle(other_ctx, path)
    return path, json.loads(path.read_text(encoding="utf-8"))


def _save(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _first(document: dict[str, Any], table: str) -> dict[str, Any]:
    row: dict[str, Any] = document["records"][table][0]
    row["row_version"] += 10  # claims to be newer: the write-once rules must hold anyway
    return row


def _forged_signer(document: dict[str, Any]) -> None:
    letter = _first(document, "letter")
    letter.update(status="draft", content_json='{"a": 2}')
    _first(document, "signature").update(signer_name="Forged Name")


def _swap_stored_pdfs(document: dict[str, Any]) -> None:
    letter = _first(document, "letter")
    letter["pdf_sha256"], letter["signed_pdf_sha256"] = letter["signed_pdf_sha256"], letter["pdf_sha256"]


REWRITES: list[tuple[Edit, str]] = [
    (_forged_signer, "letter CD-CR-1 version 1 (content_json, status)"),
    (lambda d: _first(d, "signature").update(signer_name="Someone Else"), "signature by Someone Else"),
    (lambda d: _first(d, "signature").update(signed_on="2026-03-09"), "(signed_on)"),
    (
        _swap_stored_pdfs,
        "(pdf_sha256, signed_pdf_sha256)",
    ),
    (lambda d: _first(d, "letter").update(status="issued"), "letter CD-CR-1 version 1 (status)"),
    (lambda d: _first(d, "log_entry").update(summary="Never agreed"), "log entry of 2026-03-02"),
    (lambda d: _first(d, "milestone_change").update(reason="moved by hand"), "milestone change forecast"),
    (lambda d: _first(d, "change_request").update(decision="declined"), "change request CR-1 (decision)"),
]


@pytest.mark.parametrize(("edit", "named"), REWRITES)
def test_a_bundle_that_rewrites_a_write_once_record_is_refused_whole(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path, edit: Edit, named: str
) -> None:
    path, document = _exported(ctx, other_ctx, tmp_path)
    before = full_dump(other_ctx.db)
    _first(document, "scope_item")["title"] = "an innocent edit next to it"
    edit(document)
    with pytest.raises(BundleError, match="can never change once written") as refused:
        import_bundle(other_ctx, _save(path, document))
    assert named in str(refused.value.message)
    assert full_dump(other_ctx.db) == before  # nothing at all was written, the innocent edit neither


def test_a_letter_signed_at_the_source_arrives_and_a_superseded_one_too(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    """What the letter's own database may do (record the signature, withdraw it) still travels."""
    sample = add_sample_project(ctx)
    with ctx.db.unit_of_work() as session:  # the target gets the letter while it is only issued
        signed_copy = session.scalars(select(LetterRow.signed_pdf_sha256)).one()
        signatures = [dict(row._mapping) for row in session.execute(select(SignatureRow.__table__))]
        session.execute(delete(SignatureRow))
        session.execute(update(LetterRow).values(status="issued", signed_pdf_sha256=""))
    path = tmp_path / "b.json"
    export_bundle(ctx, sample.code, path)
    import_bundle(other_ctx, path)
    with ctx.db.unit_of_work() as session:  # signed at the source: the event, the status, the copy
        session.execute(insert(SignatureRow.__table__), signatures)
        letter = session.scalars(select(LetterRow)).one()
        letter.status = "signed"  # type: ignore[assignment]
        letter.signed_pdf_sha256 = signed_copy
    export_bundle(ctx, sample.code, path)
    summary = import_bundle(other_ctx, path)
    assert (summary.inserted, summary.updated) == (1, 1)
    with ctx.db.unit_of_work() as session:  # then withdrawn
        session.scalars(select(LetterRow)).one().status = "superseded"  # type: ignore[assignment]
    export_bundle(ctx, sample.code, path)
    assert import_bundle(other_ctx, path).updated == 1
    with other_ctx.db.unit_of_work() as session:
        assert session.scalars(select(LetterRow.status)).one() == "superseded"


def test_a_log_entry_voided_at_the_source_arrives_voided_and_its_text_stays_write_once(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    """Voiding an entry written by mistake (the window's Undo) is what its own database may do: it
    travels; the entry's text still never changes."""
    path, _document = _exported(ctx, other_ctx, tmp_path)
    with ctx.db.unit_of_work() as session:
        entry = session.scalars(select(LogEntryRow).order_by(LogEntryRow.id)).first()
        assert entry is not None
        entry.voided_at, entry.void_reason = ctx.now(), "Typed in the wrong project"
        entry_id = entry.id
    export_bundle(ctx, "DD-2026-014", path)
    assert import_bundle(other_ctx, path).updated == 1
    with other_ctx.db.unit_of_work() as session:
        arrived = session.get(LogEntryRow, entry_id)
        assert arrived is not None and arrived.void_reason == "Typed in the wrong project"
        assert arrived.voided_at is not None
    document = json.loads(path.read_text(encoding="utf-8"))
    row = next(r for r in document["records"]["log_entry"] if r["id"] == entry_id)
    row.update(summary="Never agreed", row_version=row["row_version"] + 10)
    with pytest.raises(BundleError, match="can never change once written") as refused:
        import_bundle(other_ctx, _save(path, document))
    assert "(summary)" in str(refused.value.message)


def _edit_here(ctx: ServiceContext, title: str) -> None:
    with ctx.db.unit_of_work() as session:  # through the ORM: the row version counts the write
        session.scalars(select(ScopeItemRow)).one().title = title


def test_an_older_bundle_never_reverts_a_newer_local_edit(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path
) -> None:
    path, _document = _exported(ctx, other_ctx, tmp_path)
    _edit_here(other_ctx, "edited here after the import")
    with ctx.db.unit_of_work() as session:
        session.scalars(select(ChangeRequestRow)).one().title = "changed at the source too"
    export_bundle(ctx, "DD-2026-014", path)
    before = full_dump(other_ctx.db)

    with pytest.raises(
        BundleError, match=r"not newer.*scope item S-1 \(older in the bundle: version 1"
    ) as refused:
        import_bundle(other_ctx, path)
    assert "--keep-newer" in str(refused.value.message)
    assert full_dump(other_ctx.db) == before

    summary = import_bundle(other_ctx, path, keep_newer=True)
    assert (summary.updated, summary.kept) == (1, 1)  # the change request came in, the scope item stayed
    with other_ctx.db.unit_of_work() as session:
        assert session.scalars(select(ScopeItemRow.title)).one() == "edited here after the import"
        assert session.scalars(select(ChangeRequestRow.title)).one() == "changed at the source too"

    _edit_here(ctx, "edited at the source as well")  # version 2 on both sides, different titles
    export_bundle(ctx, "DD-2026-014", path)
    with pytest.raises(BundleError, match=r"scope item S-1 \(changed on both sides: version 2"):
        import_bundle(other_ctx, path)


def test_keep_newer_on_the_command_line(ctx: ServiceContext, tmp_path: Path, capsys: Any) -> None:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data)]) == 0
    bundle = tmp_path / "p.json"
    assert (
        main(["export-bundle", "--project", "DD-2026-014", "--out", str(bundle), "--data-dir", str(data)])
        == 0
    )
    stale = json.loads(bundle.read_text(encoding="utf-8"))
    stale["records"]["project"][0]["name"] = "an old name"
    stale["records"]["project"][0]["row_version"] = 0
    _save(bundle, stale)
    capsys.readouterr()
    assert main(["import-bundle", str(bundle), "--data-dir", str(data)]) == 1
    assert re.search(r"project DD-2026-014 \(older in the bundle: version 0", capsys.readouterr().err)
    assert main(["import-bundle", str(bundle), "--keep-newer", "--data-dir", str(data)]) == 0
    assert "1 newer here kept as they are" in capsys.readouterr().out
    assert main(["list-projects", "--data-dir", str(data)]) == 0
    assert "an old name" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["records"]["client"][0].update(notes="x" * 20_001),
            "records/client/0/notes",
        ),
        (lambda d: d["records"]["change_request"][0].update(cost_cents=2**62), "cost_cents is refused"),
        (lambda d: d["records"]["project"][0].update(goodwill_budget_hours=1e308), "goodwill_budget_hours"),
        (lambda d: d["records"]["issue"][0].update(reported_on="2206-03-04"), "between 2000 and 2099"),
        (lambda d: d["records"]["signature"][0].update(signature_png="QUFB" * 200_000), "signature_png"),
    ],
)
def test_bundle_fields_meet_the_services_limits(
    ctx: ServiceContext, other_ctx: ServiceContext, tmp_path: Path, edit: Edit, message: str
) -> None:
    add_sample_project(ctx)
    path = tmp_path / "b.json"
    export_bundle(ctx, "DD-2026-014", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document)
    with pytest.raises(BundleError, match=message):
        import_bundle(other_ctx, _save(path, document))
