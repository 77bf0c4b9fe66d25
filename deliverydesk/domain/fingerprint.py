"""Canonical JSON of frozen dataclasses, and the SHA-256 fingerprint of it (pure, no I/O).

An issued document is kept as the canonical JSON of the data that was printed: sorted keys, no
insignificant whitespace, UTF-8 text, dates ISO 8601, decimals as strings, enums by value, bytes as
base64, tuples as arrays. The same data always gives the same text, so the fingerprint (SHA-256 of
that text) identifies the content. ``from_plain`` rebuilds the dataclass from the parsed JSON, so a
snapshot can be printed again byte for byte. ``seal`` fingerprints a document's data without its own
seal and fills the seal in.

A field added to a document's data after documents were issued is declared with ``added_field``:
left out of the canonical JSON while it holds its default, so the snapshot of an earlier document
reads back into the new dataclass and seals to the very fingerprint it was issued with.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")
FINGERPRINT_LENGTH = 64  # hex digits of a SHA-256
ADDED = "deliverydesk_added"  # field metadata: left out of canonical JSON while at its default


def added_field(default: Any) -> Any:
    """A dataclass field added after documents were issued with its dataclass (``default`` must be
    immutable): absent from their snapshots, and from the canonical JSON while at its default."""
    return dataclasses.field(default=default, metadata={ADDED: True})


def _at_added_default(field: dataclasses.Field[Any], value: Any) -> bool:
    return bool(field.metadata.get(ADDED)) and value == field.default


# Checked first, by exact type: most values are these, and the checks below (a dataclass, an enum,
# ...) cost more than the rest of a walk (the sync server makes a few canonical texts per group).
_PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    """``value`` as JSON-ready builtins (dicts, lists, str, int, float, bool, None)."""
    kind = type(value)
    if kind in _PLAIN_SCALARS:
        return value
    if kind is dict:
        return {str(key): to_plain(item) for key, item in value.items()}
    if kind is list:
        return [to_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _at_added_default(f, getattr(value, f.name))
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot put {type(value).__name__} into canonical JSON")


def canonical_json(value: Any) -> str:
    """The one text form of ``value``: same data, same characters."""
    return plain_json(to_plain(value))


def plain_json(plain: Any) -> str:
    """``canonical_json`` of a value that is JSON-ready already (what ``to_plain`` returns as it is:
    dicts with text keys, lists and scalars), without walking it again: the audit trail makes two
    such texts per record a sync pulls."""
    return _CANONICAL.encode(plain)


# One encoder for every text (json.dumps with options builds a new one per call).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def is_plain_scalar(value: Any) -> bool:
    """Whether ``to_plain`` keeps ``value`` as it is because it is a str, int, float, bool or None."""
    return type(value) in _PLAIN_SCALARS


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(canonical: str) -> str:
    """The SHA-256 (lowercase hex) of the canonical JSON's UTF-8 bytes."""
    return sha256_hex(canonical.encode("utf-8"))


def seal(data: T, stamp: Callable[[T, str], T]) -> tuple[str, str, T]:
    """Seal ``data`` with the fingerprint of exactly what it prints, its seal left out.

    ``stamp(data, digest)`` is ``data`` carrying ``digest`` (and whatever derives from it, such as a
    QR payload); ``stamp(data, "")`` carries no seal. Returns the canonical JSON of the unsealed data
    (what an issued document stores), its fingerprint, and the sealed data.
    """
    bare = stamp(data, "")
    canonical = canonical_json(bare)
    digest = fingerprint(canonical)
    return canonical, digest, stamp(bare, digest)


def is_fingerprint(text: str) -> bool:
    return len(text) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in text)


def from_canonical_json(cls: type[T], text: str) -> T:
    rebuilt: T = from_plain(cls, json.loads(text))
    return rebuilt


def from_plain(cls: Any, value: Any) -> Any:
    """Rebuild a value of type ``cls`` (a dataclass, enum, date, Decimal, bytes, tuple, union...)."""
    if value is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot rebuild the union {cls}")
        return from_plain(options[0], value)
    if origin is tuple:
        item_type = typing.get_args(cls)[0]
        return tuple(from_plain(item_type, item) for item in value)
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{name: from_plain(hints[name], item) for name, item in value.items() if name in known})
    return _scalar(cls, value)


def _scalar(cls: Any, value: Any) -> Any:
    if isinstance(cls, type) and issubclass(cls, Enum):
        return cls(value)
    if cls is datetime:
        return datetime.fromisoformat(value)
    if cls is date:
        return date.fromisoformat(value)
    if cls is Decimal:
        return Decimal(value)
    if cls is bytes:
        return base64.b64decode(value)
    if cls is float and isinstance(value, int):
        return float(value)
    return value
