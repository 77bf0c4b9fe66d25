"""Reading a bundle file and validating it completely, before anything touches the database.

Every refusal is a ``BundleError`` in plain words. The order matters: cheap bounds first (size,
nesting depth) so a hostile file cannot exhaust memory or the stack before it is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from deliverydesk.domain.attachments import unsafe_filename_reason
from deliverydesk.domain.record_kinds import record_kind
from deliverydesk.errors import BundleError
from deliverydesk.i18n import Message, msg
from deliverydesk.services.bundle.schema import FORMAT_NAME, FORMAT_VERSION, shipped_schema
from deliverydesk.services.bundle.upgrade import OLDEST_READABLE, upgrade_document
from deliverydesk.services.records.attachments import pixel_bomb
from deliverydesk.store.bundle_rows import TableSpec, decode_row, table_specs

NOTHING_DONE = msg("Nothing was imported.")


def refused(message: Message) -> BundleError:
    """The error for a bundle that cannot be imported: the message, then that nothing changed."""
    return BundleError(message, hint=NOTHING_DONE)


@dataclass(frozen=True)
class BundleLimits:
    """Bounds on what a bundle may contain (injectable so tests can use small ones)."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_depth: int = 32  # a real bundle nests 5 levels deep
    max_blob_bytes: int = 100 * 1024 * 1024
    max_filename_chars: int = 255


DEFAULT_LIMITS = BundleLimits()


@dataclass(frozen=True)
class ValidBundle:
    """A bundle that passed every check: typed records per table, blob bytes by sha256."""

    records: dict[str, list[dict[str, Any]]]
    blobs: dict[str, bytes]
    app_version: str

    @property
    def project(self) -> dict[str, Any]:
        return self.records["project"][0]

    @property
    def record_count(self) -> int:
        return sum(len(rows) for rows in self.records.values())


def read_bundle(path: Path, limits: BundleLimits = DEFAULT_LIMITS) -> ValidBundle:
    """Read and validate a bundle file; BundleError says what is wrong."""
    try:
        # Before opening: opening a FIFO waits for a writer forever, a device may never end.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _not_regular(path)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):  # replaced between the two looks
                raise _not_regular(path)
            if status.st_size > limits.max_file_bytes:
                raise _too_large(limits)
            data = stream.read(limits.max_file_bytes + 1)  # never more than the cap, whatever stat said
    except OSError as exc:
        raise refused(
            msg("Cannot read the bundle {path}: {reason}.", path=path, reason=exc.strerror or str(exc))
        ) from None
    return parse_bundle(data, limits)


def _not_regular(path: Path) -> BundleError:
    return refused(
        msg("{path} is not a regular file (a folder, a pipe or a device): it is not a bundle.", path=path)
    )


def _too_large(limits: BundleLimits) -> BundleError:
    return refused(
        msg(
            "The file is larger than the {max_file_bytes} a bundle may have.",
            max_file_bytes=_megabytes(limits.max_file_bytes),
        )
    )


def parse_bundle(data: bytes, limits: BundleLimits = DEFAULT_LIMITS) -> ValidBundle:
    if len(data) > limits.max_file_bytes:
        raise _too_large(limits)
    return validate_document(_parse_json(data, limits.max_depth), limits)


def validate_document(document: Any, limits: BundleLimits, *, schema: bool = True) -> ValidBundle:
    """Every check after parsing. ``schema=False`` only for documents built from the models (export),
    whose shape is right by construction; values, integrity and file names are still checked."""
    _check_format(document)
    document = upgrade_document(document)  # an older format, converted
    if schema:
        _check_schema(document)
    specs = table_specs()
    records = {name: _decode_rows(spec, document["records"][name]) for name, spec in specs.items()}
    blobs = _decode_blobs(document["blobs"], limits)
    _check_integrity(specs, records, blobs, limits)
    return ValidBundle(records=records, blobs=blobs, app_version=document["app_version"])


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


