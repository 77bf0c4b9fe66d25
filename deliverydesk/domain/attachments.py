"""Attachment rules with no I/O: the size bound and which file names are safe.

A stored file name must work as a plain name in one folder on Windows, macOS and Linux, and must not
mislead the reader (a right-to-left override turns ``invoice‮fdp.exe`` into "invoiceexe.pdf"). Names
are refused (``unsafe_filename_reason``) when they come from a bundle or a service call, and cleaned
(``clean_filename``) when they come from the user's own disk, where the name is only a label. Chinese,
emoji and spaces are ordinary names and are kept."""

from __future__ import annotations

import unicodedata

from deliverydesk.i18n import Message, msg

MAX_BYTES = 25 * 1024 * 1024  # a phone photo or a scan of a signed letter; the database keeps the bytes
FILENAME_MAX_CHARS = 255
FILENAME_MAX_BYTES = 255  # most file systems count a name's UTF-8 bytes
FALLBACK_NAME = "attachment"

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)
_SEPARATORS = "/\\:"


def unsafe_filename_reason(name: str, max_chars: int = FILENAME_MAX_CHARS) -> Message | None:
    """Why a file name cannot be used as a plain name in one folder on any system, or None if it can."""
    if not name.strip():
        return msg("it is empty")
    if len(name) > max_chars or len(name.encode("utf-8")) > FILENAME_MAX_BYTES:
        return msg("it is longer than {max_chars} characters", max_chars=max_chars)
    if "\x00" in name:
        return msg("it contains a NUL character")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return msg("it contains a control character")
    if any(ch in BIDI_CONTROLS for ch in name):
        return msg("it contains a text-direction control character")
    if "/" in name or "\\" in name:
        return msg("it contains a path separator")
    if ":" in name:
        return msg("it contains a drive or stream separator (:)")
    if set(name) == {"."}:
        return msg("it is a folder reference (. or ..)")
    if name != name.rstrip(". "):
        return msg("it ends with a dot or a space")
    if _is_device_name(name):
        return msg("it is a device name on Windows")
    return None


def _is_device_name(name: str) -> bool:
    return name.split(".")[0].strip().upper() in WINDOWS_DEVICES


def clean_filename(name: str) -> str:
    """A safe name close to ``name``: controls and direction marks dropped, separators (/ \\ :) made
    "_", trailing dots and spaces trimmed, a Windows device name prefixed with "_", cut to 255 UTF-8
    bytes keeping the extension; nothing usable left gives "attachment". Safe names are unchanged."""
    kept = "".join(
        "_" if ch in _SEPARATORS else ch
        for ch in name
        if unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS
    )
    kept = kept.strip().rstrip(". ")
    if not kept or set(kept) <= {".", "_"}:
        return FALLBACK_NAME
    if _is_device_name(kept):
        kept = "_" + kept
    return _shortened(kept)


def _shortened(name: str) -> str:
    """At most 255 UTF-8 bytes (and characters), cut from the stem so the extension survives."""
    if len(name) <= FILENAME_MAX_CHARS and len(name.encode("utf-8")) <= FILENAME_MAX_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 16:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    budget = FILENAME_MAX_BYTES - len(suffix.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget or len(stem) + len(suffix) > FILENAME_MAX_CHARS:
        stem = stem[:-1]
    return (stem.rstrip(". ") or FALLBACK_NAME) + suffix


def size_problem(size: int) -> Message | None:
    """Why a file of ``size`` bytes cannot be attached, or None."""
    if size <= 0:
        return msg("The file is empty.")
    if size > MAX_BYTES:
        return msg(
            "The file is {size_mb:.1f} MB; attachments are limited to 25 MB.", size_mb=size / 1024 / 1024
        )
    return None
