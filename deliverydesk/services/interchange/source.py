"""A file to import, read once and bounded: its bytes, its name and its SHA-256."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from deliverydesk.domain.fingerprint import sha256_hex
from deliverydesk.errors import ImportFileError
from deliverydesk.i18n import Message, msg

NOTHING_IMPORTED = msg("Nothing was imported.")


@dataclass(frozen=True)
class ImportSource:
    """What an import names in the audit trail and in date-change reasons."""

    name: str  # the file's name, without its folder
    sha256: str
    data: bytes


def refused(message: Message) -> ImportFileError:
    return ImportFileError(message, hint=NOTHING_IMPORTED)


def read_source(path: Path, max_bytes: int, what: Message) -> ImportSource:
    """The file's bytes, never more than ``max_bytes`` (a larger file is refused before it is read)."""
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise refused(msg("{path} is not a regular file.", path=path))
            if status.st_size > max_bytes:
                raise too_large(what, max_bytes)
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise refused(
            msg("Cannot read {path}: {reason}.", path=path, reason=exc.strerror or str(exc))
        ) from None
    if len(data) > max_bytes:
        raise too_large(what, max_bytes)
    return ImportSource(name=path.name, sha256=sha256_hex(data), data=data)


def too_large(what: Message, max_bytes: int) -> ImportFileError:
    return refused(
        msg(
            "The file is larger than the {limit_mb} MB {what} may have.",
            limit_mb=max_bytes // (1024 * 1024),
            what=what,
        )
    )
