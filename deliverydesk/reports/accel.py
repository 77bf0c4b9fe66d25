"""Three of reportlab's TrueType font methods and its image loading, with the same results for
less work (issue 16).

- ``TTFont.stringWidth`` remembers each (text, size) it measured: line breaking measures every word
  of every paragraph and table cell, and the same words, dates and labels come back all the time.
  A width depends only on the face's metrics, which never change once a face is registered.
- ``TTFont.splitString`` (text -> the font subsets' byte strings, for every piece of text drawn)
  loops over the characters in Python, assigning each its subset code the first time the document
  uses it. Once every character of a text has its code, the answer is those codes, which
  ``map`` reads in C; any character without one yet (or U+00A0, which reportlab maps to a space,
  or one the face lacks) goes the original way, which assigns it exactly as before.
- ``TTFontFile.get_table("glyf")``: making each font subset of a document (one per 256 characters
  and face) copied the face's whole glyph table first (9 MB for Noto Sans SC) to cut its glyphs out
  of the copy; the table is now a window on the file's bytes that cuts them out directly.
- ``PDFImageXObject.loadImageFromSRC``: every document compressed the letterhead logo's and the
  signatures' pixels again. An image reader marked with ``keep_stream`` (the decoded PNGs that
  ``blocks`` keeps for the whole process) keeps its compressed stream after the first document.
- ``_digester`` (reportlab's MD5 name for an image: of its pixels plus its transparency's, for
  every ``drawImage``, and of the transparency's again for every document): the pixels of a kept
  image reader are ``KeptPixels``, which remember their name and their concatenation with the
  transparency's pixels, so each is hashed once per process.

All of them wrap reportlab (5.1) internals; tests/unit/reports/test_fast_layout.py compares them with the
originals on the same texts and fails if reportlab changes them.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

MAX_WIDTHS = 50_000  # remembered widths per face before the memory starts over
_SUBSET = 8  # a subset code's high byte is its subset number


def _subset_of(code: int) -> int:
    return code >> _SUBSET


def install() -> None:
    """Replace the five functions (once per process)."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

    if getattr(TTFont.splitString, "accelerated", False):
        return
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfgen import canvas

    for module in (canvas, pdfdoc):
        module._digester = _remembered_digest(module._digester)  # type: ignore[attr-defined]
    TTFont.stringWidth = _remembering_width(TTFont.stringWidth)
    TTFont.splitString = _assigned_split(TTFont.splitString)
    TTFontFile.get_table = _windowed_glyphs(TTFontFile.get_table)
    PDFImageXObject.loadImageFromSRC = _kept_image_streams(PDFImageXObject.loadImageFromSRC)


_STREAM_FIELDS = ("width", "height", "streamContent", "_filters", "colorSpace", "bitsPerComponent")


def keep_stream(reader: Any) -> None:
    """Let ``reader`` (an ImageReader whose pixels never change, decoded: ``getRGBData`` called)
    keep its compressed stream and its pixels' name, and its transparency's (a PNG's alpha channel)
    too."""
    for kept in (reader, getattr(reader, "_dataA", None)):
        if kept is not None:
            kept.accel_keep_stream = True
            kept._data = KeptPixels(kept.getRGBData())


class KeptPixels(bytes):
    """A kept image's pixels: bytes that remember their MD5 name (``accel_digest``) and their
    concatenation with other bytes (drawImage names an image after its pixels + its mask's)."""

    accel_digest: str

    def __add__(self, other: Any) -> Any:
        if not isinstance(other, bytes):
            return bytes.__add__(self, other)
        joined = self.__dict__.setdefault("accel_joined", {})
        found = joined.get(other)
        if found is None:
            found = joined[other] = KeptPixels(bytes.__add__(self, other))
        return found


def _remembered_digest(original: Any) -> Any:
    def digest(data: Any) -> Any:
        if type(data) is not KeptPixels:
            return original(data)
        name = data.__dict__.get("accel_digest")
        if name is None:
            name = data.accel_digest = original(data)
        return name

    digest.original = original  # type: ignore[attr-defined]
    return digest


def _kept_image_streams(original: Any) -> Any:
    def load_image_from_src(self: Any, image: Any) -> None:
        if not getattr(image, "accel_keep_stream", False):
            original(self, image)
            return
        kept = image.__dict__.get("_accel_stream")
        if kept is None:
            original(self, image)
            image._accel_stream = tuple(getattr(self, name) for name in _STREAM_FIELDS)
            return
        for name, value in zip(_STREAM_FIELDS, kept, strict=True):
            setattr(self, name, value)
        self._checkTransparency(image)

    load_image_from_src.original = original  # type: ignore[attr-defined]
    return load_image_from_src


class TableWindow:
    """A table of a font file: slicing it cuts the bytes straight out of the file's data."""

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, step = part.indices(self.length)
        if step != 1:
            return bytes(self)[part]
        return self.data[self.start + start : self.start + max(start, stop)]

    def __bytes__(self) -> bytes:
        return self.data[self.start : self.start + self.length]


def _windowed_glyphs(original: Any) -> Any:
    def get_table(self: Any, tag: str) -> Any:
        if tag != "glyf":
            return original(self, tag)
        start, length = self.get_table_pos(tag)
        return TableWindow(self._ttf_data, start, length)

    get_table.original = original  # type: ignore[attr-defined]
    return get_table


def _remembering_width(original: Any) -> Any:
    def string_width(self: Any, text: Any, size: float, encoding: str = "utf8") -> Any:
        if encoding != "utf8":
            return original(self, text, size, encoding)
        widths = self.__dict__.get("_accel_widths")
        if widths is None or len(widths) > MAX_WIDTHS:
            widths = self._accel_widths = {}
        key = (text, size)
        width = widths.get(key)
        if width is None:
            width = widths[key] = original(self, text, size, encoding)
        return width

    string_width.original = original  # type: ignore[attr-defined]
    return string_width


def _assigned_split(original: Any) -> Any:
    def split_string(self: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is None:
            return original(self, text, doc, encoding)
        # A character's code in a document's subset never changes once assigned, so neither does the
        # split of a text whose characters all have one: tables repeat their texts (dates, statuses).
        splits = state.__dict__.setdefault("_accel_splits", {})
        split = splits.get(text)
        if split is None:
            split = _split_assigned(state, text)
            if split is None:  # a character new to this document (or U+00A0, or one the face lacks)
                return original(self, text, doc, encoding)
            if len(splits) < MAX_WIDTHS:
                splits[text] = split
        return list(split)

    split_string.accelerated = True  # type: ignore[attr-defined]
    split_string.original = original  # type: ignore[attr-defined]
    return split_string


def _split_assigned(state: Any, text: str) -> tuple[tuple[int, bytes], ...] | None:
    """The text's runs of codes per subset, when every character already has its code (else None)."""
    try:
        codes = list(map(state.assignments.__getitem__, map(ord, text)))
    except KeyError:
        return None
    if not codes:
        return ()
    if max(codes) < 1 << _SUBSET:
        return ((0, bytes(codes)),)
    return tuple((subset, bytes(c & 0xFF for c in group)) for subset, group in groupby(codes, _subset_of))
