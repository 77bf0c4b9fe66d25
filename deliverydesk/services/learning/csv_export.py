"""CSV exports of the issue register and of the recurring-problems table, for spreadsheet programs.

The bytes are UTF-8 *with* a byte-order mark: Excel reads a CSV without one in the system's ANSI code
page and turns Chinese into mojibake. Rows end in CRLF (RFC 4180), every cell is quoted only when it
must be (the ``csv`` module's rules), and the header row is in the chosen language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from deliverydesk.domain.enums import Language, Severity
from deliverydesk.domain.recurrence import RecurrenceItem, TrendDirection, category_label
from deliverydesk.i18n import N_, NP_, translator
from deliverydesk.reports.labels import label
from deliverydesk.services.context import ServiceContext
from deliverydesk.services.files import write_file_atomically
from deliverydesk.store import recurrence_queries as q

BOM = "\ufeff"
# A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(...), +cmd|..., -2+3,
# @SUM(...); tab and CR can hide one): the cell is prefixed with ' so it shows as the literal text the
# user typed and is never evaluated (OWASP "CSV injection"). Numbers are written as numbers, untouched.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | date | None

COLUMN = "CSV column"  # the catalogue context of the column names
_ISSUE_HEADER = (
    NP_("CSV column", "Project code"),
    NP_("CSV column", "Project"),
    NP_("CSV column", "Client"),
    NP_("CSV column", "Ref"),
    NP_("CSV column", "Title"),
    NP_("CSV column", "Category"),
    NP_("CSV column", "Severity"),
    NP_("CSV column", "Reported on"),
    NP_("CSV column", "Resolved on"),
    NP_("CSV column", "Symptoms"),
    NP_("CSV column", "Root cause"),
    NP_("CSV column", "Resolution"),
)
_RECURRENCE_HEADER = (
    NP_("CSV column", "Category"),
    NP_("CSV column", "Clients"),
    NP_("CSV column", "Client names"),
    NP_("CSV column", "Projects"),
    NP_("CSV column", "Occurrences"),
    NP_("CSV column", "Records"),
    NP_("CSV column", "First half"),
    NP_("CSV column", "Second half"),
    NP_("CSV column", "Second half from"),
    NP_("CSV column", "Trend"),
)
_TREND = {
    TrendDirection.RISING: N_("Rising"),
    TrendDirection.STEADY: N_("Steady"),
    TrendDirection.FALLING: N_("Falling"),
}


def neutralise(cell: Cell) -> str | int | float:
    """The value as written: text that a spreadsheet would run as a formula gets a leading '."""
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """BOM, header, rows; CRLF line ends; every text cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def write_csv(path: Path, data: bytes) -> None:
    """Write the file atomically: a failure leaves any older file of that name unchanged."""
    write_file_atomically(path, data)


def _header(columns: Sequence[str], language: Language) -> list[str]:
    t = translator(language)
    return [t.pgettext(COLUMN, column) for column in columns]


def issue_register_csv(ctx: ServiceContext, *, project_id: str | None = None, language: Language) -> bytes:
    """The live issues of one project (or of every live project), by project code then ref."""
    with ctx.db.unit_of_work() as session:
        rows = q.issue_register(session, project_id)
    return csv_bytes(
        _header(_ISSUE_HEADER, language),
        (
            (
                row["project_code"],
                row["project_name"],
                row["client_name"],
                row["ref"],
                row["title"],
                category_label(row["category_en"] or "", row["category_zh"] or "", language),
                label(translator(language), Severity(row["severity"])),
                row["reported_on"],
                row["resolved_on"],
                row["symptoms"],
                row["root_cause"],
                row["resolution"],
            )
            for row in rows
        ),
    )


def recurrence_csv(rows: Iterable[RecurrenceItem], language: Language) -> bytes:
    """One line per recurring category, as the Recurring problems page lists them."""
    separator = translator(language).pgettext("list separator", "; ")
    return csv_bytes(
        _header(_RECURRENCE_HEADER, language),
        (
            (
                item.category_name(language),
                item.client_count,
                separator.join(client.name for client in item.clients),
                separator.join(project.code for project in item.projects),
                len(item.occurrences),
                separator.join(f"{o.project_code} {o.ref}" for o in item.occurrences),
                item.trend.first_half,
                item.trend.second_half,
                item.trend.second_half_from,
                translator(language)(_TREND[item.trend.direction]),
            )
            for item in rows
        ),
    )
