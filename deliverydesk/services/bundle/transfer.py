"""Project bundles: one project with all its records, attachments and issued letter PDFs in one JSON file.

``export_bundle`` writes canonical JSON (sorted keys, rows ordered by id) atomically;
``import_bundle`` validates everything first (``bundle_check``), then writes all or nothing in one
unit of work, updating records whose UUID exists and inserting the others. The format is documented
in docs/bundle.md and described by the JSON Schema ``bundle.schema.json``.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from deliverydesk import __version__
from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import BundleError, NotFoundError
from deliverydesk.i18n import Message, msg
from deliverydesk.services.bundle.check import (
    DEFAULT_LIMITS,
    BundleLimits,
    ValidBundle,
    read_bundle,
    refused,
    shown,
    validate_document,
)
from deliverydesk.services.bundle.rules import plan_import
from deliverydesk.services.bundle.schema import FORMAT_NAME, FORMAT_VERSION
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.files import write_file_atomically
from deliverydesk.services.records.categories import merge_bundled_categories
from deliverydesk.store.bundle_queries import (
    Conflict,
    ProjectDump,
    dump_project,
    find_conflicts,
    upsert_records,
)
from deliverydesk.store.records import Session

__all__ = [
    "DEFAULT_LIMITS",
    "BundleLimits",
    "ExportSummary",
    "ImportSummary",
    "ValidBundle",
    "export_bundle",
    "import_bundle",
    "import_valid_bundle",
    "read_bundle",
]


@dataclass(frozen=True)
class ExportSummary:
    project_code: str
    path: Path
    records: int
    attachments_bytes: int
    size: int


@dataclass(frozen=True)
class ImportSummary:
    project_code: str
    project_name: str
    inserted: int
    updated: int
    blobs_added: int
    kept: int = 0  # records newer here than in the bundle, left as they are (--keep-newer)


def export_bundle(ctx: ServiceContext, project_code: str, out: Path) -> ExportSummary:
    """Write the project with this code to ``out``; an older file there survives any failure."""
    with ctx.db.unit_of_work() as session:
        dump = dump_project(session, project_code)
    if dump is None:
        raise NotFoundError(
            msg("There is no project with code {code!r}.", code=project_code),
            hint=msg("`deliverydesk list-projects` lists them."),
        )
    document = bundle_document(dump, exported_at=ctx.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    checked = _self_check(document, project_code)
    data = render_document(document)
    if len(data) > DEFAULT_LIMITS.max_file_bytes:
        raise BundleError(
            msg(
                "Project {project_code} makes a bundle of {size_mb:.0f} MB, more than an import accepts"
                " ({limit_mb:.0f} MB); nothing was written.",
                project_code=project_code,
                size_mb=len(data) / 1e6,
                limit_mb=DEFAULT_LIMITS.max_file_bytes / 1e6,
            )
        )
    write_file_atomically(out, data)
    return ExportSummary(
        project_code=checked.project["code"],
        path=out,
        records=checked.record_count,
        attachments_bytes=sum(len(blob) for blob in dump.blobs.values()),
        size=len(data),
    )


def bundle_document(dump: ProjectDump, *, exported_at: str, app_version: str = __version__) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": exported_at,
        "app_version": app_version,
        "records": dump.records,
        "blobs": {sha: base64.b64encode(data).decode("ascii") for sha, data in dump.blobs.items()},
    }


def render_document(document: dict[str, Any]) -> bytes:
    """Canonical bytes: the same records always give the same file (but for ``exported_at``)."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _self_check(document: dict[str, Any], project_code: str) -> ValidBundle:
    """Never write a bundle that import would refuse (say, an attachment saved with an unsafe name)."""
    try:
        return validate_document(document, DEFAULT_LIMITS, schema=False)
    except BundleError as exc:
        raise BundleError(
            msg(
                "Project {project_code} cannot be exported: {message}",
                project_code=project_code,
                message=exc.message,
            )
        ) from None


def import_bundle(
    ctx: ServiceContext,
    path: Path,
    *,
    limits: BundleLimits = DEFAULT_LIMITS,
    keep_newer: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportSummary:
    """Validate the whole file, then write all of it or nothing; re-importing updates, never duplicates.
    ``progress``: read, checked, written; stopped before the commit, nothing is written."""
    progress.step(0, 3, "read")
    bundle = read_bundle(path, limits)
    progress.step(1, 3, "check")
    with ctx.db.unit_of_work() as session:
        return _import(ctx, session, bundle, keep_newer=keep_newer, progress=progress)


def import_valid_bundle(
    ctx: ServiceContext,
    bundle: ValidBundle,
    *,
    keep_newer: bool = False,
    progress: Progress = NO_PROGRESS,
) -> ImportSummary:
    """Write a bundle ``read_bundle`` accepted (validating first, before the database is even opened,
    keeps a refused file from creating or locking anything).

    Write-once records (issued and signed letters, log entries, ...) are never changed: such a bundle
    is refused whole. A record older in the bundle than here is a conflict: refused, or with
    ``keep_newer`` left as it is here (``rules``)."""
    with ctx.db.unit_of_work() as session:
        return _import(ctx, session, bundle, keep_newer=keep_newer, progress=progress)


def _import(
    ctx: ServiceContext,
    session: Session,
    bundle: ValidBundle,
    *,
    keep_newer: bool,
    progress: Progress = NO_PROGRESS,
) -> ImportSummary:
    project = bundle.project
    records = merge_bundled_categories(session, bundle.records)  # one category per name
    conflicts = find_conflicts(session, records)
    if conflicts:
        raise refused(_describe_conflict(conflicts[0], bundle))
    plan = plan_import(session, records, keep_newer=keep_newer)
    counts = upsert_records(session, records, bundle.blobs, ctx.now(), skip=plan.skip)
    progress.step(2, 3, "write")  # stopped here: the unit of work rolls back, nothing is written
    return ImportSummary(
        project_code=project["code"],
        project_name=project["name"],
        inserted=counts.inserted,
        updated=counts.updated,
        blobs_added=counts.blobs_added,
        kept=len(plan.skip),
    )


def _describe_conflict(conflict: Conflict, bundle: ValidBundle) -> Message:
    label = record_kind(conflict.table)
    if conflict.table == "project" and conflict.columns == ("code",):
        return msg(
            "A different project with code {code} already exists in this database (same code, another"
            " identity). Rename one of the two projects, then import.",
            code=shown(conflict.values[0]),
        )
    if conflict.reason == "owner":
        return msg(
            "The {label} {record_id} already belongs to another project in this database.",
            label=label,
            record_id=conflict.record_id,
        )
    row = next(r for r in bundle.records[conflict.table] if r["id"] == conflict.record_id)
    held = " ".join(shown(row[c]) for c in conflict.columns if c != "project_id")
    return msg(
        "The {label} {held} in the bundle clashes with a different {label} {held} already in project"
        " {shown} of this database.",
        label=label,
        held=held,
        shown=shown(bundle.project["code"]),
    )
