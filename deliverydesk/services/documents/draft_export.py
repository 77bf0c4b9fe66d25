"""Writing a document to a file, and the command line's export of a draft letter without the ORM.

``write_export`` writes atomically (a temp file in the same folder, fsync, then ``os.replace``): a
failed export leaves any older file of that name exactly as it was.

``export_draft`` is ``export.export_document`` for a draft of the kinds in ``facts.PLAIN_KINDS`` (the
expectation letter), read through a plain read-only ``sqlite3`` connection (``store.readonly``): neither
SQLAlchemy nor the ORM tables load, which is most of a short process's time. It reads with the
gather the services use and prints with the same report, so the file is the one the window exports.
Nothing is written to the database: no writer lock, no backup. A file it cannot read that way
(missing, foreign, damaged, to be upgraded) raises ``store.readonly.NeedsFullOpen``: the caller then
exports the usual way, which refuses, upgrades or reports exactly as before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.domain.enums import Language, LetterKind
from deliverydesk.domain.printing import check_printable
from deliverydesk.domain.progress import NO_PROGRESS, Progress
from deliverydesk.errors import NotFoundError
from deliverydesk.i18n import msg
from deliverydesk.paths import DB_URL_ENV, data_paths, sqlite_url
from deliverydesk.services.documents.facts import PLAIN_KINDS, plain_draft
from deliverydesk.services.files import write_file_atomically
from deliverydesk.store.document_reads import project_id_by_code
from deliverydesk.store.readonly import NeedsFullOpen, local_file, open_readonly

if TYPE_CHECKING:
    from deliverydesk.domain.models import LetterItem

__all__ = ["DatabaseOptions", "ExportResult", "NeedsFullOpen", "export_draft", "write_export"]


@dataclass(frozen=True)
class DatabaseOptions:
    """Which database, as the command line names it (``services.storage.OpenOptions`` has the same)."""

    data_dir: Path | None = None
    db_url: str | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    letter: LetterItem | None = None  # the issued version, when the export issued one


def write_export(
    out: Path, pdf: bytes, letter: LetterItem | None = None, progress: Progress = NO_PROGRESS
) -> ExportResult:
    """Write ``pdf`` to ``out`` atomically (stoppable until the rename)."""
    write_file_atomically(out, pdf, progress)
    return ExportResult(out, len(pdf), letter)


def export_draft(
    where: DatabaseOptions,
    kind: LetterKind,
    project_code: str,
    language: Language | None,
    out: Path,
    today: date,
) -> ExportResult:
    """The draft of a document kind read the plain way (``facts.PLAIN_KINDS``) of the project with this
    code (without case), written to ``out``; ``NeedsFullOpen`` for any other kind or database."""
    from deliverydesk.reports.render import render  # reportlab loads once the data is read

    url = where.db_url or os.environ.get(DB_URL_ENV) or sqlite_url(data_paths(where.data_dir).database)
    if kind not in PLAIN_KINDS:
        raise NeedsFullOpen(kind)
    with open_readonly(local_file(url)) as reader:
        project_id = project_id_by_code(reader, project_code.strip())
        if project_id is None:  # as services.records.projects.get_project_by_code says it
            raise NotFoundError(
                msg("No project has the code {code!r}.", code=project_code.strip()),
                msg("Check the code with list-projects."),
            )
        data = plain_draft(reader, kind, project_id, language, today)
    if data is None:
        raise NeedsFullOpen(kind)
    check_printable(data)  # as build_document_in: a character the fonts lack never prints as a box
    return write_export(out, render(data))
