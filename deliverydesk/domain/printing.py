"""What the documents can print: a character no document font has is refused where it is typed, and
so is a control character (NUL, escape, a direction override), named with where it is.

The fonts (``reports.fonts``: Noto Sans SC, DejaVu Sans, HanaMinB for CJK Extension B) cover Latin,
Greek, Cyrillic, the technical symbols, full-width forms and CJK with Extensions A and B; emoji and the
scripts they do not cover (Arabic, Hebrew, Thai, Devanagari...) would print as an empty box. Every text
field that prints is checked with ``unprintable_reason`` (the validation ``Checker`` does it for the
drafts), and the message names the characters, so the user can remove them before anything prints.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass

from deliverydesk.domain.glyph_ranges import PRINTABLE_RANGES
from deliverydesk.errors import RuleError
from deliverydesk.i18n import Message, msg, msg_n

LINE_BREAKS_AND_TABS = frozenset("\n\r\t")
MAX_NAMED = 3  # characters named in one message
SNIPPET = 60  # characters of the text quoted in a refusal
_STARTS = [low for low, _high in PRINTABLE_RANGES]
CONTEXT = 20  # characters quoted before a control character, to say where it is
# Unicode's invisible bidirectional controls: marks, embeddings, overrides and isolates.
DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x1b": "ESCAPE", "\x7f": "DELETE"}


def can_print(char: str) -> bool:
    if char in LINE_BREAKS_AND_TABS:
        return True
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= PRINTABLE_RANGES[index][1]


def unprintable_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` no document font has, in the order they appear."""
    return [char for char in dict.fromkeys(text) if not can_print(char)]


def describe(char: str) -> str:
    """“😀” (U+1F600 GRINNING FACE); an invisible character by its code and name only."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}" + (f" {name}" if name else "")
    visible = unicodedata.category(char)[0] not in "CZ" and unicodedata.category(char) != "Mn"
    return f"“{char}” ({code})" if visible else code


# Control characters (Unicode's category Cc: C0, DELETE and C1) but tab and the line breaks; and the
# same with the direction controls. One pattern each: a field holds thousands of characters (a client's
# notes), and a Python test per character cost ~0.15 ms per 1,000 of them.
_CC_BUT_BREAKS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROLS = re.compile(f"[{_CC_BUT_BREAKS}]")
CONTROLS_AND_DIRECTION = re.compile(f"[{_CC_BUT_BREAKS}{''.join(sorted(DIRECTION_CONTROLS))}]")


def control_reason(texts: str | Iterable[str], *, direction: bool = True) -> Message | None:
    """Why ``texts`` are refused for holding a control character (None when none does): the first
    one named, and where it is (a NUL pasted from a terminal is invisible in the field).

    Text that prints refuses direction controls too ("invoice", U+202E, "fdp.exe" reads
    "invoiceexe.pdf" on a signed letter); text that never prints may keep them (notes written in a
    right-to-left script)."""
    pattern = CONTROLS_AND_DIRECTION if direction else CONTROLS
    for text in [texts] if isinstance(texts, str) else texts:
        found = pattern.search(text)
        if found is None:
            continue
        position = found.start()
        named = _control_name(text[position])
        if position == 0:
            return msg("The text starts with a control character, {named}. Remove it.", named=named)
        before = re.sub(r"\s", " ", text[max(0, position - CONTEXT) : position])  # on one line
        return msg(
            "The text holds a control character, {named}, at character {position} (after “{before}”)."
            " Remove it.",
            named=named,
            position=position + 1,
            before=before,
        )
    return None


def _control_name(char: str) -> str:
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def unprintable_reason(texts: str | Iterable[str]) -> Message | None:
    """Why ``texts`` cannot be printed (None when they can): a control character named with where it
    is, else the characters no font has named, at most three."""
    control = control_reason(texts)
    if control is not None:
        return control
    found: dict[str, None] = {}
    for text in [texts] if isinstance(texts, str) else texts:
        found.update(dict.fromkeys(unprintable_characters(text)))
    if not found:
        return None
    chars = list(found)
    named = ", ".join(describe(char) for char in chars[:MAX_NAMED])
    more = len(chars) - MAX_NAMED
    if more > 0:
        return msg(
            "Documents cannot print {named} and {more} more: no document font has them. Remove them.",
            named=named,
            more=more,
        )
    return msg_n(
        "Documents cannot print {named}: no document font has it. Remove it.",
        "Documents cannot print {named}: no document font has them. Remove them.",
        len(chars),
        named=named,
    )


def strings_in(value: object) -> Iterator[str]:
    """Every string held by a value: dataclass fields, tuples, lists and dict values, nested."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from strings_in(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)


def check_printable(document: object) -> None:
    """Refuse to print a document holding a character no font has (data typed before the input
    rules refused it): it would print as an empty box. The hint quotes the text it is in."""
    for text in strings_in(document):
        reason = unprintable_reason(text)
        if reason is not None:
            line = next(line for line in text.splitlines() or [text] if unprintable_characters(line))
            quoted = line if len(line) <= SNIPPET else line[: SNIPPET - 1] + "…"
            raise RuleError(
                reason, msg("It is in “{quoted}”: correct that record, then try again.", quoted=quoted)
            )
