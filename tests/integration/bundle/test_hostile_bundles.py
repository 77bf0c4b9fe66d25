"""Hostile or broken bundles are refused with a clear BundleError and leave the database unchanged."""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from deliverydesk.errors import BundleError
from deliverydesk.services.bundle.check import unsafe_filename_reason
from deliverydesk.services.bundle.schema import FORMAT_VERSION
from deliverydesk.services.bundle.transfer import BundleLimits, import_bundle
from deliverydesk.services.context import ServiceContext
from deliverydesk.store.tables import ScopeItemRow, new_id
from tests.integration.bundle.conftest import add_sample_project, full_dump

Mutation = Callable[[dict[str, Any]], None]


def _write(tmp_path: Path, content: bytes | dict[str, Any]) -> Path:
    path = tmp_path / "hostile.json"
    data = content if isinstance(content, bytes) else json.dumps(content, ensure_ascii=False).encode()
    path.write_bytes(data)
    return path


def _refused(target: ServiceContext, path: Path, match: str, **kwargs: Any) -> BundleError:
    with pytest.raises(BundleError, match=match) as caught:
        import_bundle(target, path, **kwargs)
    assert "Nothing was imported" in str(caught.value)
    assert "\n" not in str(caught.value)
    return caught.value


def _mutated(document: dict[str, Any], mutate: Mutation) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    mutate(changed)
    return changed


def _first(table: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda doc: doc["records"][table][0]


def test_the_valid_bundle_imports(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    """The control case: the fixtures' bundle is accepted, so each refusal below is about its one flaw."""
    add_sample_project(other_ctx, "DD-2025-001", fixed_log_ids=False)
    # 19 records, 2 review actions, 1 signature; its categories are here already (seeded, or a live one of
    # the same name)
    assert import_bundle(other_ctx, _write(tmp_path, document)).inserted == 22


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda d: _first("scope_item")(d).update(status="finished"), "scope_item/0/status"),
        (lambda d: _first("project")(d).pop("name"), "'name' is a required property"),
        (lambda d: _first("client")(d).update(secret="x"), "Additional properties"),
        (lambda d: d["records"].update(project=[]), "records/project"),
        (lambda d: d["records"].update(settings=[]), "Additional properties"),
        (lambda d: d.pop("blobs"), "'blobs' is a required property"),
        (lambda d: _first("milestone")(d).update(is_main="yes"), "is not of type 'boolean'"),
        (lambda d: _first("project")(d).update(contract_value_cents=1.5), "is not of type 'integer'"),
        (lambda d: _first("project")(d).update(contract_value_cents=2**70), "is greater than the maximum"),
        (lambda d: _first("project")(d).update(goodwill_budget_hours=10**400), "is too large"),
        (lambda d: _first("project")(d).update(code="X" * 33), "is too long"),
        (lambda d: _first("project")(d).update(id=_first("project")(d)["id"].upper()), "does not match"),
        (lambda d: _first("issue")(d).update(reported_on="16/03/2026"), "does not match"),
        (lambda d: _first("issue")(d).update(reported_on="2026-02-30"), "reported_on"),
        (lambda d: _first("log_entry")(d).update(occurred_at="2026-03-02T08:15:30"), "does not match"),
        (lambda d: _first("log_entry")(d).update(occurred_at="9999-12-31T23:59:59-01:00"), "not a real date"),
        (lambda d: _first("log_entry")(d).update(occurred_at="2026-03-02T24:00:00Z"), "not a real date"),
        (lambda d: d.update(format="zip"), "not a DeliveryDesk bundle"),
        (lambda d: _first("issue")(d).update(id=_first("issue")(d)["id"] + "\n"), "not a lowercase UUID"),
        (lambda d: _first("issue")(d).update(reported_on="٢٠٢٦-03-04"), "does not match"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_wrong_schema_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path, mutate: Mutation, match: str
) -> None:
    _refused(target, _write(tmp_path, _mutated(document, mutate)), match)


@pytest.mark.parametrize(
    ("version", "match"),
    [
        (FORMAT_VERSION + 1, "newer DeliveryDesk"),
        (0, "no DeliveryDesk wrote"),
        ("1", "no valid format_version"),
    ],
)
def test_wrong_format_version_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path, version: Any, match: str
) -> None:
    document["format_version"] = version
    _refused(target, _write(tmp_path, document), match)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not UTF-8"),
        (b"project,code\nDD-2026-014\n", "not valid JSON"),
        (b'{"format": "deliverydesk-bundle"', "not valid JSON"),
        (b"[1, 2, 3]", "not a DeliveryDesk bundle"),
        (b'{"format": "deliverydesk-bundle", "format": "x"}', "appears twice"),
        (b'{"format": "deliverydesk-bundle", "n": NaN}', "NaN"),
        (b'{"format": "deliverydesk-bundle", "n": 1e999}', "too large"),
        (b'{"format": "deliverydesk-bundle", "n": 1' + b"0" * 5000 + b"}", "not a valid bundle"),
    ],
)
def test_not_json_is_refused(target: ServiceContext, tmp_path: Path, content: bytes, match: str) -> None:
    _refused(target, _write(tmp_path, content), match)


