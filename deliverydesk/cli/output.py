"""How the command line shows what the services return: plain lines for people, JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only types: importing the services would slow down --help
    from deliverydesk.domain.models import ProjectSummary
    from deliverydesk.services.bundle.transfer import ExportSummary, ImportSummary
    from deliverydesk.services.storage import BackupInfo


def add_language_option(parser: argparse.ArgumentParser, *names: str, help: str) -> None:
    """``--lang en|zh_CN`` (``zh`` too), parsed into a ``Language`` (None: not given)."""
    from deliverydesk.domain.enums import Language
    from deliverydesk.i18n import parse_language

    parser.add_argument(*(names or ("--lang",)), type=parse_language, choices=list(Language), help=help)


def say(text: str, *, err: bool = False) -> None:
    """print, never failing on a console that cannot show some characters (they come out escaped)."""
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    print(text.encode(encoding, "backslashreplace").decode(encoding, "replace"), file=stream)


def one_line(text: str) -> str:
    """User text on one line (a name with line breaks must not break a listing)."""
    return " ".join(text.split())


def size_text(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def project_line(row: ProjectSummary) -> str:
    archived = "  (archived)" if row.archived_at else ""
    return (
        f"{row.code}  {row.status.value:<11}  {one_line(row.client_name)}  |  {one_line(row.name)}{archived}"
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot show {type(value).__name__} as JSON")


def projects_json(rows: Sequence[ProjectSummary]) -> str:
    return json.dumps([asdict(row) for row in rows], default=_json_value, ensure_ascii=False, indent=2)


def backup_line(info: BackupInfo) -> str:
    taken = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
    return f"{taken}  {size_text(info.size):>9}  {info.path}"


def bundle_export_line(summary: ExportSummary) -> str:
    return (
        f"Exported {summary.project_code}: {summary.records} records and "
        f"{size_text(summary.attachments_bytes)} of stored files (attachments, issued PDFs) "
        f"to {summary.path} ({size_text(summary.size)})."
    )


def bundle_import_line(summary: ImportSummary) -> str:
    return (
        f"Imported {summary.project_code} ({one_line(summary.project_name)}): {summary.inserted} new and "
        f"{summary.updated} updated records, {summary.blobs_added} new stored files"
        + (f"; {summary.kept} newer here kept as they are." if summary.kept else ".")
    )
