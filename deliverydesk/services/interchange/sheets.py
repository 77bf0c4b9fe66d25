"""Reading a spreadsheet (XLSX with ``openpyxl``, or CSV) into a plain ``Table``: pure, bytes in.

CSV comes from Excel and WPS in UTF-8, UTF-8 with a byte-order mark, or GBK (a Chinese Windows saves
"CSV" in GBK): the encoding is detected in that order (GB 18030, GBK's superset, decodes GBK). The
separator is a comma, a semicolon or a tab. XLSX files are zip archives of XML: the archive is checked
for a zip bomb before ``openpyxl`` opens it, and ``openpyxl`` parses its XML with ``defusedxml`` (it
uses it whenever it is installed, and it is a dependency). Sizes, rows and columns are bounded.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from deliverydesk.i18n import msg
from deliverydesk.services.interchange.source import ImportSource, refused

MAX_SHEET_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 60
XLSX_MAGIC = b"PK\x03\x04"

Cell = str | float | int | date | datetime | None


@dataclass(frozen=True)
class Table:
    """One sheet: its header and data rows, each with its row number as the spreadsheet shows it."""

    source: ImportSource
    sheets: tuple[str, ...]  # every worksheet of the workbook (one, "", for a CSV)
    sheet: str
    encoding: str  # "UTF-8", "UTF-8 with BOM", "GBK", or "XLSX"
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def read_table(source: ImportSource, sheet: str | None = None) -> Table:
    if source.data.startswith(XLSX_MAGIC):
        return _xlsx(source, sheet)
    if sheet:
        raise refused(
            msg("{name} is a CSV file: it has no worksheet {sheet!r}.", name=source.name, sheet=sheet)
        )
    return _csv(source)


# --- CSV ---------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 with BOM, UTF-8, else GBK; refused when none fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GBK"
    except UnicodeDecodeError:
        raise refused(msg("The file is not text in UTF-8 or GBK: save it as CSV (UTF-8) or XLSX.")) from None


def _csv(source: ImportSource) -> Table:
    try:
        text, encoding = decode_text(source.data)
    except UnicodeDecodeError:
        raise refused(msg("{name} is not valid UTF-8 after its byte-order mark.", name=source.name)) from None
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        rows = _numbered(reader)
    except csv.Error as exc:
        raise refused(
            msg("{name} is not a readable CSV file ({problem}).", name=source.name, problem=str(exc))
        ) from None
    return _table(source, ("",), "", encoding, rows)


# --- XLSX --------------------------------------------------------------------------------------


def _xlsx(source: ImportSource, sheet: str | None) -> Table:
    _check_archive(source)
    from openpyxl import load_workbook  # loaded only for workbooks (about 0.2 s)

    try:
        workbook = load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files: all mean "cannot read"
        raise refused(
            msg(
                "{name} is not a readable XLSX workbook ({problem}).",
                name=source.name,
                problem=type(exc).__name__,
            )
        ) from None
    try:
        names = tuple(workbook.sheetnames)
        chosen = sheet or names[0]
        if chosen not in names:
            raise refused(
                msg(
                    "{name} has no worksheet {chosen!r} (it has: {names}).",
                    name=source.name,
                    chosen=chosen,
                    names=", ".join(names),
                )
            )
        rows = _numbered(workbook[chosen].iter_rows(values_only=True, max_col=MAX_COLUMNS))
    finally:
        workbook.close()
    return _table(source, names, chosen, "XLSX", rows)


def _check_archive(source: ImportSource) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise refused(
            msg("{name} is not a readable XLSX workbook (a damaged archive).", name=source.name)
        ) from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise refused(
            msg(
                "{name} unpacks to more than {limit_mb} MB; it was not opened.",
                name=source.name,
                limit_mb=MAX_UNZIPPED_BYTES // (1024 * 1024),
            )
        )


# --- rows --------------------------------------------------------------------------------------


def _numbered(rows: Iterable[Sequence[Cell]]) -> list[tuple[int, tuple[Cell, ...]]]:
    numbered = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise refused(
                msg(
                    "The sheet has more than {max_rows:,} rows; split it into smaller ones.",
                    max_rows=MAX_ROWS,
                )
            )
        numbered.append((number, tuple(_cell(value) for value in list(row)[:MAX_COLUMNS])))
    return numbered


def _cell(value: object) -> Cell:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | date | datetime) or value is None:
        return value
    return str(value)


def _empty(row: Sequence[Cell]) -> bool:
    return all(value in (None, "") for value in row)


def _table(
    source: ImportSource,
    sheets: tuple[str, ...],
    sheet: str,
    encoding: str,
    rows: list[tuple[int, tuple[Cell, ...]]],
) -> Table:
    """The first non-empty row is the header; the rows after it are the data (empty ones dropped)."""
    filled = [(number, row) for number, row in rows if not _empty(row)]
    if not filled:
        raise refused(msg("The sheet {sheet} is empty.", sheet=sheet or source.name))
    (_, header), data = filled[0], filled[1:]
    names = tuple(str(value).strip() if value is not None else "" for value in header)
    return Table(source, sheets, sheet, encoding, names, tuple(data))