def test_a_lone_surrogate_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    _first("client")(document)["name"] = "broken \ud800 name"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(document), encoding="ascii")  # the escape \ud800 is valid JSON text
    _refused(target, path, "not valid Unicode")


def test_deeply_nested_json_is_refused_without_recursion_error(
    target: ServiceContext, tmp_path: Path
) -> None:
    _refused(target, _write(tmp_path, b"[" * 100_000 + b"]" * 100_000), "nests deeper than 32 levels")
    _refused(target, _write(tmp_path, b'{"a":' * 100_000 + b"1" + b"}" * 100_000), "nests deeper")


@pytest.mark.parametrize("tail", [b"", b"\\"])
def test_an_unterminated_string_of_escaped_quotes_is_refused_promptly(
    target: ServiceContext, tmp_path: Path, tail: bytes
) -> None:
    """The nesting pre-scan stays linear here (a naive regex rescans from every quote: minutes)."""
    _refused(target, _write(tmp_path, b'["' + b'\\"' * 200_000 + tail), "not valid JSON")


def test_nesting_inside_a_valid_bundle_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    deep: Any = 1
    for _ in range(40):
        deep = [deep]
    _first("client")(document)["notes"] = deep
    _refused(target, _write(tmp_path, document), "nests deeper")


def test_brackets_inside_text_are_data_not_nesting(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    _first("client")(document)["notes"] = '[{"\\"' * 3_000  # 15,000 characters: within a note's limit
    assert (
        import_bundle(other_ctx, _write(tmp_path, document)).inserted == 23
    )  # one category new here, the seeded one not


def test_an_oversized_file_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    path = _write(tmp_path, document)
    small = BundleLimits(max_file_bytes=path.stat().st_size - 1)
    _refused(target, path, "larger than the", limits=small)


def test_a_file_over_the_default_cap_is_refused_before_reading(
    target: ServiceContext, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:  # sparse: 300 MB on paper, nothing on disk
        stream.truncate(300 * 1024 * 1024)
    _refused(target, huge, "larger than the 200 MB")


@pytest.mark.parametrize("path", ["folder", "/dev/zero"])
def test_something_that_is_not_a_file_is_refused(target: ServiceContext, tmp_path: Path, path: str) -> None:
    (tmp_path / "folder").mkdir()
    _refused(target, tmp_path / path, "not a regular file|Cannot read")


def test_an_oversized_attachment_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    _refused(
        target, _write(tmp_path, document), "larger than allowed", limits=BundleLimits(max_blob_bytes=100)
    )


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "/etc/passwd",
        "a\x00b",
        "C:\\x",
        "C:x",
        "..",
        ".",
        "",
        "  ",
        "x" * 256,
        "line\nbreak",
        "invoice\u202efdp.exe",
        "CON",
        "nul.txt",
        "trailing.",
        "sub/dir.png",
    ],
)
def test_unsafe_attachment_names_are_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path, name: str
) -> None:
    _first("attachment")(document)["filename"] = name
    _refused(target, _write(tmp_path, document), "unsafe file name")


@pytest.mark.parametrize("name", ["现场照片 1.jpg", "report (final) v2.pdf", ".hidden", "a..b.txt", "🚧.png"])
def test_ordinary_names_are_safe(name: str) -> None:
    assert unsafe_filename_reason(name) is None


