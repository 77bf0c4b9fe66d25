"""TrueType faces whose parsed metrics are kept between processes, keyed by the font file's content.

reportlab parses a face in pure Python (``TTFontFile.extractInfo``: the cmap, widths and glyph
offsets): about 50 ms for each Noto Sans SC face, most of a short export's font time. What it
computes depends only on the file's bytes and reportlab's code, so it is kept in the cache folder
(``paths.cache_dir() / "fonts"``) under the SHA-256 of the bytes, reportlab's version and Python's,
and read back with ``marshal`` (plain values only, never run). A missing, unreadable or foreign entry
means the face is parsed as before and the entry written again (atomically: a temp file renamed);
a cache folder that cannot be written only costs the parse. Everything else about a face is made as
reportlab makes it (the file's bytes, its table directory): ``tests/unit/reports/test_font_cache.py``
compares every attribute of a face made from the cache with reportlab's own, and the PDFs byte for
byte.

Reading an entry back is mostly ``marshal`` rebuilding the face's tables of ~30,000-40,000 entries.
One of them, ``glyphToChar`` (each glyph's characters: a list per glyph, the slowest to rebuild), is
read only by reportlab's text shaping (``uharfbuzz``), which DeliveryDesk does not use: it is kept as
its own marshal data and rebuilt on first use (``DEFERRED``): a third of reading an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from deliverydesk.paths import cache_dir

FORMAT = 2  # of an entry; a change of what is kept changes it
_SCALE = "_pdfScale"  # a function: made again from unitsPerEm, as reportlab makes it
DEFERRED = ("glyphToChar",)  # kept as marshal data of their own, rebuilt when first read


class _Source(io.BytesIO):
    """A font's bytes under the name reportlab gives the face's file (it names the file after it)."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def load_face(name: str, data: bytes, file_name: str, key_bytes: bytes | None = None) -> TTFont:
    """A TrueType font named ``name`` from ``data`` (the file's bytes, ``file_name`` as reportlab names
    the file), its metrics from the cache when it has them. ``key_bytes``: what identifies the
    content when ``data`` was derived from another file (an xz-compressed font: its compressed bytes)."""
    key = entry_key(key_bytes if key_bytes is not None else data)
    info = _read(key)
    font = _Font(name, _Source(data, file_name), info)
    if info is None and font.face.parsed is not None:
        _write(key, font.face.parsed)
    del font.face.parsed
    return font


def entry_key(content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()
    return f"{digest}-rl{reportlab.Version}-py{_PYTHON}-f{FORMAT}"


_PYTHON = f"{sys.version_info.major}{sys.version_info.minor}"


def entry_path(key: str) -> Path:
    return cache_dir() / "fonts" / f"{key}.marshal"


class _Face(TTFontFace):  # type: ignore[misc]
    """reportlab's face, whose ``extractInfo`` takes the cached result when there is one."""

    def __init__(self, source: _Source, info: dict[str, Any] | None) -> None:
        self.cached = info
        self.parsed: dict[str, Any] | None = None  # what a parse computed, to keep
        super().__init__(source)
        del self.cached

    def extractInfo(self, charInfo: int = 1) -> None:
        if self.cached is not None:
            self.__dict__.update(_restored(self.cached))
            self.deferred = dict(self.cached["deferred"])
            return
        before = dict(self.__dict__)
        super().extractInfo(charInfo)
        self.parsed = {
            key: value
            for key, value in self.__dict__.items()
            if key not in ("cached", "parsed") and (key not in before or before[key] is not value)
        }

    def __getattr__(self, name: str) -> Any:
        """A deferred table (``DEFERRED``), rebuilt on first use; then an attribute like any other."""
        deferred = self.__dict__.get("deferred")
        if deferred is None or name not in deferred:
            raise AttributeError(name)
        value = marshal.loads(deferred.pop(name))  # noqa: S302 (our own cache: plain values)
        setattr(self, name, value)
        if not deferred:
            del self.deferred
        return value


class _Font(TTFont):  # type: ignore[misc]
    """``TTFont.__init__`` of reportlab 5.1 with the face above (the test compares the two)."""

    def __init__(self, name: str, source: _Source, info: dict[str, Any] | None) -> None:
        self.fontName = name
        self.face = _Face(source, info)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)


# --- entries ---------------------------------------------------------------------------------------


def _kept(parsed: dict[str, Any]) -> dict[str, Any]:
    """Plain values only: the face's names (``TTFNameBytes``) as their bytes, no functions; the
    deferred tables as marshal data of their own."""
    names = {key: bytes(value) for key, value in parsed.items() if isinstance(value, TTFNameBytes)}
    deferred = {key: marshal.dumps(parsed[key]) for key in DEFERRED if key in parsed}
    plain = {
        key: value
        for key, value in parsed.items()
        if key not in names and key not in deferred and key != _SCALE
    }
    return {"format": FORMAT, "names": names, "plain": plain, "deferred": deferred}


def _restored(entry: dict[str, Any]) -> dict[str, Any]:
    values = dict(entry["plain"])
    values.update({key: TTFNameBytes(value) for key, value in entry["names"].items()})
    values[_SCALE] = _scale(values["unitsPerEm"])
    return values


def _scale(units_per_em: int) -> Any:
    """reportlab's scale from font units to 1/1000 em (``extractInfo``), made the same way."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _read(key: str) -> dict[str, Any] | None:
    try:
        entry = marshal.loads(entry_path(key).read_bytes())  # noqa: S302 (our own cache: plain values)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (
        isinstance(entry, dict)
        and entry.get("format") == FORMAT
        and isinstance(entry.get("names"), dict)
        and isinstance(entry.get("plain"), dict)
        and isinstance(entry["plain"].get("unitsPerEm"), int)
        and isinstance(entry.get("deferred"), dict)
        and all(isinstance(entry["deferred"].get(key), bytes) for key in DEFERRED)
    ):
        return None
    return entry


def _write(key: str, parsed: dict[str, Any]) -> None:
    """Keep a parse for the next process; a folder that cannot be written is no error."""
    path = entry_path(key)
    try:
        data = marshal.dumps(_kept(parsed))
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return
    _remove_outdated(path)


def _remove_outdated(current: Path) -> None:
    """The same font's entries for this Python made by an older reportlab or an older format: no
    process of this installation reads them again (another Python's entries may still be in use by
    another installation, so they stay)."""
    digest = current.name.split("-", 1)[0]
    for path in current.parent.glob(f"{digest}-rl*-py{_PYTHON}-f*.marshal"):
        if path != current:
            with contextlib.suppress(OSError):
                path.unlink()