# --- JSON --------------------------------------------------------------------------------------

# A string (skipped whole, without copying) or an opening / closing bracket. An unterminated string
# runs to the end of the data: a string match that could fail would be retried from every later
# quote, which turns a file of escaped quotes into quadratic work.
_JSON_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|([\[{])|([\]}])', re.DOTALL)


def _nesting_exceeds(data: bytes, max_depth: int) -> bool:
    """Scan the brackets outside strings: json would hit the recursion limit on deep nesting."""
    depth = 0
    for match in _JSON_TOKEN.finditer(data):
        if match.lastindex == 1:
            depth += 1
            if depth > max_depth:
                return True
        elif match.lastindex == 2:
            depth -= 1
    return False


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object with a key twice is ambiguous (which value wins differs between readers)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {_short(repr(key), 40)} appears twice in one object")
        result[key] = value
    return result


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:20]} is too large")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse_json(data: bytes, max_depth: int) -> Any:
    if _nesting_exceeds(data, max_depth):
        raise refused(
            msg("The file nests deeper than {max_depth} levels: it is not a bundle.", max_depth=max_depth)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refused(msg("The file is not UTF-8 text, so it is not a bundle.")) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_float=_finite_float,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise refused(
            msg("The file is not valid JSON ({problem} at {where}).", problem=exc.msg, where=where)
        ) from None
    except (ValueError, RecursionError) as exc:  # duplicate keys, huge numbers; depth is pre-checked
        raise refused(msg("The file is not a valid bundle: {short}.", short=_short(str(exc)))) from None


def shown(value: Any) -> str:
    """A value from the bundle as it may appear in a message: printable text as is, anything else
    (line breaks, control or direction characters) escaped, and never very long."""
    text = value if isinstance(value, str) and value.isprintable() else repr(value)
    return _short(text, 80)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- structure ---------------------------------------------------------------------------------


def _check_format(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise refused(
            msg(
                'This file is not a DeliveryDesk bundle (its "format" is not "{format_name}").',
                format_name=FORMAT_NAME,
            )
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise refused(msg("The bundle has no valid format_version."))
    if version > FORMAT_VERSION:
        raise refused(
            msg(
                "The bundle has format version {version}, written by a newer DeliveryDesk; this one reads"
                " version {format_version}. Update DeliveryDesk, then import it.",
                version=version,
                format_version=FORMAT_VERSION,
            )
        )
    if version < OLDEST_READABLE:
        raise refused(
            msg("The bundle has format version {version}, which no DeliveryDesk wrote.", version=version)
        )


@cache
def _validator() -> Any:
    return jsonschema.Draft202012Validator(shipped_schema())


def _check_schema(document: Any) -> None:
    # The first errors are enough to explain the refusal; a hostile file may hold millions.
    error = jsonschema.exceptions.best_match(itertools.islice(_validator().iter_errors(document), 50))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise refused(
            msg(
                "The bundle does not follow the bundle format at {where}: {message}.",
                where=where,
                message=_short(error.message),
            )
        )


def _decode_rows(spec: TableSpec, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    decoded = []
    for row in rows:
        try:
            decoded.append(decode_row(spec, row))
        except ValueError as exc:
            raise refused(
                msg(
                    "The {kind} {id}: {problem}.",
                    kind=_label(spec.name),
                    id=shown(row.get("id")),
                    problem=str(exc),
                )
            ) from None
    return decoded


def _label(table: str) -> Message:
    return record_kind(table)


def _decode_blobs(blobs: Mapping[str, str], limits: BundleLimits) -> dict[str, bytes]:
    decoded = {}
    for sha, text in blobs.items():
        if len(text) > (limits.max_blob_bytes + 2) // 3 * 4:
            raise refused(msg("The attachment content {sha} is larger than allowed.", sha=sha[:12]))
        try:
            content = base64.b64decode(text, validate=True)
        except binascii.Error:
            raise refused(msg("The attachment content {sha} is not valid base64.", sha=sha[:12])) from None
        if hashlib.sha256(content).hexdigest() != sha:
            raise refused(
                msg(
                    "The attachment content {sha} does not match its SHA-256: the file is damaged or was"
                    " edited.",
                    sha=sha[:12],
                )
            )
        decoded[sha] = content
    return decoded


# --- integrity ---------------------------------------------------------------------------------


def _check_integrity(
    specs: Mapping[str, TableSpec],
    records: Mapping[str, list[dict[str, Any]]],
    blobs: Mapping[str, bytes],
    limits: BundleLimits,
) -> None:
    ids = {name: _unique_ids(name, rows) for name, rows in records.items()}
    ids["blob"] = set(blobs)
    for name, spec in specs.items():
        _check_unique_sets(spec, records[name])
        _check_references(spec, records[name], ids)
    _check_attachments(records["attachment"], blobs, limits)
    _check_blobs_used(records, blobs)


def _unique_ids(table: str, rows: list[dict[str, Any]]) -> set[str]:
    seen: set[str] = set()
    for row in rows:
        if row["id"] in seen:
            raise refused(
                msg(
                    "The bundle holds two {kind} records with id {id}.",
                    kind=_label(table),
                    id=row["id"],
                )
            )
        seen.add(row["id"])
    return seen


def _check_unique_sets(spec: TableSpec, rows: list[dict[str, Any]]) -> None:
    for columns in spec.unique_sets:
        seen: set[tuple[Any, ...]] = set()
        for row in rows:
            key = tuple(row[c] for c in columns)
            if key in seen:
                ref = shown(row.get("ref", row.get("code")))
                raise refused(
                    msg("The bundle holds two {kind} records {ref}.", kind=_label(spec.name), ref=ref)
                )
            seen.add(key)


def _check_references(spec: TableSpec, rows: list[dict[str, Any]], ids: Mapping[str, set[str]]) -> None:
    for column in spec.columns:
        if column.references is None or column.name == "id":
            continue
        for row in rows:
            target = row[column.name]
            if target is not None and target not in ids[column.references]:
                raise refused(
                    msg(
                        "The {kind} {id} refers to a {target_kind} ({column} = {target}) that is not in the"
                        " bundle.",
                        kind=_label(spec.name),
                        id=row["id"],
                        target_kind=_label(column.references),
                        column=column.name,
                        target=target,
                    )
                )


def _check_attachments(rows: list[dict[str, Any]], blobs: Mapping[str, bytes], limits: BundleLimits) -> None:
    for row in rows:
        reason = unsafe_filename_reason(row["filename"], limits.max_filename_chars)
        if reason:
            name = _short(repr(row["filename"]), 80)
            raise refused(
                msg(
                    "The attachment {id} has an unsafe file name {name}: {reason}.",
                    id=row["id"],
                    name=name,
                    reason=reason,
                )
            )
        if row["size"] != len(blobs[row["sha256"]]):
            raise refused(
                msg("The attachment {id} gives a size that does not match its content.", id=row["id"])
            )
        bomb = pixel_bomb(row["filename"], blobs[row["sha256"]])
        if bomb:
            raise refused(msg("The attachment {id} is refused: {reason}", id=row["id"], reason=bomb))


def _check_blobs_used(records: Mapping[str, list[dict[str, Any]]], blobs: Mapping[str, bytes]) -> None:
    """Every blob is an attachment's content or a letter's issued or signed PDF (the PDF's SHA-256 is
    the letter's ``pdf_sha256`` / ``signed_pdf_sha256``; a letter may come without one: it was issued
    before PDFs were kept)."""
    used = {row["sha256"] for row in records["attachment"]}
    used |= {row[column] for row in records["letter"] for column in ("pdf_sha256", "signed_pdf_sha256")}
    unused = sorted(set(blobs) - used)
    if unused:
        raise refused(
            msg("The bundle holds content {sha} that no attachment or letter uses.", sha=unused[0][:12])
        )