def test_a_blob_whose_sha256_does_not_match_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    sha = next(iter(document["blobs"]))
    document["blobs"][sha] = base64.b64encode(b"tampered").decode()
    _refused(target, _write(tmp_path, document), "does not match its SHA-256")


def test_invalid_base64_is_refused(document: dict[str, Any], target: ServiceContext, tmp_path: Path) -> None:
    _first("signature")(document)["signature_png"] = "not base64!"
    _refused(target, _write(tmp_path, document), "signature_png")


def test_an_attachment_size_that_lies_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    _first("attachment")(document)["size"] += 1
    _refused(target, _write(tmp_path, document), "size that does not match")


@pytest.mark.parametrize(
    "unlink",
    [
        lambda records: records["attachment"].pop(),
        lambda records: records["letter"][0].update(pdf_sha256="a" * 64),
        lambda records: records["letter"][0].update(signed_pdf_sha256=""),
    ],
)
def test_content_no_attachment_or_letter_uses_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path, unlink: Callable[[Any], None]
) -> None:
    unlink(document["records"])
    _refused(target, _write(tmp_path, document), "no attachment or letter uses")


def test_a_letter_without_its_stored_pdfs_imports(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    letter = document["records"]["letter"][0]  # as exported before issued PDFs were kept
    for column in ("pdf_sha256", "signed_pdf_sha256"):
        del document["blobs"][letter[column]]
    assert import_bundle(other_ctx, _write(tmp_path, document)).blobs_added == 2  # the attachments'


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("change_request", "scope_item_id"),
        ("log_entry", "correction_of_id"),
        ("contact", "client_id"),
        ("scope_item", "project_id"),
        ("milestone_change", "milestone_id"),
        ("attachment", "sha256"),
    ],
)
def test_a_reference_outside_the_bundle_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path, table: str, column: str
) -> None:
    row = _first(table)(document)
    row[column] = "ab" * 32 if column == "sha256" else new_id()
    _refused(target, _write(tmp_path, document), "not in the bundle")


def test_duplicate_ids_and_refs_in_the_bundle_are_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    scope = document["records"]["scope_item"]
    scope.append(dict(scope[0]))
    _refused(target, _write(tmp_path, document), "two scope item records with id")
    scope[1]["id"] = new_id()
    _refused(target, _write(tmp_path, document), "two scope item records S-1")


def test_a_project_code_held_by_another_project_is_refused(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    add_sample_project(other_ctx, "dd-2026-014", fixed_log_ids=False)  # codes compare without case
    before = full_dump(other_ctx.db)
    _refused(
        other_ctx, _write(tmp_path, document), "A different project with code DD-2026-014 already exists"
    )
    assert full_dump(other_ctx.db) == before


def test_a_ref_held_by_another_record_of_the_project_is_refused(
    document: dict[str, Any], other_ctx: ServiceContext, tmp_path: Path
) -> None:
    path = _write(tmp_path, document)
    import_bundle(other_ctx, path)
    project_id = _first("project")(document)["id"]
    with other_ctx.db.unit_of_work() as session:  # a local edit: S-2 added in this copy
        session.add(ScopeItemRow(project_id=project_id, ref="S-2", title="Local"))
    before = full_dump(other_ctx.db)
    extra = dict(_first("scope_item")(document), id=new_id(), ref="S-2")
    document["records"]["scope_item"].append(extra)
    _refused(other_ctx, _write(tmp_path, document), "scope item S-2 in the bundle clashes")
    assert full_dump(other_ctx.db) == before


def test_a_record_owned_by_another_project_is_refused(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    with target.db.unit_of_work() as session:  # the bundle reuses the id of the other project's item
        other_item_id = session.execute(text("SELECT id FROM handover_item")).scalar_one()
    _first("handover_item")(document)["id"] = other_item_id
    _refused(target, _write(tmp_path, document), "already belongs to another project")


def test_a_failure_while_writing_rolls_everything_back(
    document: dict[str, Any], target: ServiceContext, tmp_path: Path
) -> None:
    """All or nothing: the last table written fails, and the rows written before it vanish too."""
    with target.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_attachments BEFORE INSERT ON attachment "
            "BEGIN SELECT RAISE(ABORT, 'attachments refused by a test trigger'); END"
        )
    before = full_dump(target.db)
    _refused(target, _write(tmp_path, document), "test trigger")
    assert full_dump(target.db) == before
    with target.db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse_attachments")
